package org.harbor.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import java.util.Set;
import org.harbor.Harbor;
import org.harbor.accounts.AccessDenied;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.cases.Person;
import org.harbor.cases.PersonRole;
import org.harbor.i18n.Refusal;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.vault.VaultKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Consent per purpose")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentServiceTest {

    static final char[] TEMP = "a long enough pass phrase".toCharArray();
    static final char[] OWN = "own pass phrase of someone".toCharArray();

    MutableClock clock = MutableClock.atStart();
    Harbor harbor;
    ConsentService consents;
    String caseId;

    /** One vault for the class (accounts are slow to set up); every test works on a case of its own. */
    @BeforeAll
    void openVault(@TempDir Path dir) throws Exception {
        harbor = TestVaults.open(dir, clock);
        consents = harbor.consents();
        Session supervisor = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR,
                TestVaults.SUPERVISOR_PASSPHRASE).session();
        harbor.accounts().addUser(supervisor, "ines", Role.INTAKE, TEMP);
        harbor.accounts().addUser(supervisor, "inga", Role.INTAKE, TEMP);
        harbor.accounts().addUser(supervisor, "ivo", Role.INTERVIEWER, TEMP);
        harbor.accounts().lock("test");
        for (String name : List.of("ines", "inga", "ivo")) {
            Session s = harbor.accounts().login(name, TEMP);
            harbor.accounts().changePassphrase(s, TEMP, OWN);
            harbor.accounts().lock("test");
        }
    }

    @BeforeEach
    void newCase() throws Exception {
        caseId = harbor.cases().create(as("ines"), "Synthetic Survivor", List.of()).id();
    }

    @AfterAll
    void closeVault() {
        harbor.close();
    }

    Session as(String name) throws Exception {
        harbor.accounts().lock("switch");
        return harbor.accounts().login(name,
                name.equals(TestVaults.SUPERVISOR) ? TestVaults.SUPERVISOR_PASSPHRASE : OWN);
    }

    static ConsentGrant.Builder adult(ConsentScope scope) {
        return ConsentGrant.builder(scope).bySurvivor(false).method(ConsentMethod.VERBAL).language("es");
    }

    static ConsentGrant services() {
        return adult(ConsentScope.of(ConsentPurpose.SERVICES)).build();
    }

    @Test
    @DisplayName("with nothing recorded, every purpose is none and nothing is blocked")
    void nothingRecorded() throws Exception {
        Session ines = as("ines");
        for (ConsentPurpose p : List.of(ConsentPurpose.SERVICES, ConsentPurpose.LAW_ENFORCEMENT,
                ConsentPurpose.NATIONAL_REFERRAL, ConsentPurpose.RESEARCH, ConsentPurpose.RECORDING)) {
            assertEquals(ConsentStatus.NONE, consents.status(ines, caseId, p));
        }
        assertTrue(consents.blockedPurposes(ines, caseId).isEmpty());
        assertTrue(consents.list(ines, caseId).isEmpty());
    }

    @Test
    @DisplayName("an intake worker records a consent on their case; it is given, listed, and read back whole")
    void recordAndRead() throws Exception {
        Session ines = as("ines");
        ConsentGrant grant = adult(ConsentScope.of(ConsentPurpose.LAW_ENFORCEMENT))
                .method(ConsentMethod.WRITTEN).interpreter("Interpreter SYN-7").build();
        String now = clock.instant().toString();
        Consent recorded = consents.record(ines, caseId, grant);
        assertEquals(ConsentStatus.GIVEN, consents.status(ines, caseId, ConsentPurpose.LAW_ENFORCEMENT));
        assertEquals(ConsentStatus.NONE, consents.status(ines, caseId, ConsentPurpose.RESEARCH));
        List<Consent> listed = consents.list(ines, caseId);
        assertEquals(1, listed.size());
        Consent read = listed.getFirst();
        assertEquals(recorded.id(), read.id());
        assertEquals(grant, read.grant());
        assertEquals(now, read.recordedAt());
        assertEquals(ines.user().id(), read.recordedBy());
        assertEquals(Set.of(ConsentScope.of(ConsentPurpose.LAW_ENFORCEMENT)), consents.permittedPurposes(ines, caseId));
    }

    @Nested
    @DisplayName("revocation")
    class Revocation {

        @Test
        @DisplayName("turns a given consent into revoked, blocks the purpose, and keeps the record with its reason")
        void revoke() throws Exception {
            Session ines = as("ines");
            Consent given = consents.record(ines, caseId, services());
            clock.advance(Duration.ofHours(2));
            String later = clock.instant().toString();
            Consent revoked = consents.revoke(ines, given.id(), "Changed their mind after talking to family");
            assertEquals(ConsentStatus.REVOKED, revoked.state());
            assertEquals(ConsentStatus.REVOKED, consents.status(ines, caseId, ConsentPurpose.SERVICES));
            assertEquals(Set.of(ConsentScope.of(ConsentPurpose.SERVICES)), consents.blockedPurposes(ines, caseId));
            Consent listed = consents.list(ines, caseId).getFirst();
            assertEquals(later, listed.revocation().orElseThrow().revokedAt());
            assertEquals("Changed their mind after talking to family", listed.revocation().orElseThrow().reason());
        }

        @Test
        @DisplayName("needs a reason, and cannot be done twice or to a refusal")
        void refusedRevocations() throws Exception {
            Session ines = as("ines");
            Consent given = consents.record(ines, caseId, services());
            assertThrows(IllegalArgumentException.class, () -> consents.revoke(ines, given.id(), "  "));
            consents.revoke(ines, given.id(), "asked to stop");
            assertThrows(IllegalStateException.class, () -> consents.revoke(ines, given.id(), "again"));
            Consent refusal = consents.record(ines, caseId, adult(ConsentScope.of(ConsentPurpose.RESEARCH)).refused().build());
            assertThrows(IllegalStateException.class, () -> consents.revoke(ines, refusal.id(), "no"));
            assertEquals(1, count("consent_revocations"));
        }

        @Test
        @DisplayName("is audited with ids and the purpose, never the reason or the organisation")
        void auditWithoutContent() throws Exception {
            Session ines = as("ines");
            Consent given = consents.record(ines, caseId, adult(ConsentScope.referral("CANARY-ORG Shelter")).build());
            consents.revoke(ines, given.id(), "CANARY-REASON the survivor said stop");
            List<String> entries = auditEntries();
            assertTrue(entries.stream().anyMatch(e -> e.startsWith(ConsentService.AUDIT_RECORDED + " " + given.id())), entries.toString());
            assertTrue(entries.stream().anyMatch(e -> e.startsWith(ConsentService.AUDIT_REVOKED + " " + given.id())
                    && e.contains("\"purpose\":\"referral\"")), entries.toString());
            assertFalse(String.join("\n", entries).contains("CANARY"), "record content reached the audit log");
        }

        @Test
        @DisplayName("a new consent after a revocation gives the purpose again; both records remain")
        void giveAgain() throws Exception {
            Session ines = as("ines");
            Consent first = consents.record(ines, caseId, services());
            consents.revoke(ines, first.id(), "paused");
            consents.record(ines, caseId, services());
            assertEquals(ConsentStatus.GIVEN, consents.status(ines, caseId, ConsentPurpose.SERVICES));
            assertTrue(consents.blockedPurposes(ines, caseId).isEmpty());
            List<Consent> all = consents.list(ines, caseId);
            assertEquals(List.of(ConsentStatus.REVOKED, ConsentStatus.GIVEN), all.stream().map(Consent::state).toList());
        }
    }

    @Test
    @DisplayName("a refusal is recorded as refused, and blocks the purpose")
    void refusal() throws Exception {
        Session ines = as("ines");
        consents.record(ines, caseId, adult(ConsentScope.of(ConsentPurpose.RECORDING)).refused().build());
        assertEquals(ConsentStatus.REFUSED, consents.status(ines, caseId, ConsentPurpose.RECORDING));
        assertFalse(ConsentStatus.REFUSED.permits());
        assertEquals(Set.of(ConsentScope.of(ConsentPurpose.RECORDING)), consents.blockedPurposes(ines, caseId));
    }

    @Nested
    @DisplayName("a referral")
    class Referral {

        @Test
        @DisplayName("is consented per organisation, matched ignoring case and spacing")
        void perOrganisation() throws Exception {
            Session ines = as("ines");
            consents.record(ines, caseId, adult(ConsentScope.referral("Safe  Harbour Shelter")).build());
            assertEquals(ConsentStatus.GIVEN, consents.status(ines, caseId, ConsentScope.referral("safe harbour shelter")));
            assertEquals(ConsentStatus.NONE, consents.status(ines, caseId, ConsentScope.referral("Other Clinic")));
        }

        @Test
        @DisplayName("cannot be asked about without naming the organisation")
        void needsOrganisation() throws Exception {
            Session ines = as("ines");
            assertThrows(IllegalArgumentException.class, () -> consents.status(ines, caseId, ConsentPurpose.REFERRAL));
            assertThrows(IllegalArgumentException.class, () -> ConsentScope.referral(" "));
            assertThrows(IllegalArgumentException.class, () -> new ConsentScope(ConsentPurpose.RESEARCH, "Org"));
        }
    }

    @Nested
    @DisplayName("for a child")
    class Child {

        @Test
        @DisplayName("assent alone is recorded, and says an adult's consent is still owed")
        void assentAlone() throws Exception {
            Session ines = as("ines");
            ConsentGrant assent = ConsentGrant.builder(ConsentScope.of(ConsentPurpose.SERVICES)).bySurvivor(true)
                    .language("ar").build();
            consents.record(ines, caseId, assent);
            Consent read = consents.list(ines, caseId).getFirst();
            assertTrue(read.grant().assent());
            assertTrue(read.grant().needsAdultConsent());
        }

        @Test
        @DisplayName("an implicated guardian is excluded with a reason, and an authority consents")
        void implicatedGuardian() throws Exception {
            Session ines = as("ines");
            Person guardian = harbor.cases().addPerson(ines, caseId, PersonRole.GUARDIAN, "Synthetic Uncle", List.of());
            ConsentGrant grant = ConsentGrant.builder(ConsentScope.of(ConsentPurpose.NATIONAL_REFERRAL)).bySurvivor(true)
                    .guardian(GuardianConsent.excluded("Synthetic Uncle", "arranged the journey").withPerson(guardian.id()))
                    .authority("Duty social worker, Synthetic County").language("en").build();
            assertFalse(grant.needsAdultConsent());
            consents.record(ines, caseId, grant);
            GuardianConsent read = consents.list(ines, caseId).getFirst().grant().guardian();
            assertTrue(read.excluded());
            assertEquals("arranged the journey", read.exclusionReason());
            assertEquals(guardian.id(), read.personId());
        }

        @Test
        @DisplayName("an excluded guardian needs a reason and cannot be the only one consenting")
        void excludedGuardianAlone() {
            assertThrows(IllegalArgumentException.class, () -> GuardianConsent.excluded("Synthetic Uncle", " "));
            assertThrows(IllegalArgumentException.class, () -> ConsentGrant.builder(ConsentScope.of(ConsentPurpose.SERVICES))
                    .guardian(GuardianConsent.excluded("Synthetic Uncle", "implicated")).language("en").build());
        }

        @Test
        @DisplayName("a guardian must be a guardian of this case")
        void guardianOfAnotherCase() throws Exception {
            Session ines = as("ines");
            String other = harbor.cases().create(ines, "Other Synthetic", List.of()).id();
            Person stranger = harbor.cases().addPerson(ines, other, PersonRole.GUARDIAN, "Synthetic Aunt", List.of());
            ConsentGrant grant = ConsentGrant.builder(ConsentScope.of(ConsentPurpose.SERVICES))
                    .guardian(GuardianConsent.consenting("Synthetic Aunt").withPerson(stranger.id())).language("en").build();
            assertThrows(IllegalArgumentException.class, () -> consents.record(ines, caseId, grant));
            assertTrue(consents.list(ines, caseId).isEmpty());
        }
    }

    @Nested
    @DisplayName("who may see and record")
    class Permissions {

        @Test
        @DisplayName("another intake worker and an interviewer who does not work on the case are refused")
        void strangersRefused() throws Exception {
            consents.record(as("ines"), caseId, services());
            for (String name : List.of("inga", "ivo")) {
                Session s = as(name);
                assertThrows(AccessDenied.class, () -> consents.list(s, caseId), name);
                assertThrows(AccessDenied.class, () -> consents.status(s, caseId, ConsentPurpose.SERVICES), name);
                assertThrows(AccessDenied.class, () -> consents.record(s, caseId, services()), name);
                assertThrows(AccessDenied.class, () -> consents.blockedPurposes(s, caseId), name);
            }
        }

        @Test
        @DisplayName("a supervisor sees every case's consents and may record a withdrawal")
        void supervisor() throws Exception {
            Consent given = consents.record(as("ines"), caseId, services());
            Session sam = as(TestVaults.SUPERVISOR);
            assertEquals(1, consents.list(sam, caseId).size());
            consents.revoke(sam, given.id(), "supervisor recorded the withdrawal");
            assertEquals(Set.of(ConsentScope.of(ConsentPurpose.SERVICES)), consents.blockedPurposes(sam, caseId));
            assertEquals(ConsentStatus.REVOKED, consents.status(as("ines"), caseId, ConsentPurpose.SERVICES));
        }

        @Test
        @DisplayName("a session that ended is refused")
        void endedSession() throws Exception {
            Session ines = as("ines");
            harbor.accounts().lock("test");
            assertThrows(AccessDenied.class, () -> consents.list(ines, caseId));
        }

        @Test
        @DisplayName("revoking a consent of an unknown id is refused like one of another's case")
        void unknownConsent() throws Exception {
            Session ines = as("ines");
            assertThrows(AccessDenied.class, () -> consents.revoke(ines, "no-such-id", "reason"));
        }
    }

    @Test
    @DisplayName("the database itself refuses to change or delete a consent or a revocation")
    void neverChangedOrDeleted() throws Exception {
        Session ines = as("ines");
        Consent given = consents.record(ines, caseId, services());
        consents.revoke(ines, given.id(), "stop");
        for (String sql : List.of("UPDATE consents SET decision = 'refused'", "DELETE FROM consents",
                "UPDATE consent_revocations SET reason = 'x'", "DELETE FROM consent_revocations")) {
            assertThrows(Refusal.class, () -> harbor.vault().transaction(c -> {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    return s.executeUpdate();
                }
            }), sql);
        }
        assertEquals(1, count("consents"));
        assertEquals(1, count("consent_revocations"));
    }

    @Test
    @DisplayName("the export code's query in its own transaction sees the same blocked purposes")
    void blockedInTransaction() throws Exception {
        Session ines = as("ines");
        Consent given = consents.record(ines, caseId, adult(ConsentScope.of(ConsentPurpose.LAW_ENFORCEMENT)).build());
        consents.revoke(ines, given.id(), "no police");
        Set<ConsentScope> blocked = harbor.vault().transaction(c -> consents.blockedPurposes(c, caseId));
        assertEquals(Set.of(ConsentScope.of(ConsentPurpose.LAW_ENFORCEMENT)), blocked);
    }

    @Test
    @DisplayName("a grant refuses missing language, unexplained 'other' method, and assent without the child")
    void grantValidation() {
        ConsentScope services = ConsentScope.of(ConsentPurpose.SERVICES);
        assertThrows(IllegalArgumentException.class, () -> ConsentGrant.builder(services).bySurvivor(false).build());
        assertThrows(IllegalArgumentException.class, () -> ConsentGrant.builder(services).bySurvivor(false)
                .method(ConsentMethod.OTHER).language("en").build());
        assertThrows(IllegalArgumentException.class, () -> new ConsentGrant(services, true, false, true, null,
                "Authority", ConsentMethod.VERBAL, null, "en", null));
        assertEquals("ConsentGrant[ConsentScope[referral, organisation], given]",
                adult(ConsentScope.referral("CANARY Org")).build().toString(), "toString leaks no organisation");
    }

    /** Rows of this test's case in {@code consents} or {@code consent_revocations}. */
    long count(String table) throws Exception {
        String sql = table.equals("consents") ? "SELECT count(*) FROM consents WHERE case_id = ?"
                : "SELECT count(*) FROM consent_revocations r JOIN consents k ON k.id = r.consent_id WHERE k.case_id = ?";
        return harbor.vault().transaction(c -> {
            try (PreparedStatement q = c.prepareStatement(sql)) {
                q.setString(1, caseId);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    List<String> auditEntries() throws Exception {
        return harbor.vault().transaction(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT action, target, details FROM audit_log ORDER BY seq");
                 ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3));
                }
            }
            return out;
        });
    }

}
