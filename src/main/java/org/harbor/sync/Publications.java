package org.harbor.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.accounts.SigningKeys;
import org.harbor.audit.AuditLog;
import org.harbor.crypto.Ed25519;
import org.harbor.crypto.Hashes;
import org.harbor.crypto.Minisign;
import org.harbor.i18n.Refusal;
import org.harbor.seal.TrustBundle;
import org.harbor.seal.TrustService;
import org.harbor.vault.Vault;

/**
 * Forms and settings downstream (issue 18, ADR 0017), both ends. A central vault signs what its
 * office publishes with its receipt key and keeps each publication, numbered, for the sync server
 * to serve; a field vault checks what it fetched against its trust bundle (signer, signature, not
 * older than what it applied) and remembers, per subject, the publication it applied last. What a
 * publication holds is applied by the use cases that own it ({@code ReceivePublications}).
 */
public final class Publications {

    /** A publication as the server lists it: the newest of each subject. */
    public record Listed(long sequence, String subject, String sha256) {
    }

    /** What a field vault applied last of a subject. */
    public record Applied(long sequence, String version, String sha256) {
    }

    private final Vault vault;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final TrustService trust;

    public Publications(Vault vault, AccountService accounts, AuditLog audit, Clock clock, TrustService trust) {
        this.vault = vault;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.trust = trust;
    }

    // --- the office ----------------------------------------------------------------------

