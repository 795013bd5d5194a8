package org.harbor.ui.setup;

import javafx.animation.PauseTransition;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.Duration;

/**
 * Puts the recovery key on the system clipboard for a short while only: any program on the machine
 * can read the clipboard, so the key is taken off it after {@link #HOLD} (and when the screen is
 * left), unless something else has been copied since.
 */
final class RecoveryKeyClipboard {

    static final Duration HOLD = Duration.minutes(1);

    private final PauseTransition timer = new PauseTransition(HOLD);
    private String copied;

    RecoveryKeyClipboard() {
        timer.setOnFinished(e -> clearNow());
    }

    void copy(String key) {
        ClipboardContent content = new ClipboardContent();
        content.putString(key);
        Clipboard.getSystemClipboard().setContent(content);
        copied = key;
        timer.playFromStart();
    }

    /** Empties the clipboard if it still holds the key this screen put there. */
    void clearNow() {
        timer.stop();
        if (copied == null) {
            return;
        }
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (copied.equals(clipboard.getString())) {
            clipboard.clear();
        }
        copied = null;
    }
}
