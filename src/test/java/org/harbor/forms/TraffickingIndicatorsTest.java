package org.harbor.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.harbor.accounts.Session;
import org.javarosa.core.model.SelectChoice;
import org.javarosa.core.model.instance.TreeElement;
import org.javarosa.core.model.instance.TreeReference;
import org.javarosa.form.api.FormEntryController;
import org.javarosa.model.xform.XPathReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 12, "Trafficking indicators": one nested class per bullet, on the real built-in forms. */
@DisplayName("Issue 12: trafficking indicators")
class TraffickingIndicatorsTest {

    static final String TYPES = "/data/exploitation/exploitation_types";
    static final String CHILD = "/data/intro/treated_as_child";
    static final String COUNT = "/data/result/indicator_count";
    static final String CHILD_INDICATOR = "/data/result/ind_child_exploitation";
    static final String NONE = "/data/result/none_note";

    /** The exploitation types the trafficking form offers, read from the form itself. */
    static List<String> exploitationTypes() {
        List<String> out = new ArrayList<>();
        for (SelectChoice c : new FormDriver("trafficking.xml", "en").prompt(TYPES).getSelectChoices()) {
            out.add(c.getValue());
        }
        return out;
    }

    static Stream<Arguments> everyTypeForChildAndAdult() {
        return exploitationTypes().stream().flatMap(t -> Stream.of(Arguments.of(t, true), Arguments.of(t, false)));
    }

    static String bind(FormDriver form, String path, String attribute) {
        TreeElement e = form.form.getMainInstance().resolveReference((TreeReference) new XPathReference(path).getReference());
        assertNotNull(e, "no node " + path);
        return e.getBindAttributeValue("urn:harbor", attribute);
    }

    @Nested
    @DisplayName("a child in ANY form of exploitation meets the definition without means (Palermo Protocol Art. 3(c))")
    class ChildInAnyExploitation {

        @Test
        @DisplayName("the form offers labour, begging, criminal exploitation, domestic servitude, forced marriage and sexual exploitation")
        void formsOfExploitationOffered() {
            assertTrue(exploitationTypes().containsAll(List.of("labour", "begging", "criminal", "domestic_servitude",
                    "forced_marriage", "sexual")), exploitationTypes().toString());
        }

        @ParameterizedTest(name = "{0}, child = {1}")
        @MethodSource("org.harbor.forms.TraffickingIndicatorsTest#everyTypeForChildAndAdult")
        @DisplayName("every exploitation type x child/adult: a child is an indicator on exploitation alone, an adult is not")
        void everyTypeTimesChildOrAdult(String type, boolean child) {
            FormDriver form = new FormDriver("trafficking.xml", "en");
            form.choose(CHILD, child ? "yes" : "no");
            form.chooseMany(TYPES, type);
            assertEquals(child ? "1" : "0", form.value(COUNT), "indicators for " + type);
            assertTrue(form.prompt("/data/result/count_note").getLongText().endsWith(child ? "1" : "0"));
            assertEquals(!child, form.shows(NONE), "'No indicators were recorded' for " + type);
            assertEquals(child, form.shows(CHILD_INDICATOR), "the child indicator for " + type);
            if (child) {
                assertTrue(form.prompt(CHILD_INDICATOR).getLongText().contains("Article 3(c)"));
            }
        }

        @Test
        @DisplayName("a child in begging, or in forced criminality, no longer shows 'No indicators were recorded'")
        void beggingAndCriminality() {
            for (String type : List.of("begging", "criminal")) {
                FormDriver form = new FormDriver("trafficking.xml", "es");
                form.choose(CHILD, "yes");
                form.chooseMany(TYPES, type);
                assertFalse(form.shows(NONE), type);
                assertTrue(form.prompt(CHILD_INDICATOR).getLongText().startsWith("Un niño o niña en explotación"));
            }
        }

