package org.harbor.accounts;

/** What a service checks before it acts; roles grant these. */
public enum Permission {
    MANAGE_USERS,
    CHANGE_SETTINGS,
    VIEW_AUDIT,
    /** Open cases and record intake, safety, consent and referral information. */
    WORK_ON_CASES,
    /** See every case of the vault, not only one's own. */
    SEE_ALL_CASES,
    /** Conduct and read forensic interviews and trafficking-history answers. */
    INTERVIEW,
    /** Seal a finished session or case, and add signed addenda to it. */
    SEAL,
    /** Record the action taken on a danger a safety answer raised, which lifts the case's danger banner (supervisors, R3). */
    RECORD_SAFETY_ACTIONS,
    /** Co-sign a seal as its reviewer. */
    CO_SIGN,
    /** Export sealed cases as packages, apply receipts, enrol this device, import the central trust bundle. */
    EXPORT_PACKAGES,
    /** Delete received cases from a field vault. */
    PURGE,
    /** Enrol field devices, import packages and sign receipts (central office). */
    IMPORT_PACKAGES,
    /** Save copies of attachments out of the vault, and remove attachments. */
    MANAGE_ATTACHMENTS,
    /** See every interviewer's question-type figures over time, to coach them (supervisors). */
    REVIEW_INTERVIEWERS,
    /** Decide possible duplicates (merge, keep apart, undo) and resolve conflicts of imported cases (central office). */
    DECIDE_CENTRAL_MATCHES,
    /** Change the central status of an imported case assigned to oneself (central office). */
    CHANGE_CENTRAL_STATUS,
    /** Assign imported cases to case managers, and change any imported case's status (central supervisors). */
    ASSIGN_CENTRAL_CASES,
    /** See the central office's aggregate statistics, suppressed; never a case, a name or an answer. */
    CENTRAL_STATISTICS
}
