package org.harbor.ui.common;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Enter submits a form from wherever the focus is inside it: text fields through their action
 * event (a text field keeps the key to itself), other controls through a key handler on the form.
 * The button is fired only while it is enabled and visible, so the view-model's rules still hold.
 */
public final class EnterKey {

    private EnterKey() {
    }

    public static void submits(Button button, Parent form) {
        for (Node node : form.lookupAll(".text-field")) {
            if (node instanceof TextField field && field.getOnAction() == null) {
                field.setOnAction(e -> fire(button));
            }
        }
        // A check box takes Enter as a toggle of its own; in a form, Enter means "submit".
        form.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && (e.getTarget() instanceof CheckBox || e.getTarget() instanceof RadioButton) && fire(button)) {
                e.consume();
            }
        });
        form.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isConsumed() && fire(button)) {
                e.consume();
            }
        });
    }

    private static boolean fire(Button button) {
        if (button.isDisabled() || !button.isVisible() || button.getScene() == null) {
            return false;
        }
        button.fire();
        return true;
    }
}
