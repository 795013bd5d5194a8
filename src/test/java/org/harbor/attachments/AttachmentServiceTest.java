package org.harbor.attachments;

import static org.harbor.testing.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.harbor.Harbor;
import org.harbor.accounts.AccessDenied;
import org.harbor.accounts.Session;
import org.harbor.cases.CaseSummary;
import org.harbor.crypto.Hashes;
import org.harbor.i18n.Refusal;
import org.harbor.testing.FileScan;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Attachments")
class AttachmentServiceTest {

    @TempDir
    Path dir;
    Harbor harbor;
    Session supervisor;
    CaseSummary theCase;
    AttachmentService attachments;

    @BeforeEach
    void open() throws Exception {
        harbor = TestVaults.open(dir.resolve("home"), MutableClock.atStart());
        supervisor = AttachmentFixtures.supervisor(harbor);
        theCase = harbor.cases().create(supervisor, "Synthetic Person", List.of());
        attachments = harbor.attachments();
    }

    @AfterEach
    void close() {
        harbor.close();
    }

    private Path file(String name, byte[] content) throws Exception {
        Path source = Files.createDirectories(dir.resolve("sources")).resolve(name);
        Files.write(source, content);
        return source;
    }

    private Attachment attachPhoto(String marker) throws Exception {
        return attachments.attach(supervisor, theCase.id(), file("photo.png", AttachmentFixtures.photo(marker)),
                Optional.empty(), ProgressListener.NONE);
    }

