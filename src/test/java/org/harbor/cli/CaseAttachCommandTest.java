package org.harbor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.harbor.Harbor;
import org.harbor.attachments.Attachment;
import org.harbor.crypto.Hashes;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("harbor case attach")
class CaseAttachCommandTest {

    static final String PASS = "supervisor pass phrase words";

    @TempDir
    Path dir;
    Path home;
    String caseId;

    record Result(int code, String out, String err) {
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HarborCommand.run(args, new ByteArrayInputStream((PASS + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err), p -> { });
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeEach
    void init() {
        home = dir.resolve("home");
        assertEquals(0, run("init", "--home", home.toString(), "--user", "sasha").code());
        Result created = run("case", "new", "--home", home.toString(), "--user", "sasha");
        assertEquals(0, created.code(), created.err());
        caseId = created.out().split("\t")[0];
    }

    @Test
    @DisplayName("attaches several files with a note, prints id, SHA-256 and size of each, and shows progress of a big one on stderr")
    void attachesFiles() throws Exception {
        byte[] small = "synthetic referral letter".getBytes(StandardCharsets.UTF_8);
        byte[] big = new byte[9 * 1024 * 1024];
        new java.util.Random(3).nextBytes(big);
        Path first = Files.write(dir.resolve("letter.txt"), small);
        Path second = Files.write(dir.resolve("scan.bin"), big);
        Path note = Files.writeString(dir.resolve("note.txt"), "from the partner\n");
        Result r = run("case", "attach", caseId, first.toString(), second.toString(), "--note-file", note.toString(),
                "--home", home.toString(), "--user", "sasha");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).endsWith("\t" + Hashes.hex(Hashes.sha256(small)) + "\t" + small.length), lines.get(0));
        assertTrue(lines.get(1).endsWith("\t" + Hashes.hex(Hashes.sha256(big)) + "\t" + big.length), lines.get(1));
        assertTrue(r.err().contains("attaching file 2 of 2: 100%"), r.err());
        assertFalse(r.err().contains("file 1 of 2"), "small files attach without progress lines");
        assertFalse(r.err().contains("scan.bin"), "progress names files by position only");
        assertTrue(Files.exists(first), "the originals are left in place");

        try (Harbor harbor = TestVaults.open(home, MutableClock.atStart())) {
            var session = harbor.accounts().login("sasha", PASS.toCharArray());
            List<Attachment> listed = harbor.attachments().list(session, caseId);
            assertEquals(List.of("letter.txt", "scan.bin"), listed.stream().map(Attachment::originalName).toList());
            assertEquals("from the partner", listed.get(0).note().orElseThrow());
        }
    }

    @Test
    @DisplayName("refuses a missing file with exit code 1 and one line, and a command without files with 2")
    void refusals() {
        Result missing = run("case", "attach", caseId, dir.resolve("nothing-here.pdf").toString(),
                "--home", home.toString(), "--user", "sasha");
        assertEquals(1, missing.code());
        assertEquals("harbor: The file cannot be read. Check that it still exists and that you may open it.", missing.err().strip());
        Result noFile = run("case", "attach", caseId, "--home", home.toString(), "--user", "sasha");
        assertEquals(2, noFile.code());
        Result noCase = run("case", "attach", "no-such-case", dir.toString(), "--home", home.toString(), "--user", "sasha");
        assertEquals(1, noCase.code());
    }
}
