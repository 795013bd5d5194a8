package org.harbor.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.harbor.accounts.Session;
import org.harbor.cases.SessionKind;
import org.harbor.interview.coach.Language;
import org.harbor.interview.profile.ProfileLibrary;
import org.harbor.seal.SealStatus;
import org.harbor.testing.TestVaults;
import org.harbor.vault.ContentKeys;
import org.harbor.vault.KeySlot;
import org.harbor.vault.KeySlotFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ADR 0011: a vault from before roles were backed by keys opens, and is migrated at the first supervisor log-in. */
@DisplayName("Roles backed by keys, in a vault from before them")
class RoleKeysMigrationTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("opens for every account; the first supervisor log-in encrypts existing interview content and grants it; seeds of absent accounts are retired, their seals still verify")
    void legacyVaultIsMigratedAtTheFirstSupervisorLogIn() throws Exception {
        try (FormFixture fx = FormFixture.create(dir.resolve("home"))) {
            Session ivo = fx.as("ivo");
            String caseSession = fx.newCaseSession(ivo, "en");
            FormSession traffic = fx.harbor.forms().open(ivo, caseSession, FormFixture.TRAFFICKING);
            traffic.answer("/data/promised", "Synthetic factory job");
            String interview = fx.harbor.cases().startSession(ivo, traffic.caseId(), SessionKind.INTERVIEW, "en").id();
            fx.harbor.interviews().start(ivo, interview, ProfileLibrary.CHILD_DEFAULT, Language.EN);
            fx.harbor.interviews().logAnswer(ivo, interview, "We took a synthetic bus.", true);

            // Back to the layout of a vault from before ADR 0011: clear values and seeds, no account
            // keys or grants, slots with neither personal key nor checksum.
            Session sup = fx.as(TestVaults.SUPERVISOR);
            fx.harbor.vault().transaction(c -> {
                List<String[]> updates = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id, session_id, text FROM utterances")) {
                    while (r.next()) {
                        updates.add(new String[] {r.getString(1), ContentKeys.read(c, ContentKeys.utteranceContext(r.getString(2)),
                                r.getString(3))});
                    }
                }
                for (String[] u : updates) {
                    exec(c, "UPDATE utterances SET text = ? WHERE id = ?", u[1], u[0]);
                }
                updates.clear();
                try (Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT submission_id, path, value FROM form_answers WHERE value LIKE 'hc1.%'")) {
                    while (r.next()) {
                        updates.add(new String[] {ContentKeys.read(c, ContentKeys.answerContext(r.getString(1)), r.getString(3)),
                                r.getString(1), r.getString(2)});
                    }
                }
                for (String[] u : updates) {
                    exec(c, "UPDATE form_answers SET value = ? WHERE submission_id = ? AND path = ?", u[0], u[1], u[2]);
                }
                List<String> keyIds = new ArrayList<>();
                try (Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT key_id FROM signing_keys WHERE purpose = 'user'")) {
                    while (r.next()) {
                        keyIds.add(r.getString(1));
                    }
                }
                for (String keyId : keyIds) {
                    Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new java.security.SecureRandom());
                    try (PreparedStatement u = c.prepareStatement("UPDATE signing_keys SET seed = ?, public_key = ? WHERE key_id = ?")) {
                        u.setBytes(1, key.getEncoded());
                        u.setBytes(2, key.generatePublicKey().getEncoded());
                        u.setString(3, keyId);
                        u.executeUpdate();
                    }
                }
                try (Statement s = c.createStatement()) {
                    s.execute("DELETE FROM content_key_grants");
                    s.execute("DELETE FROM account_keys");
                }
                return null;
            });
            fx.harbor.accounts().lock("test");
            KeySlotFile file = KeySlotFile.load(fx.harbor.home());
            for (KeySlot s : file.slots()) {
                file = file.withSlot(new KeySlot(s.id(), s.kdf(), s.memoryKiB(), s.iterations(), s.parallelism(), s.salt(),
                        s.nonce(), s.wrapped()));
            }
            file.save(fx.harbor.home());
            assertTrue(KeySlotFile.load(fx.harbor.home()).slots().stream().allMatch(s -> s.personal() == null));

            // The interviewer logs in first: reads as before, writes in clear (no class yet), seals.
            ivo = fx.as("ivo");
            assertTrue(fx.harbor.interviews().utterances(ivo, interview).get(0).text().contains("synthetic bus"));
            fx.harbor.interviews().logAnswer(ivo, interview, "And then a synthetic train.", true);
            fx.harbor.interviews().end(ivo, interview, "completed");
            assertTrue(fx.harbor.seals().sealSession(ivo, caseSession).verified());
            assertTrue(fx.harbor.seals().sealSession(ivo, interview).verified(), "sealed rows, encrypted at the migration");
            assertEquals(0, count(fx, "SELECT count(*) FROM utterances WHERE text LIKE 'hc1.%'"));

            // The intake worker logs in: nothing changes for the content.
            fx.as("ines");
            assertEquals(0, count(fx, "SELECT count(*) FROM content_key_grants"));

            // The supervisor logs in: the class key is made, everything is encrypted and granted.
            sup = fx.as(TestVaults.SUPERVISOR);
            assertEquals(0, count(fx, "SELECT count(*) FROM utterances WHERE text NOT LIKE 'hc1.%'"));
            assertEquals(0, count(fx, "SELECT count(*) FROM form_answers a JOIN form_submissions s ON s.id = a.submission_id "
                    + "WHERE s.form_id = 'test-trafficking' AND a.value IS NOT NULL AND a.value NOT LIKE 'hc1.%'"));
            assertEquals(2, count(fx, "SELECT count(*) FROM content_key_grants"), "the supervisor and the interviewer");
            assertEquals(0, count(fx, "SELECT count(*) FROM signing_keys WHERE purpose = 'user' AND length(seed) = 32"),
                    "no seed left in clear");
            assertEquals(2, count(fx, "SELECT count(*) FROM signing_keys WHERE purpose = 'user' AND retired_at IS NOT NULL "
                    + "AND user_id <> (SELECT id FROM users WHERE username = 'ivo')"),
                    "the seeds of the accounts that had no public key when the first account logged in are retired");
            assertTrue(fx.harbor.interviews().utterances(sup, interview).get(1).text().contains("synthetic train"));
            assertTrue(fx.harbor.seals().verify(sup, traffic.caseId()).stream().allMatch(SealStatus::verified),
                    "the seal made before the migration still verifies");

            // The interviewer reads the encrypted content with the grant.
            ivo = fx.as("ivo");
            assertTrue(fx.harbor.interviews().utterances(ivo, interview).get(0).text().contains("synthetic bus"));
            assertEquals("Synthetic factory job", fx.harbor.forms().answers(ivo, traffic.submissionId()).stream()
                    .filter(a -> a.path().equals("/data/promised")).findFirst().orElseThrow().value());
            String later = fx.harbor.cases().startSession(ivo, traffic.caseId(), SessionKind.INTERVIEW, "en").id();
            fx.harbor.interviews().start(ivo, later, ProfileLibrary.CHILD_DEFAULT, Language.EN);
            fx.harbor.interviews().logAnswer(ivo, later, "Later answers are encrypted.", true);
            assertEquals(0, count(fx, "SELECT count(*) FROM utterances WHERE text NOT LIKE 'hc1.%'"));
        }
    }

    private static void exec(java.sql.Connection c, String sql, String... args) throws java.sql.SQLException {
        try (PreparedStatement u = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                u.setString(i + 1, args[i]);
            }
            u.executeUpdate();
        }
    }

    private static long count(FormFixture fx, String sql) throws Exception {
        return fx.harbor.vault().transaction(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        });
    }
}
