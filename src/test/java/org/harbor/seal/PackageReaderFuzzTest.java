package org.harbor.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.harbor.testing.ChildJvm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jazzer on the package reader, through Jazzer's own command line in a child JVM, so that its
 * agent never instruments the rest of the test run: a short run here ({@code harbor.fuzz.seconds},
 * default 10), a longer one with the command in README "Packages".
 */
@DisplayName("The package reader under Jazzer")
class PackageReaderFuzzTest {

    static final String SECONDS = System.getProperty("harbor.fuzz.seconds", "10");

    @Test
    @DisplayName("finds no crash in a short fuzzing run")
    void shortFuzzingRun(@TempDir Path dir) throws Exception {
        ProcessBuilder builder = ChildJvm.builder(com.code_intelligence.jazzer.Jazzer.class,
                "--target_class=" + PackageReaderFuzzer.class.getName(), "-max_total_time=" + SECONDS, "-rss_limit_mb=4096",
                "--reproducer_path=" + dir, dir.resolve("corpus").toString());
        builder.command().add(1, "-Xmx512m");
        dir.resolve("corpus").toFile().mkdirs();
        builder.directory(dir.toFile()).redirectErrorStream(true);
        Process jazzer = builder.start();
        String output = new String(jazzer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(jazzer.waitFor(Long.parseLong(SECONDS) + 120, TimeUnit.SECONDS));
        String findings = output.lines().filter(l -> !l.startsWith("#") && !l.startsWith("INFO") && !l.startsWith("WARN")
                && !l.startsWith("\tat ") && !l.contains("Unsupported class file")).reduce("", (a, b) -> a + b + "\n");
        assertEquals(0, jazzer.exitValue(), findings);
        assertTrue(output.contains("Done "), output.lines().limit(40).reduce("", (a, b) -> a + b + "\n"));
    }
}
