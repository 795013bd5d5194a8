package org.harbor.usecases;

import java.net.URI;
import java.util.function.Function;
import org.harbor.accounts.Session;
import org.harbor.i18n.Refusal;
import org.harbor.sync.Outbox;
import org.harbor.sync.SyncCheck;
import org.harbor.sync.SyncClient;
import org.harbor.sync.SyncRefused;

/**
 * Sends the outbox to the office's sync server named by the trust bundle, resuming interrupted
 * uploads and applying each receipt (issue 18); completes a release a crash interrupted first.
 */
public final class SendOutbox {

    /** Chunks of 8 MiB: a cut costs at most that much again. */
    public static final int CHUNK = 8 << 20;

    private final Outbox outbox;

    public SendOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    public Outbox.Sent send(Session session, URI server, SyncClient.Backoff backoff, SyncClient.Progress progress)
            throws InterruptedException {
        return send(session, server, backoff, CHUNK, progress);
    }

    public Outbox.Sent send(Session session, URI server, SyncClient.Backoff backoff, int chunkBytes, SyncClient.Progress progress)
            throws InterruptedException {
        return send(session, server, backoff, chunkBytes, item -> progress);
    }

    /** The same, with each package's progress reported to the one {@code progressOf} gives for it. */
    public Outbox.Sent send(Session session, URI server, SyncClient.Backoff backoff, int chunkBytes,
                            Function<Outbox.Item, SyncClient.Progress> progressOf) throws InterruptedException {
        outbox.recover(session);
        SyncClient client = outbox.client(session, server, backoff, chunkBytes)
                .orElseThrow(() -> new SyncRefused(SyncCheck.NO_SERVER));
        return outbox.send(session, client, progressOf);
    }

    /** Whether {@code session} is still the active one and may send (a supervisor's); false after a lock or a log-out. */
    public boolean maySend(Session session) {
        try {
            outbox.hasReleased(session);
            return true;
        } catch (Refusal e) {
            return false;
        }
    }

    /** Whether the outbox holds released packages. */
    public boolean pending(Session session) {
        try {
            return outbox.hasReleased(session);
        } catch (Refusal e) {
            return false;
        }
    }
}
