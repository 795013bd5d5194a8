package org.harbor.sync;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.seal.TrustBundle;
import org.harbor.seal.TrustService;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.vault.VaultKind;

/**
 * A central vault serving sync on 127.0.0.1 with a real TLS certificate (made by the JDK's
 * {@code keytool}), and field laptops: real vaults with the trust bundle (pinning that
 * certificate) imported and their device enrolled. Synthetic data only.
 */
public final class SyncFixture implements AutoCloseable {

    static final char[] CENTRAL_PASS = "central office pass phrase".toCharArray();
    static final char[] STORE_PASS = "key store pass phrase".toCharArray();

    public final Path dir;
    public final MutableClock clock = MutableClock.atStart();
    public final Harbor central;
    public final Session office;
    public final Path keyStore;
    final byte[] certificate;
    public final List<Laptop> laptops = new ArrayList<>();
    public SyncServer server;

    /** One field laptop: its vault, its supervisor's session, its device id. */
    public record Laptop(Harbor harbor, Session supervisor, String deviceId) {
    }

    public SyncFixture(Path dir) throws Exception {
        this.dir = dir;
        central = TestVaults.open(dir.resolve("central"), clock);
        office = central.accounts().setUp(VaultKind.CENTRAL, "olga-central", CENTRAL_PASS).session();
        keyStore = keyStore(dir.resolve("server.p12"), "harbor-central");
        certificate = PinnedTls.certificate(keyStore, STORE_PASS);
    }

    /** A PKCS#12 key store with an EC P-256 key and a self-signed certificate for 127.0.0.1, by the JDK's keytool. */
    static Path keyStore(Path file, String name) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "harbor", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + name, "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "30", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", new String(STORE_PASS), "-keypass", new String(STORE_PASS))
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + said);
        }
        return file;
    }

    public SyncServer serve(SyncServer.Limits limits) throws IOException {
        return serve(limits, keyStore);
    }

    SyncServer serve(SyncServer.Limits limits, Path withKeyStore) throws IOException {
        return serveOn(limits, withKeyStore, 0);
    }

    /** Serves on {@code port} (0: any free one), e.g. the port of a server closed before, for a laptop that still knows its address. */
    public SyncServer serveOn(SyncServer.Limits limits, Path withKeyStore, int port) throws IOException {
        server = central.useCases().receiveUploads().serve(office, dir.resolve("central").resolve("sync-uploads"), limits, clock,
                "127.0.0.1", port, PinnedTls.server(withKeyStore, STORE_PASS));
        return server;
    }

    public URI url() {
        return URI.create("https://127.0.0.1:" + server.port());
    }

    /** A new field laptop trusting the office (the server's certificate pinned); enrolled at the office when {@code enrol}. */
    public Laptop laptop(String name, boolean enrol) throws Exception {
        return laptop(name, enrol, "https://127.0.0.1:1");
    }

    /** The same, with the trust bundle naming {@code syncUrl} as the office's server (the desktop sends there by itself). */
    public Laptop laptop(String name, boolean enrol, String syncUrl) throws Exception {
        Harbor field = TestVaults.open(dir.resolve("field-" + name), clock);
        Session supervisor = field.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
        Path bundleFile = dir.resolve("trust-" + name + ".json");
        TrustBundle bundle = central.trust().writeTrustBundle(office, bundleFile, new TrustBundle.Sync(syncUrl, certificate));
        field.trust().importTrust(supervisor, TrustService.readBundle(bundleFile), bundle.fingerprint());
        Path deviceFile = dir.resolve("device-" + name + ".pub");
        TrustService.DeviceKey device = field.trust().writeDeviceKey(supervisor, deviceFile);
        if (enrol) {
            central.trust().enrolDevice(office, Files.readString(deviceFile), "Laptop " + name);
        }
        Laptop laptop = new Laptop(field, supervisor, device.deviceId());
        laptops.add(laptop);
        return laptop;
    }

    /**
     * {@code n} laptops made quickly: one vault set up and given the trust bundle, closed, and copied
     * {@code n} times (a fleet imaged from one installation); each copy then makes its own device
     * key at first use and is enrolled, so each is a device of its own.
     */
    List<Laptop> fleet(int n) throws Exception {
        Path template = dir.resolve("fleet-template");
        Harbor field = TestVaults.open(template, clock);
        Session supervisor = field.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
        Path bundleFile = dir.resolve("trust-fleet.json");
        TrustBundle bundle = central.trust().writeTrustBundle(office, bundleFile, new TrustBundle.Sync("https://127.0.0.1:1", certificate));
        field.trust().importTrust(supervisor, TrustService.readBundle(bundleFile), bundle.fingerprint());
        field.close();
        List<Laptop> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path copy = dir.resolve("fleet-" + i);
            try (var files = Files.walk(template)) {
                for (Path p : files.toList()) {
                    Path to = copy.resolve(template.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else if (!p.getFileName().toString().equals("harbor.lock")) {
                        Files.copy(p, to);
                    }
                }
            }
            Harbor h = TestVaults.open(copy, clock);
            Session s = h.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
            Path deviceFile = dir.resolve("device-fleet-" + i + ".pub");
            TrustService.DeviceKey device = h.trust().writeDeviceKey(s, deviceFile);
            central.trust().enrolDevice(office, Files.readString(deviceFile), "Fleet laptop " + i);
            Laptop laptop = new Laptop(h, s, device.deviceId());
            laptops.add(laptop);
            out.add(laptop);
        }
        return out;
    }

    /** A sealed case (a survivor with a synthetic name and the adult's own consent to services); returns its id. */
    public static String sealedCase(Laptop laptop, String marker) {
        Harbor field = laptop.harbor();
        Session s = laptop.supervisor();
        String caseId = field.cases().create(s, marker + " Survivor", List.of()).id();
        field.consents().record(s, caseId, org.harbor.consent.ConsentGrant.builder(
                org.harbor.consent.ConsentScope.of(org.harbor.consent.ConsentPurpose.SERVICES)).bySurvivor(false).language("en").build());
        field.seals().sealCase(s, caseId);
        return caseId;
    }

    public static SyncClient.Backoff quick(long seed) {
        return new SyncClient.Backoff(8, Duration.ofMillis(5), Duration.ofMillis(80), seed);
    }

    /**
     * For many laptops at once: a full server answers "busy" until uploads ahead finish (each ends
     * in an import), so a laptop waits up to 2 s between tries, 40 tries at most (about a minute).
     */
    static SyncClient.Backoff patient(long seed) {
        return new SyncClient.Backoff(40, Duration.ofMillis(50), Duration.ofSeconds(2), seed);
    }

    /** How many packages the office imported. */
    public long importedPackages() {
        return central.vault().transaction(c -> {
            try (var q = c.prepareStatement("SELECT COUNT(*) FROM imported_packages"); var row = q.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        laptops.forEach(l -> l.harbor().close());
        central.close();
    }
}
