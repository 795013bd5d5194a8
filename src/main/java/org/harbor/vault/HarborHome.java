package org.harbor.vault;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where a vault lives: the {@code --home} flag, else {@code HARBOR_HOME}, else the operating
 * system's per-user data folder.
 */
public record HarborHome(Path dir) {

    public static final String ENV = "HARBOR_HOME";

    public HarborHome {
        dir = dir.toAbsolutePath().normalize();
    }

    public static HarborHome resolve(Path flag, Map<String, String> env, Map<String, String> systemProperties) {
        if (flag != null) {
            return new HarborHome(flag);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new HarborHome(Path.of(fromEnv));
        }
        return new HarborHome(defaultDir(env, systemProperties));
    }

    public static HarborHome resolve(Path flag) {
        return resolve(flag, System.getenv(), Map.of(
                "os.name", System.getProperty("os.name", ""),
                "user.home", System.getProperty("user.home", ".")));
    }

    static Path defaultDir(Map<String, String> env, Map<String, String> props) {
        String os = props.getOrDefault("os.name", "").toLowerCase(Locale.ROOT);
        Path userHome = Path.of(props.getOrDefault("user.home", "."));
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : userHome.resolve("AppData").resolve("Roaming")).resolve("Harbor");
        }
        if (os.startsWith("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("Harbor");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local").resolve("share")).resolve("harbor");
    }

    public Path database() {
        return dir.resolve("harbor.db");
    }

    public Path keySlots() {
        return dir.resolve("keyslots.json");
    }

    /** The audit chain's head after every committed batch, MACed (see {@code AuditHeadFile}). */
    public Path auditHead() {
        return dir.resolve("audit.head");
    }

    public Path lockFile() {
        return dir.resolve("harbor.lock");
    }

    public Path blobs() {
        return dir.resolve("blobs");
    }

    public Path logs() {
        return dir.resolve("logs");
    }
}
