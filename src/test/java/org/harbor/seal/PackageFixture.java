package org.harbor.seal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.cases.SessionKind;
import org.harbor.interview.coach.Language;
import org.harbor.interview.profile.ProfileLibrary;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.vault.VaultKind;

/**
 * A field vault and a central vault in one temporary folder, with the trust bundle imported and the
 * device enrolled: the starting point of the package tests. Synthetic data only.
 */
final class PackageFixture implements AutoCloseable {

    static final char[] CENTRAL_PASS = "central office pass phrase".toCharArray();

    final Path dir;
    final MutableClock clock = MutableClock.atStart();
    final Harbor field;
    final Harbor central;
    final Session supervisor;
    final Session office;
    final TrustBundle bundle;
    final TrustService.DeviceKey device;
    /**
     * The format {@link #export} writes: format 1 for the suites that open its age file and ZIP to
     * craft hostile packages; format 2 (the export's default) where a test sets it.
     */
    PackageFormat format = PackageFormat.ONE;

    PackageFixture(Path dir) throws Exception {
        this(dir, true);
    }

    /** @param withCentral false for tests of sealing alone: no central vault, trust or enrolment */
    PackageFixture(Path dir, boolean withCentral) throws Exception {
        this.dir = dir;
        field = TestVaults.open(dir.resolve("field"), clock);
        supervisor = field.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
        if (!withCentral) {
            central = null;
            office = null;
            bundle = null;
            device = null;
            return;
        }
        central = TestVaults.open(dir.resolve("central"), clock);
        office = central.accounts().setUp(VaultKind.CENTRAL, "olga-central", CENTRAL_PASS).session();
        Path bundleFile = dir.resolve("trust.json");
        bundle = central.trust().writeTrustBundle(office, bundleFile);
        field.trust().importTrust(supervisor, TrustService.readBundle(bundleFile), bundle.fingerprint());
        Path deviceFile = dir.resolve("device.pub");
        device = field.trust().writeDeviceKey(supervisor, deviceFile);
        central.trust().enrolDevice(office, Files.readString(deviceFile), "Field laptop 1");
    }

    /** A sealed case with a survivor, an ended interview with a question and an answer; returns its id. */
    String sealedCase(String marker) throws Exception {
        return sealedCase(marker, false);
    }

    /** The same, with a text attachment holding the marker when {@code withAttachment}. */
    String sealedCase(String marker, boolean withAttachment) throws Exception {
        String caseId = field.cases().create(supervisor, marker + " Survivor", List.of(marker + "Alias")).id();
        // An adult's own consent to services: what a package for the central office needs (issue 12).
        field.consents().record(supervisor, caseId, org.harbor.consent.ConsentGrant.builder(
                org.harbor.consent.ConsentScope.of(org.harbor.consent.ConsentPurpose.SERVICES)).bySurvivor(false).language("en").build());
        if (withAttachment) {
            Path note = dir.resolve(marker + ".txt");
            Files.writeString(note, "A statement about " + marker + ", typed by the survivor.");
            field.attachments().attach(supervisor, caseId, note, java.util.Optional.empty(),
                    org.harbor.attachments.ProgressListener.NONE);
            Files.delete(note);
        }
        // An intake session with a form answer: covered by the seal, carried as XForm instance XML.
        String intakeId = field.cases().startSession(supervisor, caseId, SessionKind.INTAKE, "en").id();
        org.harbor.forms.FormSession intake = field.forms().open(supervisor, intakeId, "harbor-intake");
        if (!intake.answer("/data/origin/nationality", marker + " nationality").isSaved()) {
            throw new IllegalStateException("the fixture's form answer was not saved");
        }
        String sessionId = field.cases().startSession(supervisor, caseId, SessionKind.INTERVIEW, "en").id();
        field.interviews().start(supervisor, sessionId, ProfileLibrary.CHILD_DEFAULT, Language.EN);
        field.interviews().logQuestion(supervisor, sessionId, "Tell me everything about " + marker + ".", true);
        field.interviews().logAnswer(supervisor, sessionId, "We went to " + marker + " by bus.", true);
        field.interviews().end(supervisor, sessionId, "completed");
        field.seals().sealCase(supervisor, caseId);
        return caseId;
    }

    /** Decrypts a package with the real {@code age} tool and the central office's identity; returns the ZIP's entries. */
    java.util.Map<String, byte[]> decryptWithAge(Path pkg) throws Exception {
        Path identity = dir.resolve("central-identity-" + java.util.UUID.randomUUID() + ".txt");
        central.trust().writeIdentity(office, identity);
        Path zip = dir.resolve("decrypted-" + java.util.UUID.randomUUID() + ".zip");
        try {
            Process age = new ProcessBuilder("age", "-d", "-i", identity.toString(), "-o", zip.toString(), pkg.toString())
                    .redirectErrorStream(true).start();
            String said = new String(age.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!age.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || age.exitValue() != 0) {
                throw new IllegalStateException("age could not decrypt the package: " + said);
            }
            java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
            try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
                for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
            return entries;
        } finally {
            Files.deleteIfExists(zip);
            Files.deleteIfExists(identity);
        }
    }

    ExportService.Exported export(List<String> caseIds, String name) throws Exception {
        return field.exports().withFormat(format).export(supervisor, caseIds, dir.resolve("out").resolve(name), ExportListener.SILENT);
    }

    /**
     * SHA-256 of every row of every table of the central vault, but the audit entries of refused
     * imports: a refusal changes nothing else (it is audited, issue 15).
     */
    String centralDatabaseHash() throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        central.vault().transaction(c -> {
            List<String> tables = new java.util.ArrayList<>();
            try (var q = c.prepareStatement("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
                 var row = q.executeQuery()) {
                while (row.next()) {
                    tables.add(row.getString(1));
                }
            }
            for (String table : tables) {
                String sql = table.equals("audit_log") ? "SELECT * FROM audit_log WHERE action <> 'package.refused' ORDER BY seq"
                        : "SELECT * FROM \"" + table + "\"";
                List<String> rows = new java.util.ArrayList<>();
                try (var q = c.prepareStatement(sql); var row = q.executeQuery()) {
                    int columns = row.getMetaData().getColumnCount();
                    while (row.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            Object v = row.getObject(i);
                            line.append(v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : String.valueOf(v)).append('\u0001');
                        }
                        rows.add(line.toString());
                    }
                }
                java.util.Collections.sort(rows);
                sha.update((table + "\n" + String.join("\n", rows) + "\u0000").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return null;
        });
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    /** The checks named by the central audit log's "package.refused" entries, oldest first. */
    List<String> centralRefusals() throws Exception {
        return central.vault().transaction(c -> {
            List<String> out = new java.util.ArrayList<>();
            try (var q = c.prepareStatement("SELECT details FROM audit_log WHERE action = 'package.refused' ORDER BY seq");
                 var row = q.executeQuery()) {
                while (row.next()) {
                    out.add(row.getString(1));
                }
            }
            return out;
        });
    }

    private boolean closed;

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        field.close();
        if (central != null) {
            central.close();
        }
    }
}
