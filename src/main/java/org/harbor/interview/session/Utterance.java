package org.harbor.interview.session;

/**
 * One entry of the utterance log. {@code toString} leaves the text out, so a logged entry never
 * carries what was said.
 *
 * @param offsetMillis time since the interview started
 * @param label the coach's question type for a question, else null
 */
public record Utterance(long id, Kind kind, String text, boolean verbatim, long offsetMillis, String phase,
                        String label, String ruleId) {

    public enum Kind { QUESTION, ANSWER, NOTE }

    @Override
    public String toString() {
        return "Utterance[id=" + id + ", kind=" + kind + ", label=" + label + "]";
    }
}