        @Test
        @DisplayName("a child whose exploitation is recorded only as labour of the begging kind is an indicator too")
        void labourBegging() {
            FormDriver form = new FormDriver("trafficking.xml", "en");
            form.choose(CHILD, "yes");
            form.chooseMany(TYPES, "labour");
            form.chooseMany("/data/exploitation/labour_types", "begging");
            assertEquals("1", form.value(COUNT));
        }
    }

    @Nested
    @DisplayName("'exploitation still going on = yes' raises the danger flag")
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OngoingIsDanger {

        FormFixture fx;

        @BeforeAll
        void vault(@TempDir Path dir) throws Exception {
            fx = FormFixture.create(dir);
        }

        @AfterAll
        void close() {
            fx.close();
        }

        @Test
        @DisplayName("the question is marked as danger, as the safety form's danger questions are, and shows an act-now note")
        void markedDanger() {
            FormDriver form = new FormDriver("trafficking.xml", "en");
            assertEquals("danger", bind(form, "/data/exploitation/ongoing", "safety"));
            assertFalse(form.shows("/data/exploitation/ongoing_note"));
            form.choose("/data/exploitation/ongoing", "yes");
            assertTrue(form.prompt("/data/exploitation/ongoing_note").getLongText().startsWith("Act now"));
        }

        @Test
        @DisplayName("a yes in the case's trafficking form shows the case as in danger; a no does not")
        void caseShowsDanger() throws Exception {
            Session ivo = fx.as("ivo");
            FormSession form = fx.harbor.forms().open(ivo, fx.newCaseSession(ivo, "en"), "harbor-trafficking");
            form.answer("/data/exploitation/ongoing", "no");
            assertFalse(fx.harbor.forms().safetyAlert(ivo, form.caseId()));
            form.answer("/data/exploitation/ongoing", "yes");
            assertTrue(fx.harbor.forms().safetyAlert(ivo, form.caseId()));
        }

        @Test
        @DisplayName("and a yes to 'children who may not be safe' in the safety form does the same")
        void childrenAtRiskShowsDanger() throws Exception {
            Session ivo = fx.as("ivo");
            FormSession form = fx.harbor.forms().open(ivo, fx.newCaseSession(ivo, "en"), "harbor-safety");
            form.answer("/data/danger/children_at_risk", "no");
            assertFalse(fx.harbor.forms().safetyAlert(ivo, form.caseId()));
            form.answer("/data/danger/children_at_risk", "yes");
            assertTrue(fx.harbor.forms().safetyAlert(ivo, form.caseId()));
        }
    }

    @Nested
    @DisplayName("HTCDS event fields: partial dates, places of recruitment, transit and exploitation, transport, recruiter, coded values")
    class HtcdsEventFields {

        static final String RECRUITED = "/data/recruitment/recruited";

        @Test
        @DisplayName("a date may be a year, a year and month, or a full date, and its precision is kept beside it")
        void partialDates() {
            FormDriver form = new FormDriver("trafficking.xml", "en");
            for (String[] c : new String[][] {{"2019", "year"}, {"2019-03", "month"}, {"2019-03-14", "day"},
                {"2016-02-29", "day"}, {"2000-02-29", "day"}}) {
                assertEquals(FormEntryController.ANSWER_OK, form.answerText(RECRUITED, c[0]), c[0]);
                assertEquals(c[1], form.value(RECRUITED + "_precision"), c[0]);
            }
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"2010-02-31", "2019-02-29", "1900-02-29", "2019-04-31", "2019-13", "2019-00", "2019-3", "19", "1899", "2019/03/14",
            "14-03-2019", "about 2019"})
        @DisplayName("a date that does not exist or is not written as a year, year-month or full date is refused with the form's message")
        void impossibleDates(String text) {
            FormDriver form = new FormDriver("trafficking.xml", "es");
            assertEquals(FormEntryController.ANSWER_CONSTRAINT_VIOLATED, form.answerText(RECRUITED, text), text);
            assertTrue(form.prompt(RECRUITED).getConstraintText().startsWith("Escriba un año (2019)"));
        }

