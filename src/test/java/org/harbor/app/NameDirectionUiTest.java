package org.harbor.app;

import static org.harbor.app.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.harbor.accounts.Session;
import org.harbor.cases.SessionKind;
import org.harbor.forms.FormFixture;
import org.harbor.interview.coach.Language;
import org.harbor.interview.profile.ProfileLibrary;
import org.harbor.interview.session.PresentRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14, smaller defects: "a name mixing Arabic and Latin shows in the same order everywhere
 * (bidi isolation)". A synthetic name with a Latin part, an Arabic part and a digit is put on the
 * screens that show a person's name, in the English and in the Arabic interface; on each, the
 * characters that begin its three runs are found in the drawn text and their left-to-right order
 * on screen compared with the order of the name laid out alone in its own direction.
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Issue 14: a name mixing Arabic and Latin shows in the same order everywhere")
class NameDirectionUiTest {

    /** Synthetic: a Latin given name, an Arabic family name, a digit (as a worker tells two namesakes apart). */
    static final String NAME = "Amira عبد الله 2";
    /** One character from each run of the name: the Latin, the Arabic, the digit. */
    static final char[] MARKERS = {'A', 'ع', '2'};

    FormFixture fx;
    Shell shell;
    Stage stage;
    String caseId;
    String interviewSession;

    @BeforeAll
    static void patience() {
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(120_000);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        fx = FormFixture.create(Files.createTempDirectory("harbor-names-ui"));
        Session supervisor = fx.current();
        fx.harbor.accounts().confirmRecoveryKey(supervisor);
        Session ivo = fx.as("ivo");
        caseId = fx.harbor.cases().create(ivo, NAME, List.of("Mira 2")).id();
        interviewSession = fx.harbor.cases().startSession(ivo, caseId, SessionKind.INTERVIEW, "en").id();
        fx.harbor.interviews().start(ivo, interviewSession, ProfileLibrary.CHILD_DEFAULT, Language.EN);
        fx.harbor.interviews().recordPresent(ivo, interviewSession, PresentRole.GUARDIAN, NAME, null);
        fx.harbor.accounts().lock("test");
        shell = UiTestSupport.showShell(fx.harbor, stage);
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.waitForAsyncFx(10_000, shell::dispose);
        fx.close();
    }

    /** The name's three runs in their left-to-right order on screen in {@code text}, e.g. "A2ع". */
    static String order(Text text) {
        String s = text.getText();
        int at = s.indexOf(NAME);
        List<int[]> xs = new ArrayList<>();
        for (char marker : MARKERS) {
            int i = at + NAME.indexOf(marker);
            Bounds box = new Path(text.rangeShape(i, i + 1)).getLayoutBounds();
            Bounds inScene = text.localToScene(box);
            xs.add(new int[] {marker, (int) Math.round(inScene.getCenterX())});
        }
        return xs.stream().sorted(Comparator.comparingInt(x -> x[1]))
                .map(x -> String.valueOf((char) x[0])).collect(Collectors.joining());
    }

    /** Every drawn text on the screen that holds the name, by where it is and the order of its runs. */
    static List<String> orders(Stage stage, String where) {
        List<String> out = new ArrayList<>();
        for (Node node : stage.getScene().getRoot().lookupAll("*")) {
            if (node instanceof Text text && text.getText() != null && text.getText().contains(NAME) && drawn(node)) {
                out.add(where + ": " + order(text));
            }
        }
        return out;
    }

    static boolean drawn(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The order of the name's runs laid out alone, in the direction of its first strong letter (Latin: left to right). */
    static String reference(FxRobot robot) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            Text alone = new Text(NAME);
            alone.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
            new Scene(new VBox(alone));
            return order(alone);
        });
    }

    private void settle() throws Exception {
        UiTestSupport.settle(shell);
    }

    @Test
    @DisplayName("a name mixing Arabic and Latin shows in the same order on the case list, the case, and the interview, in the English and the Arabic interface")
    void sameOrderOnEveryScreen(FxRobot robot) throws Exception {
        UiTestSupport.logIn(robot, "ivo", "own pass phrase of someone");
        String expected = reference(robot);
        List<String> seen = new ArrayList<>();
        for (String language : List.of("en", "ar")) {
            robot.interact(() -> fx.harbor.i18n().use(Locale.of(language)));
            robot.interact(shell::toCases);
            settle();
            waitUntil(() -> !orders(stage, "").isEmpty());
            seen.addAll(WaitForAsyncUtils.waitForAsyncFx(10_000, () -> orders(stage, language + " case list")));
            robot.interact(() -> shell.toCase(caseId));
            settle();
            waitUntil(() -> orders(stage, "").size() >= 2);
            seen.addAll(WaitForAsyncUtils.waitForAsyncFx(10_000, () -> orders(stage, language + " case")));
            UiTestSupport.screenshot(stage, "name-direction-case-" + language + ".png");
            robot.interact(() -> shell.toInterview(interviewSession));
            settle();
            waitUntil(() -> !orders(stage, "").isEmpty());
            seen.addAll(WaitForAsyncUtils.waitForAsyncFx(10_000, () -> orders(stage, language + " interview")));
        }
        // Not vacuous: the list row, the case's facts and person row, the person present, in both languages.
        assertTrue(seen.size() >= 8, "the name was found on too few screens: " + seen);
        List<String> different = seen.stream().filter(s -> !s.endsWith(": " + expected)).toList();
        assertEquals(List.of(), different, "laid out alone, the name reads " + expected + " from left to right; all seen: " + seen);
    }

    /**
     * The bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which the
     * application's fonts draw as boxes or dotted pictures, and private-use characters (boxes too).
     * The marks LRM and RLM are left to the check of dates: the Arabic date formats put RLM in
     * every date, which is not a name's doing.
     */
    static boolean hasFormatCharacter(String text) {
        return text.codePoints().anyMatch(c -> (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || Character.getType(c) == Character.PRIVATE_USE);
    }

    @Test
    @DisplayName("no replacement box glyphs: the name is drawn from its own letters, with no bidi control or marker character on any screen")
    void noBoxes(FxRobot robot) throws Exception {
        UiTestSupport.logIn(robot, "ivo", "own pass phrase of someone");
        List<String> found = new ArrayList<>();
        for (String language : List.of("en", "ar")) {
            robot.interact(() -> fx.harbor.i18n().use(Locale.of(language)));
            for (Runnable screen : List.<Runnable>of(shell::toCases, () -> shell.toCase(caseId), () -> shell.toInterview(interviewSession))) {
                robot.interact(screen);
                settle();
                waitUntil(() -> !orders(stage, "").isEmpty());
                found.addAll(WaitForAsyncUtils.waitForAsyncFx(10_000, () -> stage.getScene().getRoot().lookupAll("*").stream()
                        .filter(n -> n instanceof Text t && t.getText() != null && drawn(n)
                                && (t.getText().contains(NAME) && !t.getText().equals(NAME) || hasFormatCharacter(t.getText())))
                        .map(n -> language + ": \"" + ((Text) n).getText() + "\"").toList()));
            }
        }
        assertEquals(List.of(), found, "drawn texts holding the name with something else, or a format character");
    }
}
