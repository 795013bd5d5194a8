package org.harbor.seal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * What a package carries of a case beyond its sealed records: form submissions (standard XForm
 * instance XML) and attachments. The forms and attachment services plug in here; they are asked
 * outside any database transaction of this package.
 */
public interface CaseExtras {

    /** Nothing beyond the sealed records. */
    CaseExtras NONE = new CaseExtras() {
    };

    /** The case's submissions as XForm instance XML, named by submission id ({@code [A-Za-z0-9_-]{1,100}}). */
    default List<FormInstance> forms(String caseId) throws IOException {
        return List.of();
    }

    /** The case's attachments: SHA-256 of the plaintext, its size, and how to read the plaintext. */
    default List<Attachment> attachments(String caseId) throws IOException {
        return List.of();
    }

    /** Deletes what the extras hold of a purged case (blobs on disk, rows of their own). */
    default void purge(String caseId) throws IOException {
    }

    /** One XForm instance document. */
    record FormInstance(String submissionId, byte[] xml) {
        @Override
        public String toString() {
            return "FormInstance[" + submissionId + ", " + xml.length + " bytes]";
        }
    }

    /** One attachment, read when the package is written; the bytes must hash to {@code sha256}. */
    record Attachment(String sha256, long size, Opener opener) {
    }

    /** Opens the plaintext of an attachment. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }
}
