package org.harbor.seal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.harbor.accounts.Session;

/**
 * What a package carries of a case beyond its sealed records: form submissions (standard XForm
 * instance XML) and attachments; and what a purge must remove with the case. The forms and
 * attachment services plug in here. {@link #forms} and {@link #attachments} are asked outside any
 * transaction of this package; {@link #purgeRows} inside the purge's transaction.
 */
public interface CaseExtras {

    /** Nothing beyond the sealed records. */
    CaseExtras NONE = new CaseExtras() {
    };

    /**
     * The case's submissions as XForm instance XML, named by submission id ({@code [A-Za-z0-9_-]{1,100}}),
     * with the answers of {@code withheld} (keys {@code submission|path}) left empty: they do not go out.
     */
    default List<FormInstance> forms(Session session, String caseId, java.util.Set<String> withheld)
            throws IOException {
        return List.of();
    }

    /** The case's attachments: SHA-256 of the plaintext, its size, and how to read the plaintext. */
    default List<Attachment> attachments(Session session, String caseId) throws IOException {
        return List.of();
    }

    /**
     * The attachments of all {@code caseIds} for one export, read with one identity (issue 16);
     * close the result when the package is written. By default, {@link #attachments(Session, String)}
     * case by case.
     */
    default Attachments attachments(Session session, List<String> caseIds) throws IOException {
        java.util.Map<String, List<Attachment>> byCase = new java.util.HashMap<>();
        for (String caseId : caseIds) {
            byCase.put(caseId, attachments(session, caseId));
        }
        return new Attachments() {
            @Override
            public List<Attachment> of(String caseId) {
                return byCase.getOrDefault(caseId, List.of());
            }

            @Override
            public void close() {
            }
        };
    }

    /** The attachments of the cases of one export; closing it releases what reads them. */
    interface Attachments extends AutoCloseable {
        List<Attachment> of(String caseId);

        @Override
        void close();
    }

    /** Deletes the extras' rows of a purged case in the purge's transaction; the result runs after it commits. */
    default AfterPurge purgeRows(Connection c, String actorId, String caseId) throws SQLException {
        return AfterPurge.NOTHING;
    }

    /** File clean-up once the purge has committed (blobs on disk). */
    @FunctionalInterface
    interface AfterPurge {
        AfterPurge NOTHING = () -> { };

        void run();
    }

    /** One XForm instance document. */
    record FormInstance(String submissionId, byte[] xml) {
        @Override
        public String toString() {
            return "FormInstance[" + submissionId + ", " + xml.length + " bytes]";
        }
    }

    /**
     * One attachment, read when the package is written. The opener's stream checks the bytes
     * against {@code sha256} and {@code size} as they are read and ends in an {@link IOException}
     * instead of its end when they differ, so the writer does not hash them a second time. With
     * {@code crc32} (of the plaintext, recorded at attach time) the writer stores it as a STORED ZIP
     * entry, whose local header needs the CRC before the bytes.
     */
    record Attachment(String sha256, long size, Opener opener, Long crc32, Shipper shipper) {

        /** An attachment whose CRC-32 is not known before it is read: it goes out DEFLATED at level 0. */
        public Attachment(String sha256, long size, Opener opener) {
            this(sha256, size, opener, null, null);
        }

        public Attachment(String sha256, long size, Opener opener, Long crc32) {
            this(sha256, size, opener, crc32, null);
        }
    }

    /**
     * Gives an attachment's stored ciphertext a new age header to {@code recipients}, for package
     * format 2 (ADR 0016); null on an {@link Attachment} that has no stored ciphertext to ship, which
     * then cannot go into a format-2 package.
     */
    @FunctionalInterface
    interface Shipper {
        org.harbor.attachments.ShippedBlob ship(List<String> recipients) throws IOException;
    }

    /** Opens the plaintext of an attachment. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }
}
