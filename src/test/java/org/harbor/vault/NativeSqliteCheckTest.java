package org.harbor.vault;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, "measure NativeSqlite.prepare (it hashes the native library at every start): cache it
 * safely". The recorded check is trusted only while the driver jar and the checked copy are the
 * files that were checked; the driver itself is not loaded from the copies made here.
 */
@DisplayName("The native library's check is remembered, not repeated at every start (issue 16)")
class NativeSqliteCheckTest {

    @TempDir
    Path folder;
    Path library;
    String savedPath;
    String savedName;

    @BeforeEach
    void setUp() throws Exception {
        savedPath = System.getProperty("org.sqlite.lib.path");
        savedName = System.getProperty("org.sqlite.lib.name");
        Path dir = Files.createDirectories(folder.resolve("native").resolve("0123456789abcdef-linux-x86_64"));
        library = dir.resolve("libsqlitejdbc.so");
        Files.write(library, new byte[4096]);
    }

    @AfterEach
    void restore() {
        put("org.sqlite.lib.path", savedPath);
        put("org.sqlite.lib.name", savedName);
    }

    private static void put(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    @DisplayName("an unchanged checked copy is used without hashing it again")
    void unchangedCopyIsUsed() throws Exception {
        assertFalse(NativeSqlite.useChecked(folder), "nothing was checked yet");
        NativeSqlite.remember(folder, library);
        assertTrue(NativeSqlite.useChecked(folder));
        assertTrue(System.getProperty("org.sqlite.lib.path").endsWith("0123456789abcdef-linux-x86_64"));
    }

    @Test
    @DisplayName("a copy rewritten in place, even to the same size and time, is checked again")
    void rewrittenCopyIsCheckedAgain() throws Exception {
        NativeSqlite.remember(folder, library);
        FileTime time = Files.getLastModifiedTime(library);
        Thread.sleep(20);
        byte[] changed = new byte[4096];
        changed[100] = 1;
        Files.write(library, changed);
        assertFalse(NativeSqlite.useChecked(folder), "a rewritten copy was trusted");
        Files.setLastModifiedTime(library, time);
        Files.write(library, changed, java.nio.file.StandardOpenOption.APPEND);
        assertFalse(NativeSqlite.useChecked(folder), "a copy of another size was trusted");
    }

    @Test
    @DisplayName("a copy replaced by another file with the same size and time is checked again")
    void replacedCopyIsCheckedAgain() throws Exception {
        NativeSqlite.remember(folder, library);
        FileTime time = Files.getLastModifiedTime(library);
        Path other = library.resolveSibling("other.so");
        byte[] changed = new byte[4096];
        changed[7] = 9;
        Files.write(other, changed);
        Files.setLastModifiedTime(other, time);
        Files.move(other, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertFalse(NativeSqlite.useChecked(folder), "a swapped copy (new inode) was trusted");
    }

    @Test
    @DisplayName("a record pointing outside the vault's native folder is ignored")
    void recordOutsideTheFolderIsIgnored() throws Exception {
        NativeSqlite.remember(folder, library);
        Path record = folder.resolve("native").resolve("checked");
        String[] lines = Files.readString(record).split("\n");
        Path elsewhere = Files.createDirectories(folder.resolve("elsewhere")).resolve("libsqlitejdbc.so");
        Files.copy(library, elsewhere);
        Files.writeString(record, lines[0] + "\n" + elsewhere.toAbsolutePath() + "\n" + NativeSqlite.identity(elsewhere.toAbsolutePath()) + "\n");
        assertFalse(NativeSqlite.useChecked(folder));
    }
}
