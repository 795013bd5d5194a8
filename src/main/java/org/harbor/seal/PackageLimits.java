package org.harbor.seal;

/**
 * The caps an import holds a package to, before and while it reads it. A package above any cap is
 * refused, whoever signed it: a trusted device can still be a stolen one.
 *
 * @param maxPackageBytes       the encrypted file
 * @param maxEntries            ZIP entries
 * @param maxDocumentBytes      one JSON, XML or JSON-lines entry (they are held in memory)
 * @param maxAttachmentBytes    one attachment (streamed, hashed, never held)
 * @param maxDocumentTotalBytes all JSON, XML and JSON-lines entries together
 * @param maxTotalBytes         everything, uncompressed
 * @param maxJsonDepth          nesting of any JSON document
 */
public record PackageLimits(long maxPackageBytes, int maxEntries, int maxDocumentBytes, long maxAttachmentBytes,
                            long maxDocumentTotalBytes, long maxTotalBytes, int maxJsonDepth) {

    public static final PackageLimits DEFAULT = new PackageLimits(
            4L << 30, 50_000, 8 << 20, 512L << 20, 96L << 20, 8L << 30, 32);

    public PackageLimits withMaxPackageBytes(long bytes) {
        return new PackageLimits(bytes, maxEntries, maxDocumentBytes, maxAttachmentBytes, maxDocumentTotalBytes, maxTotalBytes, maxJsonDepth);
    }
}
