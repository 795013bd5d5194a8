package org.harbor.app;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Small waits for UI tests: vault work runs on a worker thread, so screens change a moment later. */
final class UiTestSupport {

    private UiTestSupport() {
    }

    /**
     * A new field vault in a temporary folder with the test supervisor, the recovery key
     * confirmed, and locked: the state in which Harbor shows its log-in screen.
     */
    static org.harbor.Harbor lockedSupervisorVault(String prefix, org.harbor.testing.MutableClock clock) throws Exception {
        return lockedSupervisorVault(prefix, clock, 0);
    }

    /** The same with {@code cases} synthetic cases ("Synthetic Person i": invented names, nothing from real cases). */
    static org.harbor.Harbor lockedSupervisorVault(String prefix, org.harbor.testing.MutableClock clock, int cases) throws Exception {
        org.harbor.Harbor harbor = org.harbor.testing.TestVaults.open(java.nio.file.Files.createTempDirectory(prefix), clock);
        var setup = harbor.accounts().setUp(org.harbor.vault.VaultKind.FIELD, org.harbor.testing.TestVaults.SUPERVISOR,
                org.harbor.testing.TestVaults.SUPERVISOR_PASSPHRASE);
        harbor.accounts().confirmRecoveryKey(setup.session());
        for (int i = 0; i < cases; i++) {
            harbor.cases().create(setup.session(), "Synthetic Person " + i, java.util.List.of());
        }
        harbor.accounts().lock("test");
        return harbor;
    }

    /** The window on {@code stage}, shown on its first screen. */
    static Shell showShell(org.harbor.Harbor harbor, javafx.stage.Stage stage) {
        Shell shell = new Shell(harbor, stage);
        shell.start();
        stage.show();
        return shell;
    }

    static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the screen did not reach the expected state in time; it shows: " + texts(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Types {@code text} into the focused control as a quick typist would: each character a key
     * press, typed and released, in order, then one wait for the FX events. TestFX's own
     * {@code write} waits for five rounds of FX events and 25 ms after every character (about 80 ms
     * a character), which made typing most of the UI tests' time; the events and their order are
     * the same.
     */
    static void write(FxRobot robot, String text) {
        // the window TestFX's own write picks: the focused one, else the target window, else the first
        org.testfx.service.finder.WindowFinder windows = robot.robotContext().getWindowFinder();
        javafx.stage.Window window = windows.window(javafx.stage.Window::isFocused);
        if (window == null) {
            window = windows.targetWindow();
        }
        if (window == null) {
            window = windows.window(0);
        }
        javafx.scene.Scene scene = window.getScene();
        org.testfx.robot.BaseRobot keys = robot.robotContext().getBaseRobot();
        for (char c : text.toCharArray()) {
            javafx.scene.input.KeyCode code = c == '\n' ? javafx.scene.input.KeyCode.ENTER
                    : c == '\t' ? javafx.scene.input.KeyCode.TAB : javafx.scene.input.KeyCode.UNDEFINED;
            keys.typeKeyboard(scene, code, Character.toString(c));
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Logs in through the log-in form as the test vaults' supervisor, by keyboard, and waits for Home. */
    static void logInAsSupervisor(FxRobot robot) {
        logIn(robot, org.harbor.testing.TestVaults.SUPERVISOR, new String(org.harbor.testing.TestVaults.SUPERVISOR_PASSPHRASE));
    }

    /** Logs in through the log-in form by keyboard and waits for Home. */
    static void logIn(FxRobot robot, String username, String passphrase) {
        robot.clickOn("#loginUsername");
        UiTestSupport.write(robot, username);
        robot.type(javafx.scene.input.KeyCode.TAB);
        UiTestSupport.write(robot, passphrase);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> shows(robot, "#homeGreeting"));
    }

    /**
     * Logs in as the test vaults' supervisor with the keyboard alone: waits for the log-in form to
     * give its first field the focus (no click), types, and waits for Home.
     */
    static void logInAsSupervisorByKeyboard(FxRobot robot) {
        waitUntil(() -> robot.lookup("#loginUsername").tryQuery().map(javafx.scene.Node::isFocused).orElse(false));
        UiTestSupport.write(robot, org.harbor.testing.TestVaults.SUPERVISOR);
        robot.type(javafx.scene.input.KeyCode.TAB);
        UiTestSupport.write(robot, new String(org.harbor.testing.TestVaults.SUPERVISOR_PASSPHRASE));
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> shows(robot, "#homeGreeting"));
    }

    /** Lets the screen settle: FX events and the shell's background work, three rounds (work may queue more work). */
    static void settle(Shell shell) throws Exception {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            shell.background().drain();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The texts on screen, for a failure message. */

    static String texts() {
        StringBuilder out = new StringBuilder();
        for (javafx.stage.Window window : javafx.stage.Window.getWindows()) {
            if (window.getScene() != null) {
                window.getScene().getRoot().lookupAll("*").stream()
                        .filter(n -> n instanceof javafx.scene.control.Labeled)
                        .forEach(n -> out.append('[').append(((javafx.scene.control.Labeled) n).getText())
                                .append(n.isDisabled() ? " (disabled)" : "").append("] "));
                out.append(" focus=").append(window.getScene().getFocusOwner());
                window.getScene().getRoot().lookupAll(".text-input").forEach(n -> out.append("{")
                        .append(n.getId()).append('=').append(((javafx.scene.control.TextInputControl) n).getText().length())
                        .append(" chars} "));
            }
        }
        return out.toString();
    }

    static boolean shows(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().isPresent();
    }

    /** Writes the stage's picture to {@code name} when -Dharbor.screenshots names a folder (docs/images/screenshots.sh). */
    static void screenshot(javafx.stage.Stage stage, String name) {
        String folder = System.getProperty("harbor.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        javafx.scene.image.WritableImage image = org.testfx.util.WaitForAsyncUtils.waitFor(
                org.testfx.util.WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        javafx.scene.image.PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            javax.imageio.ImageIO.write(out, "png", java.nio.file.Path.of(folder, name).toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
