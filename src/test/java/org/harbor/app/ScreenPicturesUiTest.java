package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.harbor.Harbor;
import org.harbor.testing.MutableClock;
import org.harbor.ui.common.Scrolling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 16, "resident memory <= 300 MB with 10 000 cases on screen ... nothing large kept after
 * unlock": JavaFX's scroll pane caches its viewport as a bitmap from the renderer's image pool and
 * never gives it back when the screen is thrown away, so every screen shown (and every log-in)
 * left a picture of the window in the heap. What the code does about it, not how much memory
 * ({@code bench/unlock.sh} measures that).
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Issue 16: a screen shown leaves no picture of itself behind")
class ScreenPicturesUiTest {

    MutableClock clock = MutableClock.atStart();
    Harbor harbor;
    Shell shell;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        harbor = UiTestSupport.lockedSupervisorVault("harbor-pictures", clock, 30);
        shell = UiTestSupport.showShell(harbor, stage);
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.waitForAsyncFx(10_000, shell::dispose);
        harbor.close();
    }

    @Test
    @DisplayName("nothing large kept after unlock: showing the case list and the settings ten times each takes no new picture from the renderer's pool")
    void screensShownAgainTakeNoNewPictures(FxRobot robot) throws Exception {
        UiTestSupport.logInAsSupervisor(robot);
        // once each first: what a screen draws for the first time (its scroll bars' arrows, its fonts) may stay
        showCases(robot);
        showSettings();
        long before = imagesCreated();
        for (int i = 0; i < 10; i++) {
            showCases(robot);
            showSettings();
        }
        long created = imagesCreated() - before;
        assertTrue(created < 4, "20 screens shown took " + created + " new pictures from the image pool (one per screen is a leak)");
    }

    @Test
    @DisplayName("every scroll pane of the window draws its viewport instead of keeping a picture of it")
    void noViewportCachedInTheWindow(FxRobot robot) throws Exception {
        UiTestSupport.logInAsSupervisor(robot);
        showCases(robot);
        List<Node> viewports = List.copyOf(robot.lookup(".viewport").queryAll());
        assertFalse(viewports.isEmpty(), "the case list scrolls in a scroll pane");
        assertTrue(viewports.stream().noneMatch(Node::isCache), "a viewport is cached as a picture");
    }

    @Test
    @DisplayName("Scrolling: a new scroll pane, and one made elsewhere (FXML) before its skin, keep no picture; JavaFX's own does")
    void scrollingTurnsTheCacheOff() throws Exception {
        ScrollPane plain = new ScrollPane(new Label("plain"));
        ScrollPane made = Scrolling.pane(new Label("made"));
        ScrollPane fromFxml = Scrolling.uncached(new ScrollPane(new Label("from FXML")));
        WaitForAsyncUtils.asyncFx(() -> {
            Stage other = new Stage();
            other.setScene(new Scene(new StackPane(plain, made, fromFxml), 300, 200));
            other.show();
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(viewport(plain).isCache(), "JavaFX's scroll pane caches its viewport (what Scrolling is for)");
        assertFalse(viewport(made).isCache());
        assertFalse(viewport(fromFxml).isCache());
    }

    private static Node viewport(ScrollPane scroll) {
        return scroll.getChildrenUnmodifiable().stream().filter(n -> n.getStyleClass().contains("viewport")).findFirst().orElseThrow();
    }

    private void showCases(FxRobot robot) throws Exception {
        Parent was = stage.getScene().getRoot();
        WaitForAsyncUtils.asyncFx(shell::toCases).get(10, TimeUnit.SECONDS);
        waitUntil(() -> stage.getScene().getRoot() != was && shows(robot, "#caseTable")
                && robot.lookup("#caseTable").queryTableView().getItems().size() == 30);
        drawn();
    }

    private void showSettings() throws Exception {
        Parent was = stage.getScene().getRoot();
        WaitForAsyncUtils.asyncFx(shell::toSettings).get(10, TimeUnit.SECONDS);
        waitUntil(() -> stage.getScene().getRoot() != was);
        drawn();
    }

    /** A few pulses, so that the screen is drawn (and takes what it takes from the pool). */
    private static void drawn() {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.sleep(40, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** How many images JavaFX's effect renderer has made for its pool since the start (its own count). */
    private static long imagesCreated() throws ReflectiveOperationException {
        Field created = Class.forName("com.sun.scenario.effect.impl.ImagePool").getDeclaredField("numCreated");
        created.setAccessible(true);
        return created.getLong(null);
    }
}
