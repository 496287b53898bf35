-- A recording's content digest (#15): a retry under the same recording key but with other
-- templates is refused instead of silently taken for the first. NULL for earlier rows.
ALTER TABLE recordings ADD COLUMN request_hash TEXT;
