package org.harbor.app;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;

/**
 * Start-up switches for tools, all off unless a system property is set.
 *
 * <ul>
 *   <li>{@code -Dharbor.reportFirstFrame=true}: at the first pulse after the window is shown
 *       (layout done, the frame on its way to the screen) print one line to standard output,
 *       {@code HARBOR_FIRST_FRAME <display language>}. {@code bench/startup.sh} and
 *       {@code installer/test-deb.sh} wait for it.</li>
 *   <li>{@code -Dharbor.training=true}: close Harbor right after that pulse. The AOT cache
 *       training run of {@code installer/build.sh} (by default) and {@code bench/startup.sh} use it
 *       to record or time exactly the path to the first window.</li>
 *   <li>{@code -Dharbor.training=caseList}: the AOT cache training run through a log-in
 *       ({@code HARBOR_AOT_TRAINING=case-list installer/build.sh}, not the default;
 *       ADR 0007). Harbor runs as always, warm-up included; a driver outside the process types a
 *       log-in into the real window and opens the case list as a user would. Harbor only says where
 *       it is: {@code HARBOR_TRAINING home} when the home screen is first laid out (the driver then
 *       opens the cases), and closes itself right after the first pulse that lays out the case list
 *       with rows in its table, printing {@code HARBOR_TRAINING caseList}. Nothing logs in by
 *       itself: without the driver the window waits at the log-in form like any other.</li>
 * </ul>
 */
final class FirstFrame {

    static final String REPORT_PROPERTY = "harbor.reportFirstFrame";
    static final String TRAINING_PROPERTY = "harbor.training";
    static final String MARKER = "HARBOR_FIRST_FRAME";
    static final String TRAINING_MARKER = "HARBOR_TRAINING";

    /** What {@code -Dharbor.training} asks for. */
    enum Training {
        /** Not a training run (the property unset, or anything but the two values below). */
        OFF,
        /** {@code true}: close after the first frame of the first window. */
        FIRST_FRAME,
        /** {@code caseList}: run as always; close after the case list is first laid out with rows. */
        CASE_LIST;

        static Training of(String value) {
            if (value == null) {
                return OFF;
            }
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> FIRST_FRAME;
                case "caselist" -> CASE_LIST;
                default -> OFF;
            };
        }

        static Training current() {
            return of(System.getProperty(TRAINING_PROPERTY));
        }
    }

    private FirstFrame() {
    }

    /** Call after {@code stage.show()} with the window's scene and its display language. */
    static void watch(Scene scene, String language) {
        boolean report = Boolean.getBoolean(REPORT_PROPERTY);
        Training training = Training.current();
        if (training == Training.CASE_LIST) {
            watchTraining(scene, FirstFrame::printTrainingMarker, Platform::exit);
        }
        if (!report && training != Training.FIRST_FRAME) {
            return;
        }
        afterFirstPulse(scene, () -> {
            if (report) {
                System.out.println(MARKER + " " + language);
                System.out.flush();
            }
            if (training == Training.FIRST_FRAME) {
                Platform.runLater(Platform::exit);
            }
        });
    }

    /**
     * The training run through a log-in: after each layout pulse, says once that the home screen
     * is there ({@code "home"}), and once the case list's table has rows says {@code "caseList"}
     * and runs {@code done} (later, not while the scene walks its listeners).
     */
    static void watchTraining(Scene scene, Consumer<String> say, Runnable done) {
        scene.addPostLayoutPulseListener(new Runnable() {
            private boolean home;
            private boolean finished;

            @Override
            public void run() {
                if (finished) {
                    return;
                }
                if (!home && scene.lookup("#homeCases") != null) {
                    home = true;
                    say.accept("home");
                }
                if (caseListDrawn(scene)) {
                    finished = true;
                    Runnable self = this;
                    say.accept("caseList");
                    Platform.runLater(() -> {
                        scene.removePostLayoutPulseListener(self);
                        done.run();
                    });
                }
            }
        });
    }

    /** The case list is on screen with rows in its table. */
    static boolean caseListDrawn(Scene scene) {
        Node table = scene.lookup("#caseTable");
        return table instanceof TableView<?> rows && !rows.getItems().isEmpty();
    }

    private static void printTrainingMarker(String where) {
        System.out.println(TRAINING_MARKER + " " + where);
        System.out.flush();
    }

    /** Runs {@code action} once, on the FX thread, right after the scene's first layout pulse. */
    static void afterFirstPulse(Scene scene, Runnable action) {
        scene.addPostLayoutPulseListener(new Runnable() {
            private boolean seen;

            @Override
            public void run() {
                if (seen) {
                    return;
                }
                seen = true;
                Runnable self = this;
                // not removed here: the scene is walking its listener list
                Platform.runLater(() -> scene.removePostLayoutPulseListener(self));
                action.run();
            }
        });
    }
}
