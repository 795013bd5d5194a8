package org.harbor.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The build compiles harbor.css to harbor.bss, which JavaFX reads instead of parsing the text
 * (pom.xml, execution binary-stylesheet). The two must say the same thing, rule for rule.
 */
@DisplayName("The binary stylesheet")
class BinaryStylesheetTest {

    @Test
    @DisplayName("is there, and holds exactly the rules of harbor.css")
    void sameRulesAsTheText() throws Exception {
        URL css = BinaryStylesheetTest.class.getResource("/org/harbor/ui/common/harbor.css");
        URL bss = BinaryStylesheetTest.class.getResource("/org/harbor/ui/common/harbor.bss");
        assertNotNull(css);
        assertNotNull(bss, "harbor.bss is missing: the Maven build makes it in process-classes");
        List<String> text = rules(new CssParser().parse(css));
        List<String> binary = rules(Stylesheet.loadBinary(bss));
        assertFalse(text.isEmpty());
        assertEquals(text, binary, "harbor.bss is stale; rebuild with Maven");
    }

    private static List<String> rules(Stylesheet sheet) {
        // getDeclarations(): a binary rule reads its declarations only when first asked
        return sheet.getRules().stream()
                .map(rule -> rule.getSelectors() + " " + rule.getDeclarations().stream()
                        .map(d -> d.getProperty() + ": " + d.getParsedValue() + (d.isImportant() ? " !important" : ""))
                        .toList())
                .toList();
    }
}
