package org.harbor.usecases;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.harbor.accounts.AccessDenied;
import org.harbor.accounts.Session;
import org.harbor.sync.Outbox;
import org.harbor.sync.SyncCheck;
import org.harbor.sync.SyncClient;
import org.harbor.sync.SyncRefused;

/**
 * Sends the outbox in the background while a user who may send is logged in (issue 18): on a
 * thread of its own, never the window's. When nothing is released it only looks at the outbox
 * (no connection is made) and sleeps until a release or {@link #wake()}; when something is, it
 * uploads it (resuming where an earlier upload stopped) and applies the receipt; when the server
 * does not answer, or is busy, it tries again later, waiting longer each time up to a cap.
 *
 * <p>It stops when told ({@link #stop()}, at a lock or log-out), and by itself when the session
 * ends: the next signature the device key would make, or the next outbox read, is refused. An
 * upload stopped half-way resumes from the server's offset next time; a receipt not yet applied
 * is answered again by the server (the import is once per package).
 *
 * <p>Sending signs with the device key and applying a receipt marks cases received: both are a
 * supervisor's permission today ({@code EXPORT_PACKAGES}), so for any other session the sender
 * ends at once, without a request.
 */
public final class SendInBackground {

    /** What the sender reports, from its own thread. */
    public interface Listener {
        /** The server now holds {@code bytes} of {@code total} of this package. */
        default void sending(Outbox.Item item, long bytes, long total) {
        }

        /** A round ended: the outbox changed (received, refused, still waiting); read it again. */
        default void changed() {
        }

        /** The server did not answer or was busy: the next round starts after {@code delay}. */
        default void waiting(Duration delay) {
        }
    }

    /** A package being sent now, and how far. */
    public record Sending(String itemId, long bytes, long total) {
    }

    /**
     * How the sender paces itself.
     *
     * @param perUpload the client's own retries within one round (few: the rounds back off)
     * @param first the wait after the first failed round; it doubles after each further one
     * @param max the longest wait between rounds
     * @param idle how often an empty outbox is looked at again (a release also wakes the sender)
     */
    public record Timing(SyncClient.Backoff perUpload, Duration first, Duration max, Duration idle, int chunkBytes, long seed) {
        public static final Timing DEFAULT = new Timing(
                new SyncClient.Backoff(3, Duration.ofSeconds(1), Duration.ofSeconds(8), new SecureRandom().nextLong()),
                Duration.ofSeconds(15), Duration.ofMinutes(15), Duration.ofMinutes(5), SendOutbox.CHUNK, new SecureRandom().nextLong());

        /** The wait after {@code failures} failed rounds in a row: doubling from {@link #first}, capped, jittered by up to a quarter. */
        Duration delay(int failures, Random random) {
            long base = Math.min(max.toMillis(), first.toMillis() << Math.min(20, Math.max(0, failures - 1)));
            return Duration.ofMillis(base - (long) (random.nextDouble() * base / 4));
        }
    }

    private final SendOutbox send;
    /** Fetches the forms and settings the office published, after the outbox is sent; null: never. */
    private final ReceivePublications publications;
    private final Timing timing;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Object guard = new Object();
    /** Guarded by {@link #guard}. */
    private Run run;

    public SendInBackground(SendOutbox send, ReceivePublications publications) {
        this(send, publications, Timing.DEFAULT);
    }

    public SendInBackground(SendOutbox send, Timing timing) {
        this(send, null, timing);
    }

    public SendInBackground(SendOutbox send, ReceivePublications publications, Timing timing) {
        this.send = send;
        this.publications = publications;
        this.timing = timing;
    }

    /**
     * Starts sending for {@code session} to the server of the trust bundle ({@code server}: another
     * address of it, or null). Returns at once; a sender already running for this session goes on,
     * one for another session is stopped first.
     */
    public void start(Session session, URI server) {
        synchronized (guard) {
            if (run != null && run.session == session && run.thread.isAlive() && !run.stopped) {
                return;
            }
            if (run != null) {
                run.stop();
            }
            run = new Run(session, server);
            run.thread.start();
        }
    }

    /** Stops sending; returns at once (an upload under way stops after its current chunk). */
    public void stop() {
        synchronized (guard) {
            if (run != null) {
                run.stop();
                run = null;
            }
        }
    }

    /** The next round starts now, with a fresh backoff: after a release, or "Retry now". */
    public void wake() {
        synchronized (guard) {
            if (run != null) {
                run.wake();
            }
        }
    }

