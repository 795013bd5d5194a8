package org.harbor.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.harbor.Harbor;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.vault.VaultKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15, "Secrets and traces": the passphrase policy. Problems are compared by their i18n keys. */
@DisplayName("Passphrase policy (issue 15)")
class PassphraseStrengthTest {

    private static Optional<String> problem(String passphrase) {
        return PassphrasePolicy.check(passphrase.toCharArray(), "pat").map(PassphrasePolicy.Problem::messageKey);
    }

    @Test
    @DisplayName("Passphrase policy: length plus a strength estimate, refusing common and repeated passphrases, in every language")
    void lengthPlusStrength() {
        for (String common : List.of("password1234", "qwertyuiop123", "iloveyou12345", "123456789012")) {
            assertTrue(problem(common).isPresent(), common + " was accepted");
        }
        assertEquals(Optional.of("accounts.passphrase.common"), problem("password1234"));
        for (String repeated : List.of("aaaaaaaaaaaaaaaa", "abcabcabcabcabc", "wrong wrong wrong wrong", "passwordpassword")) {
            assertEquals(Optional.of("accounts.passphrase.repeated"), problem(repeated), repeated);
        }
        assertEquals(Optional.of("accounts.passphrase.tooShort"), problem("short one"));
        for (String good : List.of("orchard lantern pebble river", "tulip harbour granite meadow", "كلمة سر طويلة جدا",
                "contraseña segura larga")) {
            assertEquals(Optional.empty(), problem(good), good);
        }
        for (String key : List.of("accounts.passphrase.common", "accounts.passphrase.repeated", "accounts.passphrase.tooWeak")) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"), Locale.forLanguageTag("ar"))) {
                assertTrue(I18nFiles.has(locale, key), key + " in " + locale);
            }
        }
    }

    @Test
    @DisplayName("the caller's passphrase is left as it was (the estimator works on a copy it wipes)")
    void callersArrayUntouched() {
        char[] pass = "orchard lantern pebble river".toCharArray();
        PassphrasePolicy.check(pass, "pat");
        assertEquals("orchard lantern pebble river", new String(pass));
    }

    @Test
    @DisplayName("setting up an account with a common passphrase is refused")
    void setUpRefusesCommon(@TempDir Path dir) throws Exception {
        try (Harbor harbor = TestVaults.open(dir, MutableClock.atStart())) {
            AccountException e = org.junit.jupiter.api.Assertions.assertThrows(AccountException.class,
                    () -> harbor.accounts().setUp(VaultKind.FIELD, "pat", "password1234".toCharArray()));
            assertEquals("accounts.passphrase.common", e.messageKey());
        }
    }

    /** Reads the bundles from the i18n folder as the app does. */
    static final class I18nFiles {
        static boolean has(Locale locale, String key) {
            String suffix = locale.getLanguage().equals("en") ? "" : "_" + locale.getLanguage();
            try {
                java.util.Properties p = new java.util.Properties();
                try (var in = java.nio.file.Files.newBufferedReader(Path.of("i18n", "messages" + suffix + ".properties"),
                        java.nio.charset.StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                return p.getProperty(key) != null && !p.getProperty(key).isBlank();
            } catch (java.io.IOException e) {
                return false;
            }
        }
    }
}
