package org.harbor.ui.interview;

import java.util.ArrayList;
import java.util.List;
import org.harbor.i18n.I18n;
import org.harbor.interview.coach.QuestionType;
import org.harbor.interview.profile.Phase;
import org.harbor.interview.profile.ProtocolProfile;
import org.harbor.interview.session.InterviewSummary;

/**
 * The stored summary of an interview, as the rows the summary screen shows: each question type
 * with its count and share, the open-prompt share, the pairing rate, breaks and time per phase.
 */
public final class SummaryRows {

    /** One labelled figure. */
    public record Row(String label, String count, String share) {
    }

    private final InterviewSummary summary;
    private final List<Row> types = new ArrayList<>();
    private final List<Row> phases = new ArrayList<>();
    private final List<Row> overall = new ArrayList<>();

    SummaryRows(InterviewSummary summary, ProtocolProfile profile, I18n i18n) {
        this.summary = summary;
        for (QuestionType type : QuestionType.values()) {
            int count = summary.counts().getOrDefault(type.code(), 0);
            types.add(new Row(type.code() + " · " + TypeNames.of(type, i18n), Integer.toString(count),
                    percent(summary.shares().getOrDefault(type.code(), 0.0))));
        }
        for (Phase phase : profile.phases()) {
            Long millis = summary.phaseMillis().get(phase.id());
            if (millis != null) {
                phases.add(new Row(phase.name().get(i18n.locale()), InterviewViewModel.clockText(millis), ""));
            }
        }
        overall.add(new Row(i18n.get("interview.summary.questions"), Integer.toString(summary.questions()), ""));
        overall.add(new Row(i18n.get("interview.summary.openShare"), percent(summary.openShare()), ""));
        overall.add(new Row(i18n.get("interview.summary.pairing"),
                summary.pairingRate() == null ? i18n.get("interview.summary.noFocused") : percent(summary.pairingRate()), ""));
        overall.add(new Row(i18n.get("interview.summary.breaks"), Integer.toString(summary.breaks()), ""));
        overall.add(new Row(i18n.get("interview.summary.duration"), InterviewViewModel.clockText(summary.totalMillis()), ""));
    }

    static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    public InterviewSummary summary() {
        return summary;
    }

    public List<Row> types() {
        return types;
    }

    public List<Row> phases() {
        return phases;
    }

    public List<Row> overall() {
        return overall;
    }
}
