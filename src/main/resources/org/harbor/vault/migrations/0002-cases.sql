-- Cases, the people in them, their sessions, and the full-text index for the case list.

CREATE TABLE cases (
  id           TEXT PRIMARY KEY,
  number       TEXT NOT NULL UNIQUE,
  status       TEXT NOT NULL DEFAULT 'open'
               CHECK (status IN ('open', 'in_review', 'sealed', 'exported', 'received')),
  opened_at    TEXT NOT NULL,
  opened_by    INTEGER NOT NULL REFERENCES users(id),
  lead_worker  INTEGER REFERENCES users(id),
  updated_at   TEXT NOT NULL
);

CREATE INDEX cases_by_status ON cases(status, updated_at);
CREATE INDEX cases_by_lead ON cases(lead_worker, updated_at);
CREATE INDEX cases_by_opener ON cases(opened_by, updated_at);

CREATE TABLE persons (
  id            TEXT PRIMARY KEY,
  case_id       TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  role          TEXT NOT NULL CHECK (role IN ('survivor', 'guardian', 'contact')),
  display_name  TEXT NOT NULL,
  aliases       TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  created_by    INTEGER NOT NULL REFERENCES users(id)
);

CREATE INDEX persons_by_case ON persons(case_id);

CREATE TABLE case_sessions (
  id                  TEXT PRIMARY KEY,
  case_id             TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  kind                TEXT NOT NULL CHECK (kind IN ('intake', 'screening', 'interview', 'follow_up')),
  interview_language  TEXT NOT NULL,
  started_at          TEXT NOT NULL,
  started_by          INTEGER NOT NULL REFERENCES users(id),
  ended_at            TEXT
);

CREATE INDEX case_sessions_by_case ON case_sessions(case_id);

-- One row per case: what the case list searches. Kept in step by CaseService in the same
-- transaction as the change; inside the encrypted database like everything else.
CREATE VIRTUAL TABLE case_search USING fts5(
  case_id UNINDEXED, number, names, aliases, answers,
  tokenize = 'unicode61 remove_diacritics 2'
);
