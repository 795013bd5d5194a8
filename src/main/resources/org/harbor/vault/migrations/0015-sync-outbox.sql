-- Sync (issue 18, ADR 0015). The trust bundle may name the office's sync server and pin its TLS
-- certificate; a field vault keeps both with the bundle.
ALTER TABLE central_trust ADD COLUMN sync_url TEXT;
ALTER TABLE central_trust ADD COLUMN sync_certificate BLOB;

-- The outbox of a field vault: packages a supervisor released for sending. A row is written before
-- the package file (state 'preparing'), so a crash at any point leaves either nothing or a row that
-- the next start completes or drops; nothing is sent that a supervisor did not release.
CREATE TABLE outbox (
  id              TEXT PRIMARY KEY,            -- names the file outbox/<id>.harbor in the vault folder
  package_id      TEXT UNIQUE,                 -- once the package is written
  state           TEXT NOT NULL CHECK (state IN ('preparing', 'released', 'received', 'refused')),
  bytes           INTEGER NOT NULL DEFAULT 0,
  released_at     TEXT NOT NULL,
  released_by     INTEGER NOT NULL REFERENCES users(id),
  attempts        INTEGER NOT NULL DEFAULT 0,
  last_attempt_at TEXT,
  last_check      TEXT,                        -- the check that refused it, or that the last attempt failed at
  received_at     TEXT
);
CREATE INDEX outbox_state ON outbox(state, released_at);
