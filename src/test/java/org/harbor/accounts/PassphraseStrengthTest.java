package org.harbor.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.harbor.Harbor;
import org.harbor.i18n.Refusal;
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
            Refusal e = org.junit.jupiter.api.Assertions.assertThrows(Refusal.class,
                    () -> harbor.accounts().setUp(VaultKind.FIELD, "pat", "password1234".toCharArray()));
            assertEquals("accounts.passphrase.common", e.key());
        }
    }

    @Test
    @DisplayName("the strength estimator loads only when a passphrase is set, never at start-up or log-in")
    void estimatorNotLoadedAtStartOrLogIn(@TempDir Path dir) throws Exception {
        try (Harbor setup = TestVaults.open(dir.resolve("home"), MutableClock.atStart())) {
            setup.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
            setup.accounts().lock("test");
        }
        ProcessBuilder builder = org.harbor.testing.ChildJvm.builder(StrengthLoadChild.class, dir.resolve("home").toString());
        builder.command().add(1, "-Xlog:class+load=info");
        builder.redirectErrorStream(true);
        Process child = builder.start();
        List<String> lines;
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            lines = in.lines().toList();
        }
        assertTrue(child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the child did not finish");
        String phase = "setup";
        java.util.Map<String, Integer> loads = new java.util.HashMap<>();
        for (String line : lines) {
            if (line.startsWith("PHASE ")) {
                phase = line.substring(6).strip();
            } else if (line.contains("com.nulabinc.zxcvbn.Zxcvbn ")) {
                loads.merge(phase, 1, Integer::sum);
            }
        }
        assertEquals(0, child.exitValue(), String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
        assertEquals(null, loads.get("start"), "loaded at start-up or log-in");
        assertEquals(1, loads.get("set"), "not loaded when a passphrase was set: the check of this test proves nothing");
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
