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
    REVIEW_INTERVIEWERS
}
