-- The work of the central office on imported cases (issue 17, part B): decisions on possible
-- duplicates, resolutions of conflicting versions, and an append-only log of who did what.
-- Numbered 0003 so that part A of issue 17 can take 0002. Reasons are record content (staff may
-- write anything): encrypted by Harbor under the case key of the case they concern.

-- A person's decision on two persons of different cases: "merged" (the same person) or
-- "kept_apart" (not the same). Never made automatically. Undoing keeps the row (undone_*).
CREATE TABLE central_person_decisions (
  decision_id TEXT PRIMARY KEY,
  person_a TEXT NOT NULL,
  case_a TEXT NOT NULL REFERENCES central_cases(case_id),
  person_b TEXT NOT NULL,
  case_b TEXT NOT NULL REFERENCES central_cases(case_id),
  decision TEXT NOT NULL CHECK (decision IN ('merged', 'kept_apart')),
  score INTEGER NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  reason_enc BYTEA NOT NULL,
  undone_by TEXT,
  undone_at TEXT,
  undo_reason_enc BYTEA
);
CREATE UNIQUE INDEX central_person_decisions_open ON central_person_decisions(person_a, person_b) WHERE undone_at IS NULL;
CREATE INDEX central_person_decisions_b ON central_person_decisions(person_b);

-- A conflicting version as received (encrypted under the case key) so that it can be shown beside
-- the filed one and, if a person decides so, filed in its place; and how the conflict was resolved.
ALTER TABLE central_case_conflicts ADD COLUMN content_enc BYTEA;
ALTER TABLE central_case_conflicts ADD COLUMN resolution TEXT;
ALTER TABLE central_case_conflicts ADD COLUMN resolved_by TEXT;
ALTER TABLE central_case_conflicts ADD COLUMN resolved_at TEXT;
ALTER TABLE central_case_conflicts ADD COLUMN reason_enc BYTEA;

-- Who did what to which case, when; details (reasons) encrypted under the case key.
CREATE TABLE central_audit (
  entry_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  case_id TEXT NOT NULL REFERENCES central_cases(case_id),
  subject TEXT,
  detail_enc BYTEA
);
CREATE INDEX central_audit_case ON central_audit(case_id, entry_id);
