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
 * {@code age} command-line tool on the same bytes (DESIGN.md section 9: Harbor at ≥ 0.5 × the
 * tool). Run with {@code bench/packages.sh [cases] [MB] [rounds]}; not a test.
 *
 * <ul>
 *   <li>Cold: the first export and the first import after a start, as users meet them: each in a
 *       new JVM of its own (log-in not counted).</li>
 *   <li>Warm: after a warm-up, ROUNDS rounds, alternating in each round Harbor's export,
 *       {@code age -r} on the plaintext ZIP, the standard tools doing Harbor's whole export
 *       ({@code age -r} + {@code minisign -S} + {@code sync}), Harbor's import, {@code age -d},
 *       and the tools doing the import ({@code minisign -V} + {@code age -d}). Medians of the
 *       rounds; a change in a shared machine's load falls on every side.</li>
 *   <li>Each step's CPU time (user + system, every thread or process of it) beside its wall time.</li>
 * </ul>
 */
public final class PackageBenchmark {

    private static final char[] FIELD_PASS = "bench pass phrase words".toCharArray();
    private static final char[] CENTRAL_PASS = "bench central pass phrase".toCharArray();
    private static final Harbor.Options OPTIONS = new Harbor.Options(java.time.Clock.systemUTC(), () -> Argon2Params.FLOOR, Locale.ENGLISH);

    /** The package format measured: {@code -Dharbor.bench.format=1|2} (bench/packages.sh: HARBOR_PACKAGE_FORMAT, default 2). */
    private static final org.harbor.seal.PackageFormat FORMAT =
            org.harbor.seal.PackageFormat.of(System.getProperty("harbor.bench.format", "2"));

    private PackageBenchmark() {
    }

    private static ExportService exports(Harbor field) {
        return field.exports().withFormat(FORMAT);
    }

