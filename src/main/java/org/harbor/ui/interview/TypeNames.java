package org.harbor.ui.interview;

import org.harbor.i18n.I18n;
import org.harbor.interview.coach.QuestionType;

/** The question types' names in the display language (DOMAIN.md section 2). */
final class TypeNames {

    private TypeNames() {
    }

    static String of(QuestionType type, I18n i18n) {
        return i18n.get(switch (type) {
            case INV -> "interview.type.inv";
            case CINV -> "interview.type.cinv";
            case FAC -> "interview.type.fac";
            case DIR -> "interview.type.dir";
            case OP_YN -> "interview.type.opYn";
            case OP_FC -> "interview.type.opFc";
            case SUG_TAG -> "interview.type.sugTag";
            case SUG_NEG -> "interview.type.sugNeg";
            case SUG_PRES -> "interview.type.sugPres";
            case MULT -> "interview.type.mult";
            case FAUX -> "interview.type.faux";
            case WELF -> "interview.type.welf";
            case PROM -> "interview.type.prom";
        });
    }
}
