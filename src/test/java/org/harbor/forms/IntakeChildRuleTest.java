package org.harbor.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.javarosa.form.api.FormEntryController;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The presumption of minority in the intake form: a person is treated as a child whenever their
 * age is uncertain and there is reason to believe they are under 18, computed by a calculate bind
 * and shown as text.
 */
@DisplayName("The intake form's child rule")
class IntakeChildRuleTest {

    static final String CLAIMED = "/data/age/claimed_age";
    static final String DOB = "/data/age/dob";
    static final String DOB_DOUBT = "/data/age/dob_uncertain";
    static final String MIN = "/data/assessment/assessed_age_min";
    static final String MAX = "/data/assessment/assessed_age_max";
    static final String REASON = "/data/assessment/reason_under_18";
    static final String CHILD = "/data/assessment/treated_as_child";

    FormDriver intake;

    @BeforeEach
    void open() {
        intake = new FormDriver("intake.xml", "en");
    }

    @Test
    @DisplayName("with nothing known yet, the person is treated as a child and the rule is shown")
    void nothingKnown() {
        assertEquals("yes", intake.value(CHILD));
        assertTrue(intake.shows("/data/assessment/child_rule"));
        assertTrue(intake.shows("/data/assessment/child_yes"));
        assertFalse(intake.shows("/data/assessment/child_no"));
    }

    @Test
    @DisplayName("a claimed age of 15 makes a child, and the reason question is not asked")
    void claimedFifteen() {
        assertEquals(FormEntryController.ANSWER_OK, intake.answerInt(CLAIMED, 15));
        assertEquals("yes", intake.value(CHILD));
        assertFalse(intake.shows(REASON));
    }

    @Test
    @DisplayName("a claimed age of 25 with no reason to believe otherwise makes an adult, shown as text")
    void claimedAdult() {
        intake.answerInt(CLAIMED, 25);
        intake.choose(REASON, "no");
        assertEquals("no", intake.value(CHILD));
        assertTrue(intake.shows("/data/assessment/child_no"));
        assertFalse(intake.shows("/data/assessment/child_yes"));
    }

    @Test
    @DisplayName("a claimed adult age with an assessed range reaching under 18 is a child")
    void assessedRangeReachesUnder18() {
        intake.answerInt(CLAIMED, 21);
        intake.answerInt(MIN, 16);
        intake.answerInt(MAX, 20);
        assertEquals("yes", intake.value(CHILD));
    }

    @Test
    @DisplayName("an uncertain adult age with a reason to believe the person is under 18 is a child")
    void reasonToBelieve() {
        intake.answerInt(CLAIMED, 19);
        intake.choose(REASON, "yes");
        assertEquals("yes", intake.value(CHILD));
    }

    @Test
    @DisplayName("a date of birth 17 years ago makes a child; 30 years ago, an adult")
    void dateOfBirth() {
        LocalDate today = LocalDate.now();
        intake.answerDate(DOB, today.minusYears(17).minusDays(10));
        intake.choose(DOB_DOUBT, "no");
        assertEquals("yes", intake.value(CHILD));
        assertEquals("17", intake.value("/data/age/age_from_dob"));

        intake.answerDate(DOB, today.minusYears(30));
        intake.choose(REASON, "no");
        assertEquals("30", intake.value("/data/age/age_from_dob"));
        assertEquals("no", intake.value(CHILD));
    }

    @Test
    @DisplayName("the day before an 18th birthday is still a child's age")
    void dayBeforeEighteenthBirthday() {
        intake.answerDate(DOB, LocalDate.now().minusYears(18).plusDays(1));
        assertEquals("17", intake.value("/data/age/age_from_dob"));
        assertEquals("yes", intake.value(CHILD));
    }

    @Test
    @DisplayName("a doubted adult date of birth alone does not make an adult")
    void doubtedDocumentIsNoEvidenceOfAdulthood() {
        intake.answerDate(DOB, LocalDate.now().minusYears(22));
        intake.choose(DOB_DOUBT, "yes");
        assertEquals("yes", intake.value(CHILD));
        intake.choose(DOB_DOUBT, "no");
        intake.choose(REASON, "no");
        assertEquals("no", intake.value(CHILD));
    }
}
