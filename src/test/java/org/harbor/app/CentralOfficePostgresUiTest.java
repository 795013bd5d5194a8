package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.harbor.Harbor;
import org.harbor.central.CentralStore;
import org.harbor.central.CentralStores;
import org.harbor.central.PgTestServer;
import org.harbor.seal.SyntheticPackages;
import org.harbor.seal.SyntheticPackages.CaseSpec;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.ui.common.Paragraph;
import org.harbor.vault.VaultKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop's central mode on the PostgreSQL store (issue 17), against the real throwaway
 * cluster of {@code .ci/pg-test-cluster.sh} (skipped without HARBOR_TEST_PG_*, failed under CI=true):
 * a central supervisor points the vault at the server in Settings, and the central office then
 * lists the cases that are on the server — not the ones in the central vault's own file.
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Issue 17: desktop central mode on PostgreSQL")
class CentralOfficePostgresUiTest {

    static final String USER = "olga-central";
    static final char[] PASS = "central office pass phrase".toCharArray();

    final MutableClock clock = MutableClock.atStart();
    final SyntheticPackages packages = new SyntheticPackages();
    PgTestServer pg;
    Harbor harbor;
    Shell shell;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** The vault and the server's rows are made after the toolkit's start (whose wait is short on a loaded machine). */
    @BeforeEach
    void prepare() throws Exception {
        pg = PgTestServer.require();
        pg.reset();
        harbor = TestVaults.open(Files.createTempDirectory("harbor-central-pg-ui"), clock);
        var setup = harbor.accounts().setUp(VaultKind.CENTRAL, USER, PASS);
        harbor.accounts().confirmRecoveryKey(setup.session());
        // Two packages filed on the server (not in the vault's own store). Synthetic people: invented names only.
        try (CentralStore server = CentralStores.postgres(harbor.vault(), pg.settings())) {
            var ctx = new CentralStore.ImportContext(Instant.parse("2026-03-03T08:00:00Z"), USER, null);
            server.importPackage(packages.pack("laptop-31", 1, List.of(CaseSpec.of("HB-2026-0301", "Nadia Haddad"),
                    CaseSpec.of("HB-2026-0302", "Yusuf Karim"))), ctx);
            server.importPackage(packages.pack("laptop-44", 1, List.of(CaseSpec.of("HB-2026-0401", "Sofia Morales"))), ctx);
        }
        harbor.accounts().lock("test");
        WaitForAsyncUtils.waitForAsyncFx(30_000, () -> {
            shell = new Shell(harbor, stage);
            shell.start();
            stage.show();
        });
    }

    @AfterEach
    void stop() {
        if (shell != null) {
            WaitForAsyncUtils.waitForAsyncFx(10_000, shell::dispose);
        }
        if (harbor != null) {
            harbor.close();
        }
    }

    private static String paragraph(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Paragraph.class).getContent();
    }

    private void typeInto(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> {
            field.requestFocus();
            field.clear();
        });
        waitUntil(field::isFocused);
        UiTestSupport.write(robot, text);
    }

    @Test
    @DisplayName("the central app works on the PostgreSQL store: Settings take the address, role and password file (as --db), Enter tries the server with the central keys, and the central office lists the server's cases")
    void centralModeOnPostgres(FxRobot robot) {
        robot.clickOn("#loginUsername");
        UiTestSupport.write(robot, USER);
        robot.type(KeyCode.TAB);
        UiTestSupport.write(robot, new String(PASS));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> shows(robot, "#homeSettings"));
        robot.clickOn("#homeSettings");
        waitUntil(() -> shows(robot, "#settingsCentralStore"));
        waitUntil(() -> paragraph(robot, "#settingsCentralCurrent").equals("Imported cases are kept in this central vault."));
        typeInto(robot, "#settingsCentralUrl", pg.url);
        typeInto(robot, "#settingsCentralUser", pg.user);
        typeInto(robot, "#settingsCentralPasswordFile", pg.passwordFile.toString());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> paragraph(robot, "#settingsCentralMessage").endsWith("imported cases are kept there from now on."));
        waitUntil(() -> paragraph(robot, "#settingsCentralCurrent").equals("Imported cases are kept on the PostgreSQL server " + pg.url + "."));
        assertEquals(pg.url, CentralStores.configured(harbor.vault()).orElseThrow().url());
        robot.interact(() -> {
            for (javafx.scene.Node n = robot.lookup("#settingsCentralStore").query(); n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.ScrollPane scroll) {
                    scroll.setVvalue(scroll.getVmax()); // the section is the last of the screen
                }
            }
        });
        UiTestSupport.screenshot(stage, "central-store-settings.png");

        robot.interact(() -> shell.toHome());
        waitUntil(() -> shows(robot, "#homeCentralOffice"));
        robot.clickOn("#homeCentralOffice");
        waitUntil(() -> shows(robot, "#centralOffice"));
        @SuppressWarnings("unchecked")
        TableView<CentralStore.CaseRow> table = robot.lookup("#centralCaseTable").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 3);
        assertTrue(table.getItems().stream().allMatch(r -> r.deviceId().startsWith("laptop-")));
        assertEquals(List.of("HB-2026-0301", "HB-2026-0302", "HB-2026-0401"),
                table.getItems().stream().map(CentralStore.CaseRow::number).sorted().toList());
    }
}
