package org.harbor.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.harbor.testing.ChildJvm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Hostile packages signed by an enrolled device")
class HostilePackageTest {

    @Test
    @DisplayName("are each refused at the expected check, within a 256 MB heap, and the central database never changes")
    void refused(@TempDir Path dir) throws Exception {
        ProcessBuilder builder = ChildJvm.builder(HostilePackages.class, dir.toString());
        builder.command().add(1, "-Xmx256m");
        builder.redirectErrorStream(true);
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, child.exitValue(), output);

        Map<String, String> checks = new LinkedHashMap<>();
        for (String line : output.lines().filter(l -> l.startsWith("RESULT\t")).toList()) {
            String[] f = line.split("\t");
            assertEquals("unchanged", f[2], line);
            checks.put(f[1], f[3]);
        }
        java.util.Set<String> all = new java.util.LinkedHashSet<>(HostilePackages.cases().keySet());
        all.addAll(HostilePackages.casesTwo().keySet());
        assertEquals(all, checks.keySet(), output);
        Map<String, String> expected = new LinkedHashMap<>();
        for (String name : List.of("dot-dot-name", "absolute-name", "backslash-name", "duplicate-name", "gigabyte-expanding",
                "expanding-document", "hundred-thousand-entries", "deep-json-case", "deep-json-manifest",
                "not-a-zip", "case-without-seal")) {
            expected.put(name, "PARSE");
        }
        expected.put("other-device-in-manifest", "DEVICE_ID");
        expected.put("not-for-central", "DECRYPT");
        // Format 2: a ZIP that is not the device's layout, an index beyond its cap or a file it does
        // not list fail at the signature check; names outside format 2's and bad documents at parse.
        for (String name : List.of("f2-dot-dot-name", "f2-absolute-name", "f2-file-twice-in-index", "f2-attachment-inside-documents",
                "f2-expanding-document", "f2-header-beyond-cap")) {
            expected.put(name, "PARSE");
        }
        for (String name : List.of("f2-index-beyond-cap", "f2-unlisted-file", "f2-not-a-zip")) {
            expected.put(name, "SIGNATURE");
        }
        expected.put("f2-documents-not-for-central", "DECRYPT");
        expected.put("f2-other-device-in-manifest", "DEVICE_ID");
        expected.forEach((name, check) -> assertEquals(check, checks.get(name), name + ": " + output));
        long maxHeap = Long.parseLong(output.lines().filter(l -> l.startsWith("MAXHEAP\t")).findFirst().orElseThrow().split("\t")[1]);
        // The refusals ran in a heap smaller than the bomb they refused: expanding it whole would have
        // failed with OutOfMemoryError (and exit code 1), not passed. Without -Xmx256m this JVM's default
        // heap is a quarter of the machine's memory and the premise, and this assertion, fail.
        assertTrue(maxHeap < HostilePackages.LARGEST_EXPANSION,
                "the child's heap (" + (maxHeap >> 20) + " MiB) must be smaller than the largest bomb");
    }
}
