package org.harbor.interview.profile;

import java.util.ArrayList;
import java.util.List;

/** Every human-readable text of a profile, each with where it sits, for checks over all of them. */
final class ProfileTexts {

    record Labelled(String where, LocalizedText text) {
    }

    private ProfileTexts() {
    }

    static List<Labelled> of(ProtocolProfile profile) {
        List<Labelled> texts = new ArrayList<>();
        String at = profile.id();
        texts.add(new Labelled(at + " name", profile.name()));
        for (Phase phase : profile.phases()) {
            String p = at + " " + phase.id();
            texts.add(new Labelled(p + " name", phase.name()));
            texts.add(new Labelled(p + " goal", phase.goal()));
            phase.caution().ifPresent(c -> texts.add(new Labelled(p + " caution", c)));
            for (int i = 0; i < phase.checklist().size(); i++) {
                texts.add(new Labelled(p + " checklist[" + i + "]", phase.checklist().get(i)));
            }
            for (int i = 0; i < phase.prompts().size(); i++) {
                texts.add(new Labelled(p + " prompts[" + i + "]", phase.prompts().get(i).text()));
            }
        }
        ReluctancePath reluctance = profile.reluctance();
        texts.add(new Labelled(at + " reluctance note", reluctance.note()));
        for (int i = 0; i < reluctance.supportiveStatements().size(); i++) {
            texts.add(new Labelled(at + " supportiveStatements[" + i + "]", reluctance.supportiveStatements().get(i)));
        }
        return texts;
    }

    /** Every suggested prompt of every phase, each with where it sits. */
    static List<Labelled> prompts(ProtocolProfile profile) {
        List<Labelled> prompts = new ArrayList<>();
        for (Phase phase : profile.phases()) {
            for (int i = 0; i < phase.prompts().size(); i++) {
                prompts.add(new Labelled(profile.id() + " " + phase.id() + " prompts[" + i + "]",
                        phase.prompts().get(i).text()));
            }
        }
        return prompts;
    }
}
