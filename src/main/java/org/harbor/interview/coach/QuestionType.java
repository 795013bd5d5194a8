package org.harbor.interview.coach;

/**
 * The eleven interviewer-turn types of DOMAIN.md section 2, and two that issue 12 added: WELF, a
 * welfare or procedural check ("Would you like some water?"), which is no focused question, and
 * PROM, a promise or guarantee the interviewer cannot keep (R21: "I promise…", "you won't be
 * deported").
 */
public enum QuestionType {
    INV("INV"),
    CINV("CINV"),
    FAC("FAC"),
    DIR("DIR"),
    OP_YN("OP-YN"),
    OP_FC("OP-FC"),
    SUG_TAG("SUG-TAG"),
    SUG_NEG("SUG-NEG"),
    SUG_PRES("SUG-PRES"),
    MULT("MULT"),
    FAUX("FAUX"),
    WELF("WELF"),
    PROM("PROM");

    private final String code;

    QuestionType(String code) {
        this.code = code;
    }

    /** The code used in transcripts and reports, e.g. {@code "OP-YN"}. */
    public String code() {
        return code;
    }

    /** The type for a code such as {@code "SUG-TAG"}; throws IllegalArgumentException if unknown. */
    public static QuestionType fromCode(String code) {
        for (QuestionType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown question type code: " + code);
    }

    /** Open prompts, the ones protocols want to dominate: INV and CINV. */
    public boolean isOpen() {
        return this == INV || this == CINV;
    }

    /** The block-level warnings: SUG-TAG, SUG-NEG and SUG-PRES. */
    public boolean isSuggestive() {
        return this == SUG_TAG || this == SUG_NEG || this == SUG_PRES;
    }

    /** Turns that ask for a second Enter before they are logged: the suggestive forms and promises. */
    public boolean isWarning() {
        return isSuggestive() || this == PROM;
    }

    /** Turns for which the coach offers an open rewrite: option-posing, suggestive and faux invitations. */
    public boolean wantsRewrite() {
        return this == OP_YN || this == OP_FC || isSuggestive() || this == FAUX;
    }

    /** Focused questions that should be paired with an open follow-up: DIR and option-posing. */
    public boolean wantsPairing() {
        return this == DIR || this == OP_YN || this == OP_FC;
    }
}