        @Test
        @DisplayName("a date in the future is refused, whether a year, a month or a day")
        void futureDates() {
            FormDriver form = new FormDriver("trafficking.xml", "en");
            LocalDate next = LocalDate.now().plusYears(1);
            assertEquals(FormEntryController.ANSWER_CONSTRAINT_VIOLATED, form.answerText(RECRUITED, "" + next.getYear()));
            assertEquals(FormEntryController.ANSWER_CONSTRAINT_VIOLATED,
                    form.answerText(RECRUITED, next.toString().substring(0, 7)));
            assertEquals(FormEntryController.ANSWER_CONSTRAINT_VIOLATED,
                    form.answerText(RECRUITED, LocalDate.now().plusDays(1).toString()));
            assertEquals(FormEntryController.ANSWER_OK, form.answerText(RECRUITED, LocalDate.now().toString()));
        }

        @Test
        @DisplayName("recruitment, transit and exploitation each have a date, a country code and a city; the end of exploitation too")
        void events() {
            FormDriver form = new FormDriver("trafficking.xml", "en");
            for (String path : List.of(RECRUITED, "/data/recruitment/recruit_country", "/data/recruitment/recruit_city",
                    "/data/transport/transit_started", "/data/transport/transit_countries", "/data/transport/transit_cities",
                    "/data/exploitation/exploitation_started", "/data/exploitation/exploitation_countries",
                    "/data/exploitation/exploitation_cities")) {
                assertTrue(form.shows(path), path);
            }
            assertFalse(form.shows("/data/exploitation/exploitation_ended"), "asked only once it has ended");
            form.choose("/data/exploitation/ongoing", "no");
            assertEquals(FormEntryController.ANSWER_OK, form.answerText("/data/exploitation/exploitation_ended", "2024-11"));
            assertEquals("month", form.value("/data/exploitation/exploitation_ended_precision"));
        }

        @Test
        @DisplayName("means of transport and the recruiter's relation to the person are asked")
        void transportAndRecruiter() {
            FormDriver form = new FormDriver("trafficking.xml", "ar");
            assertEquals(FormEntryController.ANSWER_OK, form.chooseMany("/data/transport/transport_modes", "bus", "on_foot"));
            assertEquals(FormEntryController.ANSWER_OK, form.chooseMany("/data/recruitment/recruiter_relation", "relative"));
            assertEquals("ما صلة المجنِّد بالشخص؟", form.prompt("/data/recruitment/recruiter_relation").getLongText());
        }

        @Test
        @DisplayName("every new field is tagged with purposes; cities go only to law enforcement and the national referral")
        void purposes() {
            FormDriver form = new FormDriver("trafficking.xml", "en");
            for (String path : List.of(RECRUITED, RECRUITED + "_precision", "/data/recruitment/recruit_country",
                    "/data/recruitment/recruiter_relation", "/data/transport/transport_modes",
                    "/data/transport/transit_started", "/data/transport/transit_countries",
                    "/data/exploitation/exploitation_started", "/data/exploitation/exploitation_ended",
                    "/data/exploitation/exploitation_countries")) {
                assertNotNull(bind(form, path, "purpose"), path);
            }
            for (String city : List.of("/data/recruitment/recruit_city", "/data/transport/transit_cities",
                    "/data/exploitation/exploitation_cities")) {
                assertEquals("law_enforcement national_referral", bind(form, city, "purpose"), city);
            }
            assertEquals("trafficking-history", form.form.getMainInstance().getRoot().getAttributeValue("urn:harbor", "sensitivity"));
        }

        @Test
        @DisplayName("country fields take exactly the 249 assigned ISO 3166-1 alpha-2 codes, one or several")
        void isoCountries() {
            Set<String> iso = new TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
            assertEquals(249, iso.size());
            FormDriver form = new FormDriver("trafficking.xml", "en");
            assertEquals(FormEntryController.ANSWER_OK,
                    form.answerText("/data/transport/transit_countries", String.join(" ", iso)), "every assigned code");
            for (String code : iso) {
                assertEquals(FormEntryController.ANSWER_OK, form.answerText("/data/recruitment/recruit_country", code), code);
            }
            for (String wrong : List.of("XX", "UK", "EU", "XK", "mx", "MEX", "Mexico", "MX SY", "MX,SY", " MX")) {
                assertEquals(FormEntryController.ANSWER_CONSTRAINT_VIOLATED,
                        form.answerText("/data/recruitment/recruit_country", wrong), wrong);
            }
            assertEquals(FormEntryController.ANSWER_CONSTRAINT_VIOLATED,
                    form.answerText("/data/transport/transit_countries", "GT MX XX"));
        }

