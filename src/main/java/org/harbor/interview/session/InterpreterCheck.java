package org.harbor.interview.session;

/**
 * The conflict check an interpreter must pass (DOMAIN.md R16): not family of the survivor, not
 * an employer, not linked to the suspected exploiter.
 */
public record InterpreterCheck(boolean family, boolean employer, boolean linkedToExploiter) {

    public static final InterpreterCheck CLEAR = new InterpreterCheck(false, false, false);

    public boolean conflicted() {
        return family || employer || linkedToExploiter;
    }
}
