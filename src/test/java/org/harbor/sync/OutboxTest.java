package org.harbor.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.testing.TestVaults;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The field outbox (issue 18): it survives restarts and a crash in the middle of a release. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class OutboxTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("the outbox survives a restart, and a release cut by a crash is completed or dropped at the next send")
    void survivesRestartAndCrash() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            SyncFixture.Laptop laptop = f.laptop("1", true);
            String first = SyncFixture.sealedCase(laptop, "Zeta");
            String second = SyncFixture.sealedCase(laptop, "Eta");
            Outbox.Item kept = laptop.harbor().useCases().releaseToOutbox().release(laptop.supervisor(), List.of(first));
            Outbox.Item cut = laptop.harbor().useCases().releaseToOutbox().release(laptop.supervisor(), List.of(second));
            Path home = laptop.harbor().vault().home().dir();
            // A crash after the row and the files, before the row was marked released: the state a kill -9 leaves.
            laptop.harbor().vault().transaction(c -> {
                try (var u = c.prepareStatement("UPDATE outbox SET state = 'preparing' WHERE id = ?")) {
                    u.setString(1, cut.id());
                    u.executeUpdate();
                }
                // and one whose package file was never written
                try (var i = c.prepareStatement("INSERT INTO outbox(id, state, released_at, released_by) VALUES ('orphan', 'preparing', 'x', 1)")) {
                    i.executeUpdate();
                }
                return null;
            });
            laptop.harbor().close();
            f.laptops.remove(laptop);

            Harbor again = TestVaults.open(home, f.clock);
            Session s = again.accounts().login(org.harbor.testing.TestVaults.SUPERVISOR, org.harbor.testing.TestVaults.SUPERVISOR_PASSPHRASE);
            f.laptops.add(new SyncFixture.Laptop(again, s, laptop.deviceId()));
            assertEquals(List.of(kept.packageId()), again.useCases().releaseToOutbox().items(s).stream().map(Outbox.Item::packageId).toList(),
                    "after the restart the released package is still there; the cut one waits for recovery");
            f.serve(SyncServer.Limits.DEFAULT);
            Outbox.Sent sent = again.useCases().sendOutbox().send(s, f.url(), SyncFixture.quick(5), 4096, SyncClient.Progress.NONE);
            assertEquals(2, sent.received().size(), "the cut release was completed and sent: " + sent);
            assertTrue(sent.received().containsAll(List.of(kept.packageId(), cut.packageId())));
            assertEquals(2, f.importedPackages());
            assertEquals(2, again.useCases().releaseToOutbox().items(s).size(), "the orphan row was dropped");
            assertFalse(Files.exists(home.resolve("outbox").resolve(cut.id() + ".harbor")));
        }
    }
}
