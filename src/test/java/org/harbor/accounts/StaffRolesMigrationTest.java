package org.harbor.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.harbor.Harbor;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.vault.VaultKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, "each staff member has an account and role": migration 0013 rebuilds the users table
 * so its CHECK constraint allows the central case manager and the analyst. A vault at migration
 * 0012, with accounts and rows that refer to them, keeps every row and every reference.
 */
@DisplayName("Each staff member has an account and role: a vault from before the central staff roles migrates")
class StaffRolesMigrationTest {

    /** The users table as migration 0001 made it (and 0012 left it). */
    private static final String OLD_USERS = """
            CREATE TABLE users (
              id            INTEGER PRIMARY KEY,
              username      TEXT NOT NULL,
              normalized    TEXT NOT NULL UNIQUE,
              role          TEXT NOT NULL CHECK (role IN ('interviewer', 'intake', 'supervisor', 'central')),
              slot_id       TEXT NOT NULL UNIQUE,
              must_change   INTEGER NOT NULL DEFAULT 0,
              disabled      INTEGER NOT NULL DEFAULT 0,
              created_at    TEXT NOT NULL,
              created_by    INTEGER REFERENCES users(id)
            )""";

    /** Every table whose rows refer to an account, with the column. */
    private static final String[][] REFERENCES = {{"cases", "opened_by"}, {"persons", "created_by"}, {"settings", "updated_by"},
        {"users", "created_by"}};

    @TempDir
    Path dir;

    @Test
    @DisplayName("a vault at the previous migration, with accounts and references to them, migrates with every row and reference kept")
    void previousVaultMigratesKeepingEveryRowAndReference() throws Exception {
        MutableClock clock = MutableClock.atStart();
        List<String> usersBefore;
        List<String> referencesBefore;
        try (Harbor harbor = TestVaults.open(dir, clock)) {
            Session sup = harbor.accounts().setUp(VaultKind.FIELD, TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE).session();
            harbor.accounts().addUser(sup, "ivo-interviewer", Role.INTERVIEWER, TestVaults.pass("temporary words for ivo"));
            harbor.accounts().addUser(sup, "ines-intake", Role.INTAKE, TestVaults.pass("temporary words for ines"));
            harbor.cases().create(sup, "Synthetic Person One", List.of());
            harbor.cases().create(sup, "Synthetic Person Two", List.of("Alias Two"));
            // Back to the layout of migration 0012: the users table with its old CHECK, 0013 not applied.
            harbor.vault().transaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA writable_schema = ON");
                    s.executeUpdate("UPDATE sqlite_schema SET sql = '" + OLD_USERS.replace("'", "''") + "' WHERE type = 'table' AND name = 'users'");
                    s.execute("PRAGMA writable_schema = OFF");
                    s.executeUpdate("DELETE FROM schema_migrations WHERE version = 13");
                }
                return null;
            });
            usersBefore = harbor.vault().transaction(StaffRolesMigrationTest::users);
            referencesBefore = harbor.vault().transaction(StaffRolesMigrationTest::references);
        }
        try (Harbor harbor = TestVaults.open(dir, clock)) {
            Session sup = harbor.accounts().login(TestVaults.SUPERVISOR, TestVaults.SUPERVISOR_PASSPHRASE);
            String schema = harbor.vault().transaction(StaffRolesMigrationTest::schema);
            assertTrue(schema.contains("'central_case_manager', 'analyst'"), "the CHECK allows the new roles");
            assertFalse((boolean) harbor.vault().<Boolean, SQLException>transaction(c -> tableExists(c, "users_new")), "no table left from the rebuild");
            assertEquals(usersBefore, harbor.vault().transaction(StaffRolesMigrationTest::users), "every account row kept as it was");
            assertEquals(referencesBefore, harbor.vault().transaction(StaffRolesMigrationTest::references), "every reference kept");
            assertEquals(List.of(), harbor.vault().transaction(StaffRolesMigrationTest::brokenReferences), "foreign_key_check is clean");
            assertEquals(List.of(), harbor.vault().transaction(StaffRolesMigrationTest::childTablesNotOnUsers),
                    "every child table still refers to users");
            boolean recorded = harbor.vault().<Boolean, SQLException>transaction(c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM schema_migrations WHERE version = 13")) {
                    return r.next() && r.getInt(1) == 1;
                }
            });
            assertTrue(recorded, "0013 recorded");
            // Foreign keys are enforced again after the rebuild: a case opened by no account is refused.
            assertThrows(Exception.class, () -> harbor.vault().transaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE cases SET opened_by = 999999");
                }
                return null;
            }));
            assertEquals(2, harbor.cases().list(sup, org.harbor.cases.CaseQuery.all()).size(), "the cases still open");
        }
    }

    private static String schema(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'users'")) {
            return r.next() ? r.getString(1) : "";
        }
    }

    private static boolean tableExists(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_schema WHERE name = '" + name + "'")) {
            return r.next() && r.getInt(1) > 0;
        }
    }

    private static List<String> users(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT id, username, normalized, role, slot_id, must_change, disabled, created_at, created_by FROM users ORDER BY id")) {
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= 9; i++) {
                    row.append(r.getString(i)).append('|');
                }
                out.add(row.toString());
            }
        }
        assertEquals(3, out.size());
        return out;
    }

    private static List<String> references(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        for (String[] ref : REFERENCES) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT t." + ref[1] + ", u.username FROM " + ref[0]
                    + " t JOIN users u ON u.id = t." + ref[1] + " ORDER BY t.rowid")) {
                while (r.next()) {
                    out.add(ref[0] + "." + ref[1] + "=" + r.getString(1) + ":" + r.getString(2));
                }
            }
        }
        return out;
    }

    private static List<String> brokenReferences(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA foreign_key_check")) {
            while (r.next()) {
                out.add(r.getString(1) + " -> " + r.getString(3));
            }
        }
        return out;
    }

    private static List<String> childTablesNotOnUsers(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
            while (r.next()) {
                tables.add(r.getString(1));
            }
        }
        List<String> out = new ArrayList<>();
        for (String t : tables) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA foreign_key_list(\"" + t + "\")")) {
                while (r.next()) {
                    String parent = r.getString("table");
                    if (parent.startsWith("users_")) {
                        out.add(t + " -> " + parent);
                    }
                }
            }
        }
        return out;
    }
}
