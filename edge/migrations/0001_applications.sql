-- Applications, their life-cycle events and their documents.
-- Personal data lives only here (D1) and in R2; the matching worker never sees these tables.

CREATE TABLE applications (
    id                TEXT PRIMARY KEY,          -- random 128-bit hex, internal only
    registration_code TEXT NOT NULL UNIQUE,      -- compact form (no dashes): the public key
    idempotency_key   TEXT NOT NULL UNIQUE,      -- sha256 of the client's Idempotency-Key
    request_hash      TEXT NOT NULL,             -- sha256 of form + files: a reused key with other content is refused
    stage             TEXT NOT NULL,             -- shared::lifecycle::Stage, SCREAMING_SNAKE_CASE
    application_type  TEXT NOT NULL,
    district_code     TEXT NOT NULL,             -- kecamatan of the address (dotted): scopes staff access
    village_code      TEXT NOT NULL,
    nik               TEXT NOT NULL,
    full_name         TEXT NOT NULL,
    form_json         TEXT NOT NULL,             -- the validated shared::api::ApplicationForm
    warnings_json     TEXT NOT NULL,             -- validation warnings for staff
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX applications_by_district_stage ON applications (district_code, stage, created_at);
CREATE INDEX applications_by_nik ON applications (nik);

-- Append-only: one row per transition; the public timeline is read from here.
CREATE TABLE application_events (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id TEXT NOT NULL REFERENCES applications (id),
    stage          TEXT NOT NULL,                -- the stage entered
    actor          TEXT NOT NULL,
    detail_json    TEXT,                         -- e.g. return reasons; never shown publicly except reasons
    at             TEXT NOT NULL
);
CREATE INDEX application_events_by_application ON application_events (application_id, id);

CREATE TABLE documents (
    application_id TEXT NOT NULL REFERENCES applications (id),
    kind           TEXT NOT NULL,                -- shared::api::AttachmentKind, snake_case
    r2_key         TEXT NOT NULL,
    content_type   TEXT NOT NULL,
    bytes          INTEGER NOT NULL,
    sha256         TEXT NOT NULL,
    PRIMARY KEY (application_id, kind)
);
