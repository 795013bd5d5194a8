package org.harbor.central;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How Harbor is pointed at a PostgreSQL server: the URL's TLS mode and the password file. */
class PostgresSettingsTest {

    @Test
    @DisplayName("a server on another machine is reached only with sslmode=verify-full; this machine may go without TLS")
    void tlsRequiredOffThisMachine() {
        assertDoesNotThrow(() -> PostgresCentralStore.checkUrl("jdbc:postgresql://127.0.0.1:55432/harbor_test"));
        assertDoesNotThrow(() -> PostgresCentralStore.checkUrl("jdbc:postgresql://localhost/harbor"));
        assertDoesNotThrow(() -> PostgresCentralStore.checkUrl(
                "jdbc:postgresql://db.office.example:5432/harbor?sslmode=verify-full&sslrootcert=/etc/harbor/ca.pem"));
        // Another machine without verified TLS is told so in its own sentence; a wrong address in another.
        for (String bad : new String[] {"jdbc:postgresql://db.office.example/harbor", "jdbc:postgresql://10.0.0.5/harbor?sslmode=require",
            "jdbc:postgresql://127.0.0.1,db.office.example/harbor"}) {
            assertEquals("central.error.urlNeedsTls", assertThrows(CentralException.class, () -> PostgresCentralStore.checkUrl(bad)).key(), bad);
        }
        for (String bad : new String[] {"jdbc:sqlite:/tmp/x.db", "jdbc:postgresql:harbor"}) {
            assertEquals("central.error.url", assertThrows(CentralException.class, () -> PostgresCentralStore.checkUrl(bad)).key(), bad);
        }
    }

    @Test
    @DisplayName("the password comes from a file readable by its owner only; a file others can read is refused")
    void passwordFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, "s3cret-not-a-real-one\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertEquals("s3cret-not-a-real-one", PostgresCentralStore.readPassword(file));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals("central.error.passwordFile", assertThrows(CentralException.class, () -> PostgresCentralStore.readPassword(file)).key());
        assertEquals("central.error.passwordFile",
                assertThrows(CentralException.class, () -> PostgresCentralStore.readPassword(dir.resolve("missing"))).key());
    }
}
