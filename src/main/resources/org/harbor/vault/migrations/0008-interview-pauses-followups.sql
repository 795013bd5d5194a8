-- Interviews, second part: pauses (the clock stops for an interruption; unlike a break it is not
-- counted as a rest for the survivor), and the second session scheduled when a reluctant
-- interviewee's session ends on rapport (DOMAIN.md R15).

CREATE TABLE interview_events_v2 (
  id          INTEGER PRIMARY KEY,
  session_id  TEXT NOT NULL REFERENCES interviews(session_id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('phase', 'break_start', 'break_end', 'pause_start', 'pause_end', 'stop')),
  detail      TEXT,
  offset_ms   INTEGER NOT NULL
);
INSERT INTO interview_events_v2(id, session_id, kind, detail, offset_ms)
  SELECT id, session_id, kind, detail, offset_ms FROM interview_events;
DROP TABLE interview_events;
ALTER TABLE interview_events_v2 RENAME TO interview_events;
CREATE INDEX interview_events_by_session ON interview_events(session_id, id);

-- A later interview session planned from an earlier one. The planned session is an ordinary
-- interview case-session; this row says when it is meant to happen and why.
CREATE TABLE interview_followups (
  session_id          TEXT PRIMARY KEY REFERENCES case_sessions(id) ON DELETE CASCADE,
  follows_session_id  TEXT NOT NULL REFERENCES interviews(session_id) ON DELETE CASCADE,
  scheduled_for       TEXT NOT NULL,
  reason              TEXT NOT NULL CHECK (reason IN ('reluctance')),
  created_at          TEXT NOT NULL
);
