-- Consent governs sharing (issue 12, ADR 0009). A child's own assent is kept beside each consent;
-- a lawful basis that allows a use without consent is recorded, never assumed; each form answer
-- gets a random salt so that a seal can cover it by a digest and a package can leave it out
-- without breaking the seal. A purged case takes its consents and lawful bases with it.

ALTER TABLE consents ADD COLUMN child_assent TEXT CHECK (child_assent IN ('yes', 'no'));

CREATE TABLE lawful_bases (
  id           TEXT PRIMARY KEY,
  case_id      TEXT NOT NULL REFERENCES cases(id),
  purpose      TEXT NOT NULL
               CHECK (purpose IN ('services', 'referral', 'law_enforcement', 'national_referral')),
  target       TEXT,
  target_key   TEXT NOT NULL DEFAULT '',
  basis        TEXT NOT NULL CHECK (basis IN ('child_protection', 'child_national_referral', 'legal_duty')),
  reference    TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  recorded_by  INTEGER NOT NULL REFERENCES users(id),
  seq          INTEGER NOT NULL UNIQUE,
  CHECK ((purpose = 'referral') = (target IS NOT NULL AND target_key <> ''))
);

CREATE INDEX lawful_bases_by_case ON lawful_bases(case_id, purpose, target_key, seq);

CREATE TRIGGER lawful_bases_never_updated BEFORE UPDATE ON lawful_bases
BEGIN
  SELECT RAISE(ABORT, 'a lawful basis is never changed: record a new one');
END;

CREATE TRIGGER lawful_bases_never_deleted BEFORE DELETE ON lawful_bases
WHEN NOT EXISTS (SELECT 1 FROM purge_permits WHERE case_id = OLD.case_id)
BEGIN
  SELECT RAISE(ABORT, 'a lawful basis is never deleted');
END;

DROP TRIGGER consents_never_deleted;
CREATE TRIGGER consents_never_deleted BEFORE DELETE ON consents
WHEN NOT EXISTS (SELECT 1 FROM purge_permits WHERE case_id = OLD.case_id)
BEGIN
  SELECT RAISE(ABORT, 'a consent is never deleted: revoke it');
END;

DROP TRIGGER consent_revocations_never_deleted;
CREATE TRIGGER consent_revocations_never_deleted BEFORE DELETE ON consent_revocations
WHEN NOT EXISTS (SELECT 1 FROM purge_permits p JOIN consents k ON k.case_id = p.case_id WHERE k.id = OLD.consent_id)
BEGIN
  SELECT RAISE(ABORT, 'a revocation is never deleted');
END;

-- The salt is not part of any format-1 seal, so giving sealed answers one changes no seal.
DROP TRIGGER form_answers_sealed_no_update;
ALTER TABLE form_answers ADD COLUMN salt BLOB;
UPDATE form_answers SET salt = randomblob(32);
CREATE TRIGGER form_answers_sealed_no_update BEFORE UPDATE ON form_answers
WHEN EXISTS (SELECT 1 FROM form_submissions s JOIN sealed_sessions x ON x.session_id = s.session_id WHERE s.id = OLD.submission_id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: this session is sealed; add an addendum');
END;

CREATE TRIGGER form_answers_salted AFTER INSERT ON form_answers WHEN NEW.salt IS NULL
BEGIN
  UPDATE form_answers SET salt = randomblob(32) WHERE submission_id = NEW.submission_id AND path = NEW.path;
END;
