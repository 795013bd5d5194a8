package org.harbor.vault;

import static org.harbor.testing.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.harbor.crypto.Argon2Params;
import org.harbor.crypto.Hashes;
import org.harbor.crypto.RecoveryKey;
import org.harbor.crypto.SecretKey;
import org.harbor.i18n.Refusal;
import org.harbor.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The vault")
class VaultTest {

    static final char[] PASS = "tulip harbour granite meadow".toCharArray();

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.atStart();
    HarborHome home;
    Vault vault;
    String recovery;

    @BeforeEach
    void create() throws Exception {
        home = new HarborHome(dir);
        vault = new Vault(home, clock, () -> Argon2Params.FLOOR);
        try (SecretKey key = vault.create("alex", PASS, (c, slot) -> { })) {
            recovery = RecoveryKey.format(key);
        }
        vault.transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO vault_meta(key, value) VALUES ('probe', 'present')");
            }
            return null;
        });
        vault.lock();
    }

    @AfterEach
    void close() {
        vault.lock();
    }

    private byte[] databaseBytes() throws Exception {
        return Files.readAllBytes(home.database());
    }

    private String probe() {
        return vault.transaction(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT value FROM vault_meta WHERE key='probe'")) {
                return r.next() ? r.getString(1) : null;
            }
        });
    }

    @Nested
    @DisplayName("database file")
    class DatabaseFile {

        @Test
        @DisplayName("does not start with the plain SQLite header")
        void notPlainSqlite() throws Exception {
            byte[] head = Arrays.copyOf(databaseBytes(), 16);
            assertNotEquals("SQLite format 3\0", new String(head, StandardCharsets.ISO_8859_1));
        }

        @Test
        @DisplayName("cannot be read by plain SQLite without a key, and that changes nothing")
        void noKey() throws Exception {
            byte[] before = databaseBytes();
            SQLException e = assertThrows(SQLException.class, () -> {
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.database());
                     Statement s = c.createStatement()) {
                    s.executeQuery("SELECT count(*) FROM sqlite_master").close();
                }
            });
            assertTrue(e.getMessage().contains("not a database"), e.getMessage());
            assertArrayEquals(before, databaseBytes());
        }

        @Test
        @DisplayName("refuses a wrong key with a clear error and changes nothing")
        void wrongKey() throws Exception {
            byte[] before = databaseBytes();
            try (SecretKey wrong = SecretKey.random()) {
                Refusal e = assertRefused("vault.error.damaged", () -> Database.open(home.database(), wrong));
                assertTrue(e.getCause() instanceof SQLException, "the driver's refusal is kept as the cause");
            }
            assertArrayEquals(before, databaseBytes());
        }

        @Test
        @DisplayName("refuses to open after one byte of a page is flipped, and changes nothing")
        void flippedByte() throws Exception {
            // The first page, and the page of the table every unlock reads (schema_migrations,
            // Migrations.apply). Not simply the last page: that holds whatever the newest migration
            // created, which an unlock need not read (the full check runs after it, IntegrityCheck).
            vault.unlock("alex", PASS);
            int migrationsPage = vault.transaction(c -> {
                try (Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT rootpage FROM sqlite_master WHERE name = 'schema_migrations'")) {
                    r.next();
                    return r.getInt(1) - 1;
                }
            });
            vault.lock();
            byte[] bytes = databaseBytes();
            int pages = bytes.length / 4096;
            assertTrue(pages >= 2 && migrationsPage > 0, "the test needs a database of several pages");
            for (int page : new int[] {0, migrationsPage}) {
                byte[] damaged = bytes.clone();
                damaged[page * 4096 + 1000] ^= 0x01;
                Files.write(home.database(), damaged);
                Refusal e = assertThrows(Refusal.class, () -> vault.unlock("alex", PASS));
                assertEquals("vault.error.damaged", e.key());
                assertArrayEquals(damaged, databaseBytes(), "a failed open must not write");
                assertFalse(vault.isUnlocked());
            }
            Files.write(home.database(), bytes);
            vault.unlock("alex", PASS);
            assertEquals("present", probe());
        }

        @Test
        @DisplayName("keeps its data across lock and unlock")
        void roundTrip() throws Exception {
            vault.unlock("alex", PASS);
            assertEquals("present", probe());
        }

        @Test
        @DisplayName("records every migration with its checksum")
        void migrationsRecorded() throws Exception {
            vault.unlock("alex", PASS);
            Map<Integer, String> recorded = vault.transaction(c -> {
                Map<Integer, String> out = new HashMap<>();
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT version, checksum FROM schema_migrations")) {
                    while (r.next()) {
                        out.put(r.getInt(1), r.getString(2));
                    }
                }
                return out;
            });
            for (Migrations.Migration m : Migrations.bundled()) {
                assertEquals(Hashes.sha256Hex(m.sql()), recorded.get(m.version()));
            }
        }
    }

    @Nested
    @DisplayName("key slots")
    class KeySlots {

        private JsonNode slotsJson() throws Exception {
            return new ObjectMapper().readTree(Files.readAllBytes(home.keySlots())).get("slots");
        }

        @Test
        @DisplayName("store Argon2id parameters at or above the floor in every slot")
        void atFloor() throws Exception {
            vault.unlock("alex", PASS);
            vault.putSlot("robin", "second person passphrase".toCharArray());
            JsonNode slots = slotsJson();
            assertEquals(3, slots.size());
            for (JsonNode slot : slots) {
                assertEquals("argon2id", slot.get("kdf").asText());
                assertTrue(slot.get("memoryKiB").asInt() >= 64 * 1024, slot.toString());
                assertTrue(slot.get("iterations").asInt() >= 3, slot.toString());
            }
        }

        @Test
        @DisplayName("hold no user name in clear")
        void noNames() throws Exception {
            String text = Files.readString(home.keySlots());
            assertFalse(text.toLowerCase().contains("alex"));
        }

        @Test
        @DisplayName("refuse a wrong passphrase")
        void wrongPassphrase() {
            assertThrows(WrongPassphrase.class, () -> vault.unlock("alex", "not the passphrase at all".toCharArray()));
            assertFalse(vault.isUnlocked());
        }

        @Test
        @DisplayName("refuse an unknown user the same way")
        void unknownUser() {
            assertThrows(WrongPassphrase.class, () -> vault.unlock("nobody", PASS));
        }

        @Test
        @DisplayName("refuse a slot whose parameters were lowered below the floor, as an altered key file")
        void loweredParameters() throws Exception {
            String text = Files.readString(home.keySlots());
            Files.writeString(home.keySlots(), text.replace("\"iterations\" : 3", "\"iterations\" : 1"));
            assertRefused("vault.error.keyFileAltered", () -> vault.unlock("alex", PASS));
        }

        @Test
        @DisplayName("rewrap only one slot when a passphrase changes")
        void rewrapOne() throws Exception {
            vault.unlock("alex", PASS);
            vault.putSlot("robin", "second person passphrase".toCharArray());
            JsonNode before = slotsJson();
            char[] next = "a completely new passphrase".toCharArray();
            vault.putSlot("alex", next);
            JsonNode after = slotsJson();
            String alex = vault.slotIdFor("alex");
            int changed = 0;
            for (JsonNode old : before) {
                JsonNode now = find(after, old.get("id").asText());
                if (!old.equals(now)) {
                    changed++;
                    assertEquals(alex, old.get("id").asText());
                }
            }
            assertEquals(1, changed);
            vault.lock();
            assertThrows(WrongPassphrase.class, () -> vault.unlock("alex", PASS));
            vault.unlock("alex", next);
            assertEquals("present", probe());
        }

        @Test
        @DisplayName("open the vault with the recovery key, and only with it")
        void recovery() throws Exception {
            try (SecretKey key = RecoveryKey.parse(recovery.toLowerCase().replace('-', ' '))) {
                vault.unlockWithRecovery(key);
            }
            assertEquals("present", probe());
            vault.lock();
            try (SecretKey other = SecretKey.random()) {
                assertThrows(WrongRecoveryKey.class, () -> vault.unlockWithRecovery(other));
            }
        }

        private JsonNode find(JsonNode slots, String id) {
            for (JsonNode s : slots) {
                if (s.get("id").asText().equals(id)) {
                    return s;
                }
            }
            return null;
        }
    }

    @Nested
    @DisplayName("failed unlocks")
    class Backoff {

        @Test
        @DisplayName("back off exponentially after five failures, and forget them after a success")
        void exponential() throws Exception {
            char[] wrong = "wrong wrong wrong wrong".toCharArray();
            for (int i = 0; i < 5; i++) {
                assertThrows(WrongPassphrase.class, () -> vault.unlock("alex", wrong));
            }
            Throttled first = assertThrows(Throttled.class, () -> vault.unlock("alex", PASS));
            assertEquals(30, first.waitSeconds());
            clock.advance(Duration.ofSeconds(31));
            assertThrows(WrongPassphrase.class, () -> vault.unlock("alex", wrong));
            Throttled second = assertThrows(Throttled.class, () -> vault.unlock("alex", PASS));
            assertEquals(60, second.waitSeconds());
            clock.advance(Duration.ofSeconds(61));
            List<String> failures = vault.unlock("alex", PASS);
            assertEquals(6, failures.size());
            assertEquals(6, KeySlotFile.load(home).failures().count(), "kept until the caller has audited them");
            vault.clearUnlockFailures();
            vault.lock();
            assertEquals(0, KeySlotFile.load(home).failures().count());
            assertEquals(Duration.ZERO, vault.unlockWait());
        }

        @Test
        @DisplayName("survive a restart: the count lives beside the vault")
        void persistent() throws Exception {
            for (int i = 0; i < 5; i++) {
                assertThrows(WrongPassphrase.class, () -> vault.unlock("alex", "wrong wrong wrong wrong".toCharArray()));
            }
            Vault reopened = new Vault(home, clock, () -> Argon2Params.FLOOR);
            assertThrows(Throttled.class, () -> reopened.unlock("alex", PASS));
        }
    }

    @Test
    @DisplayName("writes its first rows before its key slots, and a failure there leaves no vault behind")
    void firstRowsBeforeSlots(@TempDir Path other) {
        Vault fresh = new Vault(new HarborHome(other), clock, () -> Argon2Params.FLOOR);
        assertThrows(Refusal.class, () -> fresh.create("alex", PASS, (c, slot) -> {
            throw new SQLException("simulated failure while writing the first account");
        }));
        assertFalse(fresh.exists(), "no keyslots.json without the first account");
        assertFalse(fresh.isUnlocked());
    }

    @Nested
    @DisplayName("single instance")
    class SingleInstance {

        @Test
        @DisplayName("a second lock on the same home is refused while the first is held")
        void secondRefused() throws Exception {
            try (InstanceLock first = InstanceLock.acquire(home)) {
                Refusal e = assertThrows(AlreadyRunning.class, () -> InstanceLock.acquire(home));
                assertEquals("vault.error.alreadyRunning", e.key());
            }
            assertDoesNotThrow(() -> InstanceLock.acquire(home).close());
        }
    }
}
