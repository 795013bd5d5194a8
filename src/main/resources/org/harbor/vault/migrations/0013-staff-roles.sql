-- Central staff roles (issue 17): a central office's case managers and analysts beside its
-- supervisors ('central'). SQLite cannot alter a CHECK constraint, so the users table is rebuilt
-- the way SQLite documents (new table, copy, drop, rename), with foreign keys off while it runs
-- and PRAGMA foreign_key_check before it commits; the runner does both for a file marked so.
-- harbor:foreign-keys-off

CREATE TABLE users_new (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL,
  normalized    TEXT NOT NULL UNIQUE,
  role          TEXT NOT NULL CHECK (role IN ('interviewer', 'intake', 'supervisor',
                                              'central', 'central_case_manager', 'analyst')),
  slot_id       TEXT NOT NULL UNIQUE,
  must_change   INTEGER NOT NULL DEFAULT 0,
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL,
  created_by    INTEGER REFERENCES users(id)
);

INSERT INTO users_new (id, username, normalized, role, slot_id, must_change, disabled, created_at, created_by)
  SELECT id, username, normalized, role, slot_id, must_change, disabled, created_at, created_by FROM users;

DROP TABLE users;

ALTER TABLE users_new RENAME TO users;
