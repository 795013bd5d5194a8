package org.harbor.seal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.harbor.crypto.CanonicalJson;

/**
 * The answer digests that format-2 seals of a case hold (ADR 0009), by submission and path: what a
 * package's carried answers are checked against and what its withheld list must account for.
 */
final class SealDigests {

    private SealDigests() {
    }

    /** The format of the content a seal signs (1 for seals made before answers were digested). */
    static long format(SealRecord seal) {
        try {
            Object parsed = CanonicalJson.parse(seal.content().getBytes(StandardCharsets.UTF_8), 64);
            return parsed instanceof Map<?, ?> m && m.get("format") instanceof Long f ? f : SealUnits.FORMAT_WHOLE_ANSWERS;
        } catch (CanonicalJson.MalformedException e) {
            return SealUnits.FORMAT_WHOLE_ANSWERS;
        }
    }

    /** For each answer key, the digests the case's format-2 session and case seals give it. */
    static Map<String, Set<String>> of(List<SealRecord> seals) {
        Map<String, Set<String>> out = new HashMap<>();
        for (SealRecord seal : seals) {
            if (seal.kind() == SealKind.ADDENDUM || format(seal) < SealUnits.FORMAT) {
                continue;
            }
            Map<?, ?> content;
            try {
                content = SealRecord.map(CanonicalJson.parse(seal.content().getBytes(StandardCharsets.UTF_8), 64));
            } catch (CanonicalJson.MalformedException e) {
                throw new IllegalArgumentException("a seal's content is not canonical JSON");
            }
            Map<?, ?> unit = SealRecord.map(content.get("unit"));
            List<?> sessions = seal.kind() == SealKind.CASE ? SealRecord.list(unit.get("sessions")) : List.of(unit);
            for (Object s : sessions) {
                for (Object a : SealRecord.list(SealRecord.map(s).get("answers"))) {
                    Map<?, ?> answer = SealRecord.map(a);
                    out.computeIfAbsent(SealUnits.Opening.key(SealRecord.text(answer.get("submission")),
                            SealRecord.text(answer.get("path"))), k -> new HashSet<>()).add(SealRecord.text(answer.get("digest")));
                }
            }
        }
        return out;
    }

    /** Whether any seal of the case (not an addendum) still carries whole answers: nothing can be withheld from it. */
    static boolean anyWholeAnswers(List<SealRecord> seals) {
        return seals.stream().anyMatch(s -> s.kind() != SealKind.ADDENDUM && format(s) < SealUnits.FORMAT);
    }
}
