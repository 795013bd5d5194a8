package org.harbor.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.harbor.accounts.Session;
import org.harbor.cases.SessionKind;
import org.harbor.interview.coach.Language;
import org.harbor.interview.profile.ProfileLibrary;
import org.harbor.seal.SealStatus;
import org.harbor.testing.TestVaults;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

/**
 * Issue 15, "Roles backed by cryptography": what an intake account's passphrase opens, tried as an
 * attacker with the raw files and public libraries only (Jackson, BouncyCastle, the JDK's
 * AES-GCM, the SQLite3MC JDBC driver) - no Harbor class touches the files in the attack.
 */
@DisplayName("Roles backed by keys")
class RolesBackedByKeysTest {

    @TempDir
    Path dir;

    private static String canary(List<String> canaries) {
        String c = "CANARY" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        canaries.add(c);
        return c;
    }

    @Test
    @DisplayName("with only the intake passphrase and the raw files, interview utterances, trafficking answers and every signing seed are unreadable")
    void intakePassphraseOpensNoRestrictedContentNorAnySeed() throws Exception {
        Path home = dir.resolve("home");
        List<String> canaries = new ArrayList<>();
        List<byte[]> seeds = new ArrayList<>();
        try (FormFixture fx = FormFixture.create(home)) {
            Session ivo = fx.as("ivo");
            String caseSession = fx.newCaseSession(ivo, "en");
            FormSession traffic = fx.harbor.forms().open(ivo, caseSession, FormFixture.TRAFFICKING);
            traffic.answer("/data/promised", "Synthetic " + canary(canaries));
            String caseId = traffic.caseId();
            String interview = fx.harbor.cases().startSession(ivo, caseId, SessionKind.INTERVIEW, "en").id();
            fx.harbor.interviews().start(ivo, interview, ProfileLibrary.CHILD_DEFAULT, Language.EN);
            fx.harbor.interviews().logQuestion(ivo, interview, "Tell me about " + canary(canaries), true);
            fx.harbor.interviews().logAnswer(ivo, interview, "We went to " + canary(canaries), true);
            fx.harbor.seals().sealSession(ivo, caseSession);
            // Every account's seed as the owner's own session opens it: what the attacker must not find.
            seeds.add(ownSeed(fx, ivo));
            Session ines = fx.as("ines");
            String own = fx.newCaseSession(ines, "en");
            fx.harbor.forms().open(ines, own, FormFixture.INTAKE);
            seeds.add(ownSeed(fx, ines));
            Session sup = fx.as(TestVaults.SUPERVISOR);
            seeds.add(ownSeed(fx, sup));
            assertEquals("Synthetic " + canaries.get(0), fx.harbor.forms().answers(sup, traffic.submissionId()).stream()
                    .filter(a -> a.path().equals("/data/promised")).findFirst().orElseThrow().value(),
                    "a supervisor still reads the trafficking answer");
            assertTrue(fx.harbor.interviews().utterances(sup, interview).get(0).text().contains(canaries.get(1)),
                    "and the utterances");
            assertTrue(fx.harbor.seals().verify(sup, caseId).stream().allMatch(SealStatus::verified),
                    "and the seal verifies for every role that may see its content");
            fx.harbor.accounts().lock("test");
        }

        // The attack: intake passphrase + keyslots.json + harbor.db.
        JsonNode slots = new ObjectMapper().readTree(Files.readAllBytes(home.resolve("keyslots.json")));
        byte[] vaultSalt = Base64.getDecoder().decode(slots.get("vaultSalt").asText());
        String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(concat(vaultSalt,
                "ines".getBytes(StandardCharsets.UTF_8))));
        JsonNode slot = null;
        for (JsonNode s : slots.get("slots")) {
            if (s.get("id").asText().equals(id)) {
                slot = s;
            }
        }
        assertNotNull(slot, "the intake slot");
        byte[] kek = argon2id(FormFixture.OWN, slot);
        String aad = id + "|argon2id|" + slot.get("memoryKiB").asInt() + "|" + slot.get("iterations").asInt() + "|"
                + slot.get("parallelism").asInt();
        byte[] dataKey = gcmOpen(kek, slot.get("nonce").asText(), slot.get("wrapped").asText(), aad);
        byte[] personal = null;
        if (slot.hasNonNull("personal")) {
            String[] personalParts = slot.get("personal").asText().split("\\.");
            personal = gcmOpen(kek, personalParts[0], personalParts[1], "harbor personal key v1|" + aad);
        }

