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

/** The canary scan: which files under some folders contain any marker, in UTF-8 or UTF-16. */
public final class FileScan {

    private FileScan() {
    }

    public static List<String> findMarkers(Collection<Path> roots, Collection<String> markers) {
        List<byte[]> needles = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String marker : markers) {
            needles.add(marker.getBytes(StandardCharsets.UTF_8));
            labels.add(marker);
            needles.add(marker.getBytes(StandardCharsets.UTF_16LE));
            labels.add(marker + " (UTF-16LE)");
            needles.add(marker.getBytes(StandardCharsets.UTF_16BE));
            labels.add(marker + " (UTF-16BE)");
        }
        List<String> hits = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (!attrs.isRegularFile() || attrs.size() > 512L * 1024 * 1024) {
                            return FileVisitResult.CONTINUE;
                        }
                        byte[] content;
                        try {
                            content = Files.readAllBytes(file);
                        } catch (IOException e) {
                            return FileVisitResult.CONTINUE; // another user's or a vanished file
                        }
                        for (int i = 0; i < needles.size(); i++) {
                            if (indexOf(content, needles.get(i)) >= 0) {
                                hits.add(labels.get(i) + " in " + file);
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

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
