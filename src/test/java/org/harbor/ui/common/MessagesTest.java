package org.harbor.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.harbor.Harbor;
import org.harbor.accounts.AccessDenied;
import org.harbor.accounts.Permission;
import org.harbor.forms.FormLoader;
import org.harbor.forms.FormRejectedException;
import org.harbor.i18n.I18n;
import org.harbor.i18n.Refusal;
import org.harbor.seal.ImportCheck;
import org.harbor.seal.PackageRefused;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.vault.Throttled;
import org.harbor.vault.VaultKind;
import org.harbor.vault.WrongPassphrase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, "one refusal type": what the person at the screen is told for each family of refusal.
 * {@link Messages#of} shows a {@link Refusal}'s own sentence and anything else as "unexpected".
 */
@DisplayName("One refusal type: the user-facing sentence of each refusal")
class MessagesTest {

    private final I18n english = new I18n(Locale.ENGLISH);
    private final I18n spanish = new I18n(Locale.of("es"));
    private final String unexpected = english.get("generic.error.unexpected");

    @Test
    @DisplayName("a form Harbor will not load names the form's problem, no longer 'unexpected'")
    void formRejected() {
        byte[] doctype = ("<?xml version=\"1.0\"?><!DOCTYPE h [<!ENTITY x \"y\">]>"
                + "<h:html xmlns:h=\"http://www.w3.org/1999/xhtml\"/>").getBytes(StandardCharsets.UTF_8);
        FormRejectedException e = assertThrows(FormRejectedException.class, () -> new FormLoader().load(doctype));
        String said = Messages.of(e, english);
        assertEquals("Harbor cannot use this form: " + e.reason(), said);
        assertTrue(Messages.of(e, spanish).startsWith("Harbor no puede usar este formulario: "), Messages.of(e, spanish));
    }

    @Test
    @DisplayName("a wrong passphrase at log-in shows 'not right', in the display language")
    void wrongPassphrase(@TempDir Path dir) {
        try (Harbor harbor = TestVaults.open(dir, MutableClock.atStart())) {
            harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE.clone());
            WrongPassphrase e = assertThrows(WrongPassphrase.class,
                    () -> harbor.accounts().login(TestVaults.SUPERVISOR, "not the passphrase at all".toCharArray()));
            assertEquals("The user name or passphrase is not right.", Messages.of(e, english));
            assertEquals("El nombre de usuario o la frase de contraseña no son correctos.", Messages.of(e, spanish));
        }
    }

    @Test
    @DisplayName("a throttled log-in says how long to wait")
    void throttled() {
        assertEquals("Too many failed attempts. Try again in 30 seconds.", Messages.of(new Throttled(30), english));
    }

    @Test
    @DisplayName("an access denial shows 'not allowed'")
    void accessDenied() {
        assertEquals("Your role does not allow this.", Messages.of(new AccessDenied(Permission.MANAGE_USERS), english));
        assertEquals("Su rol no permite esta acción.", Messages.of(new AccessDenied("no such case, or not one of yours"), spanish));
    }

    @Test
    @DisplayName("an attachment refusal carries its arguments into the sentence")
    void attachment() {
        assertEquals("This file is larger than the limit of 5 MB per file.", Messages.of(new Refusal("attachments.error.tooLarge", 5L), english));
    }

    @Test
    @DisplayName("an interview refusal shows the rule that refused it")
    void interview() {
        assertEquals("This interview has ended.", Messages.of(new Refusal("interview.error.ended"), english));
    }

    @Test
    @DisplayName("a refused package names the check in words; an argument that is a term is translated")
    void sealAndExport() {
        assertEquals("The package was refused at the check: decryption. Nothing was stored.",
                Messages.of(new PackageRefused(ImportCheck.DECRYPT, "the package cannot be read"), english));
        Refusal consent = new Refusal("export.error.consentMissing", "2026-0007",
                new Refusal.Term("consent.purpose.research"), new Refusal.Term("consent.reason.refused"));
        String said = Messages.of(consent, spanish);
        assertTrue(said.contains("2026-0007") && said.contains(spanish.get("consent.purpose.research")), said);
        assertFalse(said.contains("consent.purpose"), said);
    }

    @Test
    @DisplayName("anything that is not a refusal is 'unexpected', without its message")
    void notARefusal() {
        assertEquals(unexpected, Messages.of(new IllegalStateException("CANARY Synthetic Name"), english));
        assertEquals(unexpected, Messages.of(new java.io.IOException("CANARY"), english));
    }
}
