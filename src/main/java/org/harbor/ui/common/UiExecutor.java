package org.harbor.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * How a view-model runs work off the UI thread and gets its result back on it (issue 13). The
 * desktop uses {@link Background} (one worker thread, results on the FX thread); plain JUnit tests
 * of view-models use {@link #direct()}, which needs no JavaFX toolkit.
 */
public interface UiExecutor {

    /** Runs {@code work} off the UI thread; {@code onSuccess} or {@code onError} runs on the UI thread. */
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onError);

    /** Work whose result nobody waits for, such as closing the vault after a quick-hide. */
    void fireAndForget(Runnable work);

    /** Runs {@code action} on the UI thread (now, if already on it). */
    void onUi(Runnable action);

    /** True while any work is queued or running: views show progress and disable their actions. */
    ReadOnlyBooleanProperty busyProperty();

    /**
     * Runs everything at once on the calling thread, in order: for view-model tests without the
     * JavaFX toolkit. Errors (other than {@link Exception}s handed to {@code onError}) propagate.
     */
    static UiExecutor direct() {
        return new UiExecutor() {
            private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onError) {
                busy.set(true);
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    busy.set(false);
                    onError.accept(e);
                    return;
                }
                busy.set(false);
                onSuccess.accept(result);
            }

            @Override
            public void fireAndForget(Runnable work) {
                work.run();
            }

            @Override
            public void onUi(Runnable action) {
                action.run();
            }

            @Override
            public ReadOnlyBooleanProperty busyProperty() {
                return busy.getReadOnlyProperty();
            }
        };
    }
}
