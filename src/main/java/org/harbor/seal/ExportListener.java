package org.harbor.seal;

/** Progress of a long export or import, and the way to cancel it. */
public interface ExportListener {

    ExportListener SILENT = new ExportListener() {
    };

    /** Bytes of plaintext done so far of an estimated total. Called from the working thread. */
    default void progress(long done, long total) {
    }

    /** Polled between chunks; {@code true} stops the work and removes what was written. */
    default boolean cancelled() {
        return false;
    }
}
