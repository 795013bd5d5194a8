package org.harbor.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.vault.VaultKind;
import picocli.CommandLine.Option;

/**
 * {@code harbor case list} and {@code harbor case show} at a central vault (issue 17): the cases
 * imported from every device, from the central store the vault is configured for, decrypted with
 * the central keys. The options here apply to a central vault only; at a field vault they are refused.
 * No type of {@code org.harbor.central} appears here: picocli reads this class at every start,
 * the desktop's included, and the central store is loaded only when used ({@link CentralCli}).
 */
final class CentralCaseOptions {

    @Option(names = "--device", paramLabel = "ID", description = "Central vault: cases from this device only.")
    String device;
    @Option(names = "--opened-from", paramLabel = "DATE", description = "Central vault: cases opened on or after this day (YYYY-MM-DD, UTC).")
    LocalDate openedFrom;
    @Option(names = "--opened-to", paramLabel = "DATE", description = "Central vault: cases opened before this day (YYYY-MM-DD, UTC).")
    LocalDate openedTo;
    @Option(names = "--assigned-to", paramLabel = "ACCOUNT", description = "Central vault: cases assigned to this account.")
    String assignedTo;
    @Option(names = "--child", paramLabel = "yes|no", description = "Central vault: cases treated (or not) as a child's.")
    String child;
    @Option(names = "--indicator", paramLabel = "CODE",
            description = "Central vault: cases with this method of control recorded (repeat: all of them), e.g. debt_bondage.")
    List<String> indicators;
    @Option(names = "--after", paramLabel = "KEY", description = "Central vault: the page after this key (printed on standard error).")
    String after;

    static boolean isCentral(Harbor harbor) throws Exception {
        return harbor.accounts().vaultKind() == VaultKind.CENTRAL;
    }

    /** Refuses the central options at a field vault, where they mean nothing. */
    void refuseAtField() throws CliException {
        if (device != null || openedFrom != null || openedTo != null || assignedTo != null || child != null
                || indicators != null || after != null) {
            throw new CliException("--device, --opened-from, --opened-to, --assigned-to, --child, --indicator and --after are for a central vault");
        }
    }

    /** One page of the central case list (see {@link CentralCli#list}). */
    void list(Harbor harbor, Session session, Passphrases input, String status, Path searchFile, int limit, PrintWriter out,
              PrintWriter err) throws Exception {
        CentralCli.list(this, harbor, session, input, status, searchFile, limit, out, err);
    }

    static ObjectNode show(Harbor harbor, Session session, String caseId) throws Exception {
        return CentralCli.show(harbor, session, caseId);
    }
}
