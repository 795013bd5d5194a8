package org.harbor.arch;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which package owns which table of the vault, and where the SQL text of a class names a table.
 *
 * <p>One package owns each table: only code in that package (or its subpackages) holds SQL naming
 * it; every other package reads and writes it through the owner's store or service. The tables are
 * those the migrations under {@code src/main/resources/org/harbor/vault/migrations} create.
 *
 * <p>ArchUnit sees types and calls, not string constants, so the rule reads the constant pool of
 * each class file: the SQL a class runs is there, one string per literal (javac folds a
 * concatenation of literals into one constant, and the recipe of a concatenation with variables
 * keeps its literal parts).
 */
final class TableOwners {

    /** Owner package (under {@code org.harbor}) of every table and view of the vault. */
    static final Map<String, String> OWNER = Map.ofEntries(
            // vault: the schema itself and its key-value metadata
            Map.entry("vault_meta", "vault"),
            // accounts: who may log in, their keys and settings
            Map.entry("users", "accounts"),
            // migration 0013 rebuilds users through users_new (SQLite cannot change a CHECK in place); it is renamed to users
            Map.entry("users_new", "accounts"),
            Map.entry("settings", "accounts"),
            Map.entry("account_keys", "accounts"),
            Map.entry("content_key_grants", "accounts"),
            Map.entry("content_reencryption", "accounts"),
            Map.entry("signing_keys", "accounts"),
            // audit: the hash-chained log
            Map.entry("audit_log", "audit"),
            // cases: a case, its people and sessions, and the search index
            Map.entry("cases", "cases"),
            Map.entry("persons", "cases"),
            Map.entry("case_sessions", "cases"),
            Map.entry("case_search", "cases"),
            // interview: what happened in an interview
            Map.entry("interviews", "interview"),
            Map.entry("interview_present", "interview"),
            Map.entry("utterances", "interview"),
            Map.entry("interview_events", "interview"),
            Map.entry("interview_summaries", "interview"),
            Map.entry("interview_followups", "interview"),
            // forms: definitions, submissions, answers and the facts they set
            Map.entry("form_definitions", "forms"),
            Map.entry("form_submissions", "forms"),
            Map.entry("form_answers", "forms"),
            Map.entry("case_facts", "forms"),
            Map.entry("case_fact_history", "forms"),
            Map.entry("form_session_events", "forms"),
            // consent: consents, their revocations and lawful bases
            Map.entry("consents", "consent"),
            Map.entry("consent_revocations", "consent"),
            Map.entry("lawful_bases", "consent"),
            // attachments: the rows of files kept beside a case and the key of their blobs
            Map.entry("attachments", "attachments"),
            Map.entry("attachment_keys", "attachments"),
            // safety: the action taken on a danger (R3) and the mandatory reports made (R18), migration 0014
            Map.entry("safety_actions", "safety"),
            Map.entry("mandatory_reports", "safety"),
            // seal: seals, the vault's age identity, trust, packages out and in
            Map.entry("seals", "seal"),
            Map.entry("seal_cosignatures", "seal"),
            Map.entry("age_identities", "seal"),
            Map.entry("central_trust", "seal"),
            Map.entry("purge_permits", "seal"),
            Map.entry("sealed_cases", "seal"),
            Map.entry("sealed_sessions", "seal"),
            Map.entry("exports", "seal"),
            Map.entry("export_cases", "seal"),
            Map.entry("enrolled_devices", "seal"),
            Map.entry("imported_packages", "seal"),
            Map.entry("imported_cases", "seal"),
            Map.entry("imported_entries", "seal"),
            // sync: the field vault's outbox of released packages (issue 18)
            Map.entry("outbox", "sync"),
            // sync: forms and settings the office published, and those a field vault applied (issue 18, ADR 0017)
            Map.entry("publications", "sync"),
            Map.entry("publications_applied", "sync"));

