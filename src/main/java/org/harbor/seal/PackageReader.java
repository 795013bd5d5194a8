package org.harbor.seal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.harbor.crypto.CanonicalJson;
import org.harbor.crypto.Ed25519;
import org.harbor.crypto.Hashes;

/**
 * Reads the decrypted ZIP of a package as a stream, never as files: the manifest first (and its
 * device signature, which must come from the signer of the outer file), then every entry, each
 * checked against the manifest's name, size and SHA-256 while it is read, within the caps of
 * {@link PackageLimits}. Documents are kept in memory (capped); attachments are only hashed.
 */
final class PackageReader {

    /**
     * A case file as read: its bytes, the seals it carries, each already verified, how many answers it
     * carries opened against the seals, and the answers the manifest lists as left out.
     */
    record CaseFile(String caseId, String number, byte[] caseJson, List<SealRecord> seals, int openedAnswers,
                    List<ValueFilter.Withheld> withheld) {

        CaseFile(String caseId, String number, byte[] caseJson, List<SealRecord> seals) {
            this(caseId, number, caseJson, seals, 0, List.of());
        }
    }

    /** What a package holds, once every check has passed. */
    record Contents(Manifest manifest, byte[] manifestBytes, Map<String, CaseFile> cases, Map<String, byte[]> documents) {
        String manifestHash() {
            return Hashes.hex(Hashes.sha256(manifestBytes));
        }
    }

    /** Thrown for the device-id check (the manifest is not the signer's). */
    static final class WrongDevice extends Exception {
        private static final long serialVersionUID = 1L;

        WrongDevice(String message) {
            super(message, null, false, false);
        }
    }

    /** Thrown for a package that breaks a cap or the format; the message names which, never content. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private PackageReader() {
    }

    /**
     * @param plaintext the decrypted ZIP; read to its end
     * @param signerId  the device id whose key signed the outer file
     * @param signerKey that device's public key
     * @throws IOException from the stream underneath (a decryption failure) only
     */
    static Contents read(InputStream plaintext, String signerId, Ed25519.PublicKey signerKey, PackageLimits limits)
            throws SourceFailure, WrongDevice, Malformed {
        return read(plaintext, signerId, signerKey, limits, true);
    }

    /**
     * As above; with {@code attachmentsInside} false (package format 2's {@code documents.age}) the
     * ZIP holds no attachment, and the attachments the manifest lists are checked by the caller.
     */
    static Contents read(InputStream plaintext, String signerId, Ed25519.PublicKey signerKey, PackageLimits limits,
                         boolean attachmentsInside) throws SourceFailure, WrongDevice, Malformed {
        try {
            return readZip(new SourceStream(plaintext), signerId, signerKey, limits, attachmentsInside);
        } catch (SourceFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new Malformed("the ZIP structure is damaged");
        }
    }

