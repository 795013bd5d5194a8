package org.harbor.central;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.harbor.accounts.SigningKeys;
import org.harbor.audit.AuditLog;
import org.harbor.crypto.Age;
import org.harbor.crypto.AgeIdentity;
import org.harbor.crypto.Ed25519;
import org.harbor.crypto.Minisign;
import org.harbor.crypto.Hashes;
import org.harbor.crypto.SecretKey;
import org.harbor.vault.Vault;

/**
 * Enrolling another central workstation to the office's central keys (issue 17), in three steps,
 * each confirmed by a fingerprint read aloud between the two workstations (or over a trusted phone
 * line), so that no file swapped on the way is accepted:
 * <ol>
 *   <li>the new workstation writes its enrolment request: its central vault's public age key
 *       (X25519), with the request's fingerprint;</li>
 *   <li>an enrolled workstation, told that fingerprint, writes the enrolment file: the central data
 *       key, the office's package keys (the age identities field devices encrypt to) and its receipt
 *       signing key (the one field devices trust from the trust bundle) encrypted to that public key
 *       only (never in clear), with the file's fingerprint; the receipt key's id is in the file's
 *       clear header too, to compare with the trust bundle's;</li>
 *   <li>the new workstation, told that fingerprint, opens the file with its private key and keeps
 *       the central data key in its own encrypted vault.</li>
 * </ol>
 * A vault that already holds cases under other central keys is not re-keyed (they would no longer open).
 */
public final class CentralEnrolment {

    static final String REQUEST_HEADER = "harbor central enrolment request 1";
    static final String FILE_HEADER = "harbor central enrolment 2";
    public static final String REQUESTED = "central.enrolment.requested";
    public static final String EXPORTED = "central.enrolment.exported";
    public static final String IMPORTED = "central.enrolment.imported";

    private CentralEnrolment() {
    }

    /** A request or an enrolment file, and the fingerprint to read out for it. */
    public record Written(byte[] bytes, String fingerprint) {
    }

    /**
     * Step 1, on the new workstation: its request. Needs the vault's central identity (made by
     * {@code TrustService.centralKeys} at {@code init --central}).
     */
    public static Written request(Vault vault, AuditLog audit, String actorId) {
        return vault.transaction(c -> {
            String recipient = ownRecipient(c);
            byte[] bytes = (REQUEST_HEADER + "\n" + recipient + "\n").getBytes(StandardCharsets.US_ASCII);
            String fingerprint = fingerprint(bytes);
            audit.append(c, actorId, REQUESTED, null, Map.of("fingerprint", fingerprint));
            return new Written(bytes, fingerprint);
        });
    }

    /** Step 2, on an enrolled workstation: the central data key for the requesting workstation, once its fingerprint is confirmed. */
    public static Written export(Vault vault, AuditLog audit, String actorId, byte[] request, String confirmedFingerprint) {
        String fingerprint = fingerprint(request);
        if (!sameFingerprint(fingerprint, confirmedFingerprint)) {
            throw new CentralException("central.error.enrolFingerprint",
                    "the request's fingerprint is not the one confirmed: the file may have been swapped; nothing was written");
        }
        String[] lines = new String(request, StandardCharsets.US_ASCII).split("\n");
        if (lines.length != 2 || !REQUEST_HEADER.equals(lines[0]) || !Age.isRecipient(lines[1].strip())) {
            throw new CentralException("central.error.enrolFile", "this is not a central enrolment request");
        }
        String recipient = lines[1].strip();
        return vault.transaction(c -> {
            byte[] raw = dataKey(c);
            SigningKeys.KeyPair receipt = SigningKeys.exportVaultKey(c, SigningKeys.Purpose.RECEIPT, Times.now());
            try {
                String keyId;
                try (SecretKey k = SecretKey.wrap(raw.clone()); CentralKeys keys = CentralKeys.fromDataKey(k)) {
                    keyId = keys.keyId();
                }
                Map<String, Object> payload = new java.util.LinkedHashMap<>();
                payload.put("format", 2);
                payload.put("keyId", keyId);
                payload.put("dataKey", Base64.getEncoder().encodeToString(raw));
                payload.put("ageIdentities", ageIdentities(c));
                payload.put("receiptKey", Map.of("id", receipt.key().keyIdHex(),
                        "public", Base64.getEncoder().encodeToString(receipt.key().key().bytes()),
                        "seed", Base64.getEncoder().encodeToString(receipt.seed())));
                byte[] sealed = encrypt(recipient, Json.write(payload).getBytes(StandardCharsets.US_ASCII));
                byte[] bytes = (FILE_HEADER + "\nkey-id " + keyId + "\nreceipt-key " + receipt.key().keyIdHex()
                        + "\nto " + recipient + "\n"
                        + Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(sealed) + "\n")
                        .getBytes(StandardCharsets.US_ASCII);
                String out = fingerprint(bytes);
                audit.append(c, actorId, EXPORTED, null, Map.of("request", fingerprint, "file", out, "keyId", keyId,
                        "receiptKey", receipt.key().keyIdHex()));
                return new Written(bytes, out);
            } finally {
                SecretKey.wipe(raw);
                SecretKey.wipe(receipt.seed());
            }
        });
    }

