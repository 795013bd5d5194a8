-- Seals, signing keys, the central office's trust, packages and receipts (issue 5).
-- Private keys live here, inside the encrypted database, and nowhere else.

CREATE TABLE signing_keys (
  key_id      TEXT PRIMARY KEY,
  purpose     TEXT NOT NULL CHECK (purpose IN ('user', 'device', 'receipt')),
  user_id     INTEGER REFERENCES users(id),
  public_key  BLOB NOT NULL,
  seed        BLOB NOT NULL,
  created_at  TEXT NOT NULL
);

CREATE UNIQUE INDEX signing_keys_one_per_user ON signing_keys(user_id) WHERE purpose = 'user';
CREATE UNIQUE INDEX signing_keys_one_per_vault ON signing_keys(purpose) WHERE purpose IN ('device', 'receipt');

-- Central vault only: the X25519 identities packages are encrypted to.
CREATE TABLE age_identities (
  label       TEXT PRIMARY KEY CHECK (label IN ('primary', 'backup')),
  recipient   TEXT NOT NULL,
  secret      TEXT NOT NULL,
  created_at  TEXT NOT NULL
);

-- Field vault only: the central office's public keys, from its trust bundle.
CREATE TABLE central_trust (
  id                 INTEGER PRIMARY KEY CHECK (id = 1),
  primary_recipient  TEXT NOT NULL,
  backup_recipient   TEXT NOT NULL,
  receipt_key        TEXT NOT NULL,
  imported_at        TEXT NOT NULL,
  imported_by        INTEGER NOT NULL REFERENCES users(id)
);

-- A seal: the canonical JSON of a session, a case or an addendum, its SHA-256 and the signer's
-- Ed25519 signature. No foreign key to cases: a purge removes seals explicitly, under a permit.
CREATE TABLE seals (
  id            TEXT PRIMARY KEY,
  case_id       TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('session', 'case', 'addendum')),
  unit_id       TEXT NOT NULL,
  amends        TEXT REFERENCES seals(id),
  reason        TEXT,
  content       TEXT NOT NULL,
  content_hash  TEXT NOT NULL,
  signer_id     INTEGER NOT NULL,
  signer_name   TEXT NOT NULL,
  signer_role   TEXT NOT NULL,
  key_id        TEXT NOT NULL,
  public_key    BLOB NOT NULL,
  signature     BLOB NOT NULL,
  sealed_at     TEXT NOT NULL,
  CHECK ((kind = 'addendum') = (amends IS NOT NULL AND reason IS NOT NULL))
);

CREATE INDEX seals_by_case ON seals(case_id, sealed_at);
CREATE UNIQUE INDEX seals_one_per_unit ON seals(kind, unit_id) WHERE kind IN ('session', 'case');

CREATE TABLE seal_cosignatures (
  seal_id      TEXT NOT NULL REFERENCES seals(id),
  signer_id    INTEGER NOT NULL,
  signer_name  TEXT NOT NULL,
  signer_role  TEXT NOT NULL,
  key_id       TEXT NOT NULL,
  public_key   BLOB NOT NULL,
  signature    BLOB NOT NULL,
  signed_at    TEXT NOT NULL,
  PRIMARY KEY (seal_id, signer_id)
);

-- A purge of a received case writes a permit, deletes the case's rows and removes the permit, all
-- in one transaction: the only way sealed rows are ever deleted.
CREATE TABLE purge_permits (
  case_id  TEXT PRIMARY KEY
);

CREATE VIEW sealed_cases AS
  SELECT unit_id AS case_id FROM seals WHERE kind = 'case';

CREATE VIEW sealed_sessions AS
  SELECT unit_id AS session_id FROM seals WHERE kind = 'session'
  UNION
  SELECT cs.id FROM case_sessions cs JOIN seals s ON s.kind = 'case' AND s.unit_id = cs.case_id;

