package org.harbor.app;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import java.util.Locale;
import javafx.geometry.NodeOrientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import org.harbor.accounts.SettingsService;
import org.harbor.i18n.Refusal;
import org.harbor.ui.common.Paragraph;
import javafx.stage.Stage;
import org.harbor.Harbor;
import org.harbor.i18n.I18n;
import org.harbor.vault.HarborHome;

/** The desktop face: opens the vault folder and hands the window to the {@link Shell}. */
public final class DesktopApp extends Application {

    private static volatile Path homeFlag;
    private Harbor harbor;
    private Shell shell;

    static void launchWith(Path home) {
        homeFlag = home;
        Rendering.chooseBeforeLaunch();
        Application.launch(DesktopApp.class);
    }

    @Override
    public void start(Stage stage) {
        HarborHome home = HarborHome.resolve(homeFlag);
        try {
            harbor = Harbor.open(home, Harbor.Options.defaults());
        } catch (Refusal e) {
            I18n i18n = new I18n(SettingsService.uiLanguage(home).map(Locale::of)
                    .orElse(I18n.defaultFor(Locale.getDefault())));
            showRefusal(stage, i18n, e.describe(i18n));
            return;
        }
        shell = new Shell(harbor, stage);
        shell.start();
        stage.show();
        // Once the first frame is out, load what unlocking and the first case list need while the
        // passphrase is typed.
        // (Not when a tool closes Harbor at its first frame: nothing after that frame is wanted. The
        // AOT training run through a log-in does it, as every start does.)
        if (FirstFrame.Training.current() != FirstFrame.Training.FIRST_FRAME) {
            Locale language = harbor.i18n().locale();
            FirstFrame.afterFirstPulse(stage.getScene(), () -> {
                Thread.ofPlatform().daemon().name("harbor-warm-up").start(() -> Harbor.warmUp(language));
                Platform.runLater(() -> warmUpScreens(Shell.WARM_UP_PASSES));
            });
        }
        FirstFrame.watch(stage.getScene(), harbor.i18n().locale().getLanguage());
    }

    /** One pass now, the next as a later event, while the login window waits and the passes are wanted. */
    private void warmUpScreens(int passes) {
        if (passes > 0 && shell.warmUpScreens()) {
            Platform.runLater(() -> warmUpScreens(passes - 1));
        }
    }

    /** Why Harbor cannot start, in the display language, with one button that closes it. */
    private static void showRefusal(Stage stage, I18n i18n, String message) {
        Paragraph text = new Paragraph(message);
        Button close = new Button(i18n.get("generic.close"));
        close.setDefaultButton(true);
        close.setOnAction(e -> Platform.exit());
        VBox box = new VBox(16, text, close);
        box.setStyle("-fx-padding: 24;");
        box.setNodeOrientation(i18n.rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
        stage.setScene(new Scene(box, 480, 160));
        stage.setTitle(i18n.get("app.title"));
        stage.setOnCloseRequest(e -> Platform.exit());
        stage.show();
        close.requestFocus();
        FirstFrame.watch(stage.getScene(), i18n.locale().getLanguage());
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.dispose();
        }
        if (harbor != null) {
            harbor.close();
        }
    }
}
