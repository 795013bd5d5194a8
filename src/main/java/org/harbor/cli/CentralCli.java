package org.harbor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.harbor.Harbor;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.central.CentralEnrolment;
import org.harbor.central.CentralKeys;
import org.harbor.central.CentralStore;
import org.harbor.central.CentralStores;
import org.harbor.central.PostgresCentralStore;
import org.harbor.vault.VaultKind;

/**
 * What the central commands do, apart from picocli's classes: this class (and with it the
 * central store, its driver and pool) is loaded only when a central command runs.
 */
final class CentralCli {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CentralCli() {
    }

    /** Runs central work as {@code actor} at a central vault; its refusals reach {@link HarborCommand#reason} as sentences. */
    static <T> T atCentral(LoginOptions login, VaultOptions.UserWork<T> work) throws Exception {
        return login.asUser((harbor, session, input) -> {
            if (harbor.accounts().vaultKind() != VaultKind.CENTRAL) {
                throw new CliException("this is a field vault: central commands run at a central vault");
            }
            return work.run(harbor, session, input);
        });
    }

    // --- case list and show at a central vault ------------------------------------------------

    /**
     * Prints one page of the central case list: id, number, status, device, opened, treated as
     * child, assigned to, survivor. The key of the next page goes to standard error.
     */
    static void list(CentralCaseOptions o, Harbor harbor, Session session, Passphrases input, String status, Path searchFile, int limit,
                     PrintWriter out, PrintWriter err) throws Exception {
        harbor.accounts().require(session, Permission.SEE_ALL_CASES);
        if (limit < 1 || limit > 1000) {
            throw new CliException("--limit is 1 to 1000 at a central vault");
        }
        if (status != null && !CentralStore.STATUSES.contains(status)) {
            throw new CliException("--status at a central vault is one of " + String.join(", ", CentralStore.STATUSES));
        }
        CentralStore.CaseFilter filter = CentralStore.CaseFilter.ALL.device(o.device).status(status).assignedTo(o.assignedTo)
                .opened(o.openedFrom == null ? null : o.openedFrom.atStartOfDay().toInstant(ZoneOffset.UTC),
                        o.openedTo == null ? null : o.openedTo.atStartOfDay().toInstant(ZoneOffset.UTC));
        if (o.child != null) {
            filter = filter.treatedAsChild(switch (o.child) {
                case "yes" -> true;
                case "no" -> false;
                default -> throw new CliException("--child is yes or no");
            });
        }
        String name = searchFile == null ? null : input.content(searchFile, RecordText.MAX_NAMES, "search file").strip();
        CentralStore.CaseQuery query = CentralStore.CaseQuery.ALL.filter(filter).name(name)
                .indicators(o.indicators == null ? List.of() : o.indicators);
        CentralStore.PageKey after = o.after == null ? null : decodeKey(o.after);
        try (CentralStore store = CentralStores.open(harbor.vault())) {
            CentralStore.KeysetPage page = store.page(query, after, limit);
            for (CentralStore.CaseRow r : page.rows()) {
                out.println(r.caseId() + "\t" + r.number() + "\t" + r.status() + "\t" + r.deviceId() + "\t" + nz(r.openedAt()) + "\t"
                        + (r.treatedAsChild() == null ? "-" : r.treatedAsChild() ? "child" : "adult") + "\t" + nz(r.assignedTo()) + "\t"
                        + nz(r.survivorName()));
            }
            if (page.next() != null) {
                err.println("harbor: more cases: --after " + encodeKey(page.next()));
            }
        }
    }

    /** The imported case as JSON: persons, sessions, forms with their answers, attachments, seals, custody. */
    static ObjectNode show(Harbor harbor, Session session, String caseId) throws Exception {
        harbor.accounts().require(session, Permission.SEE_ALL_CASES);
        try (CentralStore store = CentralStores.open(harbor.vault())) {
            CentralStore.CaseView view = store.show(caseId).orElseThrow(() -> new CliException("no imported case with this id"));
            return JSON.valueToTree(view);
        }
    }

