package org.harbor.vault;

/**
 * Why the vault refused. Messages name the failed check and never contain record content, user
 * names or key material; the desktop face maps each subtype to a translated message.
 */
public abstract sealed class VaultException extends Exception {

    private static final long serialVersionUID = 1L;

    protected VaultException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The i18n key of the message shown to people. */
    public abstract String messageKey();

    public static final class AlreadyRunning extends VaultException {
        private static final long serialVersionUID = 1L;

        public AlreadyRunning() {
            super("Harbor is already running with this vault; close the other window first", null);
        }

        @Override
        public String messageKey() {
            return "vault.error.alreadyRunning";
        }
    }

    public static final class WrongPassphrase extends VaultException {
        private static final long serialVersionUID = 1L;

        public WrongPassphrase() {
            super("the user name or passphrase is not right", null);
        }

        @Override
        public String messageKey() {
            return "vault.error.wrongPassphrase";
        }
    }

    public static final class WrongRecoveryKey extends VaultException {
        private static final long serialVersionUID = 1L;

        public WrongRecoveryKey() {
            super("the recovery key does not open this vault", null);
        }

        @Override
        public String messageKey() {
            return "vault.error.wrongRecoveryKey";
        }
    }

    public static final class Throttled extends VaultException {
        private static final long serialVersionUID = 1L;
        private final long waitSeconds;

        public Throttled(long waitSeconds) {
            super("too many failed attempts; try again in " + waitSeconds + " s", null);
            this.waitSeconds = waitSeconds;
        }

        public long waitSeconds() {
            return waitSeconds;
        }

        @Override
        public String messageKey() {
            return "vault.error.throttled";
        }
    }

    public static final class Damaged extends VaultException {
        private static final long serialVersionUID = 1L;

        public Damaged(String what, Throwable cause) {
            super("the vault cannot be read: " + what, cause);
        }

        @Override
        public String messageKey() {
            return "vault.error.damaged";
        }
    }

    /**
     * {@code keyslots.json} is there but {@code harbor.db} is missing or empty: never answered by
     * creating a new, empty vault in its place.
     */
    public static final class DatabaseMissing extends VaultException {
        private static final long serialVersionUID = 1L;

        public DatabaseMissing() {
            super("the database is missing: harbor.db is absent or empty beside keyslots.json", null);
        }

        @Override
        public String messageKey() {
            return "vault.error.databaseMissing";
        }
    }

    /**
     * A key slot's fields were changed outside Harbor (parameters beyond the caps or below the
     * floor, or not matching the slot's checksum). Found before any derivation; not a failed attempt.
     */
    public static final class KeyFileAltered extends VaultException {
        private static final long serialVersionUID = 1L;

        public KeyFileAltered(String what) {
            super("the key file was altered: " + what, null);
        }

        @Override
        public String messageKey() {
            return "vault.error.keyFileAltered";
        }
    }

    public static final class Locked extends VaultException {
        private static final long serialVersionUID = 1L;

        public Locked() {
            super("the vault is locked", null);
        }

        @Override
        public String messageKey() {
            return "vault.error.locked";
        }
    }

    public static final class Missing extends VaultException {
        private static final long serialVersionUID = 1L;

        public Missing() {
            super("there is no vault in this folder yet; run setup first", null);
        }

        @Override
        public String messageKey() {
            return "vault.error.missing";
        }
    }

    public static final class Exists extends VaultException {
        private static final long serialVersionUID = 1L;

        public Exists() {
            super("a vault already exists in this folder", null);
        }

        @Override
        public String messageKey() {
            return "vault.error.exists";
        }
    }

    public static final class Unavailable extends VaultException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String what, Throwable cause) {
            super(what, cause);
        }

        @Override
        public String messageKey() {
            return "vault.error.unavailable";
        }
    }
}
