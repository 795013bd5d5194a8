package org.harbor.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.harbor.app.Rendering;

/**
 * The yardstick of {@code bench/startup.sh}: the smallest JavaFX window, the size of Harbor's,
 * packaged the same way (same runtime, same launcher options, its own AOT cache). It reports its
 * first frame exactly as Harbor does: {@code -Dharbor.reportFirstFrame=true} prints
 * {@code HARBOR_FIRST_FRAME en} at the first pulse after {@code show()}, and
 * {@code -Dharbor.training=true} closes it right after. It chooses JavaFX's renderer as Harbor
 * does ({@link Rendering}; the class is packaged with it). Not a test.
 */
public final class MinimalWindow {

    private MinimalWindow() {
    }

    public static void main(String[] args) {
        // started as Harbor starts: on a machine with no graphics device, software drawing without
        // GTK's OpenGL (ADR 0018), so the yardstick does not carry a cost Harbor avoids
        Rendering.chooseBeforeLaunch();
        Application.launch(Window.class, args);
    }

    /** A separate class: the one {@code main} starts must not extend {@code Application}. */
    public static final class Window extends Application {

        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new StackPane(new Label("Minimal window")), 960, 700);
            stage.setScene(scene);
            stage.setTitle("Minimal window");
            stage.show();
            boolean report = Boolean.getBoolean("harbor.reportFirstFrame");
            boolean training = Boolean.getBoolean("harbor.training");
            scene.addPostLayoutPulseListener(new Runnable() {
                private boolean seen;

                @Override
                public void run() {
                    if (seen) {
                        return;
                    }
                    seen = true;
                    if (report) {
                        System.out.println("HARBOR_FIRST_FRAME en");
                        System.out.flush();
                    }
                    if (training) {
                        Platform.runLater(Platform::exit);
                    }
                }
            });
        }
    }
}
