package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.harbor.Harbor;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.ui.common.Paragraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 16, "Move integrity checking off the unlock path ... with the result shown": a vault
 * with a real damaged page opens, and the window shows the failed check above the screen in use
 * as soon as the check (after the log-in) finds it.
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("A failed integrity check is shown in the window (issue 16)")
class IntegrityBannerUiTest {

    static Harbor harbor;
    Shell shell;

    /** The damaged vault is made before the window, not in its setup (which has a time limit). */
    @BeforeAll
    static void damagedVault() throws Exception {
        // The first window of a loaded test machine can take longer than TestFX's 30 s default.
        org.testfx.api.FxToolkit.toolkitContext().setSetupTimeoutInMillis(120_000);
        harbor = UiTestSupport.lockedSupervisorVault("harbor-integrity-ui", MutableClock.atStart());
        Path db = harbor.home().database();
        long before = Files.size(db) / 4096;
        harbor.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE.clone());
        harbor.vault().transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE filler_for_test(n INTEGER PRIMARY KEY, b BLOB)");
            }
            Random random = new Random(16);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO filler_for_test(b) VALUES (?)")) {
                for (int i = 0; i < 400; i++) {
                    byte[] b = new byte[3000];
                    random.nextBytes(b);
                    insert.setBytes(1, b);
                    insert.executeUpdate();
                }
            }
            return null;
        });
        harbor.accounts().lock("test");
        long after = Files.size(db) / 4096;
        byte[] bytes = Files.readAllBytes(db);
        bytes[(int) ((before + after) / 2 * 4096 + 1500)] ^= 0x20;
        Files.write(db, bytes);
        harbor.vault().setIntegrityCheckDelay(Duration.ofMillis(300));
    }

    @Start
    void start(Stage stage) {
        shell = UiTestSupport.showShell(harbor, stage);
    }

    @AfterEach
    void stop() {
        shell.dispose();
    }

    @AfterAll
    static void close() {
        harbor.close();
    }

    @Test
    @DisplayName("the log-in succeeds, then a banner over every screen says the vault failed its integrity check")
    void bannerAfterAFailedCheck(FxRobot robot) {
        assertFalse(shows(robot, "#integrityFailed"));
        robot.clickOn("#loginUsername");
        robot.eraseText(40);
        UiTestSupport.write(robot, TestVaults.SUPERVISOR);
        robot.type(KeyCode.TAB);
        UiTestSupport.write(robot, new String(TestVaults.SUPERVISOR_PASSPHRASE));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> shows(robot, "#homeGreeting"));
        waitUntil(() -> shows(robot, "#integrityFailed"));
        String text = robot.lookup("#integrityFailed").queryAs(Paragraph.class).getContent();
        assertTrue(text.equals(harbor.i18n().get("shell.integrityFailed")), text);
        assertTrue(shows(robot, "#homeGreeting"), "the screen in use stays under the banner");
    }
}
