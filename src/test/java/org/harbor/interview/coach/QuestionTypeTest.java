package org.harbor.interview.coach;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A question type")
class QuestionTypeTest {

    @Test
    @DisplayName("has the codes of the taxonomy, in its order")
    void codes() {
        assertEquals(List.of("INV", "CINV", "FAC", "DIR", "OP-YN", "OP-FC", "SUG-TAG", "SUG-NEG", "SUG-PRES", "MULT",
                "FAUX", "WELF", "PROM"), Arrays.stream(QuestionType.values()).map(QuestionType::code).toList());
    }

    @Test
    @DisplayName("is found by its code, and an unknown code is refused")
    void fromCode() {
        assertAll(() -> assertEquals(QuestionType.OP_YN, QuestionType.fromCode("OP-YN")),
                () -> assertThrows(IllegalArgumentException.class, () -> QuestionType.fromCode("OPYN")));
    }

    @Test
    @DisplayName("is open only for invitations")
    void open() {
        assertAll(() -> assertTrue(QuestionType.CINV.isOpen()), () -> assertFalse(QuestionType.DIR.isOpen()));
    }

    @Test
    @DisplayName("is suggestive only for the SUG types")
    void suggestive() {
        assertAll(() -> assertTrue(QuestionType.SUG_PRES.isSuggestive()),
                () -> assertFalse(QuestionType.MULT.isSuggestive()));
    }

    @Test
    @DisplayName("wants a rewrite when option-posing, suggestive or faux")
    void rewrite() {
        assertAll(() -> assertTrue(QuestionType.OP_FC.wantsRewrite()),
                () -> assertTrue(QuestionType.SUG_TAG.wantsRewrite()),
                () -> assertTrue(QuestionType.FAUX.wantsRewrite()),
                () -> assertFalse(QuestionType.DIR.wantsRewrite()),
                () -> assertFalse(QuestionType.MULT.wantsRewrite()));
    }

    @Test
    @DisplayName("wants pairing when directive or option-posing")
    void pairing() {
        assertAll(() -> assertTrue(QuestionType.DIR.wantsPairing()),
                () -> assertTrue(QuestionType.OP_YN.wantsPairing()),
                () -> assertFalse(QuestionType.SUG_NEG.wantsPairing()),
                () -> assertFalse(QuestionType.INV.wantsPairing()));
    }
}
