package org.harbor.usecases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.harbor.central.CentralStore;

/**
 * Two versions of one case side by side (issue 17, conflicts): one row per field that either
 * version has (case number, sealing time, each person's name and aliases by role and order, each answer), with the
 * filed value, the other value and whether they differ. The same rows on the desktop and the CLI.
 */
public final class CompareCaseVersions {

    private CompareCaseVersions() {
    }

    /** A row: field, filed value, other value, and "same" or "differs". */
    public static List<String[]> rows(CentralStore.ConflictPair pair) {
        Map<String, String> filed = fields(pair.current());
        Map<String, String> other = pair.other() == null ? Map.of() : fields(pair.other());
        Set<String> keys = new LinkedHashSet<>(filed.keySet());
        keys.addAll(other.keySet());
        List<String[]> out = new ArrayList<>();
        for (String key : keys) {
            String a = filed.getOrDefault(key, "");
            String b = other.getOrDefault(key, "");
            out.add(new String[] {key, a, b, a.equals(b) ? "same" : "differs"});
        }
        return out;
    }

    private static Map<String, String> fields(CentralStore.VersionView v) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("number", v.number());
        out.put("sealed_at", String.valueOf(v.sealedAt()));
        out.put("seals", Integer.toString(v.seals()));
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (CentralStore.PersonView p : v.persons()) {
            int n = seen.merge(p.role(), 1, Integer::sum);
            out.put("person " + p.role() + " " + n, p.name() + (p.aliases().isEmpty() ? "" : " (" + String.join(", ", p.aliases()) + ")"));
        }
        for (CentralStore.AnswerView a : v.answers()) {
            out.put(a.path(), a.value() != null ? a.value() : a.nonResponse() != null ? "[" + a.nonResponse() + "]" : "");
        }
        return out;
    }
}
