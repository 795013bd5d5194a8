package org.harbor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import javafx.geometry.NodeOrientation;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import org.harbor.ui.common.Paragraph;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.harbor.i18n.I18n;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every message of every shipped language lays out as a {@link Paragraph} at narrow and wide
 * widths, in its own direction, and every line fits. A plain wrapping Label throws here for Arabic
 * on JavaFX 23 to 26 (ADR 0001), which is why screens use Paragraph for running text.
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Wrapped text")
class WrappedTextUiTest {

    VBox box;

    @Start
    void start(Stage stage) {
        box = new VBox();
        stage.setScene(new Scene(box, 800, 600));
        stage.show();
    }

    @Test
    @DisplayName("every message in every language wraps without error, within its width, with no word lost")
    void everyMessageWraps(FxRobot robot) throws IOException {
        List<String> failures = new ArrayList<>();
        for (String language : I18n.SHIPPED) {
            Properties messages = new Properties();
            String file = language.equals("en") ? "messages.properties" : "messages_" + language + ".properties";
            try (Reader in = Files.newBufferedReader(Path.of("i18n", file), StandardCharsets.UTF_8)) {
                messages.load(in);
            }
            NodeOrientation direction = I18n.isRightToLeft(java.util.Locale.of(language))
                    ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT;
            robot.interact(() -> {
                box.setNodeOrientation(direction);
                for (String key : new TreeSet<>(messages.stringPropertyNames())) {
                    for (double width : new double[] {160, 240, 320, 400, 560}) {
                        Paragraph paragraph = new Paragraph(messages.getProperty(key));
                        paragraph.setMaxWidth(width);
                        paragraph.setPrefWidth(width);
                        box.getChildren().setAll(paragraph);
                        try {
                            box.applyCss();
                            box.layout();
                            box.layout();
                            int lines = paragraph.getText().split("\n").length;
                            Text one = new Text("X");
                            one.setFont(paragraph.getFont());
                            if (paragraph.getHeight() < lines * one.getLayoutBounds().getHeight() - 1) {
                                failures.add(language + " " + key + " at " + width + ": " + lines + " lines in "
                                        + paragraph.getHeight() + " px");
                            }
                            for (String line : paragraph.getText().split("\n")) {
                                Text probe = new Text(line);
                                probe.setFont(paragraph.getFont());
                                double lineWidth = probe.getLayoutBounds().getWidth();
                                boolean oneLongWord = !line.strip().contains(" ");
                                if (lineWidth > width + 1 && !oneLongWord) {
                                    failures.add(language + " " + key + " at " + width + ": a line of " + lineWidth);
                                }
                            }
                            // Lines may break after a space or a hyphen: every character but spacing must stay.
                            if (!paragraph.getText().replaceAll("\\s+", "")
                                    .equals(messages.getProperty(key).replaceAll("\\s+", ""))) {
                                failures.add(language + " " + key + " at " + width + ": words lost or changed");
                            }
                        } catch (RuntimeException e) {
                            failures.add(language + " " + key + " at " + width + ": " + e);
                        }
                    }
                }
            });
        }
        assertEquals(List.of(), failures);
    }
}
