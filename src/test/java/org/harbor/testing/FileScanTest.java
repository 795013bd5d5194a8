package org.harbor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The canary scan must be able to fail: it finds a marker wherever a file holds one. */
@DisplayName("The canary scan itself")
class FileScanTest {

    @Test
    @DisplayName("finds a marker in UTF-8 and UTF-16, in nested folders, and only in files changed since the start")
    void finds(@TempDir Path dir) throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        Files.createDirectories(dir.resolve("a/b"));
        Files.write(dir.resolve("a/b/plain.bin"), ("xxCANARYfirst1234yy").getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("a/wide.bin"), ("CANARYsecond5678").getBytes(StandardCharsets.UTF_16LE));
        Files.write(dir.resolve("none.bin"), "CANARY but not a marker".getBytes(StandardCharsets.UTF_8));
        Path old = dir.resolve("old.bin");
        Files.write(old, "CANARYfirst1234".getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(start.minusSeconds(3600)));
        List<String> hits = FileScan.findMarkers(List.of(dir), List.of("CANARYfirst1234", "CANARYsecond5678"), start);
        assertEquals(2, hits.size(), hits.toString());
    }
}
