package org.harbor.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** Answers that complete the built-in consent form ({@code harbor-consent}). Synthetic. */
public final class ConsentFormAnswers {

    private ConsentFormAnswers() {
    }

    /**
     * The person themselves, treated as a child and assenting, explained in English without an
     * interpreter: services yes, law enforcement, national referral, research and recording no.
     * Five consent records once completed. By field path, in the order of the form.
     */
    public static Map<String, String> servicesOnly() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("/data/intro/intro_ack", "OK");
        answers.put("/data/who/treated_as_child", "yes");
        answers.put("/data/who/givers", "survivor");
        answers.put("/data/who/assent", "yes");
        answers.put("/data/how/method", "verbal");
        answers.put("/data/how/consent_language", "en");
        answers.put("/data/how/interpreter_used", "no");
        answers.put("/data/purposes/consent_services", "yes");
        answers.put("/data/purposes/consent_law_enforcement", "no");
        answers.put("/data/purposes/consent_national_referral", "no");
        answers.put("/data/purposes/consent_research", "no");
        answers.put("/data/purposes/consent_recording", "no");
        answers.put("/data/closing/closing_ack", "OK");
        return answers;
    }
}
