package org.harbor.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.harbor.accounts.Session;
import org.harbor.testing.ChildJvm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Form answers under kill -9")
class FormCrashTest {

    static final int RUNS = 20;

    /** What the parent knows from the child's acknowledgements. */
    static final class Expected {
        final Map<String, String> acked = new HashMap<>();
        final Set<String> entries = new HashSet<>();
        String inFlightPath;
        String inFlightValue;
        String position;
        boolean moving;
        String tentativeEntry;
    }

    @Test
    @DisplayName("every acknowledged answer and the page survive a kill at a random point; integrity_check is ok each time")
    void killAndResume(@TempDir Path dir) throws Exception {
        String caseSession;
        try (FormFixture fx = FormFixture.create(dir)) {
            Session sup = fx.current();
            caseSession = fx.newCaseSession(sup, "en");
        }
        Random random = new Random(20261128);
        Expected expected = new Expected();
        int acknowledged = 0;
        List<String> previousTail = List.of();
        long started = System.nanoTime();
        for (int run = 0; run <= RUNS; run++) {
            Path log = dir.resolve("child-" + run + ".log");
            Process child = ChildJvm.builder(FormCrashChild.class, dir.toString(), caseSession, Integer.toString(run), log.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(dir.resolve("child-" + run + ".err").toFile())
                    .start();
            // first the child reports what survived the previous kill
            List<String> lines = waitFor(log, "ready", child, dir.resolve("child-" + run + ".err"));
            try {
                verify(lines, expected, run);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nprevious child's lines: " + previousTail
                        + "\nthis child's report: " + lines, e);
            }
            if (run == RUNS) {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                break;
            }
            Thread.sleep(20 + random.nextInt(350));
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            List<String> all = java.nio.file.Files.readAllLines(log, StandardCharsets.UTF_8);
            previousTail = all;
            acknowledged += absorb(all, expected);
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        assertTrue(acknowledged > RUNS, "the children acknowledged only " + acknowledged + " answers in " + seconds + " s");
    }

    private static List<String> waitFor(Path log, String wanted, Process child, Path err) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            List<String> lines = java.nio.file.Files.exists(log)
                    ? java.nio.file.Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            if (lines.contains(wanted)) {
                return lines;
            }
            if (!child.isAlive()) {
                throw new AssertionError("the child ended before it was ready: "
                        + java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the child was not ready in time");
            }
            Thread.sleep(20);
        }
    }

    /** Checks the child's report at start-up against what earlier children acknowledged. */
    private static void verify(List<String> lines, Expected expected, int run) {
        Map<String, String> have = new HashMap<>();
        String pos = null;
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "integrity" -> assertEquals("ok", f[1], "integrity_check after run " + run);
                case "have" -> have.put(f[1], f[2]);
                case "pos" -> pos = f[1];
                default -> { }
            }
        }
        for (Map.Entry<String, String> a : expected.acked.entrySet()) {
            String found = have.get(a.getKey());
            boolean inFlight = a.getKey().equals(expected.inFlightPath) && expected.inFlightValue.equals(found);
            assertTrue(a.getValue().equals(found) || inFlight,
                    "run " + run + ": an acknowledged answer at " + a.getKey() + " is not as acknowledged: " + a.getValue() + " / " + found);
        }
        for (String entry : expected.entries) {
            assertTrue(have.keySet().stream().anyMatch(p -> p.equals(entry) || p.startsWith(entry + "/")),
                    "run " + run + ": an acknowledged repeat entry is gone: " + entry);
        }
        if (expected.position != null && !expected.moving && expected.inFlightPath == null) {
            assertEquals(expected.position, pos, "run " + run + ": the session resumed elsewhere");
        }
        if (expected.position != null) {
            expected.position = pos; // a move in flight may or may not have been saved: take what was found
        }
        expected.inFlightPath = null;
        expected.moving = false;
    }

    /** Reads what a killed child did; returns how many answers it acknowledged. */
    private static int absorb(List<String> lines, Expected expected) {
        int acks = 0;
        boolean ready = false;
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("ready")) {
                ready = true;
                expected.moving = false;
                continue;
            }
            if (!ready) {
                if (f[0].equals("pos")) {
                    expected.position = f[1];
                }
                continue;
            }
            switch (f[0]) {
                case "try" -> {
                    expected.inFlightPath = f[1];
                    expected.inFlightValue = f[2];
                }
                case "ack" -> {
                    expected.acked.put(f[1], f[2]);
                    expected.inFlightPath = null;
                    acks++;
                }
                case "will", "add" -> expected.moving = true;
                case "entry" -> expected.entries.add(f[1]);
                case "at" -> {
                    expected.position = f[1];
                    expected.moving = false;
                }
                default -> { }
            }
        }
        return acks;
    }
}
