package org.harbor.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.harbor.Harbor;
import org.harbor.accounts.EmergencyContact;
import org.harbor.accounts.Session;
import org.harbor.accounts.SigningKeys;
import org.harbor.cases.SessionKind;
import org.harbor.crypto.Ed25519;
import org.harbor.crypto.Hashes;
import org.harbor.crypto.Minisign;
import org.harbor.forms.FormDefinition;
import org.harbor.forms.FormRejectedException;
import org.harbor.safety.ReportRules;
import org.harbor.usecases.ReceivePublications;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, forms and settings downstream (ADR 0017), on loopback only: the office publishes with
 * {@code PublishToLaptops}, the real sync server serves, a real field vault fetches with
 * {@code ReceivePublications}, checks and applies. Refusals are made by altering what the office's
 * server holds (its store, as after a break-in or a restored backup), never by faking the client.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DownstreamTest {

    private static final String FORM_ID = "office-followup";

    @TempDir
    Path dir;

    /** A synthetic XForm: one text question, the given id and version. */
    static byte[] form(String id, String version, String label) {
        return """
                <?xml version="1.0"?>
                <h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"
                        xmlns:jr="http://openrosa.org/javarosa">
                  <h:head><h:title>Office follow-up</h:title>
                    <model><instance><data id="%s" version="%s"><q1/></data></instance>
                    <bind nodeset="/data/q1" type="string"/></model>
                  </h:head>
                  <h:body><input ref="/data/q1"><label>%s</label></input></h:body>
                </h:html>
                """.formatted(id, version, label).strip().getBytes(StandardCharsets.UTF_8);
    }

    private static ReceivePublications.Received receive(SyncFixture f, SyncFixture.Laptop laptop) throws InterruptedException {
        return laptop.harbor().useCases().receivePublications().receive(laptop.supervisor(), f.url());
    }

    private static Optional<FormDefinition> newest(SyncFixture.Laptop laptop, String formId) {
        return laptop.harbor().forms().forms(laptop.supervisor()).stream().filter(d -> d.formId().equals(formId)).findFirst();
    }

    @Test
    @DisplayName("publish, fetch, apply: a form and the settings the office published are fetched on sync, verified and applied")
    void publishedFormAndSettingsAreFetchedVerifiedAndApplied() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            f.serve(SyncServer.Limits.DEFAULT);
            SyncFixture.Laptop laptop = f.laptop("1", true);
            String pack = ReportRules.jurisdictions().getFirst();
            var publish = f.central.useCases().publishToLaptops();
            publish.publishForm(f.office, form(FORM_ID, "1", "First question"));
            publish.publishSettings(f.office, ("{\"breakMinutes\": 35, \"reportJurisdiction\": \"" + pack + "\", \"emergencyContacts\": "
                    + "{\"country\": \"GB\", \"contacts\": [{\"name\": \"Office duty line\", \"number\": \"+44 20 7946 0000\", "
                    + "\"whenToCall\": \"Any time\"}]}}").getBytes(StandardCharsets.UTF_8));

            ReceivePublications.Received got = receive(f, laptop);

            assertEquals(List.of(), got.refused());
            assertEquals(List.of("form:" + FORM_ID, "settings"), got.applied().stream().map(ReceivePublications.Applied::subject).toList());
            assertEquals("1", newest(laptop, FORM_ID).orElseThrow().version(), "the form is registered on the laptop");
            Harbor field = laptop.harbor();
            assertEquals(Duration.ofMinutes(35), field.useCases().saveSettings().breakOffer());
            assertEquals(Optional.of(pack), field.useCases().chooseReportJurisdiction().current());
            assertEquals(Optional.of("GB"), field.useCases().editEmergencyContacts().country());
            assertEquals(List.of(new EmergencyContact("Office duty line", "+44 20 7946 0000", "Any time")),
                    field.useCases().editEmergencyContacts().contacts());
            assertEquals(List.of(), receive(f, laptop).applied(), "a publication applied already is not applied again");
        }
    }

    @Test
    @DisplayName("old version kept: a case started on version 1 opens on version 1 after version 2 arrives; new cases use 2")
    void caseStartedOnVersionOneKeepsIt() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            f.serve(SyncServer.Limits.DEFAULT);
            SyncFixture.Laptop laptop = f.laptop("1", true);
            Harbor field = laptop.harbor();
            Session s = laptop.supervisor();
            var publish = f.central.useCases().publishToLaptops();
            publish.publishForm(f.office, form(FORM_ID, "1", "First question"));
            assertEquals(1, receive(f, laptop).applied().size());
            String started = field.cases().create(s, "Alpha Survivor", List.of()).id();
            String firstSession = field.cases().startSession(s, started, SessionKind.INTAKE, "en").id();
            assertEquals("1", field.forms().open(s, firstSession, FORM_ID).definition().version());

            publish.publishForm(f.office, form(FORM_ID, "2", "First question, reworded"));
            ReceivePublications.Received got = receive(f, laptop);
            assertEquals(List.of("2"), got.applied().stream().map(ReceivePublications.Applied::version).toList());

            assertEquals("1", field.forms().open(s, firstSession, FORM_ID).definition().version(), "the started submission keeps version 1");
            String laterSession = field.cases().startSession(s, started, SessionKind.FOLLOW_UP, "en").id();
            assertEquals("1", field.forms().open(s, laterSession, FORM_ID).definition().version(), "the started case keeps version 1");
            String fresh = field.cases().create(s, "Beta Survivor", List.of()).id();
            String freshSession = field.cases().startSession(s, fresh, SessionKind.INTAKE, "en").id();
            assertEquals("2", field.forms().open(s, freshSession, FORM_ID).definition().version(), "a new case uses version 2");
        }
    }

    @Test
    @DisplayName("refused at signature: a publication altered on the server does not verify, and nothing of it is applied")
    void alteredPublicationIsRefusedAtSignature() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            f.serve(SyncServer.Limits.DEFAULT);
            SyncFixture.Laptop laptop = f.laptop("1", true);
            Publication p = f.central.useCases().publishToLaptops().publishSettings(f.office, "{\"breakMinutes\": 45}".getBytes(StandardCharsets.UTF_8));
            String altered = new String(p.toFile(), StandardCharsets.UTF_8).replace(p.publishedAt(), "2020-01-01T00:00:00Z");
            replaceFile(f, p.sequence(), altered.getBytes(StandardCharsets.UTF_8));

            ReceivePublications.Received got = receive(f, laptop);

            assertEquals(List.of(new ReceivePublications.Refused("settings", p.sequence(), PublicationCheck.SIGNATURE)), got.refused());
            assertEquals(Duration.ofMinutes(20), laptop.harbor().useCases().saveSettings().breakOffer(), "the default break stays");
        }
    }

    @Test
    @DisplayName("refused at signer: a publication signed by a key the trust bundle does not hold is refused")
    void unknownSignerIsRefused() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            f.serve(SyncServer.Limits.DEFAULT);
            SyncFixture.Laptop laptop = f.laptop("1", true);
            Minisign.PublicKey stranger;
            Publication forged;
            try (Ed25519.SigningKey key = Ed25519.generate()) {
                stranger = new Minisign.PublicKey(Minisign.newKeyId(), key.publicKey());
                forged = Publication.sign(Publication.SETTINGS, Publication.SETTINGS, 1, null, "2026-01-01T00:00:00Z",
                        "{\"breakMinutes\":5}".getBytes(StandardCharsets.UTF_8), stranger, key);
            }
            insert(f, forged);

            ReceivePublications.Received got = receive(f, laptop);

            assertEquals(List.of(new ReceivePublications.Refused("settings", 1, PublicationCheck.SIGNER)), got.refused());
            assertEquals(Duration.ofMinutes(20), laptop.harbor().useCases().saveSettings().breakOffer());
        }
    }

    @Test
    @DisplayName("refused at older: a form version below the one held, and a publication older than the one applied (a restored server), are refused")
    void olderThanHeldIsRefused() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            f.serve(SyncServer.Limits.DEFAULT);
            SyncFixture.Laptop laptop = f.laptop("1", true);
            // The laptop's supervisor registered version 3 by hand; the office then publishes version 2.
            laptop.harbor().forms().importForm(laptop.supervisor(), form(FORM_ID, "3", "Third"));
            var publish = f.central.useCases().publishToLaptops();
            Publication two = publish.publishForm(f.office, form(FORM_ID, "2", "Second"));
            assertEquals(List.of(new ReceivePublications.Refused("form:" + FORM_ID, two.sequence(), PublicationCheck.OLDER)),
                    receive(f, laptop).refused());
            assertEquals("3", newest(laptop, FORM_ID).orElseThrow().version());

            // Settings 1 then 2 applied; the office's store is restored from before 2: 1 is offered again.
            publish.publishSettings(f.office, "{\"breakMinutes\": 30}".getBytes(StandardCharsets.UTF_8));
            assertEquals(1, receive(f, laptop).applied().size());
            Publication second = publish.publishSettings(f.office, "{\"breakMinutes\": 40}".getBytes(StandardCharsets.UTF_8));
            assertEquals(1, receive(f, laptop).applied().size());
            delete(f, second.sequence());
            ReceivePublications.Received got = receive(f, laptop);
            assertEquals(List.of(new ReceivePublications.Refused("settings", second.sequence() - 1, PublicationCheck.OLDER)),
                    got.refused().stream().filter(r -> r.subject().equals("settings")).toList());
            assertEquals(Duration.ofMinutes(40), laptop.harbor().useCases().saveSettings().breakOffer(), "the newer settings stay");
        }
    }

    @Test
    @DisplayName("refused at form: a signed form that JavaRosa cannot load is refused, and the office will not publish one")
    void formJavaRosaCannotLoadIsRefused() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            f.serve(SyncServer.Limits.DEFAULT);
            SyncFixture.Laptop laptop = f.laptop("1", true);
            byte[] broken = new String(form(FORM_ID, "1", "Q"), StandardCharsets.UTF_8).replace("</model>", "")
                    .getBytes(StandardCharsets.UTF_8);
            assertThrows(FormRejectedException.class, () -> f.central.useCases().publishToLaptops().publishForm(f.office, broken));
            insert(f, signedByOffice(f, Publication.FORM, "form:" + FORM_ID, "1", broken));

            ReceivePublications.Received got = receive(f, laptop);

            assertEquals(List.of(new ReceivePublications.Refused("form:" + FORM_ID, 1, PublicationCheck.FORM)), got.refused());
            assertTrue(newest(laptop, FORM_ID).isEmpty(), "nothing registered");
        }
    }

    @Test
    @DisplayName("refused at settings: signed settings out of the Settings screen's range are refused whole, and the office will not publish them")
    void settingsOutOfRangeAreRefusedWhole() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            f.serve(SyncServer.Limits.DEFAULT);
            SyncFixture.Laptop laptop = f.laptop("1", true);
            byte[] bad = ("{\"breakMinutes\": 30, \"reportJurisdiction\": \"XX-NOWHERE\"}").getBytes(StandardCharsets.UTF_8);
            assertThrows(org.harbor.i18n.Refusal.class, () -> f.central.useCases().publishToLaptops().publishSettings(f.office, bad));
            insert(f, signedByOffice(f, Publication.SETTINGS, Publication.SETTINGS, null, bad));

            ReceivePublications.Received got = receive(f, laptop);

            assertEquals(List.of(new ReceivePublications.Refused("settings", 1, PublicationCheck.SETTINGS)), got.refused());
            assertEquals(Duration.ofMinutes(20), laptop.harbor().useCases().saveSettings().breakOffer(), "not half applied");
        }
    }

    @Test
    @DisplayName("only enrolled laptops fetch publications; the office refuses to publish a form version not above the last")
    void unenrolledLaptopAndOlderPublishAreRefused() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            f.serve(SyncServer.Limits.DEFAULT);
            SyncFixture.Laptop stranger = f.laptop("stranger", false);
            var publish = f.central.useCases().publishToLaptops();
            publish.publishForm(f.office, form(FORM_ID, "2", "Second"));
            SyncRefused refused = assertThrows(SyncRefused.class, () -> receive(f, stranger));
            assertEquals(SyncCheck.ENROLMENT, refused.check());
            PublicationRefused older = assertThrows(PublicationRefused.class, () -> publish.publishForm(f.office, form(FORM_ID, "1", "First")));
            assertEquals(PublicationCheck.OLDER, older.check());
            assertFalse(publish.published(f.office).size() > 1);
        }
    }

    // --- altering what the office's server holds -------------------------------------------------

    private static Publication signedByOffice(SyncFixture f, String kind, String subject, String version, byte[] content) {
        return f.central.vault().transaction(c -> {
            Minisign.PublicKey key = SigningKeys.vaultKey(c, SigningKeys.Purpose.RECEIPT, "2026-01-01T00:00:00Z");
            try (Ed25519.SigningKey signing = SigningKeys.open(c, key)) {
                return Publication.sign(kind, subject, 1, version, "2026-01-01T00:00:00Z", content, key, signing);
            }
        });
    }

    private static void insert(SyncFixture f, Publication p) {
        byte[] file = p.toFile();
        f.central.vault().transaction(c -> {
            try (var insert = c.prepareStatement("INSERT INTO publications(sequence, kind, subject, version, file, sha256, published_at, "
                    + "published_by) VALUES (?,?,?,?,?,?,?,?)")) {
                insert.setLong(1, p.sequence());
                insert.setString(2, p.kind());
                insert.setString(3, p.subject());
                insert.setString(4, p.version());
                insert.setBytes(5, file);
                insert.setString(6, Hashes.hex(Hashes.sha256(file)));
                insert.setString(7, p.publishedAt());
                insert.setLong(8, f.office.user().id());
                insert.executeUpdate();
            }
            return null;
        });
    }

    private static void replaceFile(SyncFixture f, long sequence, byte[] file) {
        f.central.vault().transaction(c -> {
            try (var update = c.prepareStatement("UPDATE publications SET file = ?, sha256 = ? WHERE sequence = ?")) {
                update.setBytes(1, file);
                update.setString(2, Hashes.hex(Hashes.sha256(file)));
                update.setLong(3, sequence);
                update.executeUpdate();
            }
            return null;
        });
    }

    private static void delete(SyncFixture f, long sequence) {
        f.central.vault().transaction(c -> {
            try (var delete = c.prepareStatement("DELETE FROM publications WHERE sequence = ?")) {
                delete.setLong(1, sequence);
                delete.executeUpdate();
            }
            return null;
        });
    }
}