    /**
     * Trespasses outside seal that were there when the rule came (issue 13) and are left to the
     * packages' own changes; each names why it is still there. The rule lets exactly these pairs
     * through and {@code TableOwnershipTest} fails when one of them is gone, so the list only
     * shrinks. Seal code has none: it goes through {@code cases.CaseRecords},
     * {@code interview.session.InterviewTables}, {@code forms.FormRecords},
     * {@code attachments.AttachmentRecords}, {@code consent.ConsentRecords}, {@code AuditLog},
     * {@code accounts.SigningKeys} and {@code vault.VaultMeta}.
     */
    static final Map<String, Set<String>> PENDING = Map.of(
            // the vault is below accounts and audit: it cannot call them (the key grants it reads to
            // open content, the audit head it checks at unlock); moving these reads is a layering change
            "org.harbor.vault.ContentKeys", Set.of("account_keys", "content_key_grants"),
            "org.harbor.vault.Vault", Set.of("audit_log"),
            // re-encrypting every stored value under the class keys (ADR 0011) walks all content tables,
            // and accounts sits below forms and interview (they ask it for permissions): it cannot call
            // their records classes without a cycle
            "org.harbor.accounts.RoleKeys", Set.of("form_answers", "form_definitions", "form_submissions", "utterances"),
            // the attachment list shows who added each file (LEFT JOIN users in the one list query) and
            // reads the size limit from settings; accounts has no records class for either yet, and
            // reading names row by row would turn one query into one a row
            "org.harbor.attachments.AttachmentRows", Set.of("settings", "users"),
            // the per-interviewer statistics are one query joining interviews to the case session and
            // its interviewer's name, ordered by name; split up it would be a query a row
            // (its read of a session's language goes through cases.CaseRecords)
            "org.harbor.interview.session.InterviewRecords", Set.of("case_sessions", "users"),
            // came with the central office (issue 17) after the rule: the enrolment replaces and reads the vault's
            // age identities and the store choice is a setting; to go through seal's and accounts'
            // records classes in the central package's next change
            "org.harbor.central.CentralEnrolment", Set.of("age_identities"),
            "org.harbor.central.CentralStores", Set.of("settings"));

    /** A table named after a keyword that takes one: FROM, JOIN, INTO, UPDATE, TABLE. SQL keywords are upper case in Harbor. */
    private static final Pattern NAMED = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([a-z_][a-z0-9_]*)\\b");

    private TableOwners() {
    }

    /** The owner package of a class: the segment after {@code org.harbor.}; "" for the root package. */
    static String packageOf(String className) {
        String prefix = "org.harbor.";
        if (!className.startsWith(prefix)) {
            return "";
        }
        String rest = className.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? "" : rest.substring(0, dot);
    }

    /** The vault tables a piece of SQL names. */
    static Set<String> tablesIn(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NAMED.matcher(text);
        while (m.find()) {
            if (OWNER.containsKey(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** The tables whose SQL a class holds but its package does not own, as "table (owner)". */
    static List<String> trespasses(String className, byte[] classFile) {
        return trespasses(className, classFile, Map.of());
    }

    /** As {@link #trespasses(String, byte[])}, letting through the pairs of {@code allowed}. */
    static List<String> trespasses(String className, byte[] classFile, Map<String, Set<String>> allowed) {
        String own = packageOf(className);
        String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        Set<String> let = allowed.getOrDefault(outer, Set.of());
        List<String> out = new ArrayList<>();
        for (String constant : stringConstants(classFile)) {
            for (String table : tablesIn(constant)) {
                String owner = OWNER.get(table);
                if (!owner.equals(own) && !let.contains(table) && !out.contains(table + " (" + owner + ")")) {
                    out.add(table + " (" + owner + ")");
                }
            }
        }
        return out;
    }

    static List<String> trespasses(Class<?> type) {
        String resource = type.getName().substring(type.getPackageName().length() + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            return trespasses(type.getName(), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code CONSTANT_String} of a class file (JVMS 4.4). */
    static List<String> stringConstants(byte[] classFile) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IllegalArgumentException("not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] strings = new int[count];
            int nStrings = 0;
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 8 -> strings[nStrings++] = in.readUnsignedShort();
                    case 7, 16, 19, 20 -> in.skipNBytes(2);
                    case 15 -> in.skipNBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++;
                    }
                    default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
                }
            }
            List<String> out = new ArrayList<>();
            for (int k = 0; k < nStrings; k++) {
                out.add(utf8[strings[k]]);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
