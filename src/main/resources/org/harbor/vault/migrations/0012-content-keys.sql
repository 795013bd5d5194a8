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
