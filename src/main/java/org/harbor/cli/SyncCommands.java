package org.harbor.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.harbor.sync.Outbox;
import org.harbor.sync.PinnedTls;
import org.harbor.sync.SyncClient;
import org.harbor.sync.SyncServer;
import org.harbor.usecases.SendOutbox;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.harbor.sync.Publication;
import org.harbor.sync.Publications;
import org.harbor.sync.SyncRefused;
import org.harbor.usecases.ReceivePublications;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import java.util.Arrays;
import org.harbor.crypto.Fingerprints;

/**
 * {@code harbor central serve}, {@code harbor central publish form|settings|list}, {@code harbor outbox release|list} and
 * {@code harbor sync} (issue 18, ADR 0015 and 0017).
 */
final class SyncCommands {

    private SyncCommands() {
    }

    @Command(name = "serve", description = {"Central vault: receive packages from enrolled field laptops over HTTPS (harbor-sync/1).",
        "Each is imported with the checks of 'harbor import' and answered with the signed receipt. Runs until stopped.",
        "Passphrase: line 1; the key store's password is read from --keystore-password-file."})
    static final class Serve implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;
        @Option(names = "--keystore", required = true, paramLabel = "FILE", description = "PKCS#12 key store with the server's key and certificate.")
        Path keyStore;
        @Option(names = "--keystore-password-file", required = true, paramLabel = "FILE", description = "A file holding the key store's password (chmod 600).")
        Path keyStorePassword;
        @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: 127.0.0.1, this machine only).")
        String host;
        @Option(names = "--port", defaultValue = "8443", description = "Port (default: 8443).")
        int port;
        @Option(names = "--max-package-mb", defaultValue = "4096", description = "The largest package accepted, in MB (default: 4096).")
        long maxPackageMb;
        @Option(names = "--max-uploads", defaultValue = "16", description = "Chunks received or imported at once (default: 16).")
        int maxUploads;

        @Override
        public Integer call() throws Exception {
            char[] password = readSecretFile(keyStorePassword);
            login.asUser((harbor, session, input) -> {
                SyncServer.Limits limits = SyncServer.Limits.DEFAULT.withMaxPackageBytes(maxPackageMb << 20);
                limits = new SyncServer.Limits(limits.maxPackageBytes(), limits.maxChunkBytes(), maxUploads, limits.maxRequestsPerMinute(),
                        limits.maxOpenUploadsPerDevice(), limits.clockSkew());
                CountDownLatch stopped = new CountDownLatch(1);
                String certificate = Fingerprints.of(PinnedTls.certificate(keyStore, password));
                try (SyncServer server = harbor.useCases().receiveUploads().serve(session, harbor.vault().home().dir().resolve("sync-uploads"),
                        limits, harbor.useCases().clock(), host, port, PinnedTls.server(keyStore, password))) {
                    Arrays.fill(password, '\0');
                    spec.commandLine().getOut().println("serving harbor-sync/1 on https://" + host + ":" + server.port()
                            + " (certificate " + certificate + "); stop with Ctrl+C");
                    spec.commandLine().getOut().flush();
                    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
                    stopped.await();
                }
                return null;
            });
            return HarborCommand.OK;
        }
    }

    @Command(name = "publish", description = {"Central vault: publish a form or the organisation's settings to the field laptops.",
        "Signed with the office's receipt key (the one every trust bundle pins); laptops fetch it on 'harbor sync' (ADR 0017)."},
            subcommands = {PublishForm.class, PublishSettings.class, Published.class})
    static final class Publish {
    }

    @Command(name = "form", description = {"Publish an XForm (a new form, or a new version: a higher version attribute).",
        "It must load in JavaRosa. Cases already started on an older version keep it. Passphrase: line 1."})
    static final class PublishForm implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;
        @Parameters(index = "0", paramLabel = "FILE", description = "The XForm (XML).")
        Path file;

        @Override
        public Integer call() throws Exception {
            byte[] xml = readBounded(file, org.harbor.forms.FormLoader.MAX_BYTES);
            Publication p = login.asUser((harbor, session, input) -> harbor.useCases().publishToLaptops().publishForm(session, xml));
            spec.commandLine().getOut().println("published " + p.subject() + " version " + p.version() + " as publication " + p.sequence());
            return HarborCommand.OK;
        }
    }

    @Command(name = "settings", description = {"Publish the organisation's settings (a JSON file) to the field laptops.",
        "Any of breakMinutes, reportJurisdiction and emergencyContacts {country, contacts: [{name, number, whenToCall}]};",
        "fields left out stay as each laptop has them. Checked as the Settings screen checks them. Passphrase: line 1."})
    static final class PublishSettings implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;
        @Parameters(index = "0", paramLabel = "FILE", description = "The settings (JSON).")
        Path file;

        @Override
        public Integer call() throws Exception {
            byte[] json = readBounded(file, 64 << 10);
            Publication p = login.asUser((harbor, session, input) -> harbor.useCases().publishToLaptops().publishSettings(session, json));
            spec.commandLine().getOut().println("published settings as publication " + p.sequence());
            return HarborCommand.OK;
        }
    }

    @Command(name = "list", description = "What the sync server offers: the newest publication of each form and of the settings. Passphrase: line 1.")
    static final class Published implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;

        @Override
        public Integer call() throws Exception {
            List<Publications.Listed> listed = login.asUser((harbor, session, input) -> harbor.useCases().publishToLaptops().published(session));
            for (Publications.Listed l : listed) {
                spec.commandLine().getOut().println(l.sequence() + "\t" + l.subject() + "\t" + l.sha256());
            }
            return HarborCommand.OK;
        }
    }

    private static byte[] readBounded(Path file, int max) throws Exception {
        if (Files.size(file) > max) {
            throw new CliException("the file is larger than " + max + " bytes");
        }
        return Files.readAllBytes(file);
    }

    @Command(name = "outbox", description = "Field vault: the packages released for sending.", subcommands = {Release.class, ListItems.class})
    static final class OutboxCommand {
    }

    @Command(name = "release", description = "Supervisor: release sealed cases for sending; they go into the outbox as one package. Passphrase: line 1.")
    static final class Release implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;
        @ArgGroup(exclusive = true, multiplicity = "1")
        SealedCases which;


        @Override
        public Integer call() throws Exception {
            Outbox.Item item = login.asUser((harbor, session, input) -> {
                var release = harbor.useCases().releaseToOutbox();
                List<String> ids = which.ids(() -> release.releasable(session));
                if (ids.isEmpty()) {
                    throw new CliException("there is no sealed case to release");
                }
                return release.release(session, ids);
            });
            spec.commandLine().getOut().println("released package " + item.packageId() + " (" + item.bytes() + " bytes) into the outbox");
            return HarborCommand.OK;
        }
    }

    @Command(name = "list", description = "The outbox: each package, its state (released, received, refused), attempts and the check that stopped it. Passphrase: line 1.")
    static final class ListItems implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;

        @Override
        public Integer call() throws Exception {
            List<Outbox.Item> items = login.asUser((harbor, session, input) -> harbor.useCases().releaseToOutbox().items(session));
            PrintWriter w = spec.commandLine().getOut();
            for (Outbox.Item i : items) {
                w.println(i.packageId() + "\t" + i.state() + "\t" + i.bytes() + "\t" + i.releasedAt() + "\tattempts " + i.attempts()
                        + (i.lastCheck() == null ? "" : "\tcheck " + i.lastCheck()));
            }
            return HarborCommand.OK;
        }
    }

    @Command(name = "sync", description = {"Field vault: send the outbox to the office's sync server and apply each receipt.",
        "Then fetch the forms and settings the office published, check their signature and apply them (supervisors).",
        "The server is the one the trust bundle names and pins; interrupted uploads resume where they stopped.",
        "With --watch, keep sending whenever the server is reachable. Passphrase: line 1."})
    static final class Sync implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;
        @Option(names = "--server", paramLabel = "URL", description = "Another address of the same server (its certificate must still be the pinned one).")
        URI server;
        @Option(names = "--watch", description = "Keep running: try again every --every seconds while something waits to be sent.")
        boolean watch;
        @Option(names = "--every", defaultValue = "60", description = "Seconds between rounds with --watch (default: 60).")
        int every;

        @Override
        public Integer call() throws Exception {
            PrintWriter w = spec.commandLine().getOut();
            boolean refused = login.asUser((harbor, session, input) -> {
                SendOutbox send = harbor.useCases().sendOutbox();
                boolean any = false;
                do {
                    Outbox.Sent sent = send.send(session, server, SyncClient.Backoff.DEFAULT,
                            (bytes, total) -> { });
                    for (String id : sent.received()) {
                        w.println("received: package " + id + "; its cases may now be purged (harbor purge --received)");
                    }
                    for (Outbox.Item i : sent.refused()) {
                        w.println("refused: package " + i.packageId() + " at check " + i.lastCheck());
                        any = true;
                    }
                    for (Outbox.Item i : sent.waiting()) {
                        w.println("waiting: package " + i.packageId() + " (" + i.lastCheck() + "); it stays in the outbox");
                    }
                    any |= receivePublications(harbor, session, server, w);
                    w.flush();
                    if (watch) {
                        Thread.sleep(Duration.ofSeconds(Math.max(5, every)).toMillis());
                    }
                } while (watch);
                return any;
            });
            return refused ? 1 : HarborCommand.OK;
        }
    }

    /** Fetches and applies the office's forms and settings; true when one was refused. */
    private static boolean receivePublications(org.harbor.Harbor harbor, org.harbor.accounts.Session session, URI server, PrintWriter w)
            throws InterruptedException {
        ReceivePublications.Received got;
        try {
            got = harbor.useCases().receivePublications().receive(session, server);
        } catch (SyncRefused e) {
            w.println("waiting: forms and settings (" + e.checkName() + ")");
            return false;
        }
        if (got.waiting()) {
            w.println("waiting: forms and settings are applied when a supervisor syncs");
        }
        for (ReceivePublications.Applied a : got.applied()) {
            w.println("applied: " + a.subject() + (a.version() == null ? "" : " version " + a.version()) + " (publication " + a.sequence() + ")");
        }
        for (ReceivePublications.Refused r : got.refused()) {
            w.println("refused: publication " + r.sequence() + " (" + r.subject() + ") at check " + r.check().wire());
        }
        return !got.refused().isEmpty();
    }

    /** A secret from a file only its owner may read (like the database password of 'central connect'). */
    static char[] readSecretFile(Path file) throws Exception {
        if (Files.size(file) > 1024) {
            throw new CliException("the password file is too large");
        }
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                throw new CliException("the password file may be readable by others: chmod 600 it");
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the folder's ACL is the guard
        }
        return Files.readString(file).strip().toCharArray();
    }
}
