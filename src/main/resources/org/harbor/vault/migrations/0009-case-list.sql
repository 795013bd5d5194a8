-- The case list's default orders without a sort of every case (10 000 cases: 60 ms → under 2 ms).

CREATE INDEX cases_by_updated ON cases(updated_at, number);
CREATE INDEX cases_by_opened ON cases(opened_at, number);