    static String encodeKey(CentralStore.PageKey key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((key.importedAt() + "|" + key.caseId()).getBytes(StandardCharsets.UTF_8));
    }

    static CentralStore.PageKey decodeKey(String text) throws CliException {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", 2);
            Instant.parse(parts[0]);
            return new CentralStore.PageKey(parts[0], parts[1]);
        } catch (RuntimeException e) {
            throw new CliException("--after takes the key printed with the previous page");
        }
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }

    // --- harbor central … ---------------------------------------------------------------------

    static String connect(CentralCommand.Connect c) throws Exception {
        if (c.embedded == (c.url != null)) {
            throw new CliException("give either --db URL --db-user ROLE --db-password-file FILE, or --embedded");
        }
        if (c.url != null && (c.dbUser == null || c.passwordFile == null)) {
            throw new CliException("--db needs --db-user and --db-password-file (the password is read from a file only)");
        }
        PostgresCentralStore.Settings settings = c.embedded ? null
                : new PostgresCentralStore.Settings(c.url, c.dbUser, c.passwordFile.toAbsolutePath());
        atCentral(c.login, (harbor, session, input) -> {
            harbor.accounts().require(session, Permission.CHANGE_SETTINGS);
            CentralStores.configure(harbor.vault(), harbor.audit(), session.actorId(), session.user().id(), settings);
            return null;
        });
        return c.embedded ? "imported cases are kept in this central vault"
                : "imported cases are kept on the PostgreSQL server; this workstation's central keys are recorded there";
    }

    static String status(CentralCommand.Status s) throws Exception {
        return atCentral(s.login, (harbor, session, input) -> {
            harbor.accounts().require(session, Permission.SEE_ALL_CASES);
            var pg = CentralStores.configured(harbor.vault());
            try (CentralKeys keys = CentralKeys.of(harbor.vault());
                 CentralStore store = CentralStores.open(harbor.vault())) {
                CentralStore.AuditCheck audit = store.checkAudit();
                return "store\t" + store.kind() + (pg.isPresent() ? "\t" + pg.get().url() : "") + "\nkey-id\t" + keys.keyId()
                        + "\ncases\t" + store.list(CentralStore.CaseFilter.ALL, 0, 1).total()
                        + "\naudit\t" + (audit.intact() ? "intact\t" + audit.entries() + " entries"
                                : "BROKEN at entry " + audit.brokenAt() + ": " + audit.reason());
            }
        });
    }

    /** The request's bytes and fingerprint. */
    static Object[] enrolRequest(CentralCommand.EnrolRequest r) throws Exception {
        CentralEnrolment.Written w = atCentral(r.login, (harbor, session, input) -> {
            harbor.accounts().require(session, Permission.MANAGE_USERS);
            harbor.trust().centralKeys(session); // the vault's own key pair, made at init --central or now
            return CentralEnrolment.request(harbor.vault(), harbor.audit(), session.actorId());
        });
        return new Object[] {w.bytes(), w.fingerprint()};
    }

    static Object[] enrolExport(CentralCommand.EnrolExport e, byte[] request) throws Exception {
        CentralEnrolment.Written w = atCentral(e.login, (harbor, session, input) -> {
            harbor.accounts().require(session, Permission.MANAGE_USERS);
            return CentralEnrolment.export(harbor.vault(), harbor.audit(), session.actorId(), request, e.confirm);
        });
        return new Object[] {w.bytes(), w.fingerprint()};
    }

    static String enrolImport(CentralCommand.EnrolImport i, byte[] file) throws Exception {
        return atCentral(i.login, (harbor, session, input) -> {
            harbor.accounts().require(session, Permission.MANAGE_USERS);
            return CentralEnrolment.install(harbor.vault(), harbor.audit(), session.actorId(), file, i.confirm);
        });
    }
}
