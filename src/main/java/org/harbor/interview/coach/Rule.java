package org.harbor.interview.coach;

import java.util.List;

/**
 * The coach's rules, in the order they are tried. The id is stable (it names the i18n key
 * {@code coach.rule.<id>}); the English reason is for logs and tests. "{0}" is the evidence.
 */
enum Rule {
    EMPTY("empty", QuestionType.FAC, "Nothing to classify."),
    PROMISE("promise", QuestionType.PROM, "Promises or guarantees something that may not be in your power ({0}); say what you can do instead."),
    TAG("tag-question", QuestionType.SUG_TAG, "Ends with a tag ({0}) that signals the expected answer."),
    NEGATIVE("negative-question", QuestionType.SUG_NEG, "Starts with a negative ({0}) that pushes towards agreeing."),
    MISQUOTE("misquotes-survivor", QuestionType.SUG_PRES, "Attributes words to the survivor that they have not said: {0}."),
    PRESUMES("presumes-undisclosed", QuestionType.SUG_PRES, "Takes for granted something the survivor has not said: {0}."),
    PRESUMES_PERSON("presumes-person", QuestionType.SUG_PRES, "Takes for granted a person the survivor has not mentioned: {0}."),
    STATEMENT_SLIPS_IN("suggestive-statement", QuestionType.SUG_PRES, "States as fact something the survivor has not said: {0}."),
    MULTIPLE("multiple-questions", QuestionType.MULT, "Asks more than one question at once ({0}); ask one at a time."),
    WELFARE("welfare-check", QuestionType.WELF, "A welfare or procedural check ({0}), not a question about what happened."),
    FAUX("tell-me-wrapping-question", QuestionType.FAUX, "A \"tell me\" wrapping a closed question ({0}); it can be answered in one word."),
    CHOICE("forced-choice", QuestionType.OP_FC, "Offers alternatives ({0}); the answer may be picked even if neither is right."),
    YES_NO("yes-no-question", QuestionType.OP_YN, "A yes/no question ({0}): it proposes instead of inviting recall."),
    WH("wh-question", QuestionType.DIR, "A wh- question ({0}) about a detail; pair it with an open invitation."),
    CUED("cued-invitation", QuestionType.CINV, "An open invitation cued with the survivor's own words ({0})."),
    INVITATION("invitation", QuestionType.INV, "An open invitation to tell more ({0})."),
    ECHO("echo", QuestionType.FAC, "Repeats the survivor's own words ({0})."),
    ENCOURAGER("minimal-encourager", QuestionType.FAC, "A minimal encourager ({0})."),
    STATEMENT("statement", QuestionType.FAC, "A statement, not a question or prompt.");

    private final String id;
    private final QuestionType type;
    private final String reason;

    Rule(String id, QuestionType type, String reason) {
        this.id = id;
        this.type = type;
        this.reason = reason;
    }

    String id() {
        return id;
    }

    QuestionType type() {
        return type;
    }

    String reason(List<String> evidence) {
        return reason.replace("{0}", String.join(", ", evidence));
    }
}
