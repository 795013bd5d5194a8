-- The same indexes as postgresql/0007-central-queries-at-scale.sql, in SQLite's form: SQLite has
-- no INCLUDE, so the columns the filters test are trailing key columns (an index that holds every
-- column a query reads is covering in SQLite too).
DROP INDEX IF EXISTS central_cases_opened;
CREATE INDEX central_cases_opened ON central_cases(opened_at, imported_at, case_id);
DROP INDEX IF EXISTS central_cases_device;
CREATE INDEX central_cases_device ON central_cases(device_id, imported_at, case_id, status, treated_as_child, assigned_to, opened_at);
DROP INDEX IF EXISTS central_cases_imported;
CREATE INDEX central_cases_imported ON central_cases(imported_at, case_id, device_id, status, treated_as_child, assigned_to, opened_at);
DROP INDEX IF EXISTS central_tokens_lookup;
CREATE INDEX central_tokens_lookup ON central_tokens(kind, token, person_id, case_id);
