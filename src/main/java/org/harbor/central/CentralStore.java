package org.harbor.central;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.harbor.seal.VerifiedPackage;

/**
 * The central office's case store (issue 17, ADR 0010): imported cases as relational rows, with
 * record content encrypted by Harbor under per-case keys and found through keyed blind indexes.
 * Two implementations behind this one API, held to one contract test suite: the encrypted SQLite
 * central vault ({@link #sqlite}, one workstation) and PostgreSQL ({@link #postgres}, several).
 *
 * <p>This is the storage layer: it takes packages that {@code ImportService} has already verified
 * and checks no role; the central services above it check the session's permissions and audit.
 * Every method is one transaction: a failure ({@link CentralException}) changes nothing.
 */
public interface CentralStore extends AutoCloseable {

    /** The embedded store: tables in the central vault's own encrypted database. */
    static CentralStore sqlite(org.harbor.vault.Vault vault, CentralKeys keys) {
        return SqliteCentralStore.open(vault, keys);
    }

    /** The shared store: a PostgreSQL 15+ database, through a connection pool. */
    static CentralStore postgres(PostgresCentralStore.Settings settings, CentralKeys keys) {
        return PostgresCentralStore.open(settings, keys);
    }

    /** "sqlite" or "postgresql". */
    String kind();

    /**
     * Files every case of a verified package. The same package again changes nothing and says so;
     * a case already here with other content is kept aside as a conflict, never applied.
     */
    ImportOutcome importPackage(VerifiedPackage verified, ImportContext context);

    /** A page of cases, newest import first. */
    CasePage list(CaseFilter filter, int offset, int limit);

    /** Cases with a person whose name or aliases hold every token of {@code name} (blind-index match). */
    CasePage searchByName(String name, CaseFilter filter, int offset, int limit);

    /** The case with this case number, if any (blind-index match). */
    Optional<CaseRow> findByNumber(String number);

    /** A case with everything filed for it, decrypted. */
    Optional<CaseView> show(String caseId);

    /** Persons in other cases who may be this one, best first; never acted on automatically. */
    List<DuplicateCandidate> duplicates(String personId, int limit);

    /** Assigns a case to a central case manager (null: nobody); the status becomes "assigned" from "new". */
    void assign(String caseId, String assignee);

    /** Sets the central status of a case: one of {@link #STATUSES}. */
    void setStatus(String caseId, String status);

    // --- keyset paging, search and filters (issue 17: case list at a million cases) ------------

    /**
     * A page of the case list matching {@code query}, newest import first, after {@code after}
     * (null: from the top). Keyset paging: the page starts at an index position, never by skipping
     * rows ({@code OFFSET}), so page 50 000 costs what page 1 costs.
     */
    KeysetPage page(CaseQuery query, PageKey after, int limit);

    // --- The work of the central office (issue 17, part B): duplicates, conflicts, queue, statistics.
    // Every change takes an Act (who, when, why) and writes a central_audit row in the same transaction.

    /** Candidates for this person as {@link #duplicates} finds them, each with its score explained and any open decision. */
    List<DuplicateProposal> duplicateProposals(String personId, int limit);

    /**
     * Undecided proposals for the survivors of the {@code recentCases} most recently imported cases, best first:
     * the duplicates screen's work list. Pairs with an open decision (merged or kept apart) are left out.
     */
    List<DuplicatePair> duplicateQueue(int recentCases, int limit);

    /** Records that two persons of different cases are the same ({@code MERGED}) or not ({@code KEPT_APART}). Never automatic. */
    PersonDecision decidePersons(String personA, String personB, Decision decision, Act act);

    /** Undoes an open decision (an unmerge, or a keep-apart taken back); the decision stays in the record as undone. */
    void undoPersonDecision(String decisionId, Act act);

    /** Every decision, open or undone, that names this person, oldest first; reasons decrypted. */
    List<PersonDecision> personDecisions(String personId);

    /** The persons merged with this one, directly or through others (open decisions only); the person itself included. */
    java.util.Set<String> samePerson(String personId);

    /** Conflicting versions not yet resolved, oldest first. */
    List<ConflictSummary> openConflicts(int limit);

    /** The filed version and a kept-aside version of a case, side by side. */
    Optional<ConflictPair> conflict(String caseId, String otherVersion);

    /**
     * Resolves a conflict: {@code otherIsCurrent} false keeps the filed version; true files the kept-aside version in its
     * place (its rows, tokens and seals) and records the displaced version's hash.
     */
    void resolveConflict(String caseId, String otherVersion, boolean otherIsCurrent, Act act);

    /** As {@link #assign(String, String)}, audited. */
    void assign(String caseId, String assignee, Act act);

    /** As {@link #setStatus(String, String)}, audited. */
    void setStatus(String caseId, String status, Act act);