CREATE TRIGGER seals_no_update BEFORE UPDATE ON seals
BEGIN
  SELECT RAISE(ABORT, 'sealed: a seal never changes; add an addendum');
END;

CREATE TRIGGER seals_no_delete BEFORE DELETE ON seals
WHEN NOT EXISTS (SELECT 1 FROM purge_permits WHERE case_id = OLD.case_id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: a seal is deleted only by the purge of a received case');
END;

CREATE TRIGGER seal_cosignatures_no_update BEFORE UPDATE ON seal_cosignatures
BEGIN
  SELECT RAISE(ABORT, 'sealed: a co-signature never changes');
END;

CREATE TRIGGER seal_cosignatures_no_delete BEFORE DELETE ON seal_cosignatures
WHEN NOT EXISTS (SELECT 1 FROM purge_permits p JOIN seals s ON s.case_id = p.case_id WHERE s.id = OLD.seal_id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: a co-signature is deleted only by the purge of a received case');
END;

CREATE TRIGGER cases_sealed_no_update BEFORE UPDATE OF id, number, opened_at, opened_by, lead_worker ON cases
WHEN EXISTS (SELECT 1 FROM sealed_cases WHERE case_id = OLD.id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: this case is sealed; add an addendum');
END;

CREATE TRIGGER cases_sealed_no_delete BEFORE DELETE ON cases
WHEN EXISTS (SELECT 1 FROM seals WHERE case_id = OLD.id)
 AND NOT EXISTS (SELECT 1 FROM purge_permits WHERE case_id = OLD.id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: this case is sealed; it leaves only by the purge of a received case');
END;

CREATE TRIGGER persons_sealed_no_insert BEFORE INSERT ON persons
WHEN EXISTS (SELECT 1 FROM sealed_cases WHERE case_id = NEW.case_id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: this case is sealed; add an addendum');
END;

CREATE TRIGGER persons_sealed_no_update BEFORE UPDATE ON persons
WHEN EXISTS (SELECT 1 FROM sealed_cases WHERE case_id = OLD.case_id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: this case is sealed; add an addendum');
END;

CREATE TRIGGER persons_sealed_no_delete BEFORE DELETE ON persons
WHEN EXISTS (SELECT 1 FROM sealed_cases WHERE case_id = OLD.case_id)
 AND NOT EXISTS (SELECT 1 FROM purge_permits WHERE case_id = OLD.case_id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: this case is sealed; add an addendum');
END;

CREATE TRIGGER case_sessions_sealed_no_insert BEFORE INSERT ON case_sessions
WHEN EXISTS (SELECT 1 FROM sealed_cases WHERE case_id = NEW.case_id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: this case is sealed; add an addendum');
END;

CREATE TRIGGER case_sessions_sealed_no_update BEFORE UPDATE ON case_sessions
WHEN EXISTS (SELECT 1 FROM sealed_sessions WHERE session_id = OLD.id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: this session is sealed; add an addendum');
END;

CREATE TRIGGER case_sessions_sealed_no_delete BEFORE DELETE ON case_sessions
WHEN EXISTS (SELECT 1 FROM sealed_sessions WHERE session_id = OLD.id)
 AND NOT EXISTS (SELECT 1 FROM purge_permits WHERE case_id = OLD.case_id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: this session is sealed; add an addendum');
END;

CREATE TRIGGER interviews_sealed_no_update BEFORE UPDATE ON interviews
WHEN EXISTS (SELECT 1 FROM sealed_sessions WHERE session_id = OLD.session_id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: this session is sealed; add an addendum');
END;

CREATE TRIGGER interviews_sealed_no_delete BEFORE DELETE ON interviews
WHEN EXISTS (SELECT 1 FROM sealed_sessions WHERE session_id = OLD.session_id)
 AND NOT EXISTS (SELECT 1 FROM purge_permits p JOIN case_sessions cs ON cs.case_id = p.case_id WHERE cs.id = OLD.session_id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: this session is sealed; add an addendum');
END;

CREATE TRIGGER utterances_sealed_no_insert BEFORE INSERT ON utterances
WHEN EXISTS (SELECT 1 FROM sealed_sessions WHERE session_id = NEW.session_id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: this session is sealed; add an addendum');
END;

CREATE TRIGGER utterances_sealed_no_update BEFORE UPDATE ON utterances
WHEN EXISTS (SELECT 1 FROM sealed_sessions WHERE session_id = OLD.session_id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: this session is sealed; add an addendum');
END;

CREATE TRIGGER utterances_sealed_no_delete BEFORE DELETE ON utterances
WHEN EXISTS (SELECT 1 FROM sealed_sessions WHERE session_id = OLD.session_id)
 AND NOT EXISTS (SELECT 1 FROM purge_permits p JOIN case_sessions cs ON cs.case_id = p.case_id WHERE cs.id = OLD.session_id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: this session is sealed; add an addendum');
END;

-- Field vault: packages written, and the receipts that came back for them.
CREATE TABLE exports (
  package_id     TEXT PRIMARY KEY,
  sequence       INTEGER NOT NULL UNIQUE,
  manifest_hash  TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  created_by     INTEGER NOT NULL REFERENCES users(id),
  received_at    TEXT,
  receipt        TEXT
);

CREATE TABLE export_cases (
  package_id  TEXT NOT NULL REFERENCES exports(package_id),
  case_id     TEXT NOT NULL,
  PRIMARY KEY (package_id, case_id)
);

-- Central vault: enrolled field devices, imported packages and the case versions they carried.
CREATE TABLE enrolled_devices (
  device_id      TEXT PRIMARY KEY,
  public_key     TEXT NOT NULL,
  label          TEXT NOT NULL,
  enrolled_at    TEXT NOT NULL,
  enrolled_by    INTEGER NOT NULL REFERENCES users(id),
  last_sequence  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE imported_packages (
  package_id     TEXT PRIMARY KEY,
  device_id      TEXT NOT NULL REFERENCES enrolled_devices(device_id),
  sequence       INTEGER NOT NULL,
  file_hash      TEXT NOT NULL,
  manifest_hash  TEXT NOT NULL,
  manifest       TEXT NOT NULL,
  stored_file    TEXT NOT NULL,
  imported_at    TEXT NOT NULL,
  imported_by    INTEGER NOT NULL REFERENCES users(id),
  receipt        TEXT NOT NULL,
  UNIQUE (device_id, sequence)
);

CREATE TABLE imported_cases (
  case_id       TEXT NOT NULL,
  version_hash  TEXT NOT NULL,
  package_id    TEXT NOT NULL REFERENCES imported_packages(package_id),
  state         TEXT NOT NULL CHECK (state IN ('current', 'conflict', 'superseded')),
  case_json     TEXT NOT NULL,
  imported_at   TEXT NOT NULL,
  PRIMARY KEY (case_id, version_hash)
);

CREATE TABLE imported_entries (
  package_id  TEXT NOT NULL REFERENCES imported_packages(package_id),
  name        TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  size        INTEGER NOT NULL,
  PRIMARY KEY (package_id, name)
);

CREATE TRIGGER imported_cases_content_fixed BEFORE UPDATE OF case_id, version_hash, package_id, case_json ON imported_cases
BEGIN
  SELECT RAISE(ABORT, 'sealed: an imported case version never changes');
END;

CREATE TRIGGER imported_cases_no_delete BEFORE DELETE ON imported_cases
BEGIN
  SELECT RAISE(ABORT, 'sealed: an imported case version is never deleted');
END;

CREATE TRIGGER imported_packages_no_update BEFORE UPDATE ON imported_packages
BEGIN
  SELECT RAISE(ABORT, 'sealed: an imported package record never changes');
END;