    /**
     * Signs and keeps a publication (central accounts; the caller checked the content). The same
     * content as the subject's newest publication is not published again: that one is returned.
     * A form whose version is not above the one published last is refused ({@link PublicationCheck#OLDER}).
     */
    public Publication publish(Session session, String kind, String subject, String version, byte[] content) {
        accounts.require(session, Permission.IMPORT_PACKAGES);
        if (!Publication.SUBJECT.matcher(subject).matches()) {
            throw new IllegalArgumentException("not a publication subject");
        }
        String sha = Hashes.hex(Hashes.sha256(content));
        String now = clock.instant().toString();
        return vault.transaction(c -> {
            Optional<Publication> newest = newest(c, subject);
            if (newest.isPresent()) {
                if (Hashes.hex(Hashes.sha256(newest.get().content())).equals(sha)) {
                    return newest.get();
                }
                if (version != null && newest.get().version() != null && FormVersions.compare(version, newest.get().version()) <= 0) {
                    throw new PublicationRefused(PublicationCheck.OLDER);
                }
            }
            long sequence;
            try (PreparedStatement q = c.prepareStatement("SELECT COALESCE(MAX(sequence), 0) + 1 FROM publications");
                 ResultSet row = q.executeQuery()) {
                row.next();
                sequence = row.getLong(1);
            }
            Minisign.PublicKey key = SigningKeys.vaultKey(c, SigningKeys.Purpose.RECEIPT, now);
            Publication publication;
            try (Ed25519.SigningKey signing = SigningKeys.open(c, key)) {
                publication = Publication.sign(kind, subject, sequence, version, now, content, key, signing);
            }
            byte[] file = publication.toFile();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO publications(sequence, kind, subject, version, file, sha256, "
                    + "published_at, published_by) VALUES (?,?,?,?,?,?,?,?)")) {
                insert.setLong(1, sequence);
                insert.setString(2, kind);
                insert.setString(3, subject);
                insert.setString(4, version);
                insert.setBytes(5, file);
                insert.setString(6, Hashes.hex(Hashes.sha256(file)));
                insert.setString(7, now);
                insert.setLong(8, session.user().id());
                insert.executeUpdate();
            }
            audit.append(c, session.actorId(), "publication.published", subject,
                    version == null ? Map.of("sequence", Long.toString(sequence)) : Map.of("sequence", Long.toString(sequence), "version", version));
            return publication;
        });
    }

    /** The newest publication of each subject, in the order they were published (what the server lists). */
    public List<Listed> listing(Session session) {
        accounts.require(session, Permission.IMPORT_PACKAGES);
        return vault.transaction(c -> {
            List<Listed> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT sequence, subject, sha256 FROM publications p WHERE sequence = "
                    + "(SELECT MAX(sequence) FROM publications o WHERE o.subject = p.subject) ORDER BY sequence");
                 ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    out.add(new Listed(row.getLong(1), row.getString(2), row.getString(3)));
                }
            }
            return out;
        });
    }

    /** The signed file of publication {@code sequence}. */
    public Optional<byte[]> file(Session session, long sequence) {
        accounts.require(session, Permission.IMPORT_PACKAGES);
        return vault.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT file FROM publications WHERE sequence = ?")) {
                q.setLong(1, sequence);
                try (ResultSet row = q.executeQuery()) {
                    return row.next() ? Optional.of(row.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    private static Optional<Publication> newest(Connection c, String subject) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT file FROM publications WHERE subject = ? ORDER BY sequence DESC LIMIT 1")) {
            q.setString(1, subject);
            try (ResultSet row = q.executeQuery()) {
                return row.next() ? Optional.of(Publication.parse(row.getBytes(1))) : Optional.empty();
            }
        }
    }

    // --- the laptop ----------------------------------------------------------------------

    /**
     * Checks a fetched file, in order: a publication at all ({@link PublicationCheck#SIGNATURE}),
     * signed by the office's key of this vault's trust bundle ({@link PublicationCheck#SIGNER}), the
     * signature ({@link PublicationCheck#SIGNATURE}), newer than the subject's publication applied
     * here ({@link PublicationCheck#OLDER}). Empty when it is the very publication applied already.
     */
    public Optional<Publication> verify(Session session, byte[] file) {
        accounts.require(session, Permission.EXPORT_PACKAGES);
        TrustBundle bundle = trust.trust(session).orElseThrow(() -> new Refusal("export.error.noTrust"));
        Publication publication;
        try {
            publication = Publication.parse(file);
        } catch (IllegalArgumentException e) {
            throw new PublicationRefused(PublicationCheck.SIGNATURE);
        }
        if (!publication.signedBy(bundle.receiptKey())) {
            throw new PublicationRefused(PublicationCheck.SIGNER);
        }
        if (!publication.verifies(bundle.receiptKey())) {
            throw new PublicationRefused(PublicationCheck.SIGNATURE);
        }
        Optional<Applied> held = applied(session, publication.subject());
        if (held.isPresent()) {
            if (held.get().sequence() == publication.sequence()
                    && held.get().sha256().equals(Hashes.hex(Hashes.sha256(publication.content())))) {
                return Optional.empty();
            }
            if (held.get().sequence() >= publication.sequence()) {
                throw new PublicationRefused(PublicationCheck.OLDER);
            }
        }
        return Optional.of(publication);
    }

    /** What this vault applied last of {@code subject}. */
    public Optional<Applied> applied(Session session, String subject) {
        accounts.requireActive(session);
        return vault.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT sequence, version, sha256 FROM publications_applied WHERE subject = ?")) {
                q.setString(1, subject);
                try (ResultSet row = q.executeQuery()) {
                    return row.next() ? Optional.of(new Applied(row.getLong(1), row.getString(2), row.getString(3)))
                            : Optional.<Applied>empty();
                }
            }
        });
    }

    /** Records that {@code publication} was applied here (after its content was), audited by subject and number. */
    public void markApplied(Session session, Publication publication) {
        accounts.requireActive(session);
        String now = clock.instant().toString();
        vault.transaction(c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO publications_applied(subject, sequence, version, sha256, applied_at) "
                    + "VALUES (?,?,?,?,?) ON CONFLICT(subject) DO UPDATE SET sequence = excluded.sequence, version = excluded.version, "
                    + "sha256 = excluded.sha256, applied_at = excluded.applied_at")) {
                upsert.setString(1, publication.subject());
                upsert.setLong(2, publication.sequence());
                upsert.setString(3, publication.version());
                upsert.setString(4, Hashes.hex(Hashes.sha256(publication.content())));
                upsert.setString(5, now);
                upsert.executeUpdate();
            }
            audit.append(c, session.actorId(), "publication.applied", publication.subject(),
                    Map.of("sequence", Long.toString(publication.sequence())));
            return null;
        });
    }

    /** Records a refused publication in the audit trail, by subject, number and check. */
    public void refused(Session session, String subject, long sequence, PublicationCheck check) {
        accounts.requireActive(session);
        audit.record(session.actorId(), "publication.refused", subject,
                Map.of("sequence", Long.toString(sequence), "check", check.wire()));
    }
}