    /** A page of a review queue, oldest import first (first in, first served). */
    CasePage queue(Queue queue, int offset, int limit);

    /** The central office's log for one case, oldest first, reasons decrypted. */
    List<AuditEntry> audit(String caseId);

    /** Walks the central log's hash chain (every entry, in order, under the central keys) and says whether it is intact. */
    AuditCheck checkAudit();

    /** Raw counts of cases in HTCDS terms per year (not suppressed: see {@link Statistics} before showing them). */
    Statistics.Counts countCases();

    enum Decision { MERGED, KEPT_APART }

    enum Queue { UNASSIGNED, AWAITING_REVIEW }

    /** Who acts, when, and why (the reason is record content: stored encrypted, never logged). */
    record Act(String actor, Instant at, String reason) {
        public Act {
            if (actor == null || actor.isBlank() || at == null) {
                throw new IllegalArgumentException("an act needs an actor and a time");
            }
        }

        @Override
        public String toString() {
            return "Act[" + actor + ", " + at + "]";
        }
    }

    /** One part of a duplicate score: {@code matches} shared tokens of a kind at {@code each} points. */
    record ScorePart(String kind, int matches, int each) {
        public int points() {
            return matches * each;
        }
    }

    /** A candidate with its explanation (parts sum to the score) and the open decision on the pair, if any. */
    record DuplicateProposal(DuplicateCandidate candidate, List<ScorePart> parts, PersonDecision openDecision) {
        public DuplicateProposal {
            parts = List.copyOf(parts);
        }
    }

    /** A proposed pair of the work list: the person looked from, and the proposal. */
    record DuplicatePair(String personId, String caseId, String deviceId, DuplicateProposal proposal) {
    }

    record PersonDecision(String decisionId, String personA, String caseA, String personB, String caseB, Decision decision,
                          int score, String decidedBy, String decidedAt, String reason, String undoneBy, String undoneAt,
                          String undoReason) {
        public boolean open() {
            return undoneAt == null;
        }

        @Override
        public String toString() {
            return "PersonDecision[" + decisionId + ", " + decision + (open() ? "" : ", undone") + "]";
        }
    }

    record ConflictSummary(String caseId, String currentVersion, String otherVersion, String otherPackageId, String otherDeviceId,
                           String importedAt, boolean comparable) {
    }

    /** What one version of a case says: its number, persons and answers, decrypted. */
    record VersionView(String versionHash, String packageId, String sealedAt, String number, List<PersonView> persons,
                       List<AnswerView> answers, int seals) {
        @Override
        public String toString() {
            return "VersionView[" + versionHash + "]";
        }
    }

    /** The filed version and the kept-aside one; {@code other} is null for a version received before it was kept. */
    record ConflictPair(String caseId, VersionView current, VersionView other, String resolution) {
    }

    /**
     * The central log's chain: intact with its number of entries, or broken at entry {@code brokenAt}
     * with the reason in English (no record content: sequence numbers only).
     */
    record AuditCheck(boolean intact, long entries, long brokenAt, String reason) {
        static AuditCheck ok(long entries) {
            return new AuditCheck(true, entries, -1, null);
        }

        static AuditCheck broken(long entries, long at, String reason) {
            return new AuditCheck(false, entries, at, reason);
        }
    }

    record AuditEntry(long id, String at, String actor, String action, String caseId, String subject, String detail) {
        @Override
        public String toString() {
            return "AuditEntry[" + id + ", " + action + "]";
        }
    }

    @Override
    void close();

    List<String> STATUSES = List.of("new", "assigned", "in_review", "closed");

    /** Who imported, when, and the receipt signed for the device (may be null). */
    record ImportContext(Instant importedAt, String importedBy, String receipt) {
    }

    /** What became of a package: {@code alreadyImported} means nothing was written. */
    record ImportOutcome(String packageId, boolean alreadyImported, List<CaseOutcome> cases) {
        public ImportOutcome {
            cases = List.copyOf(cases);
        }
    }

    /** What became of one case. */
    record CaseOutcome(String caseId, Outcome outcome) {
    }

    enum Outcome { NEW, UNCHANGED, CONFLICT }

    /** Filters of the case list; null fields do not filter. {@code openedFrom} inclusive, {@code openedTo} exclusive. */
    record CaseFilter(String deviceId, Instant openedFrom, Instant openedTo, String status, String assignedTo,
                      Boolean treatedAsChild) {
        public static final CaseFilter ALL = new CaseFilter(null, null, null, null, null, null);

        public CaseFilter device(String id) {
            return new CaseFilter(id, openedFrom, openedTo, status, assignedTo, treatedAsChild);
        }

        public CaseFilter opened(Instant from, Instant to) {
            return new CaseFilter(deviceId, from, to, status, assignedTo, treatedAsChild);
        }

        public CaseFilter status(String s) {
            return new CaseFilter(deviceId, openedFrom, openedTo, s, assignedTo, treatedAsChild);
        }

        public CaseFilter assignedTo(String a) {
            return new CaseFilter(deviceId, openedFrom, openedTo, status, a, treatedAsChild);
        }

        public CaseFilter treatedAsChild(Boolean child) {
            return new CaseFilter(deviceId, openedFrom, openedTo, status, assignedTo, child);
        }
    }

