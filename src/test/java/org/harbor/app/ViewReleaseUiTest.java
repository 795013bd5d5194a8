package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.cases.CaseQuery;
import org.harbor.forms.FormFixture;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.ui.attachments.AttachmentScreens;
import org.harbor.ui.attachments.AttachmentsPane;
import org.harbor.ui.attachments.AttachmentsViewModel;
import org.harbor.ui.common.ScreenContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13: listeners released with their view. A view hooks onto objects that outlive it (its
 * view-model, which outlives the view when a language change builds a new view over it; the
 * window's scene, which outlives every screen). Once the view is gone, nothing may hold it: each
 * test keeps only a weak reference to the old view and asks the collector for it, with a bound.
 */
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Listeners released with their view")
class ViewReleaseUiTest {

    FormFixture fx;
    Shell shell;
    Session supervisor;
    String caseSession;
    String caseId;

    /** One vault for the class, made off the FX thread (key derivation and form import are slow). */
    @BeforeAll
    void vault() throws Exception {
        fx = FormFixture.create(Files.createTempDirectory("harbor-release-ui"));
        supervisor = fx.current();
        fx.harbor.accounts().confirmRecoveryKey(supervisor);
        caseSession = fx.newCaseSession(supervisor, "en");
        caseId = fx.harbor.cases().list(supervisor, CaseQuery.all()).getFirst().id();
    }

    @Start
    void start(Stage stage) {
        shell = UiTestSupport.showShell(fx.harbor, stage);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> fx.harbor.i18n().use(Locale.ENGLISH)).get();
        shell.dispose();
    }

    @AfterAll
    void close() {
        fx.close();
    }

    private void onFx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(20, TimeUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            shell.background().drain();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The node now on screen, held weakly. */
    private static WeakReference<Node> weakly(FxRobot robot, String query) {
        return new WeakReference<>(robot.lookup(query).query());
    }

    private static boolean replaced(FxRobot robot, String query, WeakReference<Node> old) {
        return robot.lookup(query).tryQuery().filter(now -> now != old.get()).isPresent();
    }

    /** Collects until {@code old} is gone, for at most ten seconds. */
    private static void assertCollected(WeakReference<?> old, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (old.get() != null && System.nanoTime() < deadline) {
            System.gc();
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
        }
        assertNull(old.get(), what + " is still held by something that outlives it");
    }

    private void changeLanguage(String code) throws Exception {
        onFx(() -> fx.harbor.i18n().use(Locale.forLanguageTag(code)));
    }

    @Test
    @DisplayName("CaseView: after a language change builds a new view over the same view-model, the old view is released")
    void caseView(FxRobot robot) throws Exception {
        onFx(() -> shell.toCase(caseId));
        waitUntil(() -> shows(robot, "#caseScreen"));
        WeakReference<Node> old = weakly(robot, "#caseScreen");
        WeakReference<Node> oldAttachments = weakly(robot, ".attachments-pane");
        changeLanguage("es");
        waitUntil(() -> replaced(robot, "#caseScreen", old));
        assertCollected(old, "the case view built before the language change");
        assertCollected(oldAttachments, "its attachments pane");
    }

    @Test
    @DisplayName("CaseListView: after a language change builds a new view over the same view-model, the old view is released")
    void caseListView(FxRobot robot) throws Exception {
        onFx(() -> shell.toCases());
        waitUntil(() -> shows(robot, "#caseListScreen"));
        WeakReference<Node> old = weakly(robot, "#caseListScreen");
        changeLanguage("ar");
        waitUntil(() -> replaced(robot, "#caseListScreen", old));
        assertCollected(old, "the case list built before the language change");
    }

    @Test
    @DisplayName("FormView: leaving the form (the window's scene stays) and changing the language release the old form views")
    void formView(FxRobot robot) throws Exception {
        onFx(() -> shell.toForm(caseSession, FormFixture.INTAKE));
        waitUntil(() -> shows(robot, "#formRoot .form-question"));
        WeakReference<Node> first = weakly(robot, "#formRoot");
        changeLanguage("es");
        waitUntil(() -> replaced(robot, "#formRoot", first));
        assertCollected(first, "the form view built before the language change");
        WeakReference<Node> second = weakly(robot, "#formRoot");
        onFx(() -> shell.toCase(caseId));
        waitUntil(() -> shows(robot, "#caseScreen"));
        assertCollected(second, "the form view after leaving the form");
    }

    @Test
    @DisplayName("SettingsView: after a language change builds a new view over the same view-model, the old view's controls are released")
    void settingsView(FxRobot robot) throws Exception {
        onFx(() -> shell.toSettings());
        waitUntil(() -> shows(robot, "#settingsBreakMinutes"));
        Spinner<?> spinner = robot.lookup("#settingsBreakMinutes").queryAs(Spinner.class);
        WeakReference<Object> oldMinutes = new WeakReference<>(spinner.getValueFactory());
        WeakReference<Node> old = new WeakReference<>(spinner);
        spinner = null;
        changeLanguage("es");
        waitUntil(() -> replaced(robot, "#settingsBreakMinutes", old));
        assertCollected(oldMinutes, "the break-minutes control of the settings view built before the language change");
    }

    @Test
    @DisplayName("SetupView: after a language change builds a new view over the same view-model, the old view is released")
    void setupView(FxRobot robot) throws Exception {
        Harbor fresh = TestVaults.open(Files.createTempDirectory("harbor-release-setup"), MutableClock.atStart());
        Shell setup = WaitForAsyncUtils.asyncFx(() -> UiTestSupport.showShell(fresh, new Stage())).get();
        try {
            waitUntil(() -> shows(robot, "#setupLanguage"));
            WeakReference<Node> old = weakly(robot, "#setupLanguage");
            onFx(() -> fresh.i18n().use(Locale.forLanguageTag("es")));
            waitUntil(() -> replaced(robot, "#setupLanguage", old));
            assertCollected(old, "the setup view built before the language change");
        } finally {
            WaitForAsyncUtils.asyncFx(() -> {
                setup.dispose();
                Window.getWindows().stream().filter(w -> w.getScene() != null && w.getScene().lookup("#setupLanguage") != null)
                        .toList().forEach(Window::hide);
            }).get();
            fresh.close();
        }
    }

    @Test
    @DisplayName("AttachmentsPane: once disposed, the pane is released though its view-model is still held")
    void attachmentsPane() throws Exception {
        AttachmentsViewModel model = WaitForAsyncUtils.asyncFx(() -> AttachmentScreens.model(
                ScreenContext.of(fx.harbor, shell.background(), shell, supervisor), caseId)).get();
        List<WeakReference<AttachmentsPane>> pane = WaitForAsyncUtils.asyncFx(() -> {
            AttachmentsPane shown = new AttachmentsPane(model);
            return List.of(new WeakReference<>(shown));
        }).get();
        onFx(() -> pane.getFirst().get().dispose());
        assertCollected(pane.getFirst(), "the attachments pane after dispose");
        assertNotNull(model, "the view-model outlives the pane");
    }
}
