-- Generated from the same text as postgresql/0001-central-store.sql; only BLOB/BYTEA differ.
-- The central case store (ADR 0010). Record content (names, aliases, answers, seal contents, form
-- instances, interview records, custody details, case numbers) is only ever in the *_enc columns,
-- encrypted by Harbor under a per-case key; search and matching go through central_tokens, keyed
-- blind indexes. What stays in clear is listed in ADR 0010: ids, times, device, status,
-- assignment, the treated-as-child flag, form structure (paths, kinds), hashes and signatures.

CREATE TABLE central_devices (
  device_id TEXT PRIMARY KEY,
  first_import_at TEXT NOT NULL,
  last_import_at TEXT NOT NULL,
  packages INTEGER NOT NULL
);

CREATE TABLE central_packages (
  package_id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL REFERENCES central_devices(device_id),
  sequence BIGINT NOT NULL,
  manifest_hash TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  exporter_id BIGINT NOT NULL,
  exporter_role TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  receipt TEXT,
  UNIQUE (device_id, sequence)
);

CREATE TABLE central_cases (
  case_id TEXT PRIMARY KEY,
  package_id TEXT NOT NULL REFERENCES central_packages(package_id),
  device_id TEXT NOT NULL REFERENCES central_devices(device_id),
  version_hash TEXT NOT NULL,
  case_key BLOB NOT NULL,
  number_enc BLOB NOT NULL,
  survivor_enc BLOB,
  opened_at TEXT,
  sealed_at TEXT,
  imported_at TEXT NOT NULL,
  status TEXT NOT NULL,
  assigned_to TEXT,
  treated_as_child INTEGER
);
CREATE INDEX central_cases_imported ON central_cases(imported_at, case_id);
CREATE INDEX central_cases_device ON central_cases(device_id, imported_at);
CREATE INDEX central_cases_status ON central_cases(status, imported_at);
CREATE INDEX central_cases_assigned ON central_cases(assigned_to, imported_at);

-- Another version of a case already here: kept aside for a person to resolve, never applied.
CREATE TABLE central_case_conflicts (
  case_id TEXT NOT NULL REFERENCES central_cases(case_id),
  version_hash TEXT NOT NULL,
  package_id TEXT NOT NULL REFERENCES central_packages(package_id),
  imported_at TEXT NOT NULL,
  PRIMARY KEY (case_id, version_hash)
);

CREATE TABLE central_persons (
  person_id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES central_cases(case_id),
  role TEXT NOT NULL,
  position INTEGER NOT NULL,
  name_enc BLOB NOT NULL,
  aliases_enc BLOB NOT NULL
);
CREATE INDEX central_persons_case ON central_persons(case_id);

CREATE TABLE central_sessions (
  session_id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES central_cases(case_id),
  kind TEXT NOT NULL,
  language TEXT,
  started_at TEXT,
  ended_at TEXT,
  interview_enc BLOB
);
CREATE INDEX central_sessions_case ON central_sessions(case_id);

CREATE TABLE central_submissions (
  submission_id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES central_cases(case_id),
  session_id TEXT REFERENCES central_sessions(session_id),
  form_id TEXT NOT NULL,
  form_version TEXT,
  status TEXT,
  started_at TEXT,
  ended_at TEXT,
  instance_enc BLOB
);
CREATE INDEX central_submissions_case ON central_submissions(case_id);

CREATE TABLE central_answers (
  submission_id TEXT NOT NULL REFERENCES central_submissions(submission_id),
  path TEXT NOT NULL,
  kind TEXT,
  fact_key TEXT,
  answered_at TEXT,
  answer_enc BLOB NOT NULL,
  PRIMARY KEY (submission_id, path)
);

CREATE TABLE central_attachments (
  attachment_id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES central_cases(case_id),
  sha256 TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  media_type TEXT,
  added_at TEXT,
  package_id TEXT NOT NULL REFERENCES central_packages(package_id),
  entry_name TEXT NOT NULL
);
CREATE INDEX central_attachments_case ON central_attachments(case_id);

CREATE TABLE central_seals (
  seal_id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES central_cases(case_id),
  kind TEXT NOT NULL,
  unit_id TEXT NOT NULL,
  amends TEXT,
  content_hash TEXT NOT NULL,
  signer_id BIGINT NOT NULL,
  signer_role TEXT NOT NULL,
  key_id TEXT NOT NULL,
  public_key BLOB NOT NULL,
  signature BLOB NOT NULL,
  sealed_at TEXT NOT NULL,
  cosignatures INTEGER NOT NULL,
  content_enc BLOB NOT NULL
);
CREATE INDEX central_seals_case ON central_seals(case_id);

CREATE TABLE central_custody (
  case_id TEXT NOT NULL REFERENCES central_cases(case_id),
  position INTEGER NOT NULL,
  seq BIGINT,
  at TEXT,
  action TEXT,
  hash TEXT,
  entry_enc BLOB NOT NULL,
  PRIMARY KEY (case_id, position)
);

-- Keyed blind indexes (HMAC-SHA-256, 16 bytes) per person: name and alias tokens, phonetic keys,
-- birth year, age band; and per case: the case number (person_id is the case id there).
CREATE TABLE central_tokens (
  case_id TEXT NOT NULL REFERENCES central_cases(case_id),
  person_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  token BLOB NOT NULL,
  PRIMARY KEY (person_id, kind, token)
);
CREATE INDEX central_tokens_lookup ON central_tokens(kind, token);
CREATE INDEX central_tokens_case ON central_tokens(case_id);

-- The central data key, in the central vault only (SQLCipher-encrypted): never on a server.
CREATE TABLE central_keyring (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  data_key BLOB NOT NULL,
  created_at TEXT NOT NULL
);