        var config = SQLiteMCSqlCipherConfig.getV4Defaults().withRawUnsaltedKey(dataKey).build();
        List<String> found = new ArrayList<>();
        int grantsOpened = 0;
        int seedsOpened = 0;
        try (Connection c = org.sqlite.JDBC.createConnection("jdbc:sqlite:" + home.resolve("harbor.db"), config.toProperties())) {
            List<String> tables = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertTrue(tables.contains("utterances") && tables.contains("form_answers") && tables.contains("signing_keys"),
                    "the data key opened the database");
            for (String table : tables) {
                try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            byte[] value = rows.getBytes(i);
                            if (value == null) {
                                continue;
                            }
                            String text = new String(value, StandardCharsets.UTF_8);
                            for (String canary : canaries) {
                                if (text.contains(canary)) {
                                    found.add(table + "." + meta.getColumnName(i));
                                }
                            }
                            for (byte[] seed : seeds) {
                                if (indexOf(value, seed) >= 0 || text.toLowerCase(Locale.ROOT).contains(HexFormat.of().formatHex(seed))) {
                                    found.add(table + "." + meta.getColumnName(i) + " (a seed)");
                                }
                            }
                        }
                    }
                }
            }
            // Whatever the intake personal key can open: no class grant, no seed but its own.
            if (personal != null) {
                try (PreparedStatement q = c.prepareStatement(
                        "SELECT ephemeral, nonce, wrapped, content_class, slot_id FROM content_key_grants");
                     ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        if (tryGrant(personal, rows.getBytes(1), rows.getBytes(2), rows.getBytes(3),
                                "harbor grant v1|" + rows.getString(4) + "|" + rows.getString(5))) {
                            grantsOpened++;
                        }
                    }
                }
                try (PreparedStatement q = c.prepareStatement("SELECT seed, key_id FROM signing_keys WHERE purpose = 'user'");
                     ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        if (trySeed(personal, rows.getBytes(1), "harbor seed v1|" + rows.getString(2))) {
                            seedsOpened++;
                        }
                    }
                }
            } else {
                seedsOpened = 1; // a vault without personal keys: the dump above is the whole test
            }
        }
        assertEquals(List.of(), found, "no canary nor seed in clear in any table or column");
        assertEquals(0, grantsOpened, "the intake key opens no content-class key");
        assertEquals(1, seedsOpened, "the intake key opens its own seed only");
    }

    @Test
    @DisplayName("a seal is verified against the signer's enrolled key: a forged seal signed with a key not enrolled is refused")
    void forgedSealWithAKeyNotEnrolledIsRefused() throws Exception {
        try (FormFixture fx = FormFixture.create(dir.resolve("home"))) {
            Session ivo = fx.as("ivo");
            String caseSession = fx.newCaseSession(ivo, "en");
            FormSession form = fx.harbor.forms().open(ivo, caseSession, FormFixture.INTAKE);
            form.answer("/data/name", "Synthetic Survivor");
            SealStatus sealed = fx.harbor.seals().sealSession(ivo, caseSession);
            assertTrue(sealed.verified());
            // An attacker with the database rewrites the seal with a key of their own: a valid
            // signature, by a key that was never enrolled for ivo.
            Ed25519PrivateKeyParameters forger = new Ed25519PrivateKeyParameters(new java.security.SecureRandom());
            fx.harbor.vault().transaction(c -> {
                List<String> triggers = new ArrayList<>();
                try (Statement st = c.createStatement();
                     ResultSet t = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'seals'")) {
                    while (t.next()) {
                        triggers.add(t.getString(1));
                    }
                }
                for (String trigger : triggers) {
                    try (Statement st = c.createStatement()) {
                        st.execute("DROP TRIGGER \"" + trigger + "\""); // the attacker has the database
                    }
                }
                try (PreparedStatement q = c.prepareStatement("SELECT content_hash FROM seals WHERE id = ?")) {
                    q.setString(1, sealed.sealId());
                    try (ResultSet row = q.executeQuery()) {
                        row.next();
                        byte[] hash = HexFormat.of().parseHex(row.getString(1));
                        Ed25519Signer signer = new Ed25519Signer();
                        signer.init(true, forger);
                        signer.update(hash, 0, hash.length);
                        byte[] signature = signer.generateSignature();
                        try (PreparedStatement u = c.prepareStatement("UPDATE seals SET public_key = ?, signature = ? WHERE id = ?")) {
                            u.setBytes(1, forger.generatePublicKey().getEncoded());
                            u.setBytes(2, signature);
                            u.setString(3, sealed.sealId());
                            u.executeUpdate();
                        }
                    }
                }
                return null;
            });
            SealStatus now = fx.harbor.seals().verify(ivo, form.caseId()).stream()
                    .filter(s -> s.sealId().equals(sealed.sealId())).findFirst().orElseThrow();
            assertFalse(now.signatureValid(), "the forged signature verifies with the key it carries, but that key is not enrolled");
            assertFalse(now.verified());
            Session sup = fx.as(TestVaults.SUPERVISOR);
            assertThrows(RuntimeException.class, () -> fx.harbor.seals().coSign(sup, sealed.sealId()),
                    "and it cannot be co-signed");
        }
    }

    @Test
    @DisplayName("a role without the class key sees a sealed session with restricted content as signed and restricted, not as altered")
    void sealOverRestrictedContentShowsAsRestrictedToIntake() throws Exception {
        try (FormFixture fx = FormFixture.create(dir.resolve("home"))) {
            Session ines = fx.as("ines");
            String caseSession = fx.newCaseSession(ines, "en");
            String caseId = fx.harbor.forms().open(ines, caseSession, FormFixture.INTAKE).caseId();
            Session sup = fx.as(TestVaults.SUPERVISOR);
            String history = fx.newSession(sup, caseId, "en");
            fx.harbor.forms().open(sup, history, FormFixture.TRAFFICKING).answer("/data/promised", "Synthetic factory job");
            assertTrue(fx.harbor.seals().sealSession(sup, history).verified());
            ines = fx.as("ines");
            SealStatus seen = fx.harbor.seals().verify(ines, caseId).getFirst();
            assertTrue(seen.restricted(), "the intake worker cannot rebuild the sealed answers");
            assertTrue(seen.signatureValid(), "but the signature holds against the supervisor's enrolled key");
            assertTrue(seen.restrictedButSigned());
        }
    }

    @Test
    @DisplayName("after a passphrase reset with the recovery key, the interviewer reads interview content again and seals with a new key; old seals still verify")
    void recoveryKeepsTheRoleKeys() throws Exception {
        try (org.harbor.Harbor h = TestVaults.open(dir.resolve("home"), org.harbor.testing.MutableClock.atStart())) {
            var setup = h.accounts().setUp(org.harbor.vault.VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
            h.accounts().addUser(setup.session(), "ivo", org.harbor.accounts.Role.INTERVIEWER, FormFixture.PASS);
            h.accounts().lock("switch");
            Session ivo = h.accounts().login("ivo", FormFixture.PASS);
            h.accounts().changePassphrase(ivo, FormFixture.PASS, FormFixture.OWN);
            ivo = h.accounts().current().orElseThrow();
            String caseId = h.cases().create(ivo, "Synthetic Child", List.of()).id();
            String interview = h.cases().startSession(ivo, caseId, SessionKind.INTERVIEW, "en").id();
            h.interviews().start(ivo, interview, ProfileLibrary.CHILD_DEFAULT, Language.EN);
            h.interviews().logAnswer(ivo, interview, "A synthetic answer.", true);
            h.interviews().end(ivo, interview, "completed");
            assertTrue(h.seals().sealSession(ivo, interview).verified());
            h.accounts().lock("forgot");
            Session recovered = h.accounts().recover(setup.recoveryKey(), "ivo", "ivo second passphrase here".toCharArray());
            assertEquals("A synthetic answer.", h.interviews().utterances(recovered, interview).getFirst().text());
            String second = h.cases().startSession(recovered, caseId, SessionKind.INTERVIEW, "en").id();
            h.interviews().start(recovered, second, ProfileLibrary.CHILD_DEFAULT, Language.EN);
            h.interviews().logAnswer(recovered, second, "Another synthetic answer.", true);
            h.interviews().end(recovered, second, "completed");
            SealStatus resealed = h.seals().sealSession(recovered, second);
            assertTrue(resealed.verified(), "a new key, sealed to the new personal key");
            assertTrue(h.seals().verify(recovered, caseId).stream().allMatch(SealStatus::verified), "the old seal still verifies");
            h.accounts().lock("again");
            ivo = h.accounts().login("ivo", "ivo second passphrase here".toCharArray());
            assertEquals("Another synthetic answer.", h.interviews().utterances(ivo, second).getFirst().text());
        }
    }

    private static byte[] ownSeed(FormFixture fx, Session who) throws Exception {
        return fx.harbor.vault().transaction(c -> {
            var key = org.harbor.accounts.SigningKeys.userKey(c, who.user().id(), "2026-01-01T00:00:00Z");
            try (var signing = org.harbor.accounts.SigningKeys.open(c, key)) {
                return signing.copySeed();
            }
        });
    }

    private static byte[] argon2id(char[] passphrase, JsonNode slot) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(Base64.getDecoder().decode(slot.get("salt").asText()))
                .withMemoryAsKB(slot.get("memoryKiB").asInt())
                .withIterations(slot.get("iterations").asInt())
                .withParallelism(slot.get("parallelism").asInt())
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[32];
        generator.generateBytes(passphrase, out);
        return out;
    }

    private static byte[] gcmOpen(byte[] key, String nonce, String ciphertext, String aad) throws Exception {
        return gcmOpen(key, Base64.getDecoder().decode(nonce), Base64.getDecoder().decode(ciphertext),
                aad.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] gcmOpen(byte[] key, byte[] nonce, byte[] ciphertext, byte[] aad) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(aad);
        return cipher.doFinal(ciphertext);
    }

    /** Tries the intake key on a grant, bound to its class and slot as the format says. */
    private static boolean tryGrant(byte[] personal, byte[] ephemeral, byte[] nonce, byte[] wrapped, String context)
            throws Exception {
        byte[] shared = new byte[32];
        X25519.calculateAgreement(personal, 0, ephemeral, 0, shared, 0);
        byte[] pub = new byte[32];
        X25519.scalarMultBase(personal, 0, pub, 0);
        byte[] kek = MessageDigest.getInstance("SHA-256").digest(concat("harbor content grant v1".getBytes(StandardCharsets.US_ASCII),
                shared, ephemeral, pub));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        try {
            cipher.doFinal(wrapped);
            return true;
        } catch (AEADBadTagException e) {
            return false;
        }
    }

    private static boolean trySeed(byte[] personal, byte[] stored, String context) throws Exception {
        if (stored.length < 1 + 32 + 12 + 16) {
            return false;
        }
        byte[] ephemeral = java.util.Arrays.copyOfRange(stored, 1, 33);
        byte[] nonce = java.util.Arrays.copyOfRange(stored, 33, 45);
        byte[] ct = java.util.Arrays.copyOfRange(stored, 45, stored.length);
        byte[] shared = new byte[32];
        X25519.calculateAgreement(personal, 0, ephemeral, 0, shared, 0);
        byte[] pub = new byte[32];
        X25519.scalarMultBase(personal, 0, pub, 0);
        byte[] kek = MessageDigest.getInstance("SHA-256").digest(concat("harbor seed key v1".getBytes(StandardCharsets.US_ASCII),
                shared, ephemeral, pub));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        try {
            return cipher.doFinal(ct).length == 32;
        } catch (AEADBadTagException e) {
            return false;
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