    private static Contents readZip(InputStream plaintext, String signerId, Ed25519.PublicKey signerKey, PackageLimits limits,
                                    boolean attachmentsInside) throws IOException, WrongDevice, Malformed {
        ZipInputStream zip = new ZipInputStream(plaintext);
        byte[] buffer = new byte[1 << 16];
        long[] documentTotal = {0};
        long total = 0;
        int count = 0;

        ZipEntry first = next(zip);
        if (first == null || !PackageNames.MANIFEST.equals(first.getName())) {
            throw new Malformed("the first entry is not the manifest");
        }
        byte[] manifestBytes = document(zip, limits, buffer, documentTotal);
        ZipEntry second = next(zip);
        if (second == null || !PackageNames.MANIFEST_SIG.equals(second.getName())) {
            throw new Malformed("the second entry is not the manifest signature");
        }
        byte[] sigText = readCapped(zip, 256, buffer);
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(new String(sigText, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new WrongDevice("the manifest signature is not base64");
        }
        if (!signerKey.verifies(manifestBytes, signature)) {
            throw new WrongDevice("the manifest was not signed by the device that signed the package");
        }
        Manifest manifest;
        try {
            manifest = Manifest.fromJson(CanonicalJson.parse(manifestBytes, limits.maxJsonDepth()));
        } catch (CanonicalJson.MalformedException | IllegalArgumentException | ClassCastException e) {
            throw new Malformed("the manifest: " + safe(e));
        }
        if (!signerId.equals(manifest.deviceId())) {
            throw new WrongDevice("the manifest names another device than the signer");
        }
        if (manifest.entries().size() > limits.maxEntries()) {
            throw new Malformed("the manifest lists more entries than the cap");
        }
        Set<String> listedCases = new HashSet<>();
        for (Manifest.CaseRef c : manifest.cases()) {
            if (!listedCases.add(c.id())) {
                throw new Malformed("the manifest lists a case twice");
            }
        }

        Map<String, byte[]> documents = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (ZipEntry e = next(zip); e != null; e = next(zip)) {
            if (++count > limits.maxEntries()) {
                throw new Malformed("more entries than the cap");
            }
            String name = e.getName();
            if (!PackageNames.valid(name)) {
                throw new Malformed("an entry name is not allowed (a path, \"..\" or an unknown kind)");
            }
            if (!seen.add(name)) {
                throw new Malformed("an entry name appears twice");
            }
            if (!attachmentsInside && PackageNames.isAttachment(name)) {
                throw new Malformed("an attachment is inside the documents");
            }
            Manifest.Entry expected = manifest.entries().get(name);
            if (expected == null) {
                throw new Malformed("an entry is not listed in the manifest");
            }
            if (!listedCases.contains(PackageNames.caseIdOf(name))) {
                throw new Malformed("an entry belongs to a case the manifest does not list");
            }
            long cap = PackageNames.isAttachment(name) ? limits.maxAttachmentBytes() : limits.maxDocumentBytes();
            if (expected.size() > cap) {
                throw new Malformed("an entry is larger than the cap");
            }
            MessageDigest sha = Hashes.sha256();
            long size;
            if (PackageNames.isAttachment(name)) {
                size = 0;
                for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                    size += n;
                    if (size > expected.size()) {
                        throw new Malformed("an entry is larger than the manifest says");
                    }
                    sha.update(buffer, 0, n);
                }
            } else {
                byte[] bytes = document(zip, limits, buffer, documentTotal);
                if (bytes.length > expected.size()) {
                    throw new Malformed("an entry is larger than the manifest says");
                }
                sha.update(bytes);
                size = bytes.length;
                documents.put(name, bytes);
            }
            total += size;
            if (total > limits.maxTotalBytes()) {
                throw new Malformed("the package expands beyond the total cap");
            }
            if (size != expected.size() || !Hashes.hex(sha.digest()).equals(expected.sha256())) {
                throw new Malformed("an entry does not match its hash in the manifest");
            }
        }
        for (String name : manifest.entries().keySet()) {
            if (!PackageNames.valid(name) || !listedCases.contains(PackageNames.caseIdOf(name))) {
                throw new Malformed("the manifest lists an entry of a case it does not list");
            }
            if (!seen.contains(name) && (attachmentsInside || !PackageNames.isAttachment(name))) {
                throw new Malformed("an entry listed in the manifest is missing");
            }
        }
        drain(plaintext, buffer);
        return new Contents(manifest, manifestBytes, cases(manifest, documents, limits), documents);
    }

    private static Map<String, CaseFile> cases(Manifest manifest, Map<String, byte[]> documents, PackageLimits limits)
            throws Malformed {
        // Each case is parsed and its seals verified on its own (Ed25519, most of the documents'
        // time), on every core; the failure refused is the first in the manifest's order.
        List<Manifest.CaseRef> refs = manifest.cases();
        Object[] results = new Object[refs.size()];
        java.util.stream.IntStream.range(0, refs.size()).parallel().forEach(i -> {
            try {
                results[i] = caseFile(refs.get(i), manifest, documents, limits);
            } catch (Malformed | RuntimeException e) {
                results[i] = e;
            }
        });
        Map<String, CaseFile> out = new LinkedHashMap<>();
        for (int i = 0; i < results.length; i++) {
            if (results[i] instanceof Malformed e) {
                throw e;
            }
            if (results[i] instanceof RuntimeException e) {
                throw e;
            }
            out.put(refs.get(i).id(), (CaseFile) results[i]);
        }
        return out;
    }

    private static CaseFile caseFile(Manifest.CaseRef ref, Manifest manifest, Map<String, byte[]> documents, PackageLimits limits)
            throws Malformed {
        byte[] json = documents.get(PackageNames.caseJson(ref.id()));
        if (json == null) {
            throw new Malformed("a listed case has no case.json");
        }
        List<SealRecord> seals = new ArrayList<>();
        Map<?, ?> m;
        try {
            m = SealRecord.map(CanonicalJson.parse(json, limits.maxJsonDepth()));
            boolean known = CaseFiles.FORMAT_1.equals(m.get("format"))
                    || CaseFiles.FORMAT.equals(m.get("format")) && manifest.purpose() != null;
            if (!known || !ref.id().equals(m.get("caseId")) || !ref.number().equals(m.get("number"))) {
                throw new Malformed("a case.json does not match its place in the manifest");
            }
            for (Object o : SealRecord.list(m.get("seals"))) {
                seals.add(SealRecord.fromJson(o));
            }
        } catch (CanonicalJson.MalformedException | IllegalArgumentException | ClassCastException e) {
            throw new Malformed("a case.json: " + safe(e));
        }
        if (seals.stream().noneMatch(s -> s.kind() == SealKind.CASE && s.unitId().equals(ref.id()))) {
            throw new Malformed("a case arrived without its case seal");
        }
        for (SealRecord s : seals) {
            if (!s.caseId().equals(ref.id()) || !s.verifies()) {
                throw new Malformed("a seal in a case.json does not verify");
            }
            for (SealRecord.CoSignature co : s.coSignatures()) {
                if (!s.coSignatureVerifies(co)) {
                    throw new Malformed("a co-signature in a case.json does not verify");
                }
            }
        }
        int opened = CaseFiles.FORMAT.equals(m.get("format")) ? openings(m, seals, manifest.withheld(ref.id())) : 0;
        return new CaseFile(ref.id(), ref.number(), json, List.copyOf(seals), opened, manifest.withheld(ref.id()));
    }

