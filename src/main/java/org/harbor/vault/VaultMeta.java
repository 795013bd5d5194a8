package org.harbor.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The vault's key-value metadata ({@code vault_meta}: counters and markers), inside the caller's transaction. */
public final class VaultMeta {

    private VaultMeta() {
    }

    public static Optional<String> get(Connection c, String key) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT value FROM vault_meta WHERE key = ?")) {
            q.setString(1, key);
            try (ResultSet row = q.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
            }
        }
    }

    public static void put(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement(
                "INSERT INTO vault_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            upsert.setString(1, key);
            upsert.setString(2, value);
            upsert.executeUpdate();
        }
    }
}
