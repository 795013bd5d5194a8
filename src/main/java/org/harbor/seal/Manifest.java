package org.harbor.seal;

import static org.harbor.seal.SealRecord.list;
import static org.harbor.seal.SealRecord.map;
import static org.harbor.seal.SealRecord.number;
import static org.harbor.seal.SealRecord.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harbor.crypto.CanonicalJson;

/**
 * {@code manifest.json}: what a package is, who made it, and the SHA-256 and size of every other
 * entry. It is the first entry of the ZIP, so a reader knows what to expect before it reads any
 * record, and the device signs its canonical bytes ({@code manifest.sig}).
 *
 * <p>Since ADR 0009 it also names the package's purpose and lists every answer left out for want of
 * consent (case, submission, path, its purposes and why each does not allow it: never a value).
 * Both are absent from older packages, which read as before.
 */
public record Manifest(String packageId, String deviceId, long sequence, String createdAt, long exporterId,
                       String exporterName, String exporterRole, List<CaseRef> cases, Map<String, Entry> entries,
                       long auditEntries, String auditHead, String purpose, List<ValueFilter.Withheld> withheld) {

    public Manifest {
        cases = List.copyOf(cases);
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        withheld = List.copyOf(withheld);
    }

    /** The answers of one case left out of the package. */
    List<ValueFilter.Withheld> withheld(String caseId) {
        return withheld.stream().filter(w -> w.caseId().equals(caseId)).toList();
    }

    /** A case in the package, by id and number. */
    public record CaseRef(String id, String number) {
    }

    /** One entry's hash and size. */
    public record Entry(String sha256, long size) {
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", PackageNames.FORMAT);
        m.put("packageId", packageId);
        m.put("deviceId", deviceId);
        m.put("sequence", sequence);
        m.put("createdAt", createdAt);
        Map<String, Object> exporter = new LinkedHashMap<>();
        exporter.put("id", exporterId);
        exporter.put("name", exporterName);
        exporter.put("role", exporterRole);
        m.put("exporter", exporter);
        List<Object> caseList = new ArrayList<>();
        for (CaseRef c : cases) {
            caseList.add(Map.of("id", c.id(), "number", c.number()));
        }
        m.put("cases", caseList);
        Map<String, Object> entryMap = new LinkedHashMap<>();
        entries.forEach((name, e) -> entryMap.put(name, Map.of("sha256", e.sha256(), "size", e.size())));
        m.put("entries", entryMap);
        m.put("auditCheckpoint", Map.of("entries", auditEntries, "hash", auditHead));
        if (purpose != null) {
            m.put("purpose", purpose);
            List<Object> left = new ArrayList<>();
            withheld.forEach(w -> left.add(w.toJson()));
            m.put("withheld", left);
        }
        return m;
    }

    byte[] canonicalBytes() {
        return CanonicalJson.bytes(toJson());
    }

    /** @throws IllegalArgumentException if anything is missing, mistyped or not a valid name */
    static Manifest fromJson(Object json) {
        Map<?, ?> m = map(json);
        if (!PackageNames.FORMAT.equals(m.get("format"))) {
            throw new IllegalArgumentException("not a Harbor package manifest of a known format");
        }
        Map<?, ?> exporter = map(m.get("exporter"));
        List<CaseRef> cases = new ArrayList<>();
        for (Object o : list(m.get("cases"))) {
            Map<?, ?> c = map(o);
            cases.add(new CaseRef(text(c.get("id")), text(c.get("number"))));
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map(m.get("entries")).entrySet()) {
            String name = (String) e.getKey();
            if (!PackageNames.valid(name)) {
                throw new IllegalArgumentException("the manifest lists an entry name that is not allowed");
            }
            Map<?, ?> info = map(e.getValue());
            String sha = text(info.get("sha256"));
            if (!sha.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("the manifest lists a hash that is not SHA-256 hex");
            }
            long size = number(info.get("size"));
            if (size < 0) {
                throw new IllegalArgumentException("the manifest lists a negative size");
            }
            entries.put(name, new Entry(sha, size));
        }
        Map<?, ?> checkpoint = map(m.get("auditCheckpoint"));
        String purpose = m.get("purpose") == null ? null : text(m.get("purpose"));
        List<ValueFilter.Withheld> withheld = new ArrayList<>();
        if (purpose != null) {
            java.util.Set<String> listed = new java.util.HashSet<>();
            for (Manifest.CaseRef c : cases) {
                listed.add(c.id());
            }
            for (Object o : list(m.get("withheld"))) {
                ValueFilter.Withheld w = ValueFilter.Withheld.fromJson(o);
                if (!listed.contains(w.caseId())) {
                    throw new IllegalArgumentException("the manifest withholds a field of a case it does not carry");
                }
                withheld.add(w);
            }
        }
        return new Manifest(text(m.get("packageId")), text(m.get("deviceId")), number(m.get("sequence")),
                text(m.get("createdAt")), number(exporter.get("id")), text(exporter.get("name")), text(exporter.get("role")),
                cases, entries, number(checkpoint.get("entries")), text(checkpoint.get("hash")), purpose, withheld);
    }

    @Override
    public String toString() {
        return "Manifest[" + packageId + ", device " + deviceId + ", sequence " + sequence + ", " + cases.size() + " cases]";
    }
}
