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
        @DisplayName("never goes below the floor, even on a slow machine")
        void floor() {
            Argon2Params p = Argon2id.calibrate(Duration.ofMillis(500), Duration.ofMillis(1000), params -> 5_000_000_000L);
            assertEquals(Argon2Params.FLOOR, p);
            assertTrue(p.atOrAboveFloor());
        }

        @Test
        @DisplayName("on this machine returns parameters at or above the floor")
        void real() {
            Argon2Params p = Argon2id.calibrate(Duration.ofMillis(500), Duration.ofMillis(1000), Argon2id::timeOneDerivation);
            assertTrue(p.atOrAboveFloor(), p.toString());
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
}
