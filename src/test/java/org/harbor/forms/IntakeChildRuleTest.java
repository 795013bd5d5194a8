package org.harbor.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.javarosa.form.api.FormEntryController;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The presumption of minority in the intake form (DOMAIN.md R19, issue 12): a person whose age is
 * uncertain is treated as a child unless the worker records that there is no reason to believe
 * they are under 18, and why; documents alone never make an adult. Computed by a calculate bind
 * and shown as text; driven here through real JavaRosa.
 */
@DisplayName("The intake form's child rule")
class IntakeChildRuleTest {

    static final String CLAIMED = "/data/age/claimed_age";
    static final String DOB = "/data/age/dob";
    static final String DOB_APPROX = "/data/age/dob_approximate";
    static final String DOB_DOUBT = "/data/age/dob_uncertain";
    static final String AGE_FROM_DOB = "/data/age/age_from_dob";
    static final String MIN = "/data/assessment/assessed_age_min";
    static final String MAX = "/data/assessment/assessed_age_max";
    static final String REASON = "/data/assessment/reason_under_18";
    static final String WHY_ADULT = "/data/assessment/reason_not_child";
    static final String CHILD = "/data/assessment/treated_as_child";

    FormDriver intake;

    @BeforeEach
    void open() {
        intake = new FormDriver("intake.xml", "en");
    }

