package org.harbor.ui.interview;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.StringProperty;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.UiExecutor;

/**
 * The screen's service calls that change the interview's course (a phase, a break, the end): one
 * at a time on the worker, with a flag the view disables its buttons on, and any refusal shown.
 */
final class Jobs {

    private final UiExecutor background;
    private final StringProperty message;
    private final I18n i18n;
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);

    Jobs(UiExecutor background, StringProperty message, I18n i18n) {
        this.background = background;
        this.message = message;
        this.i18n = i18n;
    }

    boolean busy() {
        return working.get();
    }

    ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    <T> void run(Callable<T> call, Consumer<T> done) {
        working.set(true);
        background.run(call, result -> {
            working.set(false);
            done.accept(result);
        }, e -> {
            working.set(false);
            message.set(InterviewMessages.of(e, i18n));
        });
    }
}
