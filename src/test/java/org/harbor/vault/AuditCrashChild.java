package org.harbor.vault;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;

/**
 * The child of {@link AuditCrashTest}: logs in, then appends audit entries as fast as it can, each
 * its own transaction, writing {@code ack N} after entry N committed, until it is killed.
 */
public final class AuditCrashChild {

    private AuditCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(args[1], true), true, StandardCharsets.UTF_8);
        Harbor harbor = TestVaults.open(Path.of(args[0]), MutableClock.atStart());
        Session session = harbor.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
        out.println("ready");
        for (int n = 1; ; n++) {
            harbor.audit().record(session.actorId(), "test.crash", "t" + n, Map.of());
            out.println("ack\t" + n);
        }
    }
}