    /** Whether a sender thread is running (for a session that may send). */
    public boolean running() {
        synchronized (guard) {
            return run != null && run.thread.isAlive();
        }
    }

    /** The package being sent now, if one is. */
    public Optional<Sending> sending() {
        synchronized (guard) {
            return run == null ? Optional.empty() : Optional.ofNullable(run.sending);
        }
    }

    /** Adds a listener; the returned action removes it. */
    public Runnable listen(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** An upload stopped by {@link #stop()} between two chunks. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped", null, false, false);
        }
    }

    private final class Run implements Runnable {
        final Session session;
        final URI server;
        final Thread thread;
        final Random jitter = new Random(timing.seed());
        /** Guarded by {@link #guard}. */
        boolean woken;
        volatile boolean stopped;
        volatile Sending sending;

        Run(Session session, URI server) {
            this.session = session;
            this.server = server;
            this.thread = Thread.ofPlatform().daemon().name("harbor-outbox-sender").unstarted(this);
        }

        void stop() {
            stopped = true;
            synchronized (guard) {
                guard.notifyAll();
            }
        }

        void wake() {
            synchronized (guard) {
                woken = true;
                guard.notifyAll();
            }
        }

        @Override
        public void run() {
            int failures = 0;
            try {
                if (!send.maySend(session)) {
                    return;
                }
                while (!stopped) {
                    if (!send.pending(session)) {
                        if (!send.maySend(session)) {
                            return; // the session ended: locked or logged out
                        }
                        failures = 0;
                        pause(timing.idle());
                        continue;
                    }
                    Outbox.Sent sent;
                    try {
                        sent = send.send(session, server, timing.perUpload(), timing.chunkBytes(), item -> (bytes, total) -> {
                            if (stopped) {
                                throw new Stopped();
                            }
                            sending = new Sending(item.id(), bytes, total);
                            listeners.forEach(l -> l.sending(item, bytes, total));
                        });
                    } catch (SyncRefused e) {
                        sending = null;
                        listeners.forEach(Listener::changed);
                        if (e.check() == SyncCheck.NO_SERVER) {
                            pause(timing.idle()); // the trust bundle names no server: only a new bundle helps
                        } else {
                            failures = backOff(failures);
                        }
                        continue;
                    } catch (Stopped | AccessDenied e) {
                        throw e;
                    } catch (RuntimeException e) {
                        // a receipt that would not apply, the vault busy: try again later, unless the session ended
                        sending = null;
                        if (!send.maySend(session)) {
                            return;
                        }
                        listeners.forEach(Listener::changed);
                        failures = backOff(failures);
                        continue;
                    }
                    sending = null;
                    listeners.forEach(Listener::changed);
                    if (!sent.received().isEmpty()) {
                        fetchPublications(); // the office answered: what it published comes back with the receipts
                    }
                    if (sent.waiting().isEmpty()) {
                        failures = 0;
                    } else {
                        failures = backOff(failures);
                    }
                }
            } catch (Stopped | AccessDenied | InterruptedException e) {
                // stopped, or the session ended under an upload: what was sent resumes next time
            } catch (RuntimeException e) {
                // the vault closed under us (a lock): nothing to do but end; the outbox is unchanged
            } finally {
                sending = null;
                listeners.forEach(Listener::changed);
            }
        }

        /**
         * The sync's second half (ADR 0017): with the outbox sent, the forms and settings the office
         * published are fetched, verified and applied (a supervisor's session only; each refusal is
         * audited by the use case). A failure here never stops the sending.
         */
        private void fetchPublications() throws InterruptedException {
            if (publications == null || stopped) {
                return;
            }
            try {
                publications.receive(session, server);
                listeners.forEach(Listener::changed);
            } catch (AccessDenied e) {
                throw e;
            } catch (RuntimeException e) {
                // the office unreachable or a publication refused: tried again after the next send
            }
        }

        private int backOff(int failures) throws InterruptedException {
            int now = failures + 1;
            Duration delay = timing.delay(now, jitter);
            listeners.forEach(l -> l.waiting(delay));
            return pause(delay) ? 0 : now;
        }

        /** Waits {@code d}, or until woken or stopped; true if woken (the backoff starts again). */
        private boolean pause(Duration d) throws InterruptedException {
            long until = System.nanoTime() + d.toNanos();
            synchronized (guard) {
                while (!stopped && !woken) {
                    long left = until - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    guard.wait(Math.max(1, left / 1_000_000));
                }
                boolean was = woken;
                woken = false;
                return was;
            }
        }
    }
}
