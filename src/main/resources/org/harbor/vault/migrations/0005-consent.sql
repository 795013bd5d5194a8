-- Consent per purpose (DOMAIN.md R8, R17). Nothing here is ever updated or deleted: a change
-- of mind is a new consent row, a withdrawal a row in consent_revocations. Depends only on
-- cases, persons and users.

CREATE TABLE consents (
  id                         TEXT PRIMARY KEY,
  case_id                    TEXT NOT NULL REFERENCES cases(id),
  purpose                    TEXT NOT NULL
                             CHECK (purpose IN ('services', 'referral', 'law_enforcement',
                                                'national_referral', 'research', 'recording')),
  target                     TEXT,
  target_key                 TEXT NOT NULL DEFAULT '',
  decision                   TEXT NOT NULL CHECK (decision IN ('given', 'refused')),
  by_survivor                INTEGER NOT NULL CHECK (by_survivor IN (0, 1)),
  assent                     INTEGER NOT NULL CHECK (assent IN (0, 1)),
  guardian_person_id         TEXT REFERENCES persons(id),
  guardian_name              TEXT,
  guardian_excluded          INTEGER NOT NULL DEFAULT 0 CHECK (guardian_excluded IN (0, 1)),
  guardian_exclusion_reason  TEXT,
  authority                  TEXT,
  method                     TEXT NOT NULL CHECK (method IN ('verbal', 'written', 'other')),
  method_detail              TEXT,
  language                   TEXT NOT NULL,
  interpreter                TEXT,
  recorded_at                TEXT NOT NULL,
  recorded_by                INTEGER NOT NULL REFERENCES users(id),
  seq                        INTEGER NOT NULL UNIQUE,
  CHECK ((purpose = 'referral') = (target IS NOT NULL AND target_key <> '')),
  CHECK (guardian_excluded = 0 OR (guardian_name IS NOT NULL AND guardian_exclusion_reason IS NOT NULL)),
  CHECK (by_survivor = 1 OR (guardian_name IS NOT NULL AND guardian_excluded = 0) OR authority IS NOT NULL)
);

CREATE INDEX consents_by_case ON consents(case_id, purpose, target_key, seq);

CREATE TABLE consent_revocations (
  consent_id  TEXT PRIMARY KEY REFERENCES consents(id),
  revoked_at  TEXT NOT NULL,
  revoked_by  INTEGER NOT NULL REFERENCES users(id),
  reason      TEXT NOT NULL
);

CREATE TRIGGER consents_never_updated BEFORE UPDATE ON consents
BEGIN
  SELECT RAISE(ABORT, 'a consent is never changed: record a new one or revoke it');
END;

CREATE TRIGGER consents_never_deleted BEFORE DELETE ON consents
BEGIN
  SELECT RAISE(ABORT, 'a consent is never deleted: revoke it');
END;

CREATE TRIGGER consent_revocations_never_updated BEFORE UPDATE ON consent_revocations
BEGIN
  SELECT RAISE(ABORT, 'a revocation is never changed');
END;

CREATE TRIGGER consent_revocations_never_deleted BEFORE DELETE ON consent_revocations
BEGIN
  SELECT RAISE(ABORT, 'a revocation is never deleted');
END;
