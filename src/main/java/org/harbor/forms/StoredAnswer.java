package org.harbor.forms;

/**
 * One stored answer of a submission: a value or a non-response, never both.
 *
 * @param path the question's instance path with repeat positions, e.g. {@code /data/guardians[2]/name}
 * @param kind what the question is ({@code text}, {@code select one}, {@code repeat} for an entry)
 * @param value the value in XForm instance form (dates {@code yyyy-MM-dd}, choices space-separated), or null
 * @param nonResponse why there is no value, or null
 * @param notAskedReason with {@link NonResponse#NOT_ASKED}, why; else null
 */
public record StoredAnswer(String path, String kind, String value, NonResponse nonResponse, NotAskedReason notAskedReason) {

    @Override
    public String toString() {
        return "StoredAnswer[" + path + ", " + kind + (nonResponse == null ? "" : ", " + nonResponse.code()) + "]";
    }
}
