package org.harbor.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.harbor.accounts.EmergencyContact;
import org.harbor.crypto.CanonicalJson;

/**
 * The organisation's settings as the office publishes them (ADR 0017): a JSON object with any of
 * {@code breakMinutes} (the interview's break offer), {@code reportJurisdiction} (the mandatory-report
 * rule pack, "" for none) and {@code emergencyContacts} ({@code country} and {@code contacts}, each
 * with {@code name}, {@code number} and {@code whenToCall}). A field left out is left as the laptop
 * has it. Only the shape is checked here; the values go through the checks of Settings.
 *
 * <pre>
 * {"breakMinutes": 30, "reportJurisdiction": "US",
 *  "emergencyContacts": {"country": "US", "contacts": [{"name": "...", "number": "...", "whenToCall": "..."}]}}
 * </pre>
 */
public record PublishedSettings(Integer breakMinutes, String reportJurisdiction, String country, List<EmergencyContact> contacts) {

    static final int MAX_BYTES = 64 << 10;
    private static final Set<String> FIELDS = Set.of("breakMinutes", "reportJurisdiction", "emergencyContacts");

    public PublishedSettings {
        contacts = contacts == null ? null : List.copyOf(contacts);
    }

    /** Whether the emergency panel's contacts are part of it. */
    public boolean hasEmergencyContacts() {
        return contacts != null;
    }

    /** @throws PublicationRefused ({@link PublicationCheck#SETTINGS}) when the bytes are not such an object */
    public static PublishedSettings parse(byte[] json) {
        try {
            if (json.length > MAX_BYTES || !(CanonicalJson.parse(json, 5) instanceof Map<?, ?> m) || m.isEmpty()
                    || !FIELDS.containsAll(m.keySet())) {
                throw new PublicationRefused(PublicationCheck.SETTINGS);
            }
            Integer breakMinutes = null;
            if (m.containsKey("breakMinutes")) {
                if (!(m.get("breakMinutes") instanceof Long minutes) || minutes < 0 || minutes > 10_000) {
                    throw new PublicationRefused(PublicationCheck.SETTINGS);
                }
                breakMinutes = minutes.intValue();
            }
            String jurisdiction = m.containsKey("reportJurisdiction") ? text(m.get("reportJurisdiction"), 20) : null;
            String country = null;
            List<EmergencyContact> contacts = null;
            if (m.containsKey("emergencyContacts")) {
                if (!(m.get("emergencyContacts") instanceof Map<?, ?> e) || !Set.of("country", "contacts").containsAll(e.keySet())
                        || !(e.get("contacts") instanceof List<?> rows)) {
                    throw new PublicationRefused(PublicationCheck.SETTINGS);
                }
                country = e.get("country") == null ? null : text(e.get("country"), 2);
                contacts = new ArrayList<>();
                for (Object row : rows) {
                    if (!(row instanceof Map<?, ?> r) || !Set.of("name", "number", "whenToCall").containsAll(r.keySet())) {
                        throw new PublicationRefused(PublicationCheck.SETTINGS);
                    }
                    contacts.add(new EmergencyContact(text(r.get("name"), 1000), text(r.get("number"), 1000),
                            r.get("whenToCall") == null ? "" : text(r.get("whenToCall"), 1000)));
                }
            }
            return new PublishedSettings(breakMinutes, jurisdiction, country, contacts);
        } catch (CanonicalJson.MalformedException e) {
            throw new PublicationRefused(PublicationCheck.SETTINGS);
        }
    }

    private static String text(Object value, int max) {
        if (!(value instanceof String s) || s.length() > max) {
            throw new PublicationRefused(PublicationCheck.SETTINGS);
        }
        return s;
    }

    /** The canonical JSON of these settings (what is signed and published). */
    public byte[] toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (breakMinutes != null) {
            m.put("breakMinutes", breakMinutes);
        }
        if (reportJurisdiction != null) {
            m.put("reportJurisdiction", reportJurisdiction);
        }
        if (contacts != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            if (country != null) {
                e.put("country", country);
            }
            List<Object> rows = new ArrayList<>();
            for (EmergencyContact c : contacts) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("name", c.name());
                r.put("number", c.number());
                r.put("whenToCall", c.whenToCall());
                rows.add(r);
            }
            e.put("contacts", rows);
            m.put("emergencyContacts", e);
        }
        return CanonicalJson.bytes(m);
    }
}
