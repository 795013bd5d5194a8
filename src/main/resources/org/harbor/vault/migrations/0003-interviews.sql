-- Forensic interviews: the protocol in use, who is present, the utterance log, breaks and
-- phases, and the summary stored when the interview ends.

CREATE TABLE interviews (
  session_id       TEXT PRIMARY KEY REFERENCES case_sessions(id) ON DELETE CASCADE,
  profile_id       TEXT NOT NULL,
  profile_version  TEXT NOT NULL,
  language         TEXT NOT NULL,
  current_phase    TEXT,
  started_at       TEXT NOT NULL,
  ended_at         TEXT,
  end_reason       TEXT
);

CREATE TABLE interview_present (
  id           TEXT PRIMARY KEY,
  session_id   TEXT NOT NULL REFERENCES interviews(session_id) ON DELETE CASCADE,
  role         TEXT NOT NULL CHECK (role IN ('interviewer', 'second_interviewer', 'interpreter', 'guardian', 'advocate')),
  name         TEXT NOT NULL,
  recorded_at  TEXT NOT NULL
);

CREATE TABLE utterances (
  id          INTEGER PRIMARY KEY,
  session_id  TEXT NOT NULL REFERENCES interviews(session_id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('question', 'answer', 'note')),
  text        TEXT NOT NULL,
  verbatim    INTEGER NOT NULL,
  offset_ms   INTEGER NOT NULL,
  phase       TEXT,
  label       TEXT,
  rule_id     TEXT
);

CREATE INDEX utterances_by_session ON utterances(session_id, id);

CREATE TABLE interview_events (
  id          INTEGER PRIMARY KEY,
  session_id  TEXT NOT NULL REFERENCES interviews(session_id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('phase', 'break_start', 'break_end', 'stop')),
  detail      TEXT,
  offset_ms   INTEGER NOT NULL
);

CREATE TABLE interview_summaries (
  session_id    TEXT PRIMARY KEY REFERENCES interviews(session_id) ON DELETE CASCADE,
  summary_json  TEXT NOT NULL,
  created_at    TEXT NOT NULL
);