    /** Where a page of the case list ends: the last row's import time and case id. */
    record PageKey(String importedAt, String caseId) {
    }

    /**
     * What the case list shows: the filters, a name to search for (null: any), and indicators
     * (HTCDS methods of control recorded in the trafficking form) every case must have.
     */
    record CaseQuery(CaseFilter filter, String name, List<String> indicators) {
        public static final CaseQuery ALL = new CaseQuery(CaseFilter.ALL, null, List.of());

        public CaseQuery {
            filter = filter == null ? CaseFilter.ALL : filter;
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
        }

        public CaseQuery filter(CaseFilter f) {
            return new CaseQuery(f, name, indicators);
        }

        public CaseQuery name(String n) {
            return new CaseQuery(filter, n, indicators);
        }

        public CaseQuery indicators(List<String> codes) {
            return new CaseQuery(filter, name, codes);
        }

        @Override
        public String toString() {
            return "CaseQuery[" + filter + ", name " + (name == null ? "none" : "given") + ", " + indicators + "]";
        }
    }

    /** A keyset page: its rows and the key of the next page (null: this is the last). */
    record KeysetPage(List<CaseRow> rows, PageKey next) {
        public KeysetPage {
            rows = List.copyOf(rows);
        }
    }

    /** One line of the case list (number and survivor's name decrypted). */
    record CaseRow(String caseId, String number, String survivorName, String deviceId, String status, String assignedTo,
                   Boolean treatedAsChild, String openedAt, String importedAt) {
        @Override
        public String toString() {
            return "CaseRow[" + caseId + ", " + deviceId + ", " + status + "]";
        }
    }

    /** A page of the case list and how many cases match in all. */
    record CasePage(List<CaseRow> rows, long total, int offset, int limit) {
        public CasePage {
            rows = List.copyOf(rows);
        }
    }

    /** A case as filed: everything decrypted. {@link #toString()} leaves content out. */
    record CaseView(CaseRow summary, String packageId, String versionHash, String sealedAt, Device device,
                    List<PersonView> persons, List<SessionView> sessions, List<SubmissionView> submissions,
                    List<AttachmentView> attachments, List<SealView> seals, List<CustodyEntry> custody, String receipt,
                    List<String> conflictingVersions) {
        @Override
        public String toString() {
            return "CaseView[" + summary.caseId() + "]";
        }
    }

    record Device(String deviceId, String firstImportAt, String lastImportAt, long packages) {
    }

    record PersonView(String personId, String role, String name, List<String> aliases) {
        @Override
        public String toString() {
            return "PersonView[" + personId + ", " + role + "]";
        }
    }

    record SessionView(String sessionId, String kind, String language, String startedAt, String endedAt, String interviewJson) {
        @Override
        public String toString() {
            return "SessionView[" + sessionId + ", " + kind + "]";
        }
    }

    record SubmissionView(String submissionId, String sessionId, String formId, String formVersion, String status,
                          String startedAt, String endedAt, String instanceXml, List<AnswerView> answers) {
        @Override
        public String toString() {
            return "SubmissionView[" + submissionId + ", " + formId + ", " + answers.size() + " answers]";
        }
    }

    /** An answer, or a non-response ({@code declined}, {@code dont_know}, {@code not_asked} with its reason). */
    record AnswerView(String path, String kind, String factKey, String value, String nonResponse, String notAskedReason,
                      String answeredAt) {
        @Override
        public String toString() {
            return "AnswerView[" + path + "]";
        }
    }

    /** An attachment: its blob stays an age file (inside the stored package, entry {@code entryName}). */
    record AttachmentView(String attachmentId, String sha256, long sizeBytes, String mediaType, String addedAt,
                          String packageId, String entryName) {
    }

    record SealView(String sealId, String kind, String unitId, String amends, String contentHash, long signerId,
                    String signerRole, String keyId, byte[] publicKey, byte[] signature, String sealedAt, int coSignatures,
                    String content) {
        @Override
        public String toString() {
            return "SealView[" + sealId + ", " + kind + "]";
        }
    }

    record CustodyEntry(long seq, String at, String action, String hash, String entryJson) {
        @Override
        public String toString() {
            return "CustodyEntry[" + seq + ", " + action + "]";
        }
    }

    /** A person in another case who may be the same, with what matched and a score (higher is closer). */
    record DuplicateCandidate(String personId, String caseId, String deviceId, int score, List<String> matchedOn) {
    }
}
