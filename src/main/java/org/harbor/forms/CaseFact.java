package org.harbor.forms;

/**
 * The current value of an ask-once fact of a case and who recorded it.
 *
 * @param key the fact key, e.g. {@code survivor.claimed_age}
 * @param value the value in XForm instance form
 * @param recordedAt ISO-8601 instant
 * @param recordedBy user id
 * @param recordedRole the recorder's role code at the time
 */
public record CaseFact(String key, String value, String recordedAt, long recordedBy, String recordedRole) {

    @Override
    public String toString() {
        return "CaseFact[" + key + ", " + recordedRole + ", " + recordedAt + "]";
    }
}
