package org.harbor.vault;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.harbor.crypto.Argon2Params;
import org.harbor.testing.ChildJvm;
import org.harbor.testing.MutableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("keyslots.json under a crash")
class KeySlotCrashTest {

    static final char[] OLD = "first passphrase of the crash test".toCharArray();
    static final char[] NEW = "second passphrase of the crash test".toCharArray();

    /**
     * Child process: after one real rewrap, writes the two versions of the file back and forth as
     * fast as it can (no key derivation in the loop), so that most kills land inside a write.
     */
    public static void main(String[] args) throws Exception {
        HarborHome home = new HarborHome(Path.of(args[0]));
        Vault vault = new Vault(home, java.time.Clock.systemUTC(), () -> Argon2Params.FLOOR);
        if (!tryUnlock(vault, OLD)) {
            vault.unlock("casey", NEW);
        }
        vault.putSlot("casey", OLD);
        KeySlotFile withOld = KeySlotFile.load(home);
        vault.putSlot("casey", NEW);
        KeySlotFile withNew = KeySlotFile.load(home);
        System.out.println("ready");
        System.out.flush();
        while (true) {
            withOld.save(home);
            withNew.save(home);
        }
    }

    @Test
    @DisplayName("a kill -9 while writing leaves the old or the new file, never a broken one")
    void killWhileWriting(@TempDir Path dir) throws Exception {
        HarborHome home = new HarborHome(dir);
        Vault setup = new Vault(home, MutableClock.atStart(), () -> Argon2Params.FLOOR);
        setup.create("casey", OLD, (c, slot) -> { }).destroy();
        setup.lock();
        Random random = new Random(7);
        for (int run = 0; run < 12; run++) {
            Process child = ChildJvm.start(KeySlotCrashTest.class, dir.toString());
            try {
                java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()));
                String line;
                do {
                    line = lines.readLine();
                } while (line != null && !line.equals("ready"));
                if (line == null) {
                    child.waitFor(30, TimeUnit.SECONDS);
                    throw new AssertionError("the child ended before it was ready: " + new String(child.getErrorStream().readAllBytes()));
                }
                Thread.sleep(20 + random.nextInt(300));
            } finally {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            KeySlotFile.load(home); // parses: never a torn file
            Vault check = new Vault(home, MutableClock.atStart(), () -> Argon2Params.FLOOR);
            boolean opened = tryUnlock(check, OLD) || tryUnlock(check, NEW);
            assertTrue(opened, "after run " + run + " neither the old nor the new passphrase opens the vault");
            check.lock();
            try (var leftovers = Files.list(dir)) {
                leftovers.filter(p -> p.getFileName().toString().endsWith(".tmp")).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static boolean tryUnlock(Vault vault, char[] passphrase) {
        try {
            vault.unlock("casey", passphrase);
            vault.clearUnlockFailures(); // what AccountService does once the failures are audited
            return true;
        } catch (WrongPassphrase e) {
            return false;
        }
    }
}
