-- Server-side idempotency of staff writes: the first answer to each client key, replayed when
-- the same request comes again (an outbox retry after a lost answer). A row is written in the
-- same D1 batch as the change it answers, so a key is never remembered for a write that did not
-- happen. Keys are scoped by staff member and subject: one client's key never meets another's.
CREATE TABLE idempotency_keys (
    staff_id     TEXT NOT NULL REFERENCES staff (id),
    subject      TEXT NOT NULL,              -- what the write is about: the application id
    key_hash     TEXT NOT NULL,              -- sha256 of the client's Idempotency-Key
    request_hash TEXT NOT NULL,              -- sha256 of method, path and body: another request under the key is refused
    status       INTEGER,                    -- the answer's HTTP status; NULL while a multi-step write (a recording) is under way
    response     TEXT,                       -- the answer's JSON body
    created_at   TEXT NOT NULL,
    PRIMARY KEY (staff_id, subject, key_hash)
);
