package org.harbor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The canary scan: which files under some folders contain any marker, in UTF-8 or UTF-16.
 *
 * <p>Markers all start with {@link #PREFIX}, so each file is searched for the prefix alone and a
 * marker is compared only where the prefix occurs. Files last changed before {@code since} are
 * skipped: they cannot hold what the test wrote (this keeps a scan of a busy temp folder short).
 */
public final class FileScan {

    private FileScan() {
    }

    public static final String PREFIX = "CANARY";

    public static List<String> findMarkers(Collection<Path> roots, Collection<String> markers) {
        return findMarkers(roots, markers, java.time.Instant.EPOCH);
    }

    public static List<String> findMarkers(Collection<Path> roots, Collection<String> markers, java.time.Instant since) {
        for (String marker : markers) {
            if (!marker.startsWith(PREFIX)) {
                throw new IllegalArgumentException("markers start with " + PREFIX);
            }
        }
        java.nio.charset.Charset[] charsets = {StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE};
        List<String> hits = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (!attrs.isRegularFile() || attrs.size() > 512L * 1024 * 1024
                                || attrs.lastModifiedTime().toInstant().isBefore(since)) {
                            return FileVisitResult.CONTINUE;
                        }
                        byte[] content;
                        try {
                            content = Files.readAllBytes(file);
                        } catch (IOException e) {
                            return FileVisitResult.CONTINUE; // another user's or a vanished file
                        }
                        for (java.nio.charset.Charset charset : charsets) {
                            byte[] prefix = PREFIX.getBytes(charset);
                            for (int at = indexOf(content, prefix, 0); at >= 0; at = indexOf(content, prefix, at + 1)) {
                                for (String marker : markers) {
                                    byte[] whole = marker.getBytes(charset);
                                    if (startsAt(content, whole, at)) {
                                        hits.add(marker + " (" + charset + ") in " + file);
                                    }
                                }
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return hits;
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        for (int i = from; i <= last; i++) {
            if (haystack[i] == first && startsAt(haystack, needle, i)) {
                return i;
            }
        }
        return -1;
    }

    static boolean startsAt(byte[] haystack, byte[] needle, int at) {
        if (at + needle.length > haystack.length) {
            return false;
        }
        for (int j = 0; j < needle.length; j++) {
            if (haystack[at + j] != needle[j]) {
                return false;
            }
        }
        return true;
    }
}
