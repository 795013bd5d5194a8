package org.harbor.sync;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.usecases.SendInBackground;

/**
 * The second JVM of {@link OutboxKillTest}: opens the field vault, logs the supervisor in and lets
 * the background sender upload the outbox in 1 MiB chunks over a slow link (a pause after each
 * chunk), writing each offset the server acknowledged to a log, until the parent kills it.
 * Arguments: vault folder, server URL, log file. Writes offsets only, never record content.
 */
public final class OutboxKillChild {

    private OutboxKillChild() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        URI server = URI.create(args[1]);
        Path log = Path.of(args[2]);
        Harbor harbor = TestVaults.open(home, MutableClock.atStart());
        Session supervisor = harbor.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND))) {
            SendInBackground sender = new SendInBackground(harbor.useCases().sendOutbox(), OutboxKillTest.timing());
            sender.listen(new SendInBackground.Listener() {
                @Override
                public void sending(Outbox.Item item, long bytes, long total) {
                    synchronized (out) {
                        out.println("sent\t" + bytes + "\t" + total);
                        out.flush();
                    }
                    try {
                        Thread.sleep(OutboxKillTest.SLOW_LINK.toMillis()); // a slow link: the parent has time to kill mid-upload
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            synchronized (out) {
                out.println("ready");
                out.flush();
            }
            sender.start(supervisor, server);
            Thread.sleep(Duration.ofMinutes(5).toMillis()); // killed long before
        }
    }
}
