-- Staff accounts, sessions, the audit log, biometric recordings and 1:N outcomes.

CREATE TABLE staff (
    id              TEXT PRIMARY KEY,
    username        TEXT NOT NULL UNIQUE,
    display_name    TEXT NOT NULL,
    role            TEXT NOT NULL,               -- shared::auth::Role
    district_code   TEXT,                        -- kecamatan operators only: the one kecamatan they serve
    password_hash   TEXT NOT NULL,               -- argon2id PHC string
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT,                        -- ISO timestamp; sign-in refused before it
    active          INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL
);

CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,                -- sha256 of the cookie token: a database leak gives no sessions
    staff_id    TEXT NOT NULL REFERENCES staff (id),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    client      TEXT NOT NULL
);
CREATE INDEX sessions_by_staff ON sessions (staff_id);

-- Append-only: who read or wrote which personal data, when, from where. No UPDATE or DELETE is
-- ever issued on this table (the triggers refuse them).
CREATE TABLE audit_log (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    at             TEXT NOT NULL,
    staff_id       TEXT,                         -- NULL for residents and the matching worker
    role           TEXT NOT NULL,
    action         TEXT NOT NULL,                -- e.g. application.read, application.verify
    application_id TEXT,
    client         TEXT NOT NULL,
    request_id     TEXT NOT NULL,
    detail_json    TEXT
);
CREATE INDEX audit_by_application ON audit_log (application_id, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

-- One biometric recording of an application. The reference id is random and is the only thing
-- the matching worker knows about the person; templates are not stored here.
CREATE TABLE recordings (
    reference_id      TEXT PRIMARY KEY,
    application_id    TEXT NOT NULL REFERENCES applications (id),
    idempotency_key   TEXT NOT NULL UNIQUE,
    recorded_by       TEXT NOT NULL REFERENCES staff (id),
    district_code     TEXT NOT NULL,
    face_r2_key       TEXT NOT NULL,
    signature_r2_key  TEXT NOT NULL,
    fingers_json      TEXT NOT NULL,             -- per finger: position, quality, or exception reason (no templates)
    recorded_at       TEXT NOT NULL
);
CREATE INDEX recordings_by_application ON recordings (application_id);

-- The 1:N outcome of a recording: the decision and, for ADJUDICATE/DUPLICATE, the candidates.
CREATE TABLE match_results (
    reference_id    TEXT PRIMARY KEY REFERENCES recordings (reference_id),
    decision        TEXT NOT NULL,               -- PRINT_READY_RECORD | ADJUDICATE_RECORD | DUPLICATE_RECORD | ENROLL_FAILURE
    candidates_json TEXT NOT NULL,               -- [{reference_id, fused_score, fingers: [{position, score}]}]
    searched_people INTEGER NOT NULL,
    decided_at      TEXT NOT NULL
);

-- Optimistic concurrency for life-cycle transitions: a batch starts by inserting into this table
-- only when the application is NOT in the stage the caller read; the NOT NULL constraint then
-- aborts the whole batch, so a transition is never applied on top of someone else's.
CREATE TABLE transition_guard (
    never_null TEXT NOT NULL
);
