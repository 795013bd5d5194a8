-- The case list, search and duplicates within their budgets at a million cases (issue 17,
-- bench/central.sh). A page is chosen first from an index alone (its keys and the columns the
-- filters test), and only its 50 rows are then read from the table: an index-only scan needs no
-- visit to a table row for each case it passes over.
--  * the date filter: the month's cases through (opened_at, imported_at, case_id), their order
--    taken from the index, not from 12 000 table rows;
--  * a device's cases with status, child or assignee: the device index carries those columns, so
--    the cases that do not match are skipped without reading them;
--  * newest first with any other filter: the same for the list's own index;
--  * names, indicators and duplicates: the token index carries person and case, so a token's
--    persons are read from the index alone.
DROP INDEX IF EXISTS central_cases_opened;
CREATE INDEX central_cases_opened ON central_cases(opened_at, imported_at, case_id);
DROP INDEX IF EXISTS central_cases_device;
CREATE INDEX central_cases_device ON central_cases(device_id, imported_at, case_id)
  INCLUDE (status, treated_as_child, assigned_to, opened_at);
DROP INDEX IF EXISTS central_cases_imported;
CREATE INDEX central_cases_imported ON central_cases(imported_at, case_id)
  INCLUDE (device_id, status, treated_as_child, assigned_to, opened_at);
DROP INDEX IF EXISTS central_tokens_lookup;
CREATE INDEX central_tokens_lookup ON central_tokens(kind, token) INCLUDE (person_id, case_id);
