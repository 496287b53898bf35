-- Card personalisation at the dinas: print runs of one kecamatan's PRINT_READY_RECORD
-- applications, the blank-card ledger of each run and every blank card's outcome.

CREATE TABLE print_runs (
    id                TEXT PRIMARY KEY,          -- random hex
    district_code     TEXT NOT NULL,             -- the kecamatan whose applications it prints
    blank_cards_taken INTEGER NOT NULL,          -- blanks taken from stock for it, all told
    created_by        TEXT NOT NULL REFERENCES staff (id),
    created_at        TEXT NOT NULL,
    closed_by         TEXT REFERENCES staff (id),
    closed_at         TEXT                       -- set once the ledger balanced
);
CREATE INDEX print_runs_by_state ON print_runs (closed_at, created_at);

-- The applications of a run. An application is in one run only: it leaves PRINT_READY_RECORD
-- when the run is made, and there is no way back to it.
CREATE TABLE print_run_applications (
    run_id         TEXT NOT NULL REFERENCES print_runs (id),
    application_id TEXT NOT NULL UNIQUE REFERENCES applications (id),
    PRIMARY KEY (run_id, application_id)
);

-- One row per blank card used: `printed` is the application's valid card; `spoiled` was
-- ruined in the printer, or printed and then voided by a reprint (`voided_at`, `replaced_by`).
-- The ledger of a run: blank_cards_taken = printed + spoiled rows.
CREATE TABLE card_prints (
    serial         TEXT PRIMARY KEY,             -- the blank card's own serial: one serial, one card
    run_id         TEXT NOT NULL REFERENCES print_runs (id),
    application_id TEXT NOT NULL REFERENCES applications (id),
    state          TEXT NOT NULL,                -- printed | spoiled (shared::api::CardOutcome)
    reason         TEXT,                         -- why spoiled or voided
    recorded_by    TEXT NOT NULL REFERENCES staff (id),
    recorded_at    TEXT NOT NULL,
    voided_at      TEXT,                         -- a printed card spoiled later (reprint)
    replaced_by    TEXT                          -- the reprint's serial
);
CREATE INDEX card_prints_by_run ON card_prints (run_id, recorded_at);
-- Two valid cards of one application never exist: the database refuses a second.
CREATE UNIQUE INDEX card_prints_one_valid ON card_prints (application_id) WHERE state = 'printed';
