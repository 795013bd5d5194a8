-- Forms: registered XForm definitions (built-in and imported, versioned), submissions per case
-- session with every answer and non-response, the ask-once fact store with its history, and the
-- session-care events (pauses, breaks, stops) of a form session.

CREATE TABLE form_definitions (
  form_id       TEXT NOT NULL,
  version       TEXT NOT NULL,
  title         TEXT NOT NULL,
  source        TEXT NOT NULL CHECK (source IN ('builtin', 'import')),
  sensitivity   TEXT NOT NULL DEFAULT 'normal',
  xml           BLOB NOT NULL,
  sha256        TEXT NOT NULL,
  registered_at TEXT NOT NULL,
  registered_by INTEGER REFERENCES users(id),
  PRIMARY KEY (form_id, version)
);

CREATE TABLE form_submissions (
  id             TEXT PRIMARY KEY,
  case_id        TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  session_id     TEXT NOT NULL REFERENCES case_sessions(id) ON DELETE CASCADE,
  form_id        TEXT NOT NULL,
  form_version   TEXT NOT NULL,
  status         TEXT NOT NULL DEFAULT 'in_progress'
                 CHECK (status IN ('in_progress', 'paused', 'stopped', 'complete')),
  position       TEXT NOT NULL DEFAULT '',
  started_at     TEXT NOT NULL,
  started_by     INTEGER NOT NULL REFERENCES users(id),
  updated_at     TEXT NOT NULL,
  ended_at       TEXT,
  stop_reason    TEXT,
  FOREIGN KEY (form_id, form_version) REFERENCES form_definitions(form_id, version),
  UNIQUE (session_id, form_id)
);

CREATE INDEX form_submissions_by_case ON form_submissions(case_id);

-- One row per answered question instance (path carries repeat positions, e.g.
-- /data/guardians[2]/name). The value and the non-response are kept apart: a declined question has
-- no value. Purposes, the fact key and the danger mark are copied from the form's binds when the
-- answer is written, so the case view can ask about them without parsing forms.
CREATE TABLE form_answers (
  submission_id  TEXT NOT NULL REFERENCES form_submissions(id) ON DELETE CASCADE,
  path           TEXT NOT NULL,
  kind           TEXT NOT NULL,
  value          TEXT,
  non_response   TEXT CHECK (non_response IN ('declined', 'dont_know', 'not_asked')),
  not_asked_reason TEXT CHECK (not_asked_reason IN ('distressed', 'not_applicable', 'out_of_time')),
  fact_key       TEXT,
  purposes       TEXT NOT NULL DEFAULT '',
  danger         INTEGER NOT NULL DEFAULT 0,
  answered_at    TEXT NOT NULL,
  answered_by    INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (submission_id, path),
  CHECK (value IS NULL OR non_response IS NULL),
  CHECK ((non_response = 'not_asked') = (not_asked_reason IS NOT NULL))
);

-- Ask once: the current value of each fact of a case, and who recorded it.
CREATE TABLE case_facts (
  case_id        TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  fact_key       TEXT NOT NULL,
  value          TEXT NOT NULL,
  recorded_at    TEXT NOT NULL,
  recorded_by    INTEGER NOT NULL REFERENCES users(id),
  recorded_role  TEXT NOT NULL,
  submission_id  TEXT REFERENCES form_submissions(id) ON DELETE SET NULL,
  PRIMARY KEY (case_id, fact_key)
);

-- Every earlier value of a fact, kept when it was corrected: who, when and why.
CREATE TABLE case_fact_history (
  id             INTEGER PRIMARY KEY,
  case_id        TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  fact_key       TEXT NOT NULL,
  old_value      TEXT NOT NULL,
  old_recorded_at TEXT NOT NULL,
  old_recorded_by INTEGER NOT NULL REFERENCES users(id),
  new_value      TEXT NOT NULL,
  changed_at     TEXT NOT NULL,
  changed_by     INTEGER NOT NULL REFERENCES users(id),
  reason         TEXT NOT NULL
);

CREATE INDEX case_fact_history_by_case ON case_fact_history(case_id, fact_key, id);

CREATE TABLE form_session_events (
  id             INTEGER PRIMARY KEY,
  submission_id  TEXT NOT NULL REFERENCES form_submissions(id) ON DELETE CASCADE,
  kind           TEXT NOT NULL CHECK (kind IN ('opened', 'break_offered', 'break_taken', 'break_declined',
                                               'break_end', 'pause', 'resume', 'stop', 'complete')),
  reason         TEXT,
  at             TEXT NOT NULL,
  by_user        INTEGER NOT NULL REFERENCES users(id)
);

CREATE INDEX form_session_events_by_submission ON form_session_events(submission_id, id);
