package org.harbor.attachments;

import java.util.List;

/** The blob files of purged rows, deleted once the transaction that removed the rows has committed. */
public final class PurgedBlobs {

    private final BlobStore store;
    private final List<String> names;

    PurgedBlobs(BlobStore store, List<String> names) {
        this.store = store;
        this.names = List.copyOf(names);
    }

    public int count() {
        return names.size();
    }

    /** Deletes the files; one that cannot be deleted stays as an encrypted orphan for the next sweep. */
    public void deleteFiles() {
        names.forEach(store::delete);
    }
}
