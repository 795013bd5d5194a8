package org.harbor.interview.profile;

import java.util.List;
import java.util.Objects;

/**
 * What to do when the interviewee stays reluctant (DOMAIN.md R15): support without suggestion,
 * then end on rapport and, where the protocol allows, schedule a second session rather than press.
 *
 * @param returnToPhase         the id of the phase the session goes back to and ends on
 * @param scheduleSecondSession whether the path offers a second session
 * @param note                  the path in words, for the interviewer
 * @param supportiveStatements  statements the interviewer may use; they never name a person,
 *                              place, object or act, so they cannot carry allegation content
 * @param source                the tag of the citation the path paraphrases
 */
public record ReluctancePath(String returnToPhase, boolean scheduleSecondSession, LocalizedText note,
                             List<LocalizedText> supportiveStatements, String source) {

    public ReluctancePath {
        Objects.requireNonNull(returnToPhase, "returnToPhase");
        Objects.requireNonNull(note, "note");
        supportiveStatements = List.copyOf(supportiveStatements);
        Objects.requireNonNull(source, "source");
    }
}
