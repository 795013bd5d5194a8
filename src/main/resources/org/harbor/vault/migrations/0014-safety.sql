-- Safety first and mandatory reports (issue 14, R3 and R18). Both tables only grow: a row is never
-- changed or deleted (a correction is a new row), and nothing is added to a sealed case. The case
-- seal covers both (SealUnits). A purge of a received case removes them under its permit.

-- The action a supervisor took on a danger raised by a safety answer; the banner stays until one is
-- recorded after the latest danger. The text is record content: it is never audited.
CREATE TABLE safety_actions (
  id           TEXT PRIMARY KEY,
  case_id      TEXT NOT NULL REFERENCES cases(id),
  action       TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 4000),
  recorded_at  TEXT NOT NULL,
  recorded_by  INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX safety_actions_by_case ON safety_actions(case_id, recorded_at);

-- A mandatory report made under a jurisdiction's rule pack: when, to whom, with what reference.
CREATE TABLE mandatory_reports (
  id           TEXT PRIMARY KEY,
  case_id      TEXT NOT NULL REFERENCES cases(id),
  rule_id      TEXT NOT NULL,
  made_at      TEXT NOT NULL,
  made_to      TEXT NOT NULL CHECK (length(made_to) BETWEEN 1 AND 500),
  reference    TEXT NOT NULL CHECK (length(reference) <= 200),
  recorded_at  TEXT NOT NULL,
  recorded_by  INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX mandatory_reports_by_case ON mandatory_reports(case_id, rule_id);

CREATE TRIGGER safety_actions_sealed_no_insert BEFORE INSERT ON safety_actions
WHEN EXISTS (SELECT 1 FROM sealed_cases WHERE case_id = NEW.case_id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: this case is sealed; add an addendum');
END;

CREATE TRIGGER safety_actions_no_update BEFORE UPDATE ON safety_actions
BEGIN
  SELECT RAISE(ABORT, 'a recorded safety action never changes');
END;

CREATE TRIGGER safety_actions_no_delete BEFORE DELETE ON safety_actions
WHEN NOT EXISTS (SELECT 1 FROM purge_permits WHERE case_id = OLD.case_id)
BEGIN
  SELECT RAISE(ABORT, 'a recorded safety action is deleted only by the purge of a received case');
END;

CREATE TRIGGER mandatory_reports_sealed_no_insert BEFORE INSERT ON mandatory_reports
WHEN EXISTS (SELECT 1 FROM sealed_cases WHERE case_id = NEW.case_id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: this case is sealed; add an addendum');
END;

CREATE TRIGGER mandatory_reports_no_update BEFORE UPDATE ON mandatory_reports
BEGIN
  SELECT RAISE(ABORT, 'a logged report never changes');
END;

CREATE TRIGGER mandatory_reports_no_delete BEFORE DELETE ON mandatory_reports
WHEN NOT EXISTS (SELECT 1 FROM purge_permits WHERE case_id = OLD.case_id)
BEGIN
  SELECT RAISE(ABORT, 'a logged report is deleted only by the purge of a received case');
END;
