package org.harbor.app;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.harbor.Harbor;
import org.harbor.i18n.I18n;
import org.harbor.vault.HarborHome;
import org.harbor.vault.VaultException;

/** The desktop face: opens the vault folder and hands the window to the {@link Shell}. */
public final class DesktopApp extends Application {

    private static volatile Path homeFlag;
    private Harbor harbor;
    private Shell shell;

    static void launchWith(Path home) {
        homeFlag = home;
        Application.launch(DesktopApp.class);
    }

    @Override
    public void start(Stage stage) {
        HarborHome home = HarborHome.resolve(homeFlag);
        try {
            harbor = Harbor.open(home, Harbor.Options.defaults());
        } catch (VaultException e) {
            I18n i18n = new I18n(I18n.defaultFor(java.util.Locale.getDefault()));
            Alert alert = new Alert(Alert.AlertType.ERROR, i18n.get(e.messageKey()));
            alert.setTitle(i18n.get("app.title"));
            alert.setHeaderText(null);
            alert.showAndWait();
            Platform.exit();
            return;
        }
        shell = new Shell(harbor, stage);
        shell.start();
        stage.show();
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