    private static String marker() {
        return FileScan.PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    @Test
    @DisplayName("a 50 MB file and a photo with markers in their bytes and names leave no trace outside the database, and read back identical")
    void canaries() throws Exception {
        Instant started = Instant.now().minusSeconds(2);
        String inBigFile = marker();
        String bigName = marker();
        String inPhoto = marker();
        String photoName = marker();
        String inNote = marker();
        List<String> markers = List.of(inBigFile, bigName, inPhoto, photoName, inNote);
        long size = 50L * 1024 * 1024;
        Path big = Files.createDirectories(dir.resolve("sources")).resolve("scan-" + bigName + ".bin");
        AttachmentFixtures.writeDeterministic(big, size, 7, inBigFile);
        byte[] photoBytes = AttachmentFixtures.photo(inPhoto);
        Path photo = file("id-card-" + photoName + ".png", photoBytes);

        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream tee = new PrintStream(logs, true, StandardCharsets.UTF_8);
        System.setOut(tee);
        System.setErr(tee);
        Attachment bigAttachment;
        Attachment photoAttachment;
        List<Long> progress = new ArrayList<>();
        try {
            bigAttachment = attachments.attach(supervisor, theCase.id(), big, Optional.of("note " + inNote),
                    (done, total) -> progress.add(done));
            photoAttachment = attachments.attach(supervisor, theCase.id(), photo, Optional.empty(), ProgressListener.NONE);
            attachments.deleteSource(supervisor, bigAttachment.id(), big);
            attachments.deleteSource(supervisor, photoAttachment.id(), photo);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertFalse(Files.exists(big));
        assertFalse(Files.exists(photo));
        assertEquals(size, progress.getLast());
        assertTrue(progress.size() > 100, "progress is reported while streaming");

        List<Path> roots = List.of(harbor.home().dir(), Path.of(System.getProperty("java.io.tmpdir")), harbor.home().logs());
        assertEquals(List.of(), FileScan.findMarkers(roots, markers, started));
        String captured = logs.toString(StandardCharsets.UTF_8);
        markers.forEach(m -> assertFalse(captured.contains(m), "a marker reached the output"));
        assertEquals(2, AttachmentFixtures.blobFiles(harbor).size());
        for (Path blob : AttachmentFixtures.blobFiles(harbor)) {
            assertTrue(blob.getFileName().toString().matches("[0-9a-f]{32}\\.age"), "blob names are random");
        }
        assertAuditHasNo(markers);

        List<Attachment> listed = attachments.list(supervisor, theCase.id());
        assertEquals(List.of(bigAttachment.id(), photoAttachment.id()), listed.stream().map(Attachment::id).toList());
        Attachment bigListed = listed.get(0);
        assertEquals("scan-" + bigName + ".bin", bigListed.originalName());
        assertEquals(size, bigListed.sizeBytes());
        assertEquals(Optional.of("note " + inNote), bigListed.note());
        assertEquals(TestVaults.SUPERVISOR, bigListed.addedByName());
        assertEquals("image/png", listed.get(1).mediaType());
        assertEquals(AttachmentKind.IMAGE, listed.get(1).kind());
        assertFalse(bigListed.toString().contains(bigName), "toString leaves the name out");

        OpenedAttachment opened = attachments.open(supervisor, photoAttachment.id());
        assertArrayEquals(photoBytes, opened.content());
        assertEquals(Hashes.hex(Hashes.sha256(photoBytes)), photoAttachment.sha256());

        BlobRef ref = attachments.blobsOf(supervisor, theCase.id()).getFirst();
        assertEquals(bigAttachment.sha256(), ref.sha256());
        try (InputStream in = attachments.openVerified(supervisor, ref)) {
            byte[] expected = new byte[1 << 20];
            byte[] actual = new byte[1 << 20];
            for (long at = 0; at < size; at += expected.length) {
                AttachmentFixtures.fill(expected, at, 7, inBigFile, size);
                int n = (int) Math.min(expected.length, size - at);
                assertEquals(n, in.readNBytes(actual, 0, n));
                assertTrue(java.util.Arrays.equals(expected, 0, n, actual, 0, n), "bytes differ at " + at);
            }
            assertEquals(-1, in.read(), "the stream ends where the file ended, verified");
        }
    }

    private void assertAuditHasNo(List<String> markers) throws Exception {
        String audit = harbor.vault().transaction(c -> {
            StringBuilder all = new StringBuilder();
            try (PreparedStatement q = c.prepareStatement("SELECT action, target, details FROM audit_log");
                 ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    all.append(rows.getString(1)).append(' ').append(rows.getString(2)).append(' ').append(rows.getString(3)).append('\n');
                }
            }
            return all.toString();
        });
        markers.forEach(m -> assertFalse(audit.contains(m), "a marker reached the audit log"));
        assertTrue(audit.contains(AttachmentActions.ADDED), audit);
        assertTrue(audit.contains(AttachmentActions.SOURCE_DELETED), audit);
    }

    @Nested
    @DisplayName("integrity")
    class Integrity {

        @Test
        @DisplayName("flipping one byte of a blob makes opening it fail with the altered message, and shows nothing")
        void flippedByte() throws Exception {
            Attachment a = attachPhoto(marker());
            Path blob = AttachmentFixtures.blobFiles(harbor).getFirst();
            try (RandomAccessFile file = new RandomAccessFile(blob.toFile(), "rw")) {
                long at = file.length() - 40; // inside the payload
                file.seek(at);
                int b = file.read();
                file.seek(at);
                file.write(b ^ 0x01);
            }
            Refusal e = assertRefused("attachments.error.altered", () -> attachments.open(supervisor, a.id()));
            assertEquals("attachments.error.altered", e.key());
            assertEquals("This file was changed or damaged after it was attached. It is not shown.",
                    harbor.i18n().get(e.key()));
            assertTrue(auditActions().contains(AttachmentActions.INTEGRITY_FAILED));
            assertRefused("attachments.error.altered", () -> attachments.saveOut(supervisor, a.id(), Files.createDirectories(dir.resolve("out"))));
            try (var files = Files.list(dir.resolve("out"))) {
                assertEquals(0, files.count(), "no partial copy is left behind");
            }
        }

        @Test
        @DisplayName("a whole blob swapped for another valid one of the vault fails the SHA-256 check")
        void swappedBlob() throws Exception {
            Attachment first = attachPhoto(marker());
            attachments.attach(supervisor, theCase.id(), file("other.png", AttachmentFixtures.photo(marker())), Optional.empty(), ProgressListener.NONE);
            List<Path> blobs = AttachmentFixtures.blobFiles(harbor);
            byte[] a = Files.readAllBytes(blobs.get(0));
            byte[] b = Files.readAllBytes(blobs.get(1));
            Files.write(blobs.get(0), b);
            Files.write(blobs.get(1), a);
            assertRefused("attachments.error.altered", () -> attachments.open(supervisor, first.id()));
        }

        @Test
        @DisplayName("a missing blob says so")
        void missingBlob() throws Exception {
            Attachment a = attachPhoto(marker());
            Files.delete(AttachmentFixtures.blobFiles(harbor).getFirst());
            assertRefused("attachments.error.missing", () -> attachments.open(supervisor, a.id()));
        }
    }

    @Test
    @DisplayName("a blob is a valid age file: the age tool decrypts it with the vault's identity")
    void ageToolDecrypts() throws Exception {
        byte[] content = AttachmentFixtures.photo(marker());
        attachments.attach(supervisor, theCase.id(), file("photo.png", content), Optional.empty(), ProgressListener.NONE);
        Path key = dir.resolve("identity.txt");
        AttachmentFixtures.exportIdentity(harbor, key);
        Path blob = AttachmentFixtures.blobFiles(harbor).getFirst();
        Path decrypted = dir.resolve("decrypted.bin");
        Process age = new ProcessBuilder("age", "--decrypt", "-i", key.toString(), "-o", decrypted.toString(), blob.toString())
                .redirectErrorStream(true).start();
        String output = new String(age.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, age.waitFor(), output);
        assertArrayEquals(content, Files.readAllBytes(decrypted));
        Files.delete(key);
        Files.delete(decrypted);
    }

    @Nested
    @DisplayName("the limit per file")
    class Limit {

        @Test
        @DisplayName("is 500 MB until a supervisor changes it; a bigger file is refused with the limit in the message")
        void limit() throws Exception {
            assertEquals(500, attachments.limitMegabytes());
            attachments.setLimitMegabytes(supervisor, 1);
            Path big = file("big.bin", new byte[(int) (AttachmentService.MEGABYTE + 1)]);
            Refusal e = assertRefused("attachments.error.tooLarge",
                    () -> attachments.attach(supervisor, theCase.id(), big, Optional.empty(), ProgressListener.NONE));
            assertEquals("This file is larger than the limit of 1 MB per file.",
                    harbor.i18n().get(e.key(), e.args()));
            assertEquals(List.of(), AttachmentFixtures.blobFiles(harbor), "nothing is left in the blobs folder");
            assertRefused("attachments.error.limitRange", () -> attachments.setLimitMegabytes(supervisor, 0));
        }

        @Test
        @DisplayName("cannot be changed by an interviewer")
        void interviewerCannotChange() throws Exception {
            Session interviewer = AttachmentFixtures.interviewer(harbor, supervisor);
            assertThrows(AccessDenied.class, () -> attachments.setLimitMegabytes(interviewer, 900));
        }
    }

    @Nested
    @DisplayName("who may do what")
    class Permissions {

        @Test
        @DisplayName("an interviewer attaches to and views their own case, but cannot save a copy out or remove")
        void interviewer() throws Exception {
            Session interviewer = AttachmentFixtures.interviewer(harbor, supervisor);
            CaseSummary own = harbor.cases().create(interviewer, null, List.of());
            byte[] content = AttachmentFixtures.photo(marker());
            Attachment a = attachments.attach(interviewer, own.id(), file("p.png", content), Optional.empty(), ProgressListener.NONE);
            assertArrayEquals(content, attachments.open(interviewer, a.id()).content());
            assertThrows(AccessDenied.class, () -> attachments.saveOut(interviewer, a.id(), dir));
            assertThrows(AccessDenied.class, () -> attachments.remove(interviewer, a.id()));
            assertThrows(AccessDenied.class, () -> attachments.list(interviewer, theCase.id()),
                    "someone else's case is refused");
        }

        @Test
        @DisplayName("a supervisor saves a copy out under its name, never over a file, and the audit names no file")
        void saveOut() throws Exception {
            byte[] content = AttachmentFixtures.photo(marker());
            Attachment a = attachments.attach(supervisor, theCase.id(), file("letter.png", content), Optional.empty(), ProgressListener.NONE);
            Path folder = Files.createDirectories(dir.resolve("out"));
            Path first = attachments.saveOut(supervisor, a.id(), folder);
            Path second = attachments.saveOut(supervisor, a.id(), folder);
            assertEquals("letter.png", first.getFileName().toString());
            assertEquals("letter (2).png", second.getFileName().toString());
            assertArrayEquals(content, Files.readAllBytes(first));
            assertTrue(auditActions().contains(AttachmentActions.SAVED_OUT));
        }

        @Test
        @DisplayName("a supervisor removes an attachment and its blob file")
        void remove() throws Exception {
            Attachment a = attachPhoto(marker());
            attachments.remove(supervisor, a.id());
            assertEquals(List.of(), attachments.list(supervisor, theCase.id()));
            assertEquals(List.of(), AttachmentFixtures.blobFiles(harbor));
        }
    }

    @Test
    @DisplayName("a sealed case refuses new attachments and removals")
    void sealedCase() throws Exception {
        Attachment a = attachPhoto(marker());
        harbor.vault().transaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE cases SET status = 'sealed' WHERE id = ?")) {
                u.setString(1, theCase.id());
                u.executeUpdate();
            }
            return null;
        });
        assertRefused("attachments.error.caseSealed", () -> attachPhoto(marker()));
        assertRefused("attachments.error.caseSealed", () -> attachments.remove(supervisor, a.id()));
        assertEquals(1, AttachmentFixtures.blobFiles(harbor).size());
    }

    @Test
    @DisplayName("purging a case removes its blobs; the sweep removes blobs no row names")
    void purge() throws Exception {
        attachPhoto(marker());
        attachPhoto(marker());
        CaseSummary other = harbor.cases().create(supervisor, null, List.of());
        attachments.attach(supervisor, other.id(), file("keep.png", AttachmentFixtures.photo(marker())), Optional.empty(), ProgressListener.NONE);
        assertEquals(2, attachments.purgeCase(supervisor, theCase.id()));
        assertEquals(1, AttachmentFixtures.blobFiles(harbor).size());
        Files.write(harbor.home().blobs().resolve("0123456789abcdef0123456789abcdef.age"), new byte[] {1});
        assertEquals(1, attachments.removeOrphans());
        assertEquals(1, AttachmentFixtures.blobFiles(harbor).size());
        assertEquals(1, attachments.list(supervisor, other.id()).size());
    }

    @Test
    @DisplayName("the original is not deleted when it changed after attaching")
    void sourceChanged() throws Exception {
        Path source = file("p.png", AttachmentFixtures.photo(marker()));
        Attachment a = attachments.attach(supervisor, theCase.id(), source, Optional.empty(), ProgressListener.NONE);
        Files.write(source, new byte[] {1, 2, 3});
        assertRefused("attachments.error.sourceChanged", () -> attachments.deleteSource(supervisor, a.id(), source));
        assertTrue(Files.exists(source));
    }

    private String auditActions() throws Exception {
        return harbor.vault().transaction(c -> {
            StringBuilder all = new StringBuilder();
            try (PreparedStatement q = c.prepareStatement("SELECT action FROM audit_log");
                 ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    all.append(rows.getString(1)).append('\n');
                }
            }
            return all.toString();
        });
    }
}
