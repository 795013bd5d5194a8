package org.harbor.app;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Two start-up switches for tools, both off unless a system property is set.
 *
 * <ul>
 *   <li>{@code -Dharbor.reportFirstFrame=true}: at the first pulse after the window is shown
 *       (layout done, the frame on its way to the screen) print one line to standard output,
 *       {@code HARBOR_FIRST_FRAME <display language>}. {@code bench/startup.sh} and
 *       {@code installer/test-deb.sh} wait for it.</li>
 *   <li>{@code -Dharbor.training=true}: then show the login window too, and close Harbor after
 *       its first pulse. The AOT cache training run of {@code installer/build.sh} uses it to
 *       record the path to both first windows: first-run setup and login.</li>
 * </ul>
 */
final class FirstFrame {

    static final String REPORT_PROPERTY = "harbor.reportFirstFrame";
    static final String TRAINING_PROPERTY = "harbor.training";
    static final String MARKER = "HARBOR_FIRST_FRAME";

    private enum Phase { FIRST, NEXT_PENDING, NEXT_SHOWN, DONE }

    private FirstFrame() {
    }

    /**
     * Call after {@code stage.show()} with the window's scene and its display language;
     * {@code trainingNext} shows the window a training run records next.
     */
    static void watch(Scene scene, String language, Runnable trainingNext) {
        boolean report = Boolean.getBoolean(REPORT_PROPERTY);
        boolean training = Boolean.getBoolean(TRAINING_PROPERTY);
        if (!report && !training) {
            return;
        }
        scene.addPostLayoutPulseListener(new Runnable() {
            private Phase phase = Phase.FIRST;

            @Override
            public void run() {
                switch (phase) {
                    case FIRST -> {
                        if (report) {
                            System.out.println(MARKER + " " + language);
                            System.out.flush();
                        }
                        phase = training ? Phase.NEXT_PENDING : Phase.DONE;
                        if (training) {
                            Platform.runLater(() -> {
                                trainingNext.run();
                                phase = Phase.NEXT_SHOWN;
                            });
                        }
                    }
                    case NEXT_SHOWN -> {
                        phase = Phase.DONE;
                        Platform.runLater(Platform::exit);
                    }
                    default -> {
                        // nothing more to watch; the listener stays, idle, with the scene
                    }
                }
            }
        });
    }
}
