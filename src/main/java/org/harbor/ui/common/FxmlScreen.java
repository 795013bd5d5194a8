package org.harbor.ui.common;

import java.util.function.Supplier;
import javafx.scene.Parent;
import org.harbor.i18n.I18n;

/**
 * A screen made of a view-model that lives as long as the screen and a view built from FXML. A
 * view that is {@link Releasable} is released before the next one is built and when the screen
 * goes away.
 */
public final class FxmlScreen implements Screen {

    private final Supplier<Object> view;
    private final Runnable dispose;
    private final I18n i18n;
    private Object built;

    public FxmlScreen(Supplier<Object> view, Runnable dispose, I18n i18n) {
        this.view = view;
        this.dispose = dispose;
        this.i18n = i18n;
    }

    @Override
    public Parent build() {
        release();
        built = view.get();
        return ViewLoader.load(built, i18n.bundle());
    }

    @Override
    public void dispose() {
        release();
        dispose.run();
    }

    private void release() {
        if (built instanceof Releasable old) {
            old.release();
        }
        built = null;
    }
}
