package org.harbor.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harbor.audit.AuditActions;
import org.harbor.audit.AuditLog;
import org.harbor.audit.AuditVerification;
import org.harbor.crypto.RecoveryKey;
import org.harbor.crypto.SecretKey;
import org.harbor.i18n.Refusal;
import org.harbor.vault.Vault;
import org.harbor.vault.VaultKind;
import org.harbor.vault.VaultMeta;
import org.harbor.vault.WrongPassphrase;
import org.harbor.vault.WrongRecoveryKey;

/**
 * Accounts, log-in and the active session. Every check of who may do what is made here, whatever
 * face (desktop or command line) asked.
 */
public final class AccountService {

    private final Vault vault;
    private final AuditLog audit;
    private final Clock clock;
    private static final String RECOVERY_CONFIRMED = "recovery_key_confirmed";
    private volatile Session current;
    private volatile List<Vault.ContinuityProblem> breaksAtLogin = List.of();

    public AccountService(Vault vault, AuditLog audit, Clock clock) {
        this.vault = vault;
        this.audit = audit;
        this.clock = clock;
    }

    /** What setup hands back: the new session and the recovery key, to be shown once. */
    public record Setup(Session session, String recoveryKey) {
        @Override
        public String toString() {
            return "Setup[" + session + ", recoveryKey=hidden]";
        }
    }

    /** Creates the vault and its first account: a supervisor, or {@code central} for a central-office vault. */
    public Setup setUp(VaultKind kind, String username, char[] passphrase) {
        String name = requireName(username);
        Optional<PassphrasePolicy.Problem> problem = PassphrasePolicy.check(passphrase, name);
        if (problem.isPresent()) {
            throw new Refusal(problem.get().messageKey());
        }
        Role role = kind == VaultKind.CENTRAL ? Role.CENTRAL : Role.SUPERVISOR;
        String now = clock.instant().toString();
        User[] created = new User[1];
        String recovery;
        try (SecretKey key = vault.create(name, passphrase, (c, slotId) -> {
            // a new vault's vault_meta is empty: these are first writes
            VaultMeta.put(c, "kind", kind.code());
            VaultMeta.put(c, "created_at", now);
            VaultMeta.put(c, RECOVERY_CONFIRMED, "false");
            created[0] = insertUser(c, name, role, slotId, false, null);
            audit.append(c, created[0].id() + "", AuditActions.VAULT_CREATED, null, Map.of("kind", kind.code()));
            audit.append(c, created[0].id() + "", AuditActions.USER_ADDED, created[0].id() + "", Map.of("role", role.code()));
        })) {
            recovery = RecoveryKey.format(key);
        }
        Session session = new Session(created[0], clock.instant());
        try {
            vault.transaction(c -> {
                RoleKeys.atLogin(c, vault.contentKeys(), created[0], now);
                return null;
            });
        } catch (RuntimeException e) {
            vault.lock();
            throw e;
        }
        current = session;
        return new Setup(session, recovery);
    }

    public Session login(String username, char[] passphrase) {
        List<String> failures = vault.unlock(username, passphrase);
        return begin(username, failures, AuditActions.LOGIN);
    }

    /** Whether the recovery key shown at setup was confirmed as written down. */
    public boolean recoveryKeyConfirmed(Session session) {
        requireActive(session);
        return vault.transaction(c -> VaultMeta.get(c, RECOVERY_CONFIRMED).map("true"::equals).orElse(true));
    }

    public void confirmRecoveryKey(Session session) {
        require(session, Permission.MANAGE_USERS);
        setRecoveryConfirmed(true);
    }

    /**
     * A new recovery key, replacing the old one (which stops working): for a recovery key that was
     * never confirmed as written down, or one that may have been seen by someone else.
     */
    public String rotateRecoveryKey(Session session) {
        require(session, Permission.MANAGE_USERS);
        String written;
        try (SecretKey key = vault.rotateRecoveryKey()) {
            written = RecoveryKey.format(key);
        }
        vault.transaction(c -> {
            setRecoveryConfirmed(c, false);
            RoleKeys.atLogin(c, vault.contentKeys(), session.user(), clock.instant().toString()); // grants to the new recovery key
            audit.append(c, session.actorId(), AuditActions.RECOVERY_KEY_ROTATED, null, Map.of());
            return null;
        });
        return written;
    }

    /**
     * What the last log-in found about the audit log's continuity: empty when the log ends where
     * the last acknowledged batch ended and both heads kept outside the database were in place.
     * Every break is also in the log itself, and {@code audit verify} reports it.
     */
    public List<Vault.ContinuityProblem> continuityBreaksAtLogin() {
        return breaksAtLogin;
    }

    /** Walks the audit chain; supervisors and the central office only. */
    public AuditVerification verifyAudit(Session session) {
        require(session, Permission.VIEW_AUDIT);
        return audit.verify();
    }

    private void setRecoveryConfirmed(boolean confirmed) {
        vault.transaction(c -> {
            setRecoveryConfirmed(c, confirmed);
            return null;
        });
    }

