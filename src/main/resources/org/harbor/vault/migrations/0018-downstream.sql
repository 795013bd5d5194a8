-- Forms and settings downstream (issue 18, ADR 0017). A central vault keeps what its office
-- published: each publication is the signed file laptops fetch, numbered in the order it was made.
-- A field vault keeps, per subject (one form id, or the settings), the publication it applied last,
-- so an older one is refused and one already applied is not fetched again.
CREATE TABLE publications (
  sequence      INTEGER PRIMARY KEY,          -- 1, 2, 3 ... in the order of publishing; signed in the file
  kind          TEXT NOT NULL CHECK (kind IN ('form', 'settings')),
  subject       TEXT NOT NULL,                -- 'form:<form id>' or 'settings'
  version       TEXT,                         -- a form's version attribute
  file          BLOB NOT NULL,                -- the signed publication as laptops fetch it
  sha256        TEXT NOT NULL,
  published_at  TEXT NOT NULL,
  published_by  INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX publications_by_subject ON publications(subject, sequence);

CREATE TABLE publications_applied (
  subject     TEXT PRIMARY KEY,
  sequence    INTEGER NOT NULL,
  version     TEXT,
  sha256      TEXT NOT NULL,
  applied_at  TEXT NOT NULL
);
