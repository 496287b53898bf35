-- Staff administration, the dashboard's indexes and the dead-letter record.

-- Set when an administrator creates an account or resets its password: the person must choose
-- their own password before anything else (the edge refuses every other staff endpoint).
ALTER TABLE staff ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;

-- A kecamatan operator serves exactly one kecamatan; every other role serves the whole regency.
-- An operator without a kecamatan would otherwise be scoped to nothing the edge can check, so
-- the database refuses such a row, whatever statement writes it. Any written before is disabled.
UPDATE staff SET active = 0
WHERE (role = 'kecamatan_operator') <> (district_code IS NOT NULL AND district_code <> '');
CREATE TRIGGER staff_operator_kecamatan_insert BEFORE INSERT ON staff
WHEN (NEW.role = 'kecamatan_operator') <> (NEW.district_code IS NOT NULL AND NEW.district_code <> '')
BEGIN SELECT RAISE(ABORT, 'a kecamatan operator has exactly one kecamatan; other roles none'); END;
CREATE TRIGGER staff_operator_kecamatan_update BEFORE UPDATE OF role, district_code ON staff
WHEN (NEW.role = 'kecamatan_operator') <> (NEW.district_code IS NOT NULL AND NEW.district_code <> '')
BEGIN SELECT RAISE(ABORT, 'a kecamatan operator has exactly one kecamatan; other roles none'); END;

-- The dashboard's aggregates: the backlog's age per stage and submissions per day read these
-- instead of every row.
CREATE INDEX applications_by_stage_updated ON applications (stage, updated_at);
CREATE INDEX applications_by_created ON applications (created_at);

-- Enrolment jobs that failed every retry (the queue's dead-letter queue), recorded by the
-- dead-letter consumer so that none is lost silently: the dashboard lists each as stuck until
-- its application leaves SENT_FOR_ENROLLMENT. The job's templates are never stored here.
CREATE TABLE dead_letters (
    job_id         TEXT PRIMARY KEY,
    queue          TEXT NOT NULL,
    reference_id   TEXT NOT NULL,
    application_id TEXT REFERENCES applications (id), -- NULL when no recording has that reference id
    purpose        TEXT NOT NULL,                     -- shared::api::JobPurpose, snake_case
    enqueued_at    TEXT NOT NULL,                     -- when the job was sent
    recorded_at    TEXT NOT NULL
);
CREATE INDEX dead_letters_by_application ON dead_letters (application_id);

-- Recordings whose held templates the matching coordinator has let go (services/retention.rs):
-- held for an adjudication case, decided more than the retention period ago, never owed to the
-- gallery. One row each, so the daily sweep asks the coordinator once.
CREATE TABLE held_template_releases (
    reference_id TEXT PRIMARY KEY REFERENCES recordings (reference_id),
    released_at  TEXT NOT NULL
);
