package org.harbor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 19, fonts: the letters of every shipped script render as glyphs, not as the missing-glyph
 * box, in the font harbor.css gives the whole application; and the fonts that provide them are what
 * the .deb depends on and what CI installs.
 *
 * <p>A character the fonts lack is drawn as the font's missing-glyph box, the same picture for
 * every such character; so each character below is drawn alone in a label styled by harbor.css and
 * its picture compared with the picture of a code point that no font has (U+0378, unassigned).
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Fonts for every shipped language")
class FontCoverageUiTest {

    /** Vietnamese letters with stacked diacritics, Albanian ë and ç, Tagalog ñ, Arabic letters and Arabic-Indic digits. */
    static final List<String> MUST_RENDER = List.of("ệ", "ữ", "ằ", "ỡ", "ị", "đ", "Ư", "ẫ", "ë", "ç", "ñ",
            "ع", "ة", "ق", "٣", "٧", "٠");
    /** Unassigned code points: every font draws its missing-glyph box for them. */
    static final String NO_GLYPH = "\u0378";
    static final String NO_GLYPH_EITHER = "\u0379";

    Stage stage;
    StackPane root;
    Label label;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        label = new Label(NO_GLYPH);
        root = new StackPane(label);
        root.getStyleClass().add("root");
        Scene scene = new Scene(root, 200, 120);
        scene.getStylesheets().add(Shell.class.getResource("/org/harbor/ui/common/harbor.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** The label's picture with {@code text} in it, as ARGB values. */
    int[] picture(FxRobot robot, String text) {
        robot.interact(() -> label.setText(text));
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> label.snapshot(null, null)));
        PixelReader pixels = image.getPixelReader();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] out = new int[w * h + 2];
        out[0] = w;
        out[1] = h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[2 + y * w + x] = pixels.getArgb(x, y);
            }
        }
        return out;
    }

    @Test
    @DisplayName("Vietnamese diacritics, Albanian and Tagalog letters, Arabic letters and Arabic digits render as glyphs, not boxes, in the application's font")
    void everyScriptRendersAsGlyphs(FxRobot robot) {
        int[] box = picture(robot, NO_GLYPH);
        assertTrue(Arrays.equals(box, picture(robot, NO_GLYPH_EITHER)),
                "two characters no font has draw the same box (else this comparison proves nothing)");
        List<String> boxes = new ArrayList<>();
        for (String c : MUST_RENDER) {
            if (Arrays.equals(box, picture(robot, c))) {
                boxes.add(c + " (U+" + Integer.toHexString(c.codePointAt(0)).toUpperCase() + ")");
            }
        }
        assertEquals(List.of(), boxes, "drawn as the missing-glyph box in " + label.getFont().getFamily());
        assertEquals("DejaVu Sans", label.getFont().getFamily(), "harbor.css's first family is the application's font");
    }

    /** The packages named in one line of a file that holds {@code marker}. */
    static String line(Path file, String marker) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> l.contains(marker)).findFirst()
                .orElseThrow(() -> new AssertionError(file + " has no line with " + marker));
    }

    @Test
    @DisplayName("the .deb depends on, and CI installs, the Debian fonts for Latin with Vietnamese, Arabic and emoji; harbor.css falls back to them")
    void fontPackagesAreDependedOnAndInstalled() throws IOException {
        List<String> fonts = List.of("fonts-dejavu-core", "fonts-noto-core", "fonts-noto-color-emoji");
        String deb = line(Path.of("installer/jpackage/linux.args"), "--linux-package-deps");
        String ci = line(Path.of(".ci/run"), "libgtk-3-0");
        for (String font : fonts) {
            assertTrue(deb.contains(font), "the .deb depends on " + font + ": " + deb);
            assertTrue(ci.contains(font), "CI installs " + font + ": " + ci);
        }
        Matcher root = Pattern.compile("(?s)\\.root \\{[^}]*-fx-font-family: ([^;]+);").matcher(
                Files.readString(Path.of("src/main/resources/org/harbor/ui/common/harbor.css")));
        assertTrue(root.find(), "harbor.css names the application's font families");
        for (String family : List.of("DejaVu Sans", "Noto Sans", "Noto Sans Arabic", "Noto Color Emoji")) {
            assertTrue(root.group(1).contains("\"" + family + "\""), "the font list falls back to " + family + ": " + root.group(1));
        }
    }
}
