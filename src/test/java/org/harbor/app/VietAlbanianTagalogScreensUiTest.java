package org.harbor.app;

import static org.harbor.app.UiTestSupport.shows;
import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.harbor.accounts.Session;
import org.harbor.cases.CaseQuery;
import org.harbor.forms.FormFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 19: the home screen and a built-in form in Vietnamese, Albanian and Tagalog, at 1024×768,
 * in the language's own words; with -Dharbor.screenshots=DIR each is also written as a picture
 * (home-LANG.png, form-LANG.png) to be looked at for boxes and truncation.
 */
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Home and a form in Vietnamese, Albanian and Tagalog")
class VietAlbanianTagalogScreensUiTest {

    FormFixture fx;
    Shell shell;
    Stage stage;
    String caseSession;

    @BeforeAll
    void vault() throws Exception {
        fx = FormFixture.create(Files.createTempDirectory("harbor-vi-sq-tl-ui"));
        Session supervisor = fx.current();
        fx.harbor.accounts().confirmRecoveryKey(supervisor);
        caseSession = fx.newCaseSession(supervisor, "vi");
        assertTrue(fx.harbor.cases().list(supervisor, CaseQuery.all()).size() == 1);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        shell = UiTestSupport.showShell(fx.harbor, stage);
        stage.setWidth(1024);
        stage.setHeight(768);
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

    private static boolean showsText(FxRobot robot, String text) {
        return robot.lookup(n -> n instanceof Labeled l && text.equals(l.getText())).tryQuery().isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vi", "sq", "tl"})
    @DisplayName("the home screen and the intake form show the language's own words")
    void homeAndForm(String language, FxRobot robot) throws Exception {
        onFx(() -> fx.harbor.i18n().use(Locale.of(language)));
        onFx(() -> shell.toHome());
        String cases = fx.harbor.i18n().get("home.cases");
        waitUntil(() -> showsText(robot, cases));
        UiTestSupport.screenshot(stage, "home-" + language + ".png");
        onFx(() -> shell.toForm(caseSession, "harbor-intake"));
        String next = fx.harbor.i18n().get("forms.nav.next");
        waitUntil(() -> showsText(robot, next));
        robot.clickOn("#formNext");
        waitUntil(() -> shows(robot, "#input-data_names_name"));
        UiTestSupport.screenshot(stage, "form-" + language + ".png");
    }
}
