package org.harbor.vault;

import org.harbor.i18n.Refusal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.harbor.crypto.SecretKey;

/**
 * SQLite's {@code PRAGMA quick_check} of the open vault, off the unlock path (issue 16): it reads
 * every page of the file, which was about 85 % of an unlock after the key derivation at 10 000
 * cases. It runs once per unlock, a few seconds after it, on a low-priority thread and a
 * read-only connection of its own (WAL: it neither waits for nor holds up the session's writes),
 * or at once when something that must not run on a damaged vault asks for the result first
 * ({@link Vault#requireIntact}: every signature, so every seal, export and receipt).
 *
 * <p>It holds a copy of the data key from the unlock until it has run, and no longer; locking
 * the vault cancels it and destroys the copy.
 */
final class IntegrityCheck {

    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().priority(Thread.MIN_PRIORITY).name("harbor-integrity-check").factory());

    private final Path file;
    private final SecretKey key;
    private final FutureTask<Integrity> task;
    private volatile Statement running;
    /** Guarded by {@code this}: whether {@link #check} has begun (it then owns the key) or was called off. */
    private boolean started;
    private boolean cancelled;

    /**
     * @param key a copy of the data key, owned (and destroyed) by this check
     * @param done called once with the result, on the check's own thread and never while a
     *             caller of {@link #await} still waits, so it may use the vault
     */
    private IntegrityCheck(Path file, SecretKey key, BiConsumer<IntegrityCheck, Integrity> done) {
        this.file = file;
        this.key = key;
        this.task = new FutureTask<>(this::check) {
            @Override
            protected void done() {
                if (!isCancelled()) {
                    Integrity result = outcome(this);
                    SCHEDULER.execute(() -> done.accept(IntegrityCheck.this, result));
                }
            }
        };
    }

    static IntegrityCheck schedule(Path file, SecretKey key, Duration delay, BiConsumer<IntegrityCheck, Integrity> done) {
        IntegrityCheck check = new IntegrityCheck(file, key, done);
        SCHEDULER.schedule(check.task, delay.toMillis(), TimeUnit.MILLISECONDS);
        return check;
    }

    /** The result so far: {@code PENDING} until the check has run. */
    Integrity result() {
        return task.isDone() ? outcome(task) : Integrity.PENDING;
    }

    /**
     * Runs the check now on this thread unless it has run or is running, then waits for its
     * result; {@code PENDING} when it was called off (the vault was locked meanwhile).
     */
    Integrity await() {
        task.run();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (CancellationException e) {
                    return Integrity.PENDING; // called off: the vault was locked
                } catch (ExecutionException e) {
                    return Integrity.FAILED;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops a running check (the vault is being locked) and destroys the key copy. */
    void cancel() {
        task.cancel(false);
        synchronized (this) {
            cancelled = true;
            if (!started) {
                key.destroy(); // it will never run
                return;
            }
        }
        Statement statement = running;
        if (statement != null) {
            try {
                statement.cancel(); // sqlite3_interrupt: the check ends at its next step
            } catch (SQLException e) {
                // it ends on its own and destroys its key; its result is no longer asked for
            }
        }
    }

    private synchronized boolean begin() {
        if (cancelled) {
            return false;
        }
        started = true;
        return true;
    }

    private synchronized boolean cancelled() {
        return cancelled;
    }

    private static Integrity outcome(FutureTask<Integrity> task) {
        try {
            return task.isCancelled() ? Integrity.PENDING : task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Integrity.PENDING;
        } catch (ExecutionException e) {
            return Integrity.FAILED;
        }
    }

    private Integrity check() {
        if (!begin()) {
            return Integrity.PENDING;
        }
        try {
            while (true) {
                try {
                    return checkOnce();
                } catch (SQLException e) {
                    // Busy (a VACUUM or checkpoint of the session holding the file) is not damage:
                    // wait and read again. Any other error reading a page is a failed check.
                    int code = e.getErrorCode() & 0xff;
                    if (cancelled() || (code != SQLITE_BUSY && code != SQLITE_LOCKED)) {
                        return cancelled() ? Integrity.PENDING : Integrity.FAILED;
                    }
                    Thread.sleep(500);
                }
            }
        } catch (RuntimeException e) {
            return cancelled() ? Integrity.PENDING : Integrity.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Integrity.PENDING;
        } finally {
            key.destroy();
        }
    }

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    private Integrity checkOnce() throws SQLException {
        Connection connection = null;
        try {
            connection = Database.openUnchecked(file, key, true);
            try (Statement statement = connection.createStatement()) {
                running = statement;
                if (cancelled()) {
                    return Integrity.PENDING;
                }
                try (ResultSet check = statement.executeQuery("PRAGMA quick_check")) {
                    return check.next() && "ok".equals(check.getString(1)) ? Integrity.PASSED : Integrity.FAILED;
                }
            }
        } catch (Refusal e) {
            if (e.getCause() instanceof SQLException busy && ((busy.getErrorCode() & 0xff) == SQLITE_BUSY || (busy.getErrorCode() & 0xff) == SQLITE_LOCKED)) {
                throw busy;
            }
            throw e;
        } finally {
            running = null;
            Database.closeQuietly(connection);
        }
    }
}
