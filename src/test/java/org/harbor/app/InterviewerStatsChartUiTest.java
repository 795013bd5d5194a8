package org.harbor.app;

import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.cases.SessionKind;
import org.harbor.interview.coach.Language;
import org.harbor.interview.profile.ProfileLibrary;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.ui.common.Background;
import org.harbor.ui.common.Navigator;
import org.harbor.ui.common.Screen;
import org.harbor.ui.common.ScreenContext;
import org.harbor.ui.interview.InterviewScreens;
import org.harbor.vault.VaultKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@DisplayName("The statistics chart with a single interview")
class InterviewerStatsChartUiTest {

    final MutableClock clock = MutableClock.atStart();
    Harbor harbor;
    Session supervisor;
    Background background;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        harbor = TestVaults.open(Files.createTempDirectory("harbor-stats-chart"), clock);
        supervisor = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
        String caseId = harbor.cases().create(supervisor, "Synthetic Child", List.of()).id();
        String session = harbor.cases().startSession(supervisor, caseId, SessionKind.INTERVIEW, "en").id();
        harbor.interviews().start(supervisor, session, ProfileLibrary.CHILD_DEFAULT, Language.EN);
        harbor.interviews().logQuestion(supervisor, session, "Tell me everything about that.", true);
        harbor.interviews().end(supervisor, session, null);
        background = new Background();
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 1024, 900));
        stage.show();
    }

    @AfterEach
    void stop() {
        background.close();
        harbor.close();
    }

    private LineChart<String, Number> show(FxRobot robot, String language) {
        Navigator navigator = (Navigator) java.lang.reflect.Proxy.newProxyInstance(Navigator.class.getClassLoader(),
                new Class<?>[] {Navigator.class}, (proxy, method, args) -> null);
        robot.interact(() -> {
            harbor.i18n().use(Locale.of(language));
            Screen screen = InterviewScreens.interviewerStats(ScreenContext.of(harbor, background, navigator, supervisor));
            stage.getScene().setRoot(new javafx.scene.control.ScrollPane(screen.build()));
            stage.getScene().setNodeOrientation(language.equals("ar") ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
        });
        @SuppressWarnings("unchecked")
        LineChart<String, Number> chart = robot.lookup("#statsChart").queryAs(LineChart.class);
        waitUntil(() -> !chart.getData().isEmpty());
        robot.interact(() -> stage.getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
        return chart;
    }

    @Test
    @DisplayName("The statistics chart plots one interview: a visible point inside the plot, not an empty chart")
    void onePointIsPlotted(FxRobot robot) {
        LineChart<String, Number> chart = show(robot, "en");
        assertEquals(1, chart.getData().size());
        List<XYChart.Data<String, Number>> points = chart.getData().getFirst().getData();
        assertEquals(1, points.size());
        Node symbol = points.getFirst().getNode();
        assertNotNull(symbol, "the single week is drawn as a point");
        assertTrue(symbol.isVisible(), "the point shows");
        Node plot = chart.lookup(".chart-plot-background");
        Bounds area = plot.localToScene(plot.getBoundsInLocal());
        Bounds dot = symbol.localToScene(symbol.getBoundsInLocal());
        assertTrue(dot.getWidth() > 2 && dot.getHeight() > 2, "the point has a size: " + dot);
        assertTrue(area.contains(dot), "the whole point lies inside the plot, not cut off on its edge: " + dot + " in " + area);
        List<String> percents = chart.getYAxis().lookupAll("*").stream()
                .filter(n -> n.getClass() == javafx.scene.text.Text.class && n.isVisible())
                .map(n -> ((javafx.scene.text.Text) n).getText()).filter(t -> !t.isEmpty()).toList();
        assertEquals("100", percents.getLast(), "the share axis ends at 100 %: " + percents);
        assertTrue(Math.abs(dot.getCenterX() - area.getCenterX()) < area.getWidth() / 4,
                "the only week sits in the middle of the axis, under its label: " + dot + " in " + area);
    }

    @Test
    @DisplayName("The statistics chart labels its weeks with localized dates (Spanish and Arabic)")
    void weeksAreLabelled(FxRobot robot) {
        for (String language : List.of("es", "ar")) {
            LineChart<String, Number> chart = show(robot, language);
            Locale locale = Locale.of(language);
            LocalDate monday = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault()).with(DayOfWeek.MONDAY);
            String expected = org.harbor.i18n.LocalizedDates.date(monday, locale);
            assertTrue(expected.contains("23") && expected.contains("2026") && expected.chars().noneMatch(c -> c == 0x200f || c == 0x061c),
                    "the Monday of the week, with digits that render and no directional marks drawn as boxes: " + expected);
            Axis<String> weeks = chart.getXAxis();
            // The tick labels are the axis's own Text nodes (its title is a Label, whose text is another class).
            List<String> labels = weeks.lookupAll("*").stream()
                    .filter(n -> n.getClass() == javafx.scene.text.Text.class && n.isVisible())
                    .map(n -> ((javafx.scene.text.Text) n).getText()).toList();
            assertEquals(List.of(expected), labels, language + " categories " + ((javafx.scene.chart.CategoryAxis) weeks).getCategories()
                    + " data " + chart.getData().getFirst().getData() + " axis " + weeks.getLayoutBounds() + " auto " + weeks.isAutoRanging());
        }
    }
}
