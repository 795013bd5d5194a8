-- Roles backed by keys (issue 15, ADR 0011): each account's X25519 public key (its private half
-- is wrapped in its own key slot), the content-class keys wrapped to each account that may read
-- the class, and user signing keys that can be retired (their seed wiped) while their public key
-- stays enrolled for verifying the seals made with it.

CREATE TABLE account_keys (
  slot_id     TEXT PRIMARY KEY,
  public_key  BLOB NOT NULL CHECK (length(public_key) = 32),
  created_at  TEXT NOT NULL
);

CREATE TABLE content_key_grants (
  slot_id        TEXT NOT NULL,
  content_class  TEXT NOT NULL,
  recipient      BLOB NOT NULL,
  ephemeral      BLOB NOT NULL,
  nonce          BLOB NOT NULL,
  wrapped        BLOB NOT NULL,
  granted_at     TEXT NOT NULL,
  PRIMARY KEY (slot_id, content_class)
);

ALTER TABLE signing_keys ADD COLUMN retired_at TEXT;
DROP INDEX signing_keys_one_per_user;
CREATE UNIQUE INDEX signing_keys_one_per_user ON signing_keys(user_id) WHERE purpose = 'user' AND retired_at IS NULL;

-- While the first supervisor log-in encrypts content written before the class key existed, the
-- one row of content_reencryption lets a sealed row change its stored form (clear to encrypted,
-- the same value) and nothing else; the row is deleted in the same transaction.
CREATE TABLE content_reencryption (id INTEGER PRIMARY KEY CHECK (id = 1));

DROP TRIGGER utterances_sealed_no_update;
CREATE TRIGGER utterances_sealed_no_update BEFORE UPDATE ON utterances
WHEN EXISTS (SELECT 1 FROM sealed_sessions WHERE session_id = OLD.session_id)
 AND NOT (EXISTS (SELECT 1 FROM content_reencryption)
      AND NEW.id IS OLD.id AND NEW.session_id IS OLD.session_id AND NEW.kind IS OLD.kind
      AND NEW.verbatim IS OLD.verbatim AND NEW.offset_ms IS OLD.offset_ms AND NEW.phase IS OLD.phase
      AND NEW.label IS OLD.label AND NEW.rule_id IS OLD.rule_id
      AND substr(OLD.text, 1, 4) <> 'hc1.' AND substr(NEW.text, 1, 4) = 'hc1.')
BEGIN
  SELECT RAISE(ABORT, 'sealed: this session is sealed; add an addendum');
END;

DROP TRIGGER form_answers_sealed_no_update;
-- Whether a danger-tagged answer raises the danger flag, kept beside the value: the flag is for
-- everyone who works the case, the value of a trafficking-history answer only for the interview
-- roles. Filled here for existing rows (all still in clear), by FormStore for new ones.
ALTER TABLE form_answers ADD COLUMN danger_raised INTEGER NOT NULL DEFAULT 0;
UPDATE form_answers SET danger_raised = 1
 WHERE danger = 1 AND (value = 'yes' OR ' ' || value || ' ' LIKE '% yes %');
CREATE TRIGGER form_answers_sealed_no_update BEFORE UPDATE ON form_answers
WHEN EXISTS (SELECT 1 FROM form_submissions s JOIN sealed_sessions x ON x.session_id = s.session_id WHERE s.id = OLD.submission_id)
 AND NOT (EXISTS (SELECT 1 FROM content_reencryption)
      AND NEW.submission_id IS OLD.submission_id AND NEW.path IS OLD.path AND NEW.kind IS OLD.kind
      AND NEW.non_response IS OLD.non_response AND NEW.not_asked_reason IS OLD.not_asked_reason
      AND NEW.fact_key IS OLD.fact_key AND NEW.purposes IS OLD.purposes AND NEW.danger IS OLD.danger
      AND NEW.answered_at IS OLD.answered_at AND NEW.answered_by IS OLD.answered_by AND NEW.salt IS OLD.salt
      AND NEW.danger_raised IS OLD.danger_raised
      AND substr(OLD.value, 1, 4) <> 'hc1.' AND substr(NEW.value, 1, 4) = 'hc1.')
BEGIN
  SELECT RAISE(ABORT, 'sealed: this session is sealed; add an addendum');
END;
