-- Attachments: documents and photos of a case. The files themselves are age files under
-- HARBOR_HOME/blobs/ with random names; everything said about them (original name, type, size,
-- who, when, note, SHA-256 of the plaintext) lives only here, inside the encrypted database.

CREATE TABLE attachments (
  id             TEXT PRIMARY KEY,
  case_id        TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  blob_name      TEXT NOT NULL UNIQUE,
  original_name  TEXT NOT NULL,
  media_type     TEXT NOT NULL,
  size_bytes     INTEGER NOT NULL CHECK (size_bytes >= 0),
  sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
  note           TEXT,
  added_at       TEXT NOT NULL,
  added_by       INTEGER NOT NULL REFERENCES users(id)
);

CREATE INDEX attachments_by_case ON attachments(case_id, added_at);

-- The vault's age X25519 identity for blobs: one row, created on first need.
CREATE TABLE attachment_keys (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  recipient   TEXT NOT NULL,
  identity    TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