    private static void setRecoveryConfirmed(Connection c, boolean confirmed) throws SQLException {
        VaultMeta.put(c, RECOVERY_CONFIRMED, Boolean.toString(confirmed));
    }

    /**
     * Opens the vault with the recovery key and gives {@code username} a new passphrase. The new
     * passphrase must meet the policy; the recovery key stays valid.
     */
    public Session recover(String recoveryKey, String username, char[] newPassphrase) {
        Optional<PassphrasePolicy.Problem> problem = PassphrasePolicy.check(newPassphrase, username);
        if (problem.isPresent()) {
            throw new Refusal(problem.get().messageKey());
        }
        SecretKey key;
        try {
            key = RecoveryKey.parse(recoveryKey);
        } catch (IllegalArgumentException e) {
            throw new WrongRecoveryKey();
        }
        List<String> failures;
        try (key) {
            failures = vault.unlockWithRecovery(key);
        }
        Session session = begin(username, failures, AuditActions.LOGIN_RECOVERY);
        try {
            vault.transaction(c -> {
                setMustChange(c, session.user().id(), false);
                audit.append(c, session.actorId(), AuditActions.USER_PASSPHRASE_RESET, session.actorId(), Map.of("by", "recovery_key"));
                String now = clock.instant().toString();
                // The account's old personal key is lost with its passphrase, and with it its signing
                // seed: that key is retired (it stays enrolled for the seals it made) and a new one
                // is made at the next seal. The session continues under the account's new personal key.
                retireUserKey(c, session.user().id(), now);
                byte[] publicKey = vault.putSlot(session.user().username(), newPassphrase, true);
                RoleKeys.grantAll(c, vault.contentKeys(), vault.slotIdFor(session.user().username()), publicKey,
                        session.role(), now);
                return null;
            });
        } catch (RuntimeException e) {
            lock("failed");
            throw e;
        }
        Session refreshed = new Session(withoutMustChange(session.user()), session.startedAt());
        current = refreshed;
        return refreshed;
    }

    public User addUser(Session actor, String username, Role role, char[] temporaryPassphrase) {
        require(actor, Permission.MANAGE_USERS);
        String name = requireName(username);
        Optional<PassphrasePolicy.Problem> problem = PassphrasePolicy.check(temporaryPassphrase, name);
        if (problem.isPresent()) {
            throw new Refusal(problem.get().messageKey());
        }
        if (findUser(name).isPresent()) {
            throw new Refusal("accounts.user.exists");
        }
        if ((vaultKind() == VaultKind.CENTRAL) != role.central()) {
            throw new Refusal("accounts.user.roleNotForVault");
        }
        byte[] publicKey = vault.putSlot(name, temporaryPassphrase);
        String slotId = vault.slotIdFor(name);
        try {
            return vault.transaction(c -> {
                User user = insertUser(c, name, role, slotId, true, actor.user().id());
                RoleKeys.grantAll(c, vault.contentKeys(), slotId, publicKey, role, clock.instant().toString());
                audit.append(c, actor.actorId(), AuditActions.USER_ADDED, user.id() + "", Map.of("role", role.code()));
                return user;
            });
        } catch (RuntimeException e) {
            vault.removeSlot(name);
            throw e;
        }
    }

    public void changePassphrase(Session session, char[] currentPassphrase, char[] newPassphrase) {
        requireActive(session);
        if (!vault.opensWith(session.user().username(), currentPassphrase)) {
            throw new WrongPassphrase();
        }
        Optional<PassphrasePolicy.Problem> problem = PassphrasePolicy.check(newPassphrase, session.user().username());
        if (problem.isPresent()) {
            throw new Refusal(problem.get().messageKey());
        }
        if (java.util.Arrays.equals(currentPassphrase, newPassphrase)) {
            throw new Refusal("accounts.passphrase.unchanged");
        }
        vault.transaction(c -> {
            setMustChange(c, session.user().id(), false);
            audit.append(c, session.actorId(), AuditActions.USER_PASSPHRASE_CHANGED, session.actorId(), Map.of());
            vault.putSlot(session.user().username(), newPassphrase); // last: a failed write rolls the rows back
            return null;
        });
        current = new Session(withoutMustChange(session.user()), session.startedAt());
    }