    /** The worker's positive record: no reason to believe the person is under 18, and why. */
    void workerRecordsNoReason() {
        assertEquals(FormEntryController.ANSWER_OK, intake.choose(REASON, "no"));
        assertEquals(FormEntryController.ANSWER_OK, intake.answerText(WHY_ADULT, "Synthetic reason given by the worker"));
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
    @DisplayName("a claimed age of 25 makes an adult only once the worker records no reason to believe otherwise, with why")
    void claimedAdult() {
        intake.answerInt(CLAIMED, 25);
        intake.choose(REASON, "no");
        assertEquals("yes", intake.value(CHILD), "a bare 'no' without the worker's reason is not enough");
        assertTrue(intake.shows(WHY_ADULT));
        assertTrue(intake.prompt(WHY_ADULT).isRequired());
        intake.answerText(WHY_ADULT, "Synthetic reason given by the worker");
        assertEquals("no", intake.value(CHILD));
        assertTrue(intake.shows("/data/assessment/child_no"));
        assertFalse(intake.shows("/data/assessment/child_yes"));
    }

    @Test
    @DisplayName("a claimed adult age with an assessed range reaching under 18 is a child, whatever the worker answers")
    void assessedRangeReachesUnder18() {
        intake.answerInt(CLAIMED, 21);
        intake.answerInt(MIN, 16);
        intake.answerInt(MAX, 20);
        assertEquals("yes", intake.value(CHILD));
        assertFalse(intake.shows(REASON), "evidence of minority is not weighed against a 'no'");
    }

    @Test
    @DisplayName("an uncertain adult age with a reason to believe the person is under 18 is a child")
    void reasonToBelieve() {
        intake.answerInt(CLAIMED, 19);
        intake.choose(REASON, "yes");
        assertEquals("yes", intake.value(CHILD));
        assertFalse(intake.shows(WHY_ADULT));
    }

    @Test
    @DisplayName("a date of birth 17 years ago makes a child; 30 years ago, an adult only on the worker's recorded reason")
    void dateOfBirth() {
        LocalDate today = LocalDate.now();
        intake.answerTyped(DOB, today.minusYears(17).minusDays(10).toString());
        intake.choose(DOB_DOUBT, "no");
        assertEquals("yes", intake.value(CHILD));
        assertEquals("17", intake.value(AGE_FROM_DOB));

        intake.answerTyped(DOB, today.minusYears(30).toString());
        assertEquals("30", intake.value(AGE_FROM_DOB));
        assertEquals("yes", intake.value(CHILD));
        workerRecordsNoReason();
        assertEquals("no", intake.value(CHILD));
    }

    @Test
    @DisplayName("the day before an 18th birthday is still a child's age")
    void dayBeforeEighteenthBirthday() {
        intake.answerTyped(DOB, LocalDate.now().minusYears(18).plusDays(1).toString());
        assertEquals("17", intake.value(AGE_FROM_DOB));
        assertEquals("yes", intake.value(CHILD));
    }

    @Test
    @DisplayName("a doubted adult date of birth alone does not make an adult")
    void doubtedDocumentIsNoEvidenceOfAdulthood() {
        intake.answerTyped(DOB, LocalDate.now().minusYears(22).toString());
        intake.choose(DOB_DOUBT, "yes");
        assertEquals("yes", intake.value(CHILD));
        intake.choose(DOB_DOUBT, "no");
        workerRecordsNoReason();
        assertEquals("no", intake.value(CHILD));
    }

    @Nested
    @DisplayName("issue 12, child presumption: when age is uncertain the person is treated as a child unless a person records a reason not to")
    class Presumption {

        @Test
        @DisplayName("claimed age 19 with the 'reason to believe under 18' question unanswered: treated as a child")
        void claimedAge19WithReasonUnansweredIsTreatedAsChild() {
            assertEquals(FormEntryController.ANSWER_OK, intake.answerInt(CLAIMED, 19));
            assertTrue(intake.shows(REASON));
            assertEquals("yes", intake.value(CHILD));
            assertTrue(intake.shows("/data/assessment/child_yes"));
            assertFalse(intake.shows("/data/assessment/child_no"));
        }

        @Test
        @DisplayName("a documented date of birth 20 years ago, not marked doubtful, does not make an adult")
        void documentedDobNotDoubtfulDoesNotMakeAnAdult() {
            assertEquals(FormEntryController.ANSWER_OK, intake.answerTyped(DOB, LocalDate.now().minusYears(20).toString()));
            assertEquals(FormEntryController.ANSWER_OK, intake.choose(DOB_DOUBT, "no"));
            assertEquals("yes", intake.value(CHILD));
            assertFalse(intake.shows("/data/assessment/child_no"));
        }

        @Test
        @DisplayName("'don't know' on the reason question means child")
        void dontKnowOnReasonMeansChild() {
            intake.answerInt(CLAIMED, 19);
            intake.choose(REASON, "no");
            intake.clear(REASON); // what Harbor's "don't know" does to the value (FormSession.markNonResponse)
            assertEquals("yes", intake.value(CHILD));
        }

        @Test
        @DisplayName("the worker's 'no' with a reason, and no evidence under 18, is the only way to an adult")
        void onlyTheWorkersRecordedReasonMakesAnAdult() {
            intake.answerInt(CLAIMED, 19);
            intake.answerTyped(DOB, LocalDate.now().minusYears(19).toString());
            intake.choose(DOB_DOUBT, "no");
            intake.answerInt(MIN, 18);
            intake.answerInt(MAX, 21);
            assertEquals("yes", intake.value(CHILD), "all the evidence says adult, and still no person has said so");
            workerRecordsNoReason();
            assertEquals("no", intake.value(CHILD));
            intake.answerText(WHY_ADULT, "   ");
            assertEquals("yes", intake.value(CHILD), "a blank reason is no reason");
        }
    }

    @Nested
    @DisplayName("issue 12, child presumption: year-only and approximate dates of birth are accepted; an impossible date says 'no such date'")
    class PartialDates {

        @Test
        @DisplayName("a year alone is accepted as a date of birth, and the youngest age it allows counts")
        void yearOnlyDobAccepted() {
            int year = LocalDate.now().getYear() - 18;
            assertEquals(FormEntryController.ANSWER_OK, intake.answerTyped(DOB, Integer.toString(year)));
            assertEquals(Integer.toString(year), intake.value(DOB));
            assertEquals("17", intake.value(AGE_FROM_DOB), "born that year, the person may not have turned 18 yet");
            assertEquals("yes", intake.value(CHILD));
        }

        @Test
        @DisplayName("a year and month with the 'approximate' flag is accepted")
        void yearAndMonthApproximateDobAccepted() {
            LocalDate born = LocalDate.now().minusYears(30);
            String yearMonth = born.toString().substring(0, 7);
            assertEquals(FormEntryController.ANSWER_OK, intake.answerTyped(DOB, yearMonth));
            assertTrue(intake.shows(DOB_APPROX));
            assertEquals(FormEntryController.ANSWER_OK, intake.choose(DOB_APPROX, "yes"));
            assertEquals("29", intake.value(AGE_FROM_DOB), "in the birth month, the birthday may be still to come");
            assertEquals("yes", intake.value(CHILD));
        }

        @Test
        @DisplayName("'2010-02-31' says 'no such date', in English, Spanish and Arabic")
        void impossibleDateSaysNoSuchDate() {
            for (String[] lang : new String[][] {{"en", "There is no such date"}, {"es", "Esa fecha no existe"},
                {"ar", "لا يوجد تاريخ كهذا"}}) {
                FormDriver form = new FormDriver("intake.xml", lang[0]);
                assertEquals(FormEntryController.ANSWER_CONSTRAINT_VIOLATED, form.answerTyped(DOB, "2010-02-31"), lang[0]);
                String message = form.constraintText(DOB, "2010-02-31");
                assertTrue(message != null && message.startsWith(lang[1]), lang[0] + ": " + message);
                assertEquals("", form.value(DOB), "nothing is kept");
            }
        }

        @Test
        @DisplayName("malformed, impossible and future dates are refused; a leap day in a leap year is not")
        void datesChecked() {
            for (String bad : new String[] {"2010-13", "2010-00", "2011-02-29", "2010-04-31", "2010-1-5", "10",
                "2010-02-3", "1850", Integer.toString(LocalDate.now().getYear() + 1)}) {
                assertEquals(FormEntryController.ANSWER_CONSTRAINT_VIOLATED, intake.answerTyped(DOB, bad), bad);
            }
            for (String good : new String[] {"2012-02-29", "2000-02-29", "2010-12-31", "2010-12", "1990"}) {
                assertEquals(FormEntryController.ANSWER_OK, intake.answerTyped(DOB, good), good);
            }
            String tomorrow = LocalDate.now().plusDays(1).toString();
            assertEquals(FormEntryController.ANSWER_CONSTRAINT_VIOLATED, intake.answerTyped(DOB, tomorrow));
            assertTrue(intake.constraintText(DOB, tomorrow).startsWith("A date of birth cannot be in the future."));
        }
    }
}
