package org.harbor.vault;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Puts the SQLite driver's native library in Harbor's own folder once, and points the driver at it.
 * Left alone, the driver copies it to the system's temporary folder under a new name at every start
 * (world-listable, left behind after a crash, and a file another local user could race to swap).
 * The copy is named by its SHA-256 and checked against the one in the driver's jar at every start,
 * so a changed file is replaced, never loaded.
 */
final class NativeSqlite {

    private static boolean prepared;

    private NativeSqlite() {
    }

    /** Before the driver loads; the first call wins. Does nothing if the properties are already set (a packaged app). */
    static synchronized void prepare(Path folder) {
        if (prepared || System.getProperty("org.sqlite.lib.path") != null) {
            prepared = true;
            return;
        }
        prepared = true;
        try {
            String os = org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS();
            String name = os.startsWith("Mac") ? "libsqlitejdbc.jnilib" : System.mapLibraryName("sqlitejdbc");
            byte[] library;
            try (InputStream in = org.sqlite.JDBC.class.getResourceAsStream("/org/sqlite/native/" + os + "/" + name)) {
                if (in == null) {
                    return; // the driver finds its own way (another platform, or a library on java.library.path)
                }
                library = in.readAllBytes();
            }
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(library);
            Path dir = folder.resolve("native").resolve(HexFormat.of().formatHex(sha, 0, 8) + "-" + os.replace('/', '-').toLowerCase(Locale.ROOT));
            Path target = dir.resolve(name);
            if (!Files.isRegularFile(target) || !Arrays.equals(sha, MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(target)))) {
                Files.createDirectories(dir);
                Path temporary = Files.createTempFile(dir, ".sqlite", ".part");
                Files.write(temporary, library);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            // the driver extracts it to the temporary folder as before; the vault still opens
        }
    }
}
