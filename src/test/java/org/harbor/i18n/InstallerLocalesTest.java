package org.harbor.i18n;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Dates and numbers in the locale: the installed runtime keeps locale data for every shipped language")
class InstallerLocalesTest {

    @Test
    @DisplayName("jlink's --include-locales names every language in I18n.SHIPPED (Tagalog's data is the JDK's Filipino, fil)")
    void everyShippedLanguageKeepsItsLocaleData() throws Exception {
        String args = Files.readString(Path.of("installer", "jpackage", "launcher.args"));
        Matcher m = Pattern.compile("--include-locales=([a-zA-Z,\\-]+)").matcher(args);
        assertTrue(m.find(), "the launcher's jlink options keep a chosen set of locales");
        List<String> kept = Arrays.asList(m.group(1).split(","));
        for (String language : I18n.SHIPPED) {
            String jdkName = "tl".equals(language) ? "fil" : language;
            assertTrue(kept.contains(jdkName), "locale data for " + language + " (" + jdkName + ") is linked: " + kept);
        }
    }
}
