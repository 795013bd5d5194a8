package org.harbor.attachments;

/** Hears how far a long copy has come; called on the working thread, at most every 64 KiB. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> { };

    /** @param total the expected number of bytes, or -1 if unknown */
    void progress(long done, long total);
}
