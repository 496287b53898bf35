-- Sign-in throttling per (account name, client) instead of a lock on the account itself (#15).
-- A lock kept on the account let anyone lock every operator out with a few wrong guesses each
-- period, and answered differently for names that exist; counting per name as typed (unknown
-- names too) and per client makes both impossible. Policy: edge/src/services/sign_in_throttle.rs.
CREATE TABLE sign_in_attempts (
    username        TEXT NOT NULL,            -- the name as typed, trimmed and lower-cased
    client          TEXT NOT NULL,            -- the client key (CF-Connecting-IP)
    failures        INTEGER NOT NULL,         -- counted when an attempt begins, before the check
    window_start    TEXT NOT NULL,            -- ISO timestamp of the first failure counted
    last_success_at TEXT,                     -- this client signed in as this name then
    PRIMARY KEY (username, client)
);

-- The old per-account counters are replaced by the table above.
ALTER TABLE staff DROP COLUMN failed_attempts;
ALTER TABLE staff DROP COLUMN locked_until;
