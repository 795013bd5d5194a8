-- Workload (R22, issue 14): whether the interviewer marked, when ending an interview, that the
-- child disclosed severe harm in it. A figure for the supervisor's view of each interviewer's
-- load, never words of the interview; 0 for interviews ended before this column existed.
ALTER TABLE interviews ADD COLUMN severe_harm INTEGER NOT NULL DEFAULT 0 CHECK (severe_harm IN (0, 1));
