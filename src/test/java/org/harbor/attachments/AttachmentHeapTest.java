package org.harbor.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harbor.testing.ChildJvm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Attaching a 200 MB file")
class AttachmentHeapTest {

    static final long SIZE = 200L * 1024 * 1024;
    static final long BUDGET = 128L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    @DisplayName("streams it: the heap grows by less than 128 MB, in a JVM of 160 MB that could not hold the file")
    void heapStaysSmall() throws Exception {
        ProcessBuilder builder = ChildJvm.builder(AttachHeapProbe.class, dir.toString(), Long.toString(SIZE));
        builder.command().add(1, "-Xmx160m");
        builder.redirectErrorStream(true);
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child finished");
        assertEquals(0, child.exitValue(), output);
        Matcher m = Pattern.compile("before=(\\d+) peak=(\\d+)").matcher(output);
        assertTrue(m.find(), output);
        long growth = Long.parseLong(m.group(2)) - Long.parseLong(m.group(1));
        System.out.println("attachment heap growth, 200 MB file: " + growth / 1024 + " KiB");
        assertTrue(growth < BUDGET, "heap grew by " + growth + " bytes");
    }
}
