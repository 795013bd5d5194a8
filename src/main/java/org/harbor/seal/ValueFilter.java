package org.harbor.seal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harbor.consent.ConsentPurpose;
import org.harbor.consent.Sharing;

/**
 * Which answers of a case leave in a package and under which purposes (issue 12; R8, R12): an
 * answer tagged {@code harbor:purpose} goes out under each of its purposes that has a consent that
 * counts or a recorded lawful basis, and is withheld when none has; an untagged answer is part of
 * the record itself and goes out under the package's purpose, which the case must be allowed.
 */
final class ValueFilter {

    /** An answer that goes out, and the purposes it may be used for. */
    record Carried(SealUnits.Opening opening, List<String> under) {
    }

    /**
     * An answer left out: which, what it was tagged for and why each purpose does not allow it
     * ({@code purpose:reason}). Names of fields only, never values.
     */
    record Withheld(String caseId, String submission, String path, List<String> purposes, List<String> reasons) {

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("case", caseId);
            m.put("submission", submission);
            m.put("path", path);
            m.put("purposes", List.copyOf(purposes));
            m.put("reasons", List.copyOf(reasons));
            return m;
        }

        static Withheld fromJson(Object json) {
            Map<?, ?> m = SealRecord.map(json);
            List<String> purposes = new ArrayList<>();
            for (Object o : SealRecord.list(m.get("purposes"))) {
                purposes.add(SealRecord.text(o));
            }
            List<String> reasons = new ArrayList<>();
            for (Object o : SealRecord.list(m.get("reasons"))) {
                reasons.add(SealRecord.text(o));
            }
            return new Withheld(SealRecord.text(m.get("case")), SealRecord.text(m.get("submission")),
                    SealRecord.text(m.get("path")), purposes, reasons);
        }

        String key() {
            return SealUnits.Opening.key(submission, path);
        }
    }

    record Result(List<Carried> carried, List<Withheld> withheld) {
    }

    private ValueFilter() {
    }

    static Result decide(String caseId, Sharing sharing, ConsentPurpose exportPurpose, List<SealUnits.Opening> answers) {
        List<Carried> carried = new ArrayList<>();
        List<Withheld> withheld = new ArrayList<>();
        for (SealUnits.Opening answer : answers) {
            List<String> tags = answer.purposes();
            if (tags.isEmpty()) {
                carried.add(new Carried(answer, List.of(exportPurpose.code())));
                continue;
            }
            List<String> under = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            for (String tag : tags) {
                ConsentPurpose purpose = purpose(tag);
                if (purpose == null) {
                    reasons.add(tag + ":unknown_purpose");
                } else if (sharing.permits(purpose)) {
                    under.add(tag);
                } else {
                    reasons.add(tag + ":" + sharing.standing(purpose).reason().code());
                }
            }
            if (under.isEmpty()) {
                withheld.add(new Withheld(caseId, answer.submission(), answer.path(), tags, reasons));
            } else {
                carried.add(new Carried(answer, under));
            }
        }
        return new Result(carried, withheld);
    }

    private static ConsentPurpose purpose(String tag) {
        try {
            return ConsentPurpose.fromCode(tag);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
