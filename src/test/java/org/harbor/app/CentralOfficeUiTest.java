package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.harbor.Harbor;
import org.harbor.central.CentralKeys;
import org.harbor.central.CentralStore;
import org.harbor.seal.SyntheticPackages;
import org.harbor.seal.SyntheticPackages.CaseSpec;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.vault.VaultKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The central office screens of the desktop app (issue 17), headless, by keyboard: a real central
 * vault with synthetic packages filed in its store. With {@code -Dharbor.screenshots=docs/images}
 * each test also writes its screen's picture there (docs/images/screenshots.sh does so).
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("The central office screens")
class CentralOfficeUiTest {

    static final String USER = "olga-central";
    static final char[] PASS = "central office pass phrase".toCharArray();

    final MutableClock clock = MutableClock.atStart();
    final SyntheticPackages packages = new SyntheticPackages();
    final CaseSpec seen = CaseSpec.of("HB-2026-0001", "Amani Tesfaye", "Ami").born("2010-02-01").age("16").withAttachment()
            .answers(Map.of("/data/identity/gender", "girl", "/data/origin/nationality_codes", "ER"), List.of());
    final CaseSpec again = CaseSpec.of("HB-2026-0107", "Amany Tesfaye").born("2010-02-01").age("16");
    final CaseSpec twice = CaseSpec.of("HB-2026-0042", "Daniela Ruiz", "Dani");
    Harbor harbor;
    Shell shell;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        harbor = TestVaults.open(Files.createTempDirectory("harbor-central-ui"), clock);
        var setup = harbor.accounts().setUp(VaultKind.CENTRAL, USER, PASS);
        harbor.accounts().confirmRecoveryKey(setup.session());
        try (CentralKeys keys = CentralKeys.of(harbor.vault()); CentralStore store = CentralStore.sqlite(harbor.vault(), keys)) {
            var ctx = new CentralStore.ImportContext(Instant.parse("2026-03-03T08:00:00Z"), USER, null);
            // Synthetic people: invented names only.
            store.importPackage(packages.pack("laptop-07", 1, List.of(seen, twice)), ctx);
            store.importPackage(packages.pack("laptop-12", 1, List.of(again, CaseSpec.of("HB-2026-0108", "Kofi Mensah"),
                    CaseSpec.of("HB-2026-0109", "Liu Mei"))), ctx);
            store.importPackage(packages.pack("laptop-12", 2, List.of(new CaseSpec(twice.caseId(), twice.number(), "Daniela Ruiz Soto",
                    List.of("Dani"), twice.openedAt(), null, null, null, Map.of(), List.of(), false))), ctx);
        }
        harbor.accounts().lock("test");
        shell = new Shell(harbor, stage);
        shell.start();
        stage.show();
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.waitForAsyncFx(10_000, shell::dispose);
        harbor.close();
    }

    /** Logs in by keyboard and opens the central office from home with Enter (its tile has the focus). */
    void openCentralOffice(FxRobot robot) {
        openCentralOffice(robot, () -> { });
    }

    void openCentralOffice(FxRobot robot, Runnable whileHome) {
        robot.clickOn("#loginUsername");
        UiTestSupport.write(robot, USER);
        robot.type(KeyCode.TAB);
        UiTestSupport.write(robot, new String(PASS));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> shows(robot, "#homeCentralOffice"));
        whileHome.run();
        waitUntil(() -> robot.lookup("#homeCentralOffice").query().isFocused());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> shows(robot, "#centralOffice"));
        waitUntil(() -> robot.lookup("#centralSearch").query().isFocused());
    }

    void tab(FxRobot robot, int number) {
        robot.press(KeyCode.CONTROL).type(KeyCode.getKeyCode(Integer.toString(number))).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#centralTabs").queryAs(TabPane.class).getSelectionModel().getSelectedIndex() == number - 1);
    }

    void typeReason(FxRobot robot, String id, String reason) {
        robot.clickOn(id);
        UiTestSupport.write(robot, reason);
    }

    @SuppressWarnings("unchecked")
    static <T> TableView<T> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    @Test
    @DisplayName("case list across devices: search by name with Enter, Down into the list, Enter opens the read-only case view with seals verified, custody and attachments; Escape goes back")
    void caseListAndCaseView(FxRobot robot) throws Exception {
        openCentralOffice(robot);
        waitUntil(() -> table(robot, "#centralCaseTable").getItems().size() == 5);
        screenshot("central-cases.png");
        UiTestSupport.write(robot, "amani");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> table(robot, "#centralCaseTable").getItems().size() == 1);
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> shows(robot, "#centralCaseView"));
        String heading = robot.lookup("#centralCaseHeading").queryAs(Label.class).getText();
        assertTrue(heading.contains("HB-2026-0001") && heading.contains("laptop-07"), heading);
        String all = UiTestSupport.texts();
        assertTrue(all.contains("Seal verified: case"), all);
        assertTrue(all.contains("case.created"), all);
        assertTrue(all.contains("image/png, 1234 bytes"), all);
        screenshot("central-case.png");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> shows(robot, "#centralCaseTable"));
    }

    @Test
    @DisplayName("review queue: Ctrl+2, choose a case, type the case manager and Enter assigns it; Send to review moves it to awaiting review")
    void reviewQueue(FxRobot robot) {
        openCentralOffice(robot);
        tab(robot, 2);
        waitUntil(() -> table(robot, "#centralQueueTable").getItems().size() == 5);
        robot.type(KeyCode.TAB); // into the table
        robot.type(KeyCode.HOME);
        waitUntil(() -> table(robot, "#centralQueueTable").getSelectionModel().getSelectedItem() != null);
        String first = ((CentralStore.CaseRow) table(robot, "#centralQueueTable").getSelectionModel().getSelectedItem()).caseId();
        robot.clickOn("#centralAssignee");
        UiTestSupport.write(robot, "cm-rosa");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> table(robot, "#centralQueueTable").getItems().size() == 4);
        assertTrue(robot.lookup("#centralQueueTotal").queryAs(Label.class).getText().contains("4"));
        screenshot("central-queue.png");
        robot.interact(() -> robot.lookup("#centralQueueKind").queryComboBox().getSelectionModel().select(CentralStore.Queue.AWAITING_REVIEW));
        waitUntil(() -> table(robot, "#centralQueueTable").getItems().isEmpty());
        assertTrue(table(robot, "#centralQueueTable").getItems().stream().noneMatch(r -> ((CentralStore.CaseRow) r).caseId().equals(first)));
    }

    @Test
    @DisplayName("possible duplicates: Ctrl+3, the proposal side by side with its score explained; a reason and Merge; never automatic")
    void duplicates(FxRobot robot) {
        openCentralOffice(robot);
        tab(robot, 3);
        @SuppressWarnings("unchecked")
        ListView<CentralStore.DuplicatePair> list = robot.lookup("#duplicateList").queryAs(ListView.class);
        waitUntil(() -> list.getItems().size() == 1);
        waitUntil(() -> list.isFocused());
        robot.type(KeyCode.HOME);
        waitUntil(() -> shows(robot, "#duplicateName0"));
        String names = robot.lookup("#duplicateName0").queryAs(Label.class).getText() + "|"
                + robot.lookup("#duplicateName1").queryAs(Label.class).getText();
        assertTrue(names.contains("Amani Tesfaye") && names.contains("Amany Tesfaye"), names);
        String score = robot.lookup("#duplicateScore").queryAs(Label.class).getText();
        assertTrue(score.contains("same birth year: 1 x 3 = 3"), score);
        screenshot("central-duplicates.png");
        robot.clickOn("#duplicateMerge");
        waitUntil(() -> UiTestSupport.texts().contains("Give a reason"));
        assertEquals(1, list.getItems().size(), "nothing is merged without a reason");
        typeReason(robot, "#duplicateReason", "same school and mother");
        robot.type(KeyCode.TAB);
        robot.type(KeyCode.SPACE); // the Merge button
        waitUntil(() -> list.getItems().isEmpty());
        assertTrue(robot.lookup("#duplicateDone").queryAs(Label.class).getText().startsWith("Merged"));
    }

    @Test
    @DisplayName("conflicts: Ctrl+4, both versions side by side field by field; a reason and the received version made current")
    void conflicts(FxRobot robot) {
        openCentralOffice(robot);
        tab(robot, 4);
        @SuppressWarnings("unchecked")
        ListView<CentralStore.ConflictSummary> list = robot.lookup("#conflictList").queryAs(ListView.class);
        waitUntil(() -> list.getItems().size() == 1);
        waitUntil(() -> list.isFocused());
        robot.type(KeyCode.HOME);
        waitUntil(() -> table(robot, "#conflictRows").getItems().stream()
                .anyMatch(r -> ((String[]) r)[1].startsWith("Daniela Ruiz") && ((String[]) r)[2].startsWith("Daniela Ruiz Soto")));
        screenshot("central-conflicts.png");
        typeReason(robot, "#conflictReason", "the later export adds the second surname");
        robot.type(KeyCode.TAB, KeyCode.TAB);
        robot.type(KeyCode.SPACE); // The received version is current
        waitUntil(() -> list.getItems().isEmpty());
        assertTrue(robot.lookup("#conflictDone").queryAs(Label.class).getText().contains("received version"));
    }

    @Test
    @DisplayName("statistics: Ctrl+5, charts per HTCDS dimension with counts under 11 suppressed; Enter in the file field exports the CSV")
    void statistics(FxRobot robot) throws Exception {
        // eighty more synthetic cases, so that some counts reach 11 and are shown
        openCentralOffice(robot, () -> {
            List<CaseSpec> many = new java.util.ArrayList<>();
            for (int i = 0; i < 80; i++) {
                many.add(CaseSpec.of("HB-2026-2" + i, "Synthetic Person " + i).age(i % 2 == 0 ? "15" : "25")
                        .answers(Map.of("/data/identity/gender", i % 2 == 0 ? "girl" : "boy", "/data/origin/nationality_codes",
                                i % 3 == 0 ? "NG" : "ER", "/data/exploitation/exploitation_types", i % 4 == 0 ? "labour sexual" : "labour"),
                                List.of()));
            }
            try (CentralKeys keys = CentralKeys.of(harbor.vault()); CentralStore store = CentralStore.sqlite(harbor.vault(), keys)) {
                store.importPackage(packages.pack("laptop-30", 1, many), new CentralStore.ImportContext(Instant.parse("2026-03-04T08:00:00Z"),
                        USER, null));
            }
        });
        tab(robot, 5);
        waitUntil(() -> shows(robot, "#statsChart-gender"));
        Path csv = Files.createTempFile("harbor-stats", ".csv");
        waitUntil(() -> robot.lookup("#statsCsvPath").query().isFocused());
        robot.interact(() -> robot.lookup("#statsCsvPath").queryTextInputControl().clear());
        UiTestSupport.write(robot, csv.toString());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#statsExported").queryAs(Label.class).getText().contains(csv.toString()));
        String text = Files.readString(csv);
        assertTrue(text.startsWith("dimension,category,year,count,suppressed"), text);
        assertTrue(text.contains("gender,female,2026,41,false"), text);
        assertTrue(text.contains("exploitation_type,labour,2026,80,false"), text);
        assertTrue(text.contains("age_band,unknown,2026,,true"), text);
        screenshot("central-statistics.png");
    }

    void screenshot(String name) {
        UiTestSupport.screenshot(stage, name);
    }
}
