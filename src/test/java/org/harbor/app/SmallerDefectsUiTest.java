package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.harbor.Harbor;
import org.harbor.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 14, "Smaller defects found": the settings language combo and the empty case list of a fresh vault. */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Smaller defects found")
class SmallerDefectsUiTest {

    Harbor harbor;
    Shell shell;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        harbor = UiTestSupport.lockedSupervisorVault("harbor-defects-ui", MutableClock.atStart());
        shell = UiTestSupport.showShell(harbor, stage);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(shell::dispose).get();
        harbor.close();
    }

    private void logIn(FxRobot robot) {
        UiTestSupport.logInAsSupervisorByKeyboard(robot);
    }

    private void settle() throws Exception {
        UiTestSupport.settle(shell);
    }

    @Test
    @DisplayName("the language combo in Settings applies on commit (Enter), not on every arrow key (keyboard)")
    void languageComboAppliesOnCommit(FxRobot robot) throws Exception {
        logIn(robot);
        robot.interact(shell::toSettings);
        waitUntil(() -> stage.getScene().getFocusOwner() != null && "settingsLanguage".equals(stage.getScene().getFocusOwner().getId()));
        Locale before = harbor.i18n().locale();
        ComboBox<?> combo = robot.lookup("#settingsLanguage").queryAs(ComboBox.class);
        Object first = combo.getValue();
        robot.type(KeyCode.DOWN);
        settle();
        robot.type(KeyCode.DOWN);
        settle();
        assertEquals(before, harbor.i18n().locale(), "arrow keys only move the choice");
        Node sameCombo = robot.lookup("#settingsLanguage").query();
        assertEquals(combo, sameCombo, "the screen was not rebuilt");
        Object chosen = combo.getValue();
        org.junit.jupiter.api.Assertions.assertNotEquals(first, chosen, "the arrow keys moved the choice");
        robot.type(KeyCode.ENTER);
        settle();
        waitUntil(() -> harbor.i18n().locale().getLanguage().equals(chosen));
    }

    @Test
    @DisplayName("a fresh vault shows an empty-state message on the case list, not 'No cases match.'")
    void freshVaultEmptyState(FxRobot robot) throws Exception {
        logIn(robot);
        robot.interact(shell::toCases);
        settle();
        waitUntil(() -> shows(robot, "#caseTable"));
        Labeled empty = (Labeled) robot.lookup("#caseTable").queryAs(javafx.scene.control.TableView.class).getPlaceholder();
        assertEquals(harbor.i18n().get("cases.empty"), empty.getText());
    }

    @Test
    @DisplayName("Spanish placeholders are shown whole on the case list and the case screen (consent, people)")
    void spanishPlaceholdersWhole(FxRobot robot) throws Exception {
        logIn(robot);
        robot.interact(() -> harbor.i18n().use(Locale.of("es")));
        org.harbor.accounts.Session who = harbor.accounts().current().orElseThrow();
        String caseId = harbor.cases().create(who, "Persona Sintética", java.util.List.of()).id();
        robot.interact(shell::toCases);
        settle();
        waitUntil(() -> shows(robot, "#caseTable"));
        assertPromptsWhole(robot);
        robot.interact(() -> shell.toCase(caseId));
        settle();
        waitUntil(() -> shows(robot, "#consentPane"));
        assertPromptsWhole(robot);
    }

    private void assertPromptsWhole(FxRobot robot) {
        java.util.List<String> cut = new java.util.ArrayList<>();
        for (Node n : stage.getScene().getRoot().lookupAll(".text-field")) {
            if (n instanceof javafx.scene.control.TextField field && field.getPromptText() != null
                    && !field.getPromptText().isEmpty() && shown(field) && field.getScene() != null) {
                double room = field.getWidth() - field.getPadding().getLeft() - field.getPadding().getRight();
                double needed = width(field.getPromptText(), field.getFont());
                if (needed > room + 0.5) {
                    cut.add(field.getPromptText() + " (" + Math.round(needed) + " > " + Math.round(room) + ")");
                }
            }
        }
        assertEquals(java.util.List.of(), cut, "placeholders cut off");
    }

    /** Visible with every parent: a field in a hidden section (the safety banner of a safe case) is not shown. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static double width(String text, javafx.scene.text.Font font) {
        javafx.scene.text.Text measure = new javafx.scene.text.Text(text);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
    }
}
