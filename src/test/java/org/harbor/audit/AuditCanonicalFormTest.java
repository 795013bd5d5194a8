package org.harbor.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.harbor.crypto.CanonicalJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, "one canonical JSON for seals and the audit log": the audit chain is now written by
 * {@link CanonicalJson} (RFC 8785), as seals are. Chains written before were hashed over the JSON of
 * Jackson with keys sorted; this test keeps that writer, as it was in {@code AuditLog}, and shows the
 * two give the same text for every entry the log can hold, so every existing chain still verifies
 * (a chain's hashes depend on nothing else). The one difference, upper- against lower-case hex in
 * {@code \\u00xx} escapes, is for control characters that no audit value holds: values are ids, codes,
 * counts and instants, never free text.
 */
@DisplayName("One canonical JSON for seals and the audit log")
class AuditCanonicalFormTest {

    /** The audit log's writer before issue 13. */
    private static final ObjectMapper LEGACY = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private static String legacy(Map<String, ?> map) throws Exception {
        return LEGACY.writeValueAsString(map);
    }

    private static String legacyEntry(long seq, String at, String actor, String action, String target, Map<String, String> details)
            throws Exception {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("action", action);
        entry.put("actor", actor);
        entry.put("at", at);
        entry.put("details", legacy(new TreeMap<>(details)));
        entry.put("seq", seq);
        entry.put("target", target);
        return legacy(entry);
    }

    private static void assertSameEntry(long seq, String at, String actor, String action, String target, Map<String, String> details)
            throws Exception {
        String detailJson = CanonicalJson.write(details);
        assertEquals(legacy(new TreeMap<>(details)), detailJson, "details " + details.keySet());
        assertEquals(legacyEntry(seq, at, actor, action, target, details), AuditLog.canonical(seq, at, actor, action, target, detailJson));
    }

    @Test
    @DisplayName("every action, with the ids, counts, codes and times audit entries carry, hashes as it did before")
    void everyActionAsBefore() throws Exception {
        List<String> actions = new ArrayList<>();
        for (Field f : AuditActions.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                f.setAccessible(true);
                actions.add((String) f.get(null));
            }
        }
        assertTrue(actions.size() > 20, actions.toString());
        long seq = 1;
        for (String action : actions) {
            String caseId = UUID.randomUUID().toString();
            assertSameEntry(seq++, "2026-12-04T15:30:01.123456Z", "user:" + seq, action, caseId,
                    Map.of("case", caseId, "kind", "interview", "count", "12", "reason", "quick-hide", "by", "recovery_key"));
            assertSameEntry(seq++, "2026-12-04T15:30:02Z", "system", action, null, Map.of());
        }
        assertSameEntry(Integer.MAX_VALUE + 5L, "2026-12-04T15:30:02Z", "user:1", "x", "y", Map.of("fingerprint", "RWQ+/=ab"));
    }

    @Test
    @DisplayName("any text without escaped control characters other than \\b \\t \\n \\f \\r gives the same bytes both ways")
    void sameForAnyOrdinaryText() throws Exception {
        char[] pool = ("abcXYZ019 \"\\/'{}[]:,\b\t\n\f\r\u007f\u0080\u00f1\u00e9\u0639\u0631\u0628\u064a\u05d0"
                + "\u2028\u2029\u20ac\ufb33\ufeff\uffff").toCharArray();
        String[] astral = {"\ud83d\ude00", "\ud800\udc00", "\udbff\udfff"};
        Random random = new Random(8785);
        for (int i = 0; i < 3000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(24); n > 0; n--) {
                s.append(random.nextInt(10) == 0 ? astral[random.nextInt(astral.length)] : String.valueOf(pool[random.nextInt(pool.length)]));
            }
            String v = s.toString();
            assertSameEntry(i, v, v, v, v, Map.of(v.isEmpty() ? "k" : v, v, "k2", v));
        }
    }

    @Test
    @DisplayName("the one difference: other control characters, which audit values never hold, escape in lower-case hex now")
    void theOneDifference() throws Exception {
        assertEquals("{\"k\":\"\\u001F\"}", legacy(Map.of("k", "\u001f")));
        assertEquals("{\"k\":\"\\u001f\"}", CanonicalJson.write(Map.of("k", "\u001f")));
        assertNotEquals(legacy(Map.of("k", "\u000b")), CanonicalJson.write(Map.of("k", "\u000b")));
    }
}
