-- Form answers, submissions and case facts of a sealed session or case are covered by its seal
-- (SealUnits puts them in the canonical JSON): they refuse changes as the other sealed rows do.
-- An amendment is an addendum; only the purge of a received case removes them.

CREATE TRIGGER form_answers_sealed_no_insert BEFORE INSERT ON form_answers
WHEN EXISTS (SELECT 1 FROM form_submissions s JOIN sealed_sessions x ON x.session_id = s.session_id WHERE s.id = NEW.submission_id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: this session is sealed; add an addendum');
END;

CREATE TRIGGER form_answers_sealed_no_update BEFORE UPDATE ON form_answers
WHEN EXISTS (SELECT 1 FROM form_submissions s JOIN sealed_sessions x ON x.session_id = s.session_id WHERE s.id = OLD.submission_id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: this session is sealed; add an addendum');
END;

CREATE TRIGGER form_answers_sealed_no_delete BEFORE DELETE ON form_answers
WHEN EXISTS (SELECT 1 FROM form_submissions s JOIN sealed_sessions x ON x.session_id = s.session_id WHERE s.id = OLD.submission_id)
 AND NOT EXISTS (SELECT 1 FROM form_submissions s JOIN purge_permits p ON p.case_id = s.case_id WHERE s.id = OLD.submission_id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: this session is sealed; add an addendum');
END;

CREATE TRIGGER form_submissions_sealed_no_insert BEFORE INSERT ON form_submissions
WHEN EXISTS (SELECT 1 FROM sealed_sessions WHERE session_id = NEW.session_id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: this session is sealed; add an addendum');
END;

CREATE TRIGGER form_submissions_sealed_no_update BEFORE UPDATE OF id, case_id, session_id, form_id, form_version, status, started_at, started_by, ended_at ON form_submissions
WHEN EXISTS (SELECT 1 FROM sealed_sessions WHERE session_id = OLD.session_id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: this session is sealed; add an addendum');
END;

CREATE TRIGGER form_submissions_sealed_no_delete BEFORE DELETE ON form_submissions
WHEN EXISTS (SELECT 1 FROM sealed_sessions WHERE session_id = OLD.session_id)
 AND NOT EXISTS (SELECT 1 FROM purge_permits WHERE case_id = OLD.case_id)
BEGIN
  SELECT RAISE(ABORT, 'sealed: this session is sealed; add an addendum');
END;
