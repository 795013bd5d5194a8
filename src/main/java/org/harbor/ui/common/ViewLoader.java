package org.harbor.ui.common;

import java.io.IOException;
import java.net.URL;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a view's FXML from beside its class, with the current message bundle. The controller is
 * the view object handed in; any other controller class named in the FXML fails loudly.
 */
public final class ViewLoader {

    private ViewLoader() {
    }

    public static Parent load(Object view, ResourceBundle bundle) {
        Class<?> type = view.getClass();
        URL fxml = type.getResource(type.getSimpleName() + ".fxml");
        if (fxml == null) {
            throw new IllegalStateException("no FXML beside " + type.getName());
        }
        FXMLLoader loader = new FXMLLoader(fxml, bundle);
        loader.setControllerFactory(requested -> {
            if (requested.isInstance(view)) {
                return view;
            }
            throw new IllegalStateException("unregistered controller " + requested.getName() + " in " + fxml);
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new IllegalStateException("cannot load " + fxml, e);
        }
    }
}
