package org.harbor.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.javarosa.form.api.FormEntryController;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Relevance, constraints with their messages, repeats and the indicator page of the built-in forms. */
@DisplayName("The built-in forms' logic")
class BuiltinFormLogicTest {

    @Nested
    @DisplayName("relevance")
    class Relevance {

        @Test
        @DisplayName("the consent form shows the guardian page only when a guardian consents, and asks why one is excluded")
        void guardianPage() {
            FormDriver consent = new FormDriver("consent.xml", "en");
            assertFalse(consent.shows("/data/guardian/guardian_name"));
            consent.chooseMany("/data/who/givers", "survivor", "guardian");
            assertTrue(consent.shows("/data/guardian/guardian_name"));
            assertFalse(consent.shows("/data/guardian/guardian_excluded"));
            consent.choose("/data/guardian/guardian_implicated", "yes");
            consent.choose("/data/guardian/guardian_excluded", "yes");
            assertTrue(consent.shows("/data/guardian/guardian_exclusion_reason"));
            assertTrue(consent.shows("/data/authority/authority_name"), "an excluded guardian calls for an authority");
            consent.choose("/data/guardian/guardian_implicated", "no");
            assertFalse(consent.shows("/data/guardian/guardian_exclusion_reason"));
        }

        @Test
        @DisplayName("the safety form shows the act-now note after a yes to danger, and hides it again")
        void dangerNote() {
            FormDriver safety = new FormDriver("safety.xml", "es");
            assertFalse(safety.shows("/data/danger/danger_note"));
            safety.choose("/data/danger/exploiter_contact", "yes");
            assertTrue(safety.shows("/data/danger/danger_note"));
            assertTrue(safety.prompt("/data/danger/danger_note").getLongText().startsWith("Actúe ya"));
            safety.choose("/data/danger/exploiter_contact", "no");
            assertFalse(safety.shows("/data/danger/danger_note"));
        }

        @Test
        @DisplayName("the referrals form asks for status only when the person agreed to that referral")
        void referralNeedsConsent() {
            FormDriver referrals = new FormDriver("referrals.xml", "en");
            referrals.addRepeat("/data/referrals");
            String status = "/data/referrals[1]/status";
            referrals.choose("/data/referrals[1]/consent_given", "no");
            assertFalse(referrals.shows(status));
            assertTrue(referrals.shows("/data/referrals[1]/no_consent_note"));
            referrals.choose("/data/referrals[1]/consent_given", "yes");
            assertTrue(referrals.shows(status));
        }
    }

    @Nested
    @DisplayName("constraints")
    class Constraints {

        @Test
        @DisplayName("a date of birth in the future is refused with the form's message, in English and Spanish")
        void futureDateOfBirth() {
            for (String[] lang : new String[][] {{"en", "A date of birth cannot be in the future."},
                {"es", "La fecha de nacimiento no puede ser futura."}}) {
                FormDriver intake = new FormDriver("intake.xml", lang[0]);
                String future = LocalDate.now().plusDays(3).toString();
                assertEquals(FormEntryController.ANSWER_CONSTRAINT_VIOLATED, intake.answerTyped("/data/age/dob", future));
                assertTrue(intake.constraintText("/data/age/dob", future).startsWith(lang[1]));
                assertEquals(FormEntryController.ANSWER_OK,
                        intake.answerTyped("/data/age/dob", LocalDate.now().minusYears(9).toString()));
            }
        }

        @Test
        @DisplayName("an age outside 0 to 120 is refused; 0 and 120 are accepted")
        void ageRange() {
            FormDriver intake = new FormDriver("intake.xml", "ar");
            assertEquals(FormEntryController.ANSWER_CONSTRAINT_VIOLATED, intake.answerInt("/data/age/claimed_age", 121));
            assertEquals("العمر عدد صحيح من 0 إلى 120.", intake.prompt("/data/age/claimed_age").getConstraintText());
            assertEquals(FormEntryController.ANSWER_CONSTRAINT_VIOLATED, intake.answerInt("/data/age/claimed_age", -1));
            assertEquals(FormEntryController.ANSWER_OK, intake.answerInt("/data/age/claimed_age", 0));
            assertEquals(FormEntryController.ANSWER_OK, intake.answerInt("/data/age/claimed_age", 120));
        }

        @Test
        @DisplayName("an assessed range whose oldest age is below its youngest is refused")
        void assessedRange() {
            FormDriver intake = new FormDriver("intake.xml", "en");
            intake.answerInt("/data/assessment/assessed_age_min", 16);
            assertEquals(FormEntryController.ANSWER_CONSTRAINT_VIOLATED, intake.answerInt("/data/assessment/assessed_age_max", 14));
            assertEquals(FormEntryController.ANSWER_OK, intake.answerInt("/data/assessment/assessed_age_max", 19));
        }

        @Test
        @DisplayName("a phone number with letters is refused")
        void phone() {
            FormDriver safety = new FormDriver("safety.xml", "en");
            safety.choose("/data/needs/has_phone", "yes");
            assertEquals(FormEntryController.ANSWER_CONSTRAINT_VIOLATED, safety.answerText("/data/needs/phone", "call me"));
            assertEquals(FormEntryController.ANSWER_OK, safety.answerText("/data/needs/phone", "+34 600 000 000"));
        }
    }

    @Test
    @DisplayName("the intake form takes two guardians, each with its own 'possibly implicated'")
    void guardiansRepeat() {
        FormDriver intake = new FormDriver("intake.xml", "en");
        intake.addRepeat("/data/guardians");
        intake.addRepeat("/data/guardians");
        intake.answerText("/data/guardians[1]/guardian_name", "Synthetic Parent One");
        intake.choose("/data/guardians[1]/possibly_implicated", "yes");
        intake.answerText("/data/guardians[2]/guardian_name", "Synthetic Parent Two");
        intake.choose("/data/guardians[2]/possibly_implicated", "no");
        assertFalse(intake.shows("/data/guardians[1]/guardian_contact"), "no contact asked for an implicated guardian");
        assertTrue(intake.shows("/data/guardians[2]/guardian_contact"));
        assertEquals("Synthetic Parent Two", intake.value("/data/guardians[2]/guardian_name"));
    }

    @Test
    @DisplayName("the trafficking form lists the indicators present and says a positive screen is not an identification")
    void indicators() {
        FormDriver form = new FormDriver("trafficking.xml", "en");
        assertTrue(form.shows("/data/result/none_note"));
        assertTrue(form.shows("/data/result/not_identification"));
        form.choose("/data/intro/treated_as_child", "yes");
        form.chooseMany("/data/exploitation/exploitation_types", "sexual");
        form.choose("/data/recruitment/work_differed", "yes");
        form.chooseMany("/data/control/control_methods", "debt_bondage", "withholds_documents");
        assertEquals("4", form.value("/data/result/indicator_count"));
        assertTrue(form.prompt("/data/result/count_note").getLongText().endsWith("4"));
        assertEquals("Debt bondage", form.prompt("/data/result/ind_debt_bondage").getLongText());
        assertTrue(form.shows("/data/result/ind_withholds_documents"));
        assertTrue(form.shows("/data/result/ind_child_exploitation"));
        assertTrue(form.shows("/data/result/ind_deception"));
        assertFalse(form.shows("/data/result/ind_threats"));
        assertFalse(form.shows("/data/result/none_note"));
        assertTrue(form.prompt("/data/result/not_identification").getLongText().startsWith("A positive screen is not an identification."));
    }
}
