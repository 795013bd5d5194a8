package org.harbor.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Crypto")
class CryptoTest {

    @Nested
    @DisplayName("the recovery key")
    class Recovery {
        @Test
        @DisplayName("round-trips through its written form, forgiving case, dashes, spaces and look-alike letters")
        void roundTrip() {
            try (SecretKey key = SecretKey.random()) {
                String written = RecoveryKey.format(key);
                assertEquals(52 + 12, written.length());
                String typed = written.toLowerCase().replace('-', ' ').replace('0', 'o').replace('1', 'l');
                try (SecretKey back = RecoveryKey.parse(typed)) {
                    assertTrue(back.sameAs(key));
                }
            }
        }

        @Test
        @DisplayName("refuses text of the wrong length or with foreign characters")
        void refuses() {
            assertThrows(IllegalArgumentException.class, () -> RecoveryKey.parse("ABCD-EFGH"));
            assertThrows(IllegalArgumentException.class, () -> RecoveryKey.parse("U".repeat(52)));
        }
    }

    @Nested
    @DisplayName("AES-GCM")
    class Gcm {
        @Test
        @DisplayName("opens with the right key and context only")
        void wrongKeyOrContext() throws Exception {
            try (SecretKey key = SecretKey.random(); SecretKey other = SecretKey.random()) {
                AesGcm.Sealed sealed = AesGcm.seal(key, new byte[] {1, 2, 3}, new byte[] {9});
                assertEquals(3, AesGcm.open(key, sealed, new byte[] {9}).length);
                assertThrows(AesGcm.WrongKeyException.class, () -> AesGcm.open(other, sealed, new byte[] {9}));
                assertThrows(AesGcm.WrongKeyException.class, () -> AesGcm.open(key, sealed, new byte[] {8}));
            }
        }

        @Test
        @DisplayName("a destroyed key cannot be used")
        void destroyed() {
            SecretKey key = SecretKey.random();
            key.close();
            assertTrue(key.isDestroyed());
            assertThrows(IllegalStateException.class, key::copyBytes);
        }
    }

    @Nested
    @DisplayName("Argon2id calibration")
    class Calibration {
        @Test
        @DisplayName("adds passes until a derivation takes 0.5 to 1.0 s")
        void scalesPasses() {
            // a machine where one pass over 64 MiB costs 50 ms
            Argon2Params p = Argon2id.calibrate(Duration.ofMillis(500), Duration.ofMillis(1000),
                    params -> params.iterations() * 50_000_000L);
            assertEquals(15, p.iterations());
            assertEquals(64 * 1024, p.memoryKiB());
        }

        @Test
        @DisplayName("on a slow machine stays at the floor: one timing, no more passes")
        void slowMachineKeepsTheFloor() {
            java.util.List<Argon2Params> timed = new java.util.ArrayList<>();
            Argon2Params p = Argon2id.calibrate(Duration.ofMillis(500), Duration.ofMillis(1000), params -> {
                timed.add(params);
                return 5_000_000_000L;
            });
            assertEquals(new Argon2Params(64 * 1024, 3, 1), p);
            assertEquals(java.util.List.of(new Argon2Params(64 * 1024, 3, 1)), timed);
        }

        @Test
        @DisplayName("on a fast machine never returns fewer passes than the floor's three")
        void fastMachineNeverBelowTheFloor() {
            // 1 ms a pass: the middle of the window would be 750 passes; a nearly free machine must not drop below 3
            assertEquals(750, Argon2id.calibrate(Duration.ofMillis(500), Duration.ofMillis(1000),
                    params -> params.iterations() * 1_000_000L).iterations());
            Argon2Params p = Argon2id.calibrate(Duration.ofMillis(500), Duration.ofMillis(1000), params -> 1L);
            assertEquals(1000, p.iterations(), "capped at 1000 passes");
            // three passes look fast (100 ms), more look very slow (100 s): the estimate falls to 0 passes and must be held at 3
            Argon2Params q = Argon2id.calibrate(Duration.ofMillis(500), Duration.ofMillis(1000),
                    params -> params.iterations() == 3 ? 100_000_000L : 100_000_000_000L);
            assertEquals(Argon2Params.FLOOR, q, "the estimate is clamped to the floor's passes, never fewer");
        }

        @Test
        @DisplayName("RFC 9106 section 5.3 Argon2id known answer (with secret and associated data)")
        void rfc9106KnownAnswer() {
            // RFC 9106, section 5.3: Argon2id, version 0x13, 32 KiB, 3 passes, 4 lanes, 32-byte tag;
            // password 32 x 0x01, salt 16 x 0x02, secret 8 x 0x03, associated data 12 x 0x04.
            try (SecretKey tag = Argon2id.derive(filled(32, 0x01), filled(16, 0x02), new Argon2Params(32, 3, 4),
                    filled(8, 0x03), filled(12, 0x04))) {
                assertEquals("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659", Hashes.hex(tag.copyBytes()));
            }
        }

        @Test
        @DisplayName("Harbor's passphrase derivation at the floor matches the reference argon2 tool (UTF-8, no secret)")
        void floorDerivationMatchesReferenceImplementation() {
            // Computed with the reference implementation's command-line tool (Debian package argon2, 20171227):
            //   printf '%s' 'Ñandú قلب pass phrase' | argon2 'harbor-kat-salt!' -id -t 3 -m 16 -p 1 -l 32 -r
            byte[] salt = "harbor-kat-salt!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            try (SecretKey key = Argon2id.derive("Ñandú قلب pass phrase".toCharArray(), salt, Argon2Params.FLOOR)) {
                assertEquals("eea95a4f079233b1a0c0b909b00abe1e8ed0d0e7655adaeef31db1b7eb37dc7a", Hashes.hex(key.copyBytes()));
            }
        }

        @Test
        @DisplayName("derives the same key from the same passphrase and salt, another from another salt")
        void deterministic() {
            byte[] salt = new byte[16];
            try (SecretKey a = Argon2id.derive("pass phrase".toCharArray(), salt, Argon2Params.FLOOR);
                 SecretKey b = Argon2id.derive("pass phrase".toCharArray(), salt, Argon2Params.FLOOR);
                 SecretKey c = Argon2id.derive("pass phrase".toCharArray(), new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, Argon2Params.FLOOR)) {
                assertTrue(a.sameAs(b));
                assertTrue(!a.sameAs(c));
            }
        }
    }

    private static byte[] filled(int length, int value) {
        byte[] out = new byte[length];
        java.util.Arrays.fill(out, (byte) value);
        return out;
    }
}
