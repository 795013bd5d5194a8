package org.harbor.usecases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.harbor.accounts.Session;
import org.harbor.consent.ConsentPurpose;
import org.harbor.seal.ExportListener;
import org.harbor.seal.ExportService;
import org.harbor.seal.PackageFormat;

/**
 * Writing sealed cases as a signed package for the central office, for one purpose; and naming the
 * packages written before a consent of one of their cases changed (not to be sent).
 */
public final class ExportPackage {

    private final ExportService exports;
    private final Clock clock;

    public ExportPackage(ExportService exports, Clock clock) {
        this.exports = exports;
        this.clock = clock;
    }

    /**
     * A new package's file in {@code folder} (the window asks for a folder, not a name):
     * {@code harbor-YYYYMMDD-HHMMSS.harbor} in UTC, with a number added if that name is taken.
     */
    public Path newPackageFile(Path folder) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(clock.instant());
        Path file = folder.resolve("harbor-" + stamp + ".harbor");
        for (int n = 2; Files.exists(file) || Files.exists(Path.of(file + ".minisig")); n++) {
            file = folder.resolve("harbor-" + stamp + "-" + n + ".harbor");
        }
        return file;
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
        return export(session, caseIds, purpose, exports.format(), out, listener);
    }

    /** The same in a chosen package format (format 2 unless chosen; format 1 for offices not yet upgraded). */
    public Result export(Session session, List<String> caseIds, ConsentPurpose purpose, PackageFormat format, Path out,
                         ExportListener listener) throws IOException {
        ExportService.Exported written = exports.withFormat(format).export(session, caseIds, purpose, out, listener);
        return new Result(written, exports.stalePackages(session));
    }
}
