package org.harbor.audit;

/** The names of audited actions: ids of what happened, never what was recorded. */
public final class AuditActions {

    public static final String VAULT_CREATED = "vault.created";
    public static final String LOGIN = "session.login";
    public static final String LOGIN_RECOVERY = "session.login.recovery";
    public static final String UNLOCK_FAILED = "session.unlock.failed";
    /** The log did not end where the last acknowledged batch ended, or a head kept outside it was gone. */
    public static final String CONTINUITY_BROKEN = "audit.continuity.broken";
    public static final String LOCK = "session.lock";
    public static final String LOGOUT = "session.logout";
    public static final String USER_ADDED = "user.added";
    public static final String USER_PASSPHRASE_CHANGED = "user.passphrase.changed";
    public static final String USER_PASSPHRASE_RESET = "user.passphrase.reset";
    public static final String USER_DISABLED = "user.disabled";
    public static final String RECOVERY_KEY_ROTATED = "vault.recoveryKey.rotated";
    public static final String SETTING_CHANGED = "setting.changed";
    public static final String CASE_CREATED = "case.created";
    public static final String CASE_VIEWED = "case.viewed";
    public static final String PERSON_ADDED = "case.person.added";
    public static final String SESSION_STARTED = "case.session.started";
    /** A supervisor recorded the action taken on a danger (R3); details: none, never the action's text. */
    public static final String SAFETY_ACTION_RECORDED = "case.safety.actionRecorded";
    /** A mandatory report was logged (R18); details: {@code rule}, never to whom or the reference. */
    public static final String MANDATORY_REPORT_LOGGED = "case.report.logged";
    public static final String SEAL_CREATED = "seal.created";
    public static final String SEAL_COSIGNED = "seal.cosigned";
    public static final String SEAL_VERIFIED = "seal.verified";
    public static final String DEVICE_KEY_EXPORTED = "device.key.exported";
    public static final String DEVICE_ENROLLED = "device.enrolled";
    public static final String CENTRAL_KEYS_CREATED = "central.keys.created";
    public static final String TRUST_EXPORTED = "trust.exported";
    public static final String TRUST_IDENTITY_EXPORTED = "trust.identity.exported";
    public static final String TRUST_IMPORTED = "trust.imported";
    public static final String PACKAGE_EXPORTED = "package.exported";
    public static final String PACKAGE_IMPORTED = "package.imported";
    /** Details: {@code check}, the import check that refused it; nothing of the package itself. */
    public static final String PACKAGE_REFUSED = "package.refused";
    public static final String RECEIPT_APPLIED = "receipt.applied";
    public static final String CASE_PURGED = "case.purged";
    public static final String VAULT_VACUUMED = "vault.vacuumed";
    /** The integrity check after an unlock (quick_check) failed; details: {@code check}. */
    public static final String VAULT_INTEGRITY_FAILED = "vault.integrity.failed";

    private AuditActions() {
    }
}
