package org.harbor.usecases;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.harbor.accounts.Session;
import org.harbor.consent.ConsentPurpose;
import org.harbor.seal.ExportListener;
import org.harbor.seal.ExportService;

/**
 * Writing sealed cases as a signed package for the central office, for one purpose; and naming the
 * packages written before a consent of one of their cases changed (not to be sent).
 */
public final class ExportPackage {

    private final ExportService exports;

    public ExportPackage(ExportService exports) {
        this.exports = exports;
    }

    /** The package written, and the earlier packages that must not be sent now. */
    public record Result(ExportService.Exported exported, List<String> stalePackages) {
    }

    /** The sealed cases not yet received, to choose from. */
    public List<ExportService.Exportable> exportable(Session session) {
        return exports.exportable(session);
    }

    /** Every sealed case not yet received. */
    public List<String> allSealed(Session session) {
        return exports.allSealed(session);
    }

    public Result export(Session session, List<String> caseIds, ConsentPurpose purpose, Path out, ExportListener listener)
            throws IOException {
        ExportService.Exported written = exports.export(session, caseIds, purpose, out, listener);
        return new Result(written, exports.stalePackages(session));
    }
}
