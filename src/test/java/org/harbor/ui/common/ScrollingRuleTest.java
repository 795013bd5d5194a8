package org.harbor.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: a scroll pane made without {@link Scrolling} caches its viewport as a picture of the
 * window that outlives its screen ({@code ScreenPicturesUiTest} shows the leak). This keeps every
 * scroll pane of the application going through it, in code and in FXML.
 */
@DisplayName("Issue 16: every scroll pane goes through Scrolling, so none keeps a picture of its screen")
class ScrollingRuleTest {

    private static final Path MAIN = Path.of("src/main/java/org/harbor");
    private static final Path FXML = Path.of("src/main/resources/org/harbor");
    private static final Pattern FXML_SCROLL = Pattern.compile("<ScrollPane\\b[^>]*fx:id=\"(\\w+)\"");

    @Test
    @DisplayName("no 'new ScrollPane' in the code but in Scrolling")
    void noScrollPaneMadeInCode() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("Scrolling.java")).toList()) {
                if (Files.readString(file).contains("new ScrollPane(")) {
                    found.add(MAIN.relativize(file).toString());
                }
            }
        }
        assertEquals(List.of(), found, "make these with Scrolling.pane(content)");
    }

    @Test
    @DisplayName("every ScrollPane of an FXML file has an fx:id its view passes to Scrolling.uncached")
    void everyFxmlScrollPaneUncached() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(FXML)) {
            for (Path fxml : files.filter(f -> f.toString().endsWith(".fxml")).toList()) {
                String text = Files.readString(fxml);
                int panes = text.split("<ScrollPane\\b", -1).length - 1;
                Matcher named = FXML_SCROLL.matcher(text);
                int checked = 0;
                while (named.find()) {
                    Path view = MAIN.resolve(FXML.relativize(fxml).toString().replace(".fxml", ".java"));
                    if (Files.exists(view) && Files.readString(view).contains("Scrolling.uncached(" + named.group(1) + ")")) {
                        checked++;
                    }
                }
                if (checked != panes) {
                    found.add(FXML.relativize(fxml).toString());
                }
            }
        }
        assertEquals(List.of(), found, "give the ScrollPane an fx:id and pass it to Scrolling.uncached in the view");
    }
}