    /** Wall and CPU seconds of one step. */
    record Time(double wall, double cpu) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("cold")) {
            cold(Path.of(args[1]), args[2]);
            return;
        }
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long attachmentBytes = (args.length > 1 ? Long.parseLong(args[1]) : 200) << 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path dir = Files.createTempDirectory("harbor-bench-packages");
        try {
            List<String> ids = setUp(dir, cases, attachmentBytes);
            Time coldExport = child(dir, "export");
            Time coldImport = child(dir, "import");
            measure(dir, ids, rounds, coldExport, coldImport);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<String> setUp(Path dir, int cases, long attachmentBytes) throws Exception {
        try (Harbor field = Harbor.open(new HarborHome(dir.resolve("field")), OPTIONS);
             Harbor central = Harbor.open(new HarborHome(dir.resolve("central")), OPTIONS)) {
            Session supervisor = field.accounts().setUp(VaultKind.FIELD, "bench-supervisor", FIELD_PASS.clone()).session();
            Session office = central.accounts().setUp(VaultKind.CENTRAL, "bench-central", CENTRAL_PASS.clone()).session();
            TrustBundle bundle = central.trust().writeTrustBundle(office, dir.resolve("trust.json"));
            field.trust().importTrust(supervisor, TrustService.readBundle(dir.resolve("trust.json")), bundle.fingerprint());
            Files.writeString(dir.resolve("recipients.txt"), bundle.primaryRecipient() + "\n" + bundle.backupRecipient() + "\n");
            Path devicePub = dir.resolve("device.pub");
            field.trust().writeDeviceKey(supervisor, devicePub);
            central.trust().enrolDevice(office, Files.readString(devicePub), "bench");
            central.trust().writeIdentity(office, dir.resolve("identity.txt"));

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
            Files.write(dir.resolve("ids.txt"), ids);
            return ids;
        }
    }

    /** The first export (or import) after a start, in a JVM of its own with this one's options. */
    private static Time child(Path dir, String what) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PackageBenchmark.class.getName(), "cold", dir.toString(), what));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the cold " + what + " failed: " + out);
        }
        String line = out.lines().filter(l -> l.startsWith("COLD ")).findFirst().orElseThrow(() -> new IllegalStateException(out));
        String[] f = line.split(" ");
        return new Time(Double.parseDouble(f[1]), Double.parseDouble(f[2]));
    }

    /** In the child JVM: log in (not timed), then one export of every case, or one import of the cold export. */
    private static void cold(Path dir, String what) throws Exception {
        Time time;
        if (what.equals("export")) {
            try (Harbor field = Harbor.open(new HarborHome(dir.resolve("field")), OPTIONS)) {
                Session supervisor = field.accounts().login("bench-supervisor", FIELD_PASS.clone());
                field.vault().requireIntact(); // the integrity check after the log-in is not the export's
                List<String> ids = Files.readAllLines(dir.resolve("ids.txt"));
                Path pkg = dir.resolve("out").resolve("cold.harbor");
                time = timed(() -> exports(field).export(supervisor, ids, pkg, ExportListener.SILENT));
            }
        } else {
            try (Harbor central = Harbor.open(new HarborHome(dir.resolve("central")), OPTIONS)) {
                Session office = central.accounts().login("bench-central", CENTRAL_PASS.clone());
                central.vault().requireIntact();
                time = timed(() -> central.imports().importPackage(office, dir.resolve("out").resolve("cold.harbor"), ExportListener.SILENT));
            }
        }
        System.out.printf(Locale.ROOT, "COLD %.4f %.4f%n", time.wall(), time.cpu());
    }

    interface Step {
        Object run() throws Exception;
    }

    /** Wall time, and this process's CPU time (all threads: the garbage collector's and the compiler's too). */
    private static Time timed(Step step) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        step.run();
        long t1 = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        return new Time((t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9);
    }

    private static void measure(Path dir, List<String> ids, int rounds, Time coldExport, Time coldImport) throws Exception {
        try (Harbor field = Harbor.open(new HarborHome(dir.resolve("field")), OPTIONS);
             Harbor central = Harbor.open(new HarborHome(dir.resolve("central")), OPTIONS)) {
            Session supervisor = field.accounts().login("bench-supervisor", FIELD_PASS.clone());
            Session office = central.accounts().login("bench-central", CENTRAL_PASS.clone());
            field.vault().requireIntact();
            central.vault().requireIntact();
            Path out = dir.resolve("out");
            Path identity = dir.resolve("identity.txt");
            List<String> recipients = Files.readAllLines(dir.resolve("recipients.txt"));
            // minisign's key for the standard-tools reference (no passphrase, like a device key in a vault).
            Path minisignKey = dir.resolve("tools.key");
            Path minisignPub = dir.resolve("tools.pub");
            run("minisign", "-G", "-W", "-p", minisignPub.toString(), "-s", minisignKey.toString());

            // Warm-up: two rounds of every case through both paths, untimed, so that the timed rounds
            // are not the JIT's (the cold rows above are the first export and import after a start).
            for (int warm = 1; warm <= 2; warm++) {
                Path pkg = out.resolve("warm-" + warm + ".harbor");
                central.imports().importPackage(office, exports(field).export(supervisor, ids, pkg, ExportListener.SILENT).file(),
                        ExportListener.SILENT);
                Files.delete(pkg);
                Files.deleteIfExists(Path.of(pkg + ".minisig"));
            }
            // The reference bytes for age: the plaintext ZIP of a format-1 package of every case (format 2
            // carries the same documents and attachments, the attachments still encrypted).
            Path reference = out.resolve("reference.harbor");
            field.exports().withFormat(org.harbor.seal.PackageFormat.ONE).export(supervisor, ids, reference, ExportListener.SILENT);
            Path zip = dir.resolve("plain.zip");
            run("age", "-d", "-i", identity.toString(), "-o", zip.toString(), reference.toString());
            Files.delete(reference);
            long zipBytes = Files.size(zip);

            List<Time> harborExport = new ArrayList<>();
            List<Time> harborImport = new ArrayList<>();
            List<Time> ageEncrypt = new ArrayList<>();
            List<Time> ageDecrypt = new ArrayList<>();
            List<Time> toolsExport = new ArrayList<>();
            List<Time> toolsImport = new ArrayList<>();
            long packageBytes = 0;
            for (int round = 1; round <= rounds; round++) {
                Path pkg = out.resolve("round-" + round + ".harbor");
                ExportService.Exported[] exported = new ExportService.Exported[1];
                harborExport.add(timed(() -> exported[0] = (ExportService.Exported) Profiling.around("export", () -> exports(field).export(supervisor, ids, pkg, ExportListener.SILENT))));
                packageBytes = exported[0].bytes();
                Path again = out.resolve("round-" + round + ".age");
                ageEncrypt.add(tool("age -r \"$1\" -r \"$2\" -o \"$3\" \"$4\"", recipients.get(0), recipients.get(1), again.toString(), zip.toString()));
                Path tools = out.resolve("round-" + round + ".tools.age");
                toolsExport.add(tool("age -r \"$1\" -r \"$2\" -o \"$3\" \"$4\" && minisign -S -s \"$5\" -m \"$3\" && sync \"$3\" \"$3.minisig\"",
                        recipients.get(0), recipients.get(1), tools.toString(), zip.toString(), minisignKey.toString()));
                ImportService.ImportResult[] imported = new ImportService.ImportResult[1];
                harborImport.add(timed(() -> imported[0] = (ImportService.ImportResult) Profiling.around("import", () -> central.imports().importPackage(office, pkg, ExportListener.SILENT))));
                if (imported[0].cases().size() != ids.size() || imported[0].alreadyImported()) {
                    throw new IllegalStateException("not every case arrived");
                }
                ageDecrypt.add(tool("age -d -i \"$1\" -o \"$2\" \"$3\"", identity.toString(), out.resolve("plain-age.zip").toString(), again.toString()));
                toolsImport.add(tool("minisign -V -q -p \"$1\" -m \"$2\" && age -d -i \"$3\" -o \"$4\" \"$2\"",
                        minisignPub.toString(), tools.toString(), identity.toString(), out.resolve("plain-tools.zip").toString()));
                System.out.printf(Locale.ROOT, "  round %d: export %.2f s, age -r %.2f s, tools %.2f s | import %.2f s, age -d %.2f s, tools %.2f s%n", round,
                        harborExport.getLast().wall(), ageEncrypt.getLast().wall(), toolsExport.getLast().wall(),
                        harborImport.getLast().wall(), ageDecrypt.getLast().wall(), toolsImport.getLast().wall());
                for (Path p : List.of(pkg, again, tools, Path.of(tools + ".minisig"))) {
                    Files.deleteIfExists(p);
                }
            }

            Profiling.report();
            System.out.printf(Locale.ROOT, "%npackage format %s: %d cases, %.1f MB plaintext ZIP, %.1f MB package; medians of %d alternating rounds%n",
                    FORMAT == org.harbor.seal.PackageFormat.ONE ? "1" : "2", ids.size(), zipBytes / 1e6, packageBytes / 1e6, rounds);
            System.out.printf("%-58s %8s %8s %8s%n", "step", "wall s", "CPU s", "MB/s");
            row("Harbor export, first after a start (cold, own JVM)", coldExport, zipBytes);
            Time he = median(harborExport);
            Time ae = median(ageEncrypt);
            Time te = median(toolsExport);
            row("Harbor export (read, zip, encrypt, sign, sync), warm", he, zipBytes);
            row("age -r (encrypt the same ZIP)", ae, zipBytes);
            row("age -r + minisign -S + sync (the whole job, tools)", te, zipBytes);
            row("Harbor import, first after a start (cold, own JVM)", coldImport, zipBytes);
            Time hi = median(harborImport);
            Time ad = median(ageDecrypt);
            Time ti = median(toolsImport);
            row("Harbor import (verify, decrypt, check, store), warm", hi, zipBytes);
            row("age -d (decrypt the same file)", ad, zipBytes);
            row("minisign -V + age -d (the whole job, tools)", ti, zipBytes);
            System.out.printf(Locale.ROOT, "ratio export: %.2f × age, %.2f × the tools' whole job; cold %.2f × age (budget ≥ 0.5 × age, format 2 ≥ 0.9)%n",
                    ae.wall() / he.wall(), te.wall() / he.wall(), ae.wall() / coldExport.wall());
            System.out.printf(Locale.ROOT, "ratio import: %.2f × age, %.2f × the tools' whole job; cold %.2f × age (budget ≥ 0.5 × age, format 2 ≥ 0.9)%n",
                    ad.wall() / hi.wall(), ti.wall() / hi.wall(), ad.wall() / coldImport.wall());
            System.out.printf("load average: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        }
    }

    /** Wall time and the CPU time (user + system) of a shell command line and every process it starts. */
    private static Time tool(String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "TIMEFORMAT='%U %S'; time { " + script + " ; } > /dev/null", "bench"));
        command.addAll(List.of(args));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).start();
        String err = new String(p.getErrorStream().readAllBytes());
        int code = p.waitFor();
        double wall = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
            throw new IllegalStateException("failed: " + script + ": " + err);
        }
        String[] last = err.strip().lines().reduce((a, b) -> b).orElseThrow().strip().split(" ");
        return new Time(wall, Double.parseDouble(last[0]) + Double.parseDouble(last[1]));
    }

    private static Time median(List<Time> times) {
        double[] wall = times.stream().mapToDouble(Time::wall).sorted().toArray();
        double[] cpu = times.stream().mapToDouble(Time::cpu).sorted().toArray();
        return new Time(mid(wall), mid(cpu));
    }

    private static double mid(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void row(String step, Time time, long bytes) {
        System.out.printf(Locale.ROOT, "%-58s %8.2f %8.2f %8.0f%n", step, time.wall(), time.cpu(), bytes / 1e6 / time.wall());
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command[0] + " failed: " + out);
        }
    }
}