    /**
     * ADR 0009: every answer a format-2 case.json carries must open a digest of its verified seals;
     * every digest must be either opened or listed as withheld in the signed manifest, and nothing
     * listed as withheld may be carried. So a withheld answer reads as withheld, not as altered, and
     * cannot be added back without breaking the seal or the device's signature.
     */
    private static int openings(Map<?, ?> caseJson, List<SealRecord> seals, List<ValueFilter.Withheld> withheld) throws Malformed {
        Map<String, java.util.Set<String>> digests;
        java.util.Set<String> opened = new java.util.HashSet<>();
        try {
            digests = SealDigests.of(seals);
            for (Object o : SealRecord.list(caseJson.get("answers"))) {
                Map<?, ?> a = SealRecord.map(o);
                String submission = SealRecord.text(a.get("submission"));
                String path = SealRecord.text(a.get("path"));
                Map<?, ?> answer = SealRecord.map(a.get("answer"));
                byte[] salt = Hashes.unhex(SealRecord.text(a.get("salt")));
                String key = SealUnits.Opening.key(submission, path);
                if (!submission.equals(answer.get("submission")) || !path.equals(answer.get("path"))
                        || !digests.getOrDefault(key, java.util.Set.of()).contains(SealUnits.Opening.digest(salt, answer))) {
                    throw new Malformed("a carried answer does not match its seal");
                }
                if (!opened.add(key)) {
                    throw new Malformed("an answer is carried twice");
                }
                SealRecord.list(a.get("under"));
            }
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new Malformed("a case.json's answers: " + safe(e));
        }
        java.util.Set<String> left = new java.util.HashSet<>();
        for (ValueFilter.Withheld w : withheld) {
            if (opened.contains(w.key())) {
                throw new Malformed("an answer listed as withheld is carried");
            }
            if (!digests.containsKey(w.key())) {
                throw new Malformed("an answer listed as withheld is not under any seal");
            }
            left.add(w.key());
        }
        for (String key : digests.keySet()) {
            if (!opened.contains(key) && !left.contains(key)) {
                throw new Malformed("a sealed answer is neither carried nor listed as withheld");
            }
        }
        return opened.size();
    }

    private static byte[] document(ZipInputStream zip, PackageLimits limits, byte[] buffer, long[] documentTotal)
            throws IOException, Malformed {
        byte[] bytes = readCapped(zip, limits.maxDocumentBytes(), buffer);
        documentTotal[0] += bytes.length;
        if (documentTotal[0] > limits.maxDocumentTotalBytes()) {
            throw new Malformed("the documents together exceed the cap");
        }
        return bytes;
    }

    private static byte[] readCapped(InputStream in, int cap, byte[] buffer) throws IOException, Malformed {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (out.size() + n > cap) {
                throw new Malformed("an entry is larger than the cap");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static ZipEntry next(ZipInputStream zip) throws IOException, Malformed {
        try {
            return zip.getNextEntry();
        } catch (ZipException | IllegalArgumentException e) {
            throw new Malformed("the ZIP structure is damaged");
        }
    }

    /** Reads the rest of the decrypted stream, so that the age file's last chunk is authenticated too. */
    private static void drain(InputStream in, byte[] buffer) throws IOException {
        while (in.read(buffer) >= 0) {
            // the central directory and anything after it; already bounded by the package size cap
        }
    }

    /** Harbor's own reason for a malformed document; never a class name or the JDK's words. */
    private static String safe(Exception e) {
        boolean ours = e.getMessage() != null && (e instanceof CanonicalJson.MalformedException
                || e.getStackTrace().length > 0 && e.getStackTrace()[0].getClassName().startsWith("org.harbor."));
        return ours ? e.getMessage() : "a value is not in the expected form";
    }

    /** The stream underneath failed: the age layer found a damaged or missing chunk. */
    static final class SourceFailure extends IOException {
        private static final long serialVersionUID = 1L;

        SourceFailure(Throwable cause) {
            super("the decrypted stream failed", cause);
        }
    }

    /** Marks every failure of the stream underneath, so that ZIP errors and decryption errors are told apart. */
    private static final class SourceStream extends java.io.FilterInputStream {
        SourceStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException | RuntimeException e) {
                throw new SourceFailure(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException | RuntimeException e) {
                throw new SourceFailure(e);
            }
        }
    }
}
