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
 *   <li>{@code -Dharbor.training=true}: close Harbor right after that pulse. The AOT cache
 *       training run of {@code installer/build.sh} uses it to record exactly the path to the
 *       first window.</li>
 * </ul>
 */
final class FirstFrame {

    static final String REPORT_PROPERTY = "harbor.reportFirstFrame";
    static final String TRAINING_PROPERTY = "harbor.training";
    static final String MARKER = "HARBOR_FIRST_FRAME";

    private FirstFrame() {
    }

    /** Call after {@code stage.show()} with the window's scene and its display language. */
    static void watch(Scene scene, String language) {
        boolean report = Boolean.getBoolean(REPORT_PROPERTY);
        boolean training = Boolean.getBoolean(TRAINING_PROPERTY);
        if (!report && !training) {
            return;
        }
        afterFirstPulse(scene, () -> {
            if (report) {
                System.out.println(MARKER + " " + language);
                System.out.flush();
            }
            if (training) {
                Platform.runLater(Platform::exit);
            }
        });
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
