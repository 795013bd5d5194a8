package org.harbor.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.harbor.consent.ConsentGrant;
import org.harbor.consent.ConsentMethod;
import org.harbor.consent.ConsentPurpose;
import org.harbor.consent.ConsentScope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A completed consent form becomes consent records")
class ConsentFromFormTest {

    private static StoredAnswer a(String path, String value) {
        return new StoredAnswer(path, "text", value, null, null);
    }

    @Test
    @DisplayName("one grant per purpose answered, with who, how, language and interpreter; declined questions give none")
    void mapping() {
        List<StoredAnswer> answers = List.of(
                a("/data/who/treated_as_child", "yes"),
                a("/data/who/givers", "survivor guardian"),
                a("/data/who/assent", "yes"),
                a("/data/guardian/guardian_name", "Synthetic Guardian"),
                a("/data/how/method", "written"),
                a("/data/how/consent_language", "es"),
                a("/data/how/interpreter_used", "yes"),
                a("/data/how/interpreter_name", "Synthetic Interpreter"),
                a("/data/purposes/consent_services", "yes"),
                a("/data/purposes/consent_law_enforcement", "no"),
                new StoredAnswer("/data/purposes/consent_research", "select one", null, NonResponse.DECLINED, null),
                a("/data/referral_consents[1]/organisation", "Synthetic Shelter"),
                a("/data/referral_consents[1]/consent_referral", "yes"),
                a("/data/referral_consents[2]/organisation", "Synthetic Clinic"),
                a("/data/referral_consents[2]/consent_referral", "no"));
        Map<ConsentScope, ConsentGrant> grants = ConsentFromForm.grants(answers).stream()
                .collect(Collectors.toMap(ConsentGrant::scope, g -> g));
        assertEquals(4, grants.size(), "services, law enforcement and two referrals; research was declined");
        ConsentGrant services = grants.get(ConsentScope.of(ConsentPurpose.SERVICES));
        assertTrue(services.given());
        assertTrue(services.bySurvivor() && services.assent(), "a child's own word is assent");
        assertEquals("Synthetic Guardian", services.guardian().name());
        assertFalse(services.guardian().excluded());
        assertEquals(ConsentMethod.WRITTEN, services.method());
        assertEquals("es", services.language());
        assertEquals("Synthetic Interpreter", services.interpreter());
        assertFalse(grants.get(ConsentScope.of(ConsentPurpose.LAW_ENFORCEMENT)).given());
        assertTrue(grants.get(ConsentScope.referral("synthetic shelter")).given());
        assertFalse(grants.get(ConsentScope.referral("Synthetic Clinic")).given());
    }

    @Test
    @DisplayName("an implicated guardian excluded with a reason is recorded as excluded")
    void excludedGuardian() {
        List<ConsentGrant> grants = ConsentFromForm.grants(List.of(
                a("/data/who/treated_as_child", "yes"),
                a("/data/who/givers", "survivor guardian"),
                a("/data/guardian/guardian_name", "Synthetic Guardian"),
                a("/data/guardian/guardian_implicated", "yes"),
                a("/data/guardian/guardian_excluded", "yes"),
                a("/data/guardian/guardian_exclusion_reason", "Synthetic reason"),
                a("/data/authority/authority_name", "Synthetic Officer"),
                a("/data/authority/authority_body", "Synthetic Child Services"),
                a("/data/how/method", "verbal"),
                a("/data/how/consent_language", "en"),
                a("/data/how/interpreter_used", "no"),
                a("/data/purposes/consent_services", "yes")));
        assertEquals(1, grants.size());
        assertTrue(grants.getFirst().guardian().excluded());
        assertEquals("Synthetic Officer, Synthetic Child Services", grants.getFirst().authority());
    }
}