    /** Step 3, on the new workstation: installs the central data key from the file, once its fingerprint is confirmed; returns the key id. */
    public static String install(Vault vault, AuditLog audit, String actorId, byte[] file, String confirmedFingerprint) {
        String fingerprint = fingerprint(file);
        if (!sameFingerprint(fingerprint, confirmedFingerprint)) {
            throw new CentralException("central.error.enrolFingerprint",
                    "the enrolment file's fingerprint is not the one confirmed: the file may have been swapped; nothing was changed");
        }
        String[] lines = new String(file, StandardCharsets.US_ASCII).split("\n", 5);
        if (lines.length != 5 || !FILE_HEADER.equals(lines[0]) || !lines[1].startsWith("key-id ") || !lines[2].startsWith("receipt-key ")
                || !lines[3].startsWith("to ")) {
            throw new CentralException("central.error.enrolFile", "this is not a central enrolment file");
        }
        String keyId = lines[1].substring("key-id ".length()).strip();
        String receiptKeyId = lines[2].substring("receipt-key ".length()).strip();
        return vault.transaction(c -> {
            if (!ownRecipient(c).equals(lines[3].substring("to ".length()).strip())) {
                throw new CentralException("central.error.enrolFile", "this enrolment file was made for another workstation");
            }
            Map<?, ?> payload = decrypt(c, Base64.getMimeDecoder().decode(lines[4]), keyId);
            SigningKeys.KeyPair receipt = receiptKey(payload.get("receiptKey"), receiptKeyId);
            byte[] raw = Base64.getDecoder().decode((String) payload.get("dataKey"));
            if (raw.length != SecretKey.LENGTH) {
                throw new CentralException("central.error.enrolFile", "the enrolment file does not hold a central key");
            }
            try (SecretKey k = SecretKey.wrap(raw.clone()); CentralKeys keys = CentralKeys.fromDataKey(k)) {
                if (!keys.keyId().equals(keyId)) {
                    throw new CentralException("central.error.enrolFile", "the enrolment file's key does not match its key id");
                }
                CentralSchema.migrate(c, CentralSchema.Dialect.SQLITE);
                byte[] current = currentDataKey(c);
                if (current != null && !java.util.Arrays.equals(current, raw)) {
                    SecretKey.wipe(current);
                    if (count(c, "central_cases") > 0) {
                        throw new CentralException("central.error.enrolHasCases",
                                "this central vault already holds cases under other central keys; enrol a new central vault instead");
                    }
                }
                // the office's package keys too: packages from field devices open at every central workstation
                if (count(c, "imported_packages") > 0 && (!sameIdentities(c, payload.get("ageIdentities"))
                        || !SigningKeys.vaultKey(c, SigningKeys.Purpose.RECEIPT, Times.now()).equals(receipt.key()))) {
                    throw new CentralException("central.error.enrolHasCases",
                            "this central vault has imported packages under other keys; enrol a new central vault instead");
                }
                try (PreparedStatement del = c.prepareStatement("DELETE FROM age_identities");
                     PreparedStatement ins = c.prepareStatement(
                             "INSERT INTO age_identities(label, recipient, secret, created_at) VALUES (?,?,?,?)")) {
                    del.executeUpdate();
                    for (Object o : (List<?>) payload.get("ageIdentities")) {
                        Map<?, ?> id = (Map<?, ?>) o;
                        ins.setString(1, (String) id.get("label"));
                        ins.setString(2, (String) id.get("recipient"));
                        ins.setString(3, (String) id.get("secret"));
                        ins.setString(4, Times.now());
                        ins.executeUpdate();
                    }
                }
                try (PreparedStatement q = c.prepareStatement("INSERT INTO central_keyring(id, data_key, created_at) VALUES (1, ?, ?) "
                        + "ON CONFLICT (id) DO UPDATE SET data_key = excluded.data_key, created_at = excluded.created_at")) {
                    q.setBytes(1, raw);
                    q.setString(2, Times.now());
                    q.executeUpdate();
                }
                // receipts signed here are signed with the key field devices already trust
                SigningKeys.installVaultKey(c, SigningKeys.Purpose.RECEIPT, receipt, Times.now());
                audit.append(c, actorId, IMPORTED, null, Map.of("file", fingerprint, "keyId", keyId, "receiptKey", receiptKeyId));
                return keyId;
            } finally {
                SecretKey.wipe(raw);
                SecretKey.wipe(receipt.seed());
            }
        });
    }

