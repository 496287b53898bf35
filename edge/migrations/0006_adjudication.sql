-- Adjudication at the dinas: cases of held recordings, who works on them, two-person proposals,
-- clarifications with the resident, and flags for the supervisor.

-- One case per person in doubt: opened when the matcher holds an application (ADJUDICATE_RECORD
-- or DUPLICATE_RECORD); a later held recording whose candidates include an application of an
-- open case joins that case instead. Closed when none of its applications is held any more.
CREATE TABLE adjudication_cases (
    id               TEXT PRIMARY KEY,           -- random hex
    opened_at        TEXT NOT NULL,
    closed_at        TEXT,
    holder_id        TEXT REFERENCES staff (id), -- the live claim's holder, if any
    claimed_at       TEXT,
    last_activity_at TEXT                        -- the claim lapses 30 minutes after this
);
CREATE INDEX adjudication_cases_open ON adjudication_cases (closed_at, opened_at);

-- The held applications of a case, each with the recording that was held.
CREATE TABLE case_applications (
    case_id        TEXT NOT NULL REFERENCES adjudication_cases (id),
    application_id TEXT NOT NULL REFERENCES applications (id),
    reference_id   TEXT NOT NULL REFERENCES recordings (reference_id),
    attached_at    TEXT NOT NULL,
    decided_at     TEXT,                         -- set when an approval or clarification moved it on
    PRIMARY KEY (case_id, application_id)
);
CREATE INDEX case_applications_by_application ON case_applications (application_id);

-- A proposal is not a transition; its approval by another supervisor is.
CREATE TABLE adjudication_proposals (
    id                       TEXT PRIMARY KEY,
    case_id                  TEXT NOT NULL REFERENCES adjudication_cases (id),
    application_id           TEXT NOT NULL REFERENCES applications (id),
    decision                 TEXT NOT NULL,      -- shared::lifecycle::Adjudication, snake_case
    candidate_application_id TEXT REFERENCES applications (id),
    reason                   TEXT NOT NULL,
    proposed_by              TEXT NOT NULL REFERENCES staff (id),
    proposed_at              TEXT NOT NULL,
    status                   TEXT NOT NULL,      -- pending | approved | sent_back
    reviewed_by              TEXT REFERENCES staff (id),
    reviewed_at              TEXT,
    review_reason            TEXT
);
CREATE INDEX adjudication_proposals_by_case ON adjudication_proposals (case_id, proposed_at);
-- At most one pending proposal per held application.
CREATE UNIQUE INDEX adjudication_proposals_one_pending ON adjudication_proposals (application_id)
    WHERE status = 'pending';

CREATE TABLE clarifications (
    id                      TEXT PRIMARY KEY,
    case_id                 TEXT NOT NULL REFERENCES adjudication_cases (id),
    application_id          TEXT NOT NULL REFERENCES applications (id),
    recorded_by             TEXT NOT NULL REFERENCES staff (id),
    recorded_at             TEXT NOT NULL,
    statement               TEXT NOT NULL,
    documents_json          TEXT NOT NULL,       -- [shared::api::SeenDocument]
    outcome                 TEXT NOT NULL,       -- shared::api::ClarificationOutcome, snake_case
    existing_application_id TEXT REFERENCES applications (id) -- the record it duplicates: the link
);
CREATE INDEX clarifications_by_case ON clarifications (case_id, recorded_at);

CREATE TABLE adjudication_flags (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    kind           TEXT NOT NULL,                -- shared::api::FlagKind, snake_case
    case_id        TEXT NOT NULL REFERENCES adjudication_cases (id),
    application_id TEXT NOT NULL REFERENCES applications (id),
    reference_id   TEXT REFERENCES recordings (reference_id), -- the flagged recording
    raised_by      TEXT NOT NULL REFERENCES staff (id),
    raised_at      TEXT NOT NULL,
    reason         TEXT NOT NULL
);
CREATE INDEX adjudication_flags_by_case ON adjudication_flags (case_id);

-- Enrolments owed after a "not a duplicate" approval: written in the approval's batch, so the
-- debt survives a failed call to the gallery; `enrolled_at` is set once the gallery has it.
CREATE TABLE pending_enrolments (
    reference_id   TEXT PRIMARY KEY REFERENCES recordings (reference_id),
    application_id TEXT NOT NULL REFERENCES applications (id),
    approved_at    TEXT NOT NULL,
    enrolled_at    TEXT
);
