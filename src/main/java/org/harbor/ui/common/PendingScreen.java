package org.harbor.ui.common;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;

/** A screen whose destination is not built yet: says so and leads home. Replaced feature by feature. */
public final class PendingScreen implements Screen {

    private final ScreenContext context;

    public PendingScreen(ScreenContext context) {
        this.context = context;
    }

    @Override
    public Parent build() {
        Paragraph text = new Paragraph(context.harbor().i18n().get("pending.body"));
        Button home = new Button(context.harbor().i18n().get("pending.home"));
        home.setOnAction(e -> context.navigator().toHome());
        VBox box = new VBox(16, text, home);
        box.setStyle("-fx-padding: 32;");
        return box;
    }

    @Override
    public void dispose() {
    }
}
