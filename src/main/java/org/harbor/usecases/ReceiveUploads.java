package org.harbor.usecases;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.harbor.accounts.Session;
import org.harbor.crypto.Minisign;
import org.harbor.seal.ExportListener;
import org.harbor.seal.TrustService;
import org.harbor.sync.SyncServer;

/**
 * The central office receives packages over the network ({@code harbor central serve}, issue 18):
 * the sync server asks this office who is enrolled and imports each uploaded package with
 * {@link ImportPackage}, the very checks of a file import, as the signed-in central account; it
 * serves the forms and settings the office published (ADR 0017).
 */
public final class ReceiveUploads {

    private final ImportPackage imports;
    private final TrustService trust;
    private final org.harbor.sync.Publications publications;

    public ReceiveUploads(ImportPackage imports, TrustService trust, org.harbor.sync.Publications publications) {
        this.imports = imports;
        this.trust = trust;
        this.publications = publications;
    }

    /** Starts the server; it runs until closed. {@code spool} holds uploads in progress (ciphertext only). */
    public SyncServer serve(Session session, Path spool, SyncServer.Limits limits, Clock clock, String host, int port, SSLContext tls)
            throws IOException {
        if (!imports.receivesPackages()) {
            throw new org.harbor.i18n.Refusal("sync.error.notCentral");
        }
        SyncServer.Office office = new SyncServer.Office() {
            @Override
            public Optional<Minisign.PublicKey> enrolledKey(String deviceId) {
                return trust.enrolledKey(session, deviceId);
            }

            @Override
            public String importPackage(Path file) {
                return imports.importPackage(session, file, ExportListener.SILENT).receipt().toFile();
            }

            @Override
            public java.util.List<org.harbor.sync.Publications.Listed> publications() {
                return publications.listing(session);
            }

            @Override
            public Optional<byte[]> publication(long sequence) {
                return publications.file(session, sequence);
            }
        };
        return SyncServer.start(office, spool, limits, clock, host, port, tls);
    }
}
