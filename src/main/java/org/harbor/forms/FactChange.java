package org.harbor.forms;

/** An earlier value of a fact, kept when it was corrected: what it was, who changed it, when and why. */
public record FactChange(String key, String oldValue, String oldRecordedAt, long oldRecordedBy, String newValue,
                         String changedAt, long changedBy, String reason) {

    @Override
    public String toString() {
        return "FactChange[" + key + ", " + changedAt + "]";
    }
}
