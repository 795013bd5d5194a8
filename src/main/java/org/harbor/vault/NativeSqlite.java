package org.harbor.vault;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Puts the SQLite driver's native library in Harbor's own folder once, and points the driver at it.
 * Left alone, the driver copies it to the system's temporary folder under a new name at every start
 * (world-listable, left behind after a crash, and a file another local user could race to swap).
 * The copy is named by its SHA-256 and checked against the one in the driver's jar, so a changed
 * file is replaced, never loaded.
 *
 * <p>That check costs a start about as much as the rest of the vault's opening: the driver's
 * platform probe forks {@code uname}, the library (1.1 MB) is inflated from the jar and hashed
 * twice. Once a copy has been checked, {@code native/checked} records the driver jar and the copy
 * as the file system sees them (path, size, modification time, file key: inode and device). While
 * all of them are unchanged the copy is used without the probe or the hashes; any change (a new
 * driver, a rewritten or replaced copy) runs the full check again. The folder is the vault's own
 * (owner only): whoever could keep all of those the same while changing the bytes could as well
 * change Harbor itself.
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
            if (useChecked(folder)) {
                return;
            }
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
            remember(folder, target);
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            // the driver extracts it to the temporary folder as before; the vault still opens
        }
    }

    private static final String CHECKED = "checked";

    /** Points the driver at the copy recorded by the last full check, if nothing about it changed. */
    static boolean useChecked(Path folder) {
        try {
            Path record = folder.resolve("native").resolve(CHECKED);
            if (!Files.isRegularFile(record)) {
                return false;
            }
            List<String> lines = Files.readAllLines(record, StandardCharsets.UTF_8);
            Optional<Path> jar = driverJar();
            if (lines.size() != 3 || jar.isEmpty() || !lines.get(0).equals(identity(jar.get()))) {
                return false;
            }
            Path library = Path.of(lines.get(1));
            if (!library.startsWith(folder.toAbsolutePath().normalize().resolve("native")) || !lines.get(2).equals(identity(library))) {
                return false;
            }
            System.setProperty("org.sqlite.lib.path", library.getParent().toString());
            System.setProperty("org.sqlite.lib.name", library.getFileName().toString());
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** After a full check: what {@link #useChecked} compares next time. */
    static void remember(Path folder, Path library) throws IOException {
        Optional<Path> jar = driverJar();
        if (jar.isEmpty()) {
            return;
        }
        Path dir = folder.resolve("native");
        Path temporary = Files.createTempFile(dir, ".checked", ".part");
        Files.writeString(temporary, identity(jar.get()) + "\n" + library.toAbsolutePath() + "\n" + identity(library.toAbsolutePath()) + "\n",
                StandardCharsets.UTF_8);
        Files.move(temporary, dir.resolve(CHECKED), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The jar the driver's classes come from, when they come from a jar file. */
    private static Optional<Path> driverJar() {
        try {
            var source = org.sqlite.JDBC.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
                return Optional.empty();
            }
            Path jar = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A file as the file system sees it: path, size, modification time and file key (inode, device). */
    static String identity(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isRegularFile()) {
            throw new IOException("not a regular file");
        }
        return file.toAbsolutePath() + "|" + a.size() + "|" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "|" + a.fileKey();
    }
}
