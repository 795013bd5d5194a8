package org.harbor.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The one way to run vault work off the FX thread. A single worker keeps vault calls in order (a
 * lock queued after a save runs after it); results and errors come back on the FX thread.
 */
public final class Background implements UiExecutor, AutoCloseable {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "harbor-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private int running;

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onError) {
        setBusy(+1);
        worker.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> {
                    setBusy(-1);
                    onSuccess.accept(result);
                });
            } catch (Exception e) {
                Platform.runLater(() -> {
                    setBusy(-1);
                    onError.accept(e);
                });
            } catch (Throwable e) {
                // An Error (out of memory in a key derivation, say) must not leave every button disabled.
                Platform.runLater(() -> {
                    setBusy(-1);
                    onError.accept(new IllegalStateException("background work failed", e));
                });
                throw e;
            }
        });
    }

    @Override
    public void fireAndForget(Runnable work) {
        worker.execute(work);
    }

    @Override
    public void onUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Waits for queued work; for tests and shutdown. */
    public void drain() throws Exception {
        worker.submit(() -> { }).get(30, TimeUnit.SECONDS);
    }

    private void setBusy(int delta) {
        if (Platform.isFxApplicationThread()) {
            running += delta;
            busy.set(running > 0);
        } else {
            Platform.runLater(() -> setBusy(delta));
        }
    }

    @Override
    public void close() {
        worker.shutdown();
    }
}
