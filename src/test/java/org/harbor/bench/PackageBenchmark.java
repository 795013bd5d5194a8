package org.harbor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.attachments.ProgressListener;
import org.harbor.crypto.Argon2Params;
import org.harbor.seal.ExportListener;
import org.harbor.seal.ExportService;
import org.harbor.seal.ImportService;
import org.harbor.seal.TrustBundle;
import org.harbor.seal.TrustService;
import org.harbor.vault.HarborHome;
import org.harbor.vault.VaultKind;

/**
 * Export and import of 1 000 synthetic sealed cases carrying 200 MB of attachments, against the
 * {@code age} command-line tool encrypting and decrypting the same plaintext ZIP in the same run
 * (DESIGN.md section 9: Harbor at ≥ 0.5 × the tool). Run with {@code bench/packages.sh}; not a test.
 */
public final class PackageBenchmark {

    private PackageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long attachmentBytes = (args.length > 1 ? Long.parseLong(args[1]) : 200) << 20;
        Path dir = Files.createTempDirectory("harbor-bench-packages");
        Harbor.Options options = new Harbor.Options(java.time.Clock.systemUTC(), () -> Argon2Params.FLOOR, Locale.ENGLISH);
        try (Harbor field = Harbor.open(new HarborHome(dir.resolve("field")), options);
             Harbor central = Harbor.open(new HarborHome(dir.resolve("central")), options)) {
            Session supervisor = field.accounts().setUp(VaultKind.FIELD, "bench-supervisor", "bench pass phrase words".toCharArray()).session();
            Session office = central.accounts().setUp(VaultKind.CENTRAL, "bench-central", "bench central pass phrase".toCharArray()).session();
            TrustBundle bundle = central.trust().writeTrustBundle(office, dir.resolve("trust.json"));
            field.trust().importTrust(supervisor, TrustService.readBundle(dir.resolve("trust.json")), bundle.fingerprint());
            Path devicePub = dir.resolve("device.pub");
            field.trust().writeDeviceKey(supervisor, devicePub);
            central.trust().enrolDevice(office, Files.readString(devicePub), "bench");

            System.out.printf("setting up %d sealed cases with %d MB of attachments…%n", cases, attachmentBytes >> 20);
            Random random = new Random(42);
            long perCase = attachmentBytes / cases;
            List<String> ids = new ArrayList<>();
            Path source = dir.resolve("attachment.bin");
            for (int i = 0; i < cases; i++) {
                String id = field.cases().create(supervisor, "Synthetic Person " + i, List.of()).id();
                byte[] bytes = new byte[(int) perCase];
                random.nextBytes(bytes);
                Files.write(source, bytes);
                field.attachments().attach(supervisor, id, source, Optional.empty(), ProgressListener.NONE);
                field.consents().record(supervisor, id, org.harbor.consent.ConsentGrant.builder(org.harbor.consent.ConsentScope.of(
                        org.harbor.consent.ConsentPurpose.SERVICES)).bySurvivor(false).language("en").build());
                field.seals().sealCase(supervisor, id);
                ids.add(id);
            }
            Files.delete(source);

            // Warm-up: a tenth of the cases through both paths, so that the timed run is not the JIT's first.
            Path warm = dir.resolve("out").resolve("warm.harbor");
            central.imports().importPackage(office, field.exports().export(supervisor, ids.subList(0, Math.max(1, cases / 10)), warm,
                    ExportListener.SILENT).file(), ExportListener.SILENT);
            Path pkg = dir.resolve("out").resolve("bench.harbor");
            long t0 = System.nanoTime();
            ExportService.Exported exported = field.exports().export(supervisor, ids, pkg, ExportListener.SILENT);
            double exportSeconds = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            ImportService.ImportResult imported = central.imports().importPackage(office, pkg, ExportListener.SILENT);
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            if (imported.cases().size() != cases || imported.alreadyImported()) {
                throw new IllegalStateException("not every case arrived");
            }

            // The age tool on the same bytes: decrypt the package to its ZIP, then time encrypting and decrypting it.
            Path identity = dir.resolve("identity.txt");
            central.trust().writeIdentity(office, identity);
            Path zip = dir.resolve("plain.zip");
            run("age", "-d", "-i", identity.toString(), "-o", zip.toString(), pkg.toString());
            Path again = dir.resolve("again.age");
            t0 = System.nanoTime();
            run("age", "-r", bundle.primaryRecipient(), "-r", bundle.backupRecipient(), "-o", again.toString(), zip.toString());
            double ageEncrypt = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            run("age", "-d", "-i", identity.toString(), "-o", dir.resolve("plain2.zip").toString(), again.toString());
            double ageDecrypt = (System.nanoTime() - t0) / 1e9;
            long zipBytes = Files.size(zip);

            System.out.printf("package: %d cases, %.1f MB plaintext ZIP, %.1f MB age file%n", cases, zipBytes / 1e6, exported.bytes() / 1e6);
            System.out.printf("%-34s %8s %10s%n", "step", "seconds", "MB/s");
            row("Harbor export (read, zip, encrypt, sign)", exportSeconds, zipBytes);
            row("age -r (encrypt the same ZIP)", ageEncrypt, zipBytes);
            row("Harbor import (verify, decrypt, check, store)", importSeconds, zipBytes);
            row("age -d (decrypt the same file)", ageDecrypt, zipBytes);
            System.out.printf("ratio export: %.2f × age (budget ≥ 0.5)%n", ageEncrypt / exportSeconds);
            System.out.printf("ratio import: %.2f × age (budget ≥ 0.5)%n", ageDecrypt / importSeconds);
            System.out.printf("load average: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void row(String step, double seconds, long bytes) {
        System.out.printf("%-34s %8.2f %10.0f%n", step, seconds, bytes / 1e6 / seconds);
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command[0] + " failed: " + out);
        }
    }
}