    public List<User> listUsers(Session actor) {
        require(actor, Permission.MANAGE_USERS);
        return vault.transaction(c -> {
            List<User> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT id, username, role, must_change, created_at FROM users WHERE disabled = 0 ORDER BY username");
                 ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.add(user(rows));
                }
            }
            return out;
        });
    }

    /** Locks the vault and ends the session; the lock is audited while the database is still open. */
    public void lock(String reason) {
        Session ending = current;
        current = null;
        if (ending != null && vault.isUnlocked()) {
            try {
                audit.record(ending.actorId(), AuditActions.LOCK, null, Map.of("reason", reason));
                AuditLog.Checkpoint head = audit.checkpoint();
                vault.sealAuditHead(head.entries(), head.head());
            } catch (RuntimeException e) {
                // locking must never fail; the vault is closed below in any case
            }
        }
        vault.lock();
    }

    public Optional<Session> current() {
        return Optional.ofNullable(current);
    }

    /** @return the active session if it is {@code session} and has {@code permission}; else throws */
    public Session require(Session session, Permission permission) {
        requireActive(session);
        if (session.user().mustChangePassphrase()) {
            throw new AccessDenied("change the temporary passphrase first");
        }
        if (!session.role().can(permission)) {
            throw new AccessDenied(permission);
        }
        return session;
    }

    public Session requireActive(Session session) {
        if (session == null || session != current || !vault.isUnlocked()) {
            throw new AccessDenied("the session has ended; log in again");
        }
        return session;
    }

    public VaultKind vaultKind() {
        return vault.transaction(c -> VaultMeta.get(c, "kind").filter("central"::equals).isPresent() ? VaultKind.CENTRAL : VaultKind.FIELD);
    }

    private Session begin(String username, List<String> failures, String action) {
        try {
            Optional<User> user = findUser(username);
            if (user.isEmpty()) {
                // A slot without an account (an interrupted user creation): treat as a wrong name.
                throw new WrongPassphrase();
            }
            Session session = new Session(user.get(), clock.instant());
            List<String> recoveryFailures = vault.recoveryFailuresAtOpen();
            List<Vault.ContinuityProblem> breaks = vault.continuityAtOpen();
            vault.transaction(c -> {
                // Before anything else: a break found at open is written down before new entries
                // take the places of lost ones.
                for (Vault.ContinuityProblem problem : breaks) {
                    audit.append(c, null, AuditActions.CONTINUITY_BROKEN, null, Map.of("problem", problem.code(),
                            "expected", Long.toString(problem.expected()), "found", Long.toString(problem.found())));
                }
                for (String at : failures) {
                    audit.append(c, at, null, AuditActions.UNLOCK_FAILED, null, Map.of());
                }
                for (String at : recoveryFailures) {
                    audit.append(c, at, null, AuditActions.UNLOCK_FAILED, null, Map.of("by", "recovery_key"));
                }
                audit.append(c, session.actorId(), action, null, Map.of());
                RoleKeys.atLogin(c, vault.contentKeys(), session.user(), clock.instant().toString());
                return null;
            });
            vault.clearUnlockFailures();
            breaksAtLogin = breaks;
            current = session;
            return session;
        } catch (RuntimeException e) {
            // Never leave the vault open behind a log-in screen that reported a failure.
            current = null;
            vault.lock();
            throw e;
        }
    }

    private static User withoutMustChange(User user) {
        return new User(user.id(), user.username(), user.role(), false, user.createdAt());
    }

    private Optional<User> findUser(String username) {
        return vault.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT id, username, role, must_change, created_at FROM users WHERE normalized = ? AND disabled = 0")) {
                q.setString(1, Vault.normalize(username));
                try (ResultSet row = q.executeQuery()) {
                    return row.next() ? Optional.of(user(row)) : Optional.<User>empty();
                }
            }
        });
    }

    private User insertUser(Connection c, String name, Role role, String slotId, boolean mustChange, Long createdBy)
            throws SQLException {
        String now = clock.instant().toString();
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO users(username, normalized, role, slot_id, must_change, created_at, created_by) VALUES (?,?,?,?,?,?,?)",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, name);
            insert.setString(2, Vault.normalize(name));
            insert.setString(3, role.code());
            insert.setString(4, slotId);
            insert.setInt(5, mustChange ? 1 : 0);
            insert.setString(6, now);
            if (createdBy == null) {
                insert.setNull(7, java.sql.Types.INTEGER);
            } else {
                insert.setLong(7, createdBy);
            }
            insert.executeUpdate();
            long id;
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            SigningKeys.userKey(c, id, now); // every account signs its seals with its own key
            return new User(id, name, role, mustChange, now);
        }
    }

    private static void retireUserKey(Connection c, long userId, String now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE signing_keys SET seed = zeroblob(0), retired_at = ? "
                + "WHERE purpose = 'user' AND user_id = ? AND retired_at IS NULL")) {
            update.setString(1, now);
            update.setLong(2, userId);
            update.executeUpdate();
        }
    }

    private static void setMustChange(Connection c, long userId, boolean mustChange) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE users SET must_change = ? WHERE id = ?")) {
            update.setInt(1, mustChange ? 1 : 0);
            update.setLong(2, userId);
            update.executeUpdate();
        }
    }

    private static User user(ResultSet row) throws SQLException {
        return new User(row.getLong(1), row.getString(2), Role.fromCode(row.getString(3)), row.getInt(4) == 1, row.getString(5));
    }

    private static String requireName(String username) {
        String name = username == null ? "" : username.strip();
        if (name.isEmpty() || name.length() > 64 || name.chars().anyMatch(Character::isISOControl)) {
            throw new Refusal("accounts.user.badName");
        }
        return name;
    }
}
