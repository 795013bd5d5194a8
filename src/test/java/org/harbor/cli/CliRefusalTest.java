package org.harbor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.harbor.forms.FormRejectedException;
import org.harbor.seal.ImportCheck;
import org.harbor.seal.PackageRefused;
import org.harbor.vault.WrongPassphrase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 13, "one refusal type": the command line prints a refusal's sentence in its own language. */
@DisplayName("One refusal type on the command line")
class CliRefusalTest {

    private final Locale before = Locale.getDefault();

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    @DisplayName("a refusal prints its sentence in the CLI's language; the CLI's own refusals keep their line")
    void sentenceInTheCliLanguage() {
        Locale.setDefault(Locale.ENGLISH);
        assertEquals("Harbor cannot use this form: the form is not well-formed XML",
                HarborCommand.reason(new FormRejectedException("the form is not well-formed XML")));
        assertEquals("The package was refused at the check: signature. Nothing was stored.",
                HarborCommand.reason(new PackageRefused(ImportCheck.SIGNATURE, "not signed by an enrolled device")));
        assertEquals("no passphrase was given", HarborCommand.reason(new CliException("no passphrase was given")));
        Locale.setDefault(Locale.of("es"));
        assertEquals("El nombre de usuario o la frase de contraseña no son correctos.", HarborCommand.reason(new WrongPassphrase()));
    }
}