    /** The fingerprint read out for a file: the first 128 bits of its SHA-256, in eight groups of four hex digits. */
    public static String fingerprint(byte[] bytes) {
        String hex = Hashes.hex(Hashes.sha256(bytes)).substring(0, 32);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            out.append(i == 0 ? "" : " ").append(hex, i, i + 4);
        }
        return out.toString();
    }

    static boolean sameFingerprint(String actual, String confirmed) {
        return confirmed != null && actual.replace(" ", "").equalsIgnoreCase(confirmed.replaceAll("[\\s:-]", ""));
    }

    private static String ownRecipient(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT recipient FROM age_identities WHERE label = 'primary'");
             ResultSet row = q.executeQuery()) {
            if (!row.next()) {
                throw new CentralException("central.error.enrolFile", "this central vault has no central keys yet (harbor init --central)");
            }
            return row.getString(1);
        }
    }

    private static byte[] dataKey(Connection c) throws SQLException {
        CentralKeys.on(c).close(); // the key is made here at the first need
        return currentDataKey(c);
    }

    private static byte[] currentDataKey(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT data_key FROM central_keyring WHERE id = 1");
             ResultSet row = q.executeQuery()) {
            return row.next() ? row.getBytes(1) : null;
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM " + table); ResultSet row = q.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static byte[] encrypt(String recipient, byte[] plain) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (WritableByteChannel w = Age.encrypting(Channels.newChannel(out), List.of(recipient))) {
                w.write(java.nio.ByteBuffer.wrap(plain));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new CentralException("central.error.enrolFile", "the enrolment file could not be encrypted");
        } finally {
            java.util.Arrays.fill(plain, (byte) 0);
        }
    }

    private static Map<?, ?> decrypt(Connection c, byte[] sealed, String keyId) throws SQLException {
        AgeIdentity identity;
        try (PreparedStatement q = c.prepareStatement("SELECT recipient, secret FROM age_identities WHERE label = 'primary'");
             ResultSet row = q.executeQuery()) {
            row.next();
            identity = AgeIdentity.of(row.getString(1), row.getString(2).toCharArray());
        }
        try (identity; ReadableByteChannel in = Age.decrypting(Channels.newChannel(new ByteArrayInputStream(sealed)), List.of(identity))) {
            byte[] json = Channels.newInputStream(in).readAllBytes();
            Map<?, ?> payload = Json.readMap(new String(json, StandardCharsets.US_ASCII));
            java.util.Arrays.fill(json, (byte) 0);
            if (!Integer.valueOf(2).equals(payload.get("format")) || !keyId.equals(payload.get("keyId"))
                    || !(payload.get("dataKey") instanceof String) || !(payload.get("ageIdentities") instanceof List<?>)) {
                throw new CentralException("central.error.enrolFile", "the enrolment file's content does not match its header");
            }
            return payload;
        } catch (IOException e) {
            throw new CentralException("central.error.enrolFile", "the enrolment file does not open with this workstation's key");
        }
    }

    /** The receipt key from the file's content; its id must be the one in the file's header. */
    private static SigningKeys.KeyPair receiptKey(Object given, String headerId) {
        if (!(given instanceof Map<?, ?> m) || !(m.get("id") instanceof String id) || !(m.get("public") instanceof String pub)
                || !(m.get("seed") instanceof String seed) || !id.equals(headerId)) {
            throw new CentralException("central.error.enrolFile", "the enrolment file's receipt key does not match its header");
        }
        try {
            Minisign.PublicKey key = new Minisign.PublicKey(Minisign.keyIdFromHex(id), new Ed25519.PublicKey(Base64.getDecoder().decode(pub)));
            byte[] raw = Base64.getDecoder().decode(seed);
            try (Ed25519.SigningKey check = Ed25519.SigningKey.fromSeed(raw.clone())) {
                if (!check.publicKey().equals(key.key())) {
                    SecretKey.wipe(raw);
                    throw new CentralException("central.error.enrolFile", "the enrolment file's receipt key does not match its public part");
                }
            }
            return new SigningKeys.KeyPair(key, raw);
        } catch (IllegalArgumentException e) {
            throw new CentralException("central.error.enrolFile", "the enrolment file's receipt key is malformed");
        }
    }

    /** The vault's package identities (primary and backup), for the enrolment file. */
    private static List<Map<String, String>> ageIdentities(Connection c) throws SQLException {
        List<Map<String, String>> out = new java.util.ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT label, recipient, secret FROM age_identities ORDER BY label");
             ResultSet row = q.executeQuery()) {
            while (row.next()) {
                out.add(Map.of("label", row.getString(1), "recipient", row.getString(2), "secret", row.getString(3)));
            }
        }
        return out;
    }

    private static boolean sameIdentities(Connection c, Object given) throws SQLException {
        java.util.Set<String> mine = new java.util.HashSet<>();
        for (Map<String, String> m : ageIdentities(c)) {
            mine.add(m.get("recipient"));
        }
        java.util.Set<String> theirs = new java.util.HashSet<>();
        for (Object o : (List<?>) given) {
            theirs.add((String) ((Map<?, ?>) o).get("recipient"));
        }
        return mine.equals(theirs);
    }
}
