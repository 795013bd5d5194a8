-- The central office's log is hash-chained like the vault's audit log (ADR 0003), keyed with a key
-- derived from the central data key: entry i stores prev_hash = hash of entry i-1 and
-- hash = HMAC-SHA-256(k_audit, prev_hash || canonical JSON of entry i), so that neither a changed,
-- removed or inserted row nor a recomputed chain (without the central keys) goes unnoticed.
-- Rows written before this migration are chained at the store's next opening.
ALTER TABLE central_audit ADD COLUMN seq BIGINT;
ALTER TABLE central_audit ADD COLUMN prev_hash TEXT;
ALTER TABLE central_audit ADD COLUMN hash TEXT;
CREATE UNIQUE INDEX central_audit_seq ON central_audit(seq);

-- The head of the chain: its row is locked by every append, so appends from several workstations
-- take their turn; a removed tail shows as a head the last row does not match.
CREATE TABLE central_audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO central_audit_head(id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