        @Test
        @DisplayName("intake records nationality as ISO 3166 codes and languages as BCP 47 tags beside the person's own words")
        void codedNationalityAndLanguages() {
            FormDriver intake = new FormDriver("intake.xml", "en");
            assertEquals("survivor.nationality_codes", bind(intake, "/data/origin/nationality_codes", "fact"));
            assertEquals("survivor.language_codes", bind(intake, "/data/languages/language_codes", "fact"));
            assertTrue(intake.shows("/data/origin/nationality"), "the free text stays");
            assertTrue(intake.shows("/data/languages/languages"), "the free text stays");
            assertEquals(FormEntryController.ANSWER_OK, intake.answerText("/data/origin/nationality_codes", "ER SD"));
            assertEquals(FormEntryController.ANSWER_CONSTRAINT_VIOLATED, intake.answerText("/data/origin/nationality_codes", "Eritrea"));
            for (String ok : List.of("ar", "ti so", "es-419", "sr-Latn", "ti-ER", "prs", "zh-Hant-TW", "ar en es")) {
                assertEquals(FormEntryController.ANSWER_OK, intake.answerText("/data/languages/language_codes", ok), ok);
            }
            for (String wrong : List.of("ara", "eng", "AR", "xx", "in", "iw", "Arabic", "ar_SY", "es-XX", "ar,en", "sr-latn")) {
                assertEquals(FormEntryController.ANSWER_CONSTRAINT_VIOLATED,
                        intake.answerText("/data/languages/language_codes", wrong), wrong);
            }
            List<String> twoLetter = new ArrayList<>(List.of(Locale.getISOLanguages()));
            twoLetter.removeAll(List.of("in", "iw", "ji", "mo"));
            assertEquals(FormEntryController.ANSWER_OK,
                    intake.answerText("/data/languages/language_codes", String.join(" ", twoLetter)), "every ISO 639-1 code");
            intake.answerText("/data/languages/language_codes", "ara");
            assertTrue(intake.prompt("/data/languages/language_codes").getConstraintText().contains("(ar, not ara)"));
        }
    }

    @Nested
    @DisplayName("no wording assumes harm before disclosure; who came today, children at risk, unaccompanied/separated, current carer")
    class NeutralWording {

        @ParameterizedTest(name = "in {0}")
        @ValueSource(strings = {"en", "es", "ar"})
        @DisplayName("'Is anyone who hurt you or controls you nearby?' is asked as who makes the person feel unsafe")
        void neutralNearby(String language) {
            FormDriver safety = new FormDriver("safety.xml", language);
            String nearby = safety.prompt("/data/danger/exploiter_nearby").getLongText();
            String contact = safety.prompt("/data/danger/exploiter_contact").getLongText();
            for (String text : List.of(nearby, contact)) {
                for (String assumed : List.of("hurt you", "controls you", "hecho daño", "controle", "آذاك", "يتحكم بك",
                        "Are they")) {
                    assertFalse(text.contains(assumed), language + ": " + text);
                }
            }
            if (language.equals("en")) {
                assertEquals("Is there anyone nearby, or waiting for you, who makes you feel unsafe?", nearby);
            }
        }

        @ParameterizedTest(name = "in {0}")
        @ValueSource(strings = {"en", "es", "ar"})
        @DisplayName("the guardian-involvement question is a staff observation, not read to the child")
        void guardianQuestionIsForTheWorker(String language) {
            FormDriver intake = new FormDriver("intake.xml", language);
            intake.addRepeat("/data/guardians");
            String label = intake.prompt("/data/guardians[1]/possibly_implicated").getLongText();
            String prefix = switch (language) {
                case "en" -> "Staff observation, not read aloud: ";
                case "es" -> "Observación del equipo, no se lee en voz alta: ";
                default -> "ملاحظة الفريق، لا تُقرأ بصوت عالٍ: ";
            };
            assertTrue(label.startsWith(prefix), label);
            if (language.equals("en")) {
                assertFalse(label.matches("(?i).*\\byou\\b.*"), "does not address the child: " + label);
            }
        }

        @Test
        @DisplayName("the survivor-facing line that invites the full story is gone from the trafficking form")
        void noInvitationToTellEverything() {
            FormDriver form = new FormDriver("trafficking.xml", "en");
            assertNull(form.form.getMainInstance().resolveReference(
                    (TreeReference) new XPathReference("/data/intro/survivor_note").getReference()));
            assertFalse(form.shows("/data/intro/survivor_note"));
        }

        @Test
        @DisplayName("the safety form asks who came with the person today, as a staff observation, and who they are")
        void whoCameToday() {
            FormDriver safety = new FormDriver("safety.xml", "en");
            assertTrue(safety.prompt("/data/danger/came_with").getLongText().startsWith("Staff observation"));
            assertFalse(safety.shows("/data/danger/came_with_who"));
            safety.chooseMany("/data/danger/came_with", "alone");
            assertFalse(safety.shows("/data/danger/came_with_who"));
            safety.chooseMany("/data/danger/came_with", "employer");
            assertTrue(safety.shows("/data/danger/came_with_who"));
        }

        @Test
        @DisplayName("the safety form asks about other children at risk; a yes is danger and shows the act-now note")
        void childrenAtRisk() {
            FormDriver safety = new FormDriver("safety.xml", "es");
            assertEquals("danger", bind(safety, "/data/danger/children_at_risk", "safety"));
            assertEquals("safety.children_at_risk", bind(safety, "/data/danger/children_at_risk", "fact"));
            assertFalse(safety.shows("/data/danger/danger_note"));
            safety.choose("/data/danger/children_at_risk", "yes");
            assertTrue(safety.prompt("/data/danger/danger_note").getLongText().startsWith("Actúe ya"));
            assertTrue(safety.prompt("/data/danger/children_at_risk").getLongText().contains("niño o niña"));
        }

        @Test
        @DisplayName("intake asks a child's care status (unaccompanied, separated) and current carer; not an adult's")
        void careOfAChild() {
            FormDriver child = new FormDriver("intake.xml", "en");
            child.answerInt("/data/age/claimed_age", 14);
            assertEquals("yes", child.value("/data/assessment/treated_as_child"));
            assertTrue(child.shows("/data/care/care_status"));
            assertTrue(child.prompt("/data/care/care_status").getLongText().startsWith("Staff observation"));
            Set<String> statuses = new TreeSet<>();
            child.prompt("/data/care/care_status").getSelectChoices().forEach(c -> statuses.add(c.getValue()));
            assertEquals(Set.of("unaccompanied", "separated", "accompanied"), statuses);
            assertEquals("Who looks after you at the moment, where you are staying?",
                    child.prompt("/data/care/current_carer").getLongText());
            assertFalse(child.shows("/data/care/current_carer_details"));
            child.choose("/data/care/current_carer", "relative");
            assertTrue(child.shows("/data/care/current_carer_details"));
            child.choose("/data/care/current_carer", "nobody");
            assertFalse(child.shows("/data/care/current_carer_details"));

            FormDriver adult = new FormDriver("intake.xml", "en");
            adult.answerInt("/data/age/claimed_age", 34);
            adult.choose("/data/assessment/reason_under_18", "no");
            adult.answerText("/data/assessment/reason_not_child", "Synthetic reason given by the worker");
            assertEquals("no", adult.value("/data/assessment/treated_as_child"));
            assertFalse(adult.shows("/data/care/care_status"));
        }
    }
}
