package org.harbor.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.harbor.Harbor;
import org.harbor.i18n.I18n;
import org.harbor.testing.MutableClock;
import org.harbor.ui.common.Paragraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The log-in screen is the one screen shown without a scroll pane (its first frame is on the
 * path of every start). That is only right while the whole form, with the longest message a
 * log-in can show, fits the smallest window in every shipped language; this checks it.
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("The log-in form")
class LoginViewFitTest {

    Harbor harbor;
    Shell shell;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        harbor = UiTestSupport.lockedSupervisorVault("harbor-login-fit", MutableClock.atStart());
        shell = UiTestSupport.showShell(harbor, stage);
        stage.setWidth(stage.getMinWidth());
        stage.setHeight(stage.getMinHeight());
    }

    @AfterEach
    void stop() {
        shell.dispose();
        harbor.close();
    }

    @Test
    @DisplayName("fits the smallest window in every language, with the longest message it can show")
    void fitsTheSmallestWindow(FxRobot robot) {
        for (String language : I18n.SHIPPED) {
            robot.interact(() -> harbor.i18n().use(Locale.of(language)));
            WaitForAsyncUtils.waitForFxEvents();
            String longest = longestLoginMessage(harbor.i18n());
            Paragraph message = robot.lookup("#loginMessage").queryAs(Paragraph.class);
            robot.interact(() -> {
                message.contentProperty().unbind();
                message.setContent(longest);
            });
            WaitForAsyncUtils.waitForFxEvents();

            assertFalse(robot.lookup(".scroll-pane").tryQuery().map(ScrollPane.class::isInstance).orElse(false),
                    "the log-in screen has no scroll pane");
            double width = stage.getScene().getWidth();
            double height = stage.getScene().getHeight();
            assertTrue(width <= 641 && height <= 481, "the window is at its smallest: " + width + " x " + height);
            for (String id : new String[] {"#loginUsername", "#loginPassphrase", "#loginUnlock", "#loginMessage", "#loginForgot"}) {
                Node node = robot.lookup(id).query();
                Bounds inScene = node.localToScene(node.getLayoutBounds());
                assertTrue(inScene.getMinX() >= 0 && inScene.getMaxX() <= width
                                && inScene.getMinY() >= 0 && inScene.getMaxY() <= height,
                        language + ": " + id + " at " + inScene + " is outside the " + width + " x " + height + " window");
            }
        }
    }

    /** The longest sentence among those a refused log-in shows (a wait of an hour for the throttle). */
    private static String longestLoginMessage(I18n i18n) {
        return Stream.concat(Stream.of("vault.error.alreadyRunning", "vault.error.wrongPassphrase",
                                "vault.error.damaged", "vault.error.locked", "vault.error.missing",
                                "vault.error.unavailable", "generic.error.unexpected", "generic.error.notAllowed")
                        .map(key -> i18n.get(key)),
                        Stream.of(i18n.get("vault.error.throttled", 3600L)))
                .max(Comparator.comparingInt(String::length))
                .orElseThrow();
    }
}
