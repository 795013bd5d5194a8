package org.harbor.cases;

/**
 * One row of the case list. {@code toString} leaves the name out, so a logged list never carries it.
 *
 * @param survivorName the survivor's display name, or empty before one is recorded
 */
public record CaseSummary(String id, String number, CaseStatus status, String survivorName, String openedAt,
                          long openedBy, Long leadWorker, String updatedAt) {

    @Override
    public String toString() {
        return "CaseSummary[id=" + id + ", number=" + number + ", status=" + status.code() + "]";
    }
}
