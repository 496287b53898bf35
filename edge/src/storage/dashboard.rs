//! The dinas dashboard's aggregates over `applications`, `adjudication_cases` and
//! `dead_letters`: counts, ages (oldest and median, by window functions) and per-day totals,
//! all computed by the database, so the edge never loads the rows themselves. Ages are hours
//! from the stored timestamp to `now`.

use super::decode;
use serde::Deserialize;
use shared::api::StuckReason;
use shared::domain::RegistrationCode;
use shared::lifecycle::Stage;
use worker::{D1Database, Result};

#[derive(Debug, Deserialize)]
pub struct StageCountRow {
    pub district_code: String,
    pub stage: Stage,
    pub n: u64,
}

pub async fn by_district_and_stage(db: &D1Database) -> Result<Vec<StageCountRow>> {
    db.prepare(
        "SELECT district_code, stage, COUNT(*) AS n FROM applications \
         GROUP BY district_code, stage ORDER BY district_code, stage",
    )
    .all()
    .await?
    .results()
}

/// Count, oldest and median age (hours) of a group of rows.
#[derive(Debug, Deserialize)]
pub struct AgeRow {
    pub stage: Option<Stage>,
    pub n: u64,
    pub oldest_hours: Option<f64>,
    pub median_hours: Option<f64>,
}

/// Per stage of `stages`: how many applications, and how long since they entered it (the last
/// transition sets `updated_at`). The median is the middle row (or the mean of the two middle
/// rows) of each stage ordered by that time, read off the (stage, updated_at) index.
pub async fn backlog(db: &D1Database, stages: &[Stage], now: &str) -> Result<Vec<AgeRow>> {
    let names: Vec<&str> = stages.iter().map(|s| s.as_str()).collect();
    db.prepare(
        "WITH ranked AS ( \
           SELECT stage, (julianday(?2) - julianday(updated_at)) * 24 AS hours, \
                  ROW_NUMBER() OVER (PARTITION BY stage ORDER BY updated_at) AS rn, \
                  COUNT(*) OVER (PARTITION BY stage) AS n \
           FROM applications WHERE stage IN (SELECT value FROM json_each(?1))) \
         SELECT stage, n, MAX(CASE WHEN rn = 1 THEN hours END) AS oldest_hours, \
                AVG(CASE WHEN rn IN ((n + 1) / 2, (n + 2) / 2) THEN hours END) AS median_hours \
         FROM ranked GROUP BY stage, n",
    )
    .bind(&[decode::to_json(&names)?.into(), now.into()])?
    .all()
    .await?
    .results()
}

/// Open adjudication cases: count, oldest and median age since opening.
pub async fn open_cases(db: &D1Database, now: &str) -> Result<AgeRow> {
    let row: Option<AgeRow> = db
        .prepare(
            "WITH ranked AS ( \
               SELECT (julianday(?1) - julianday(opened_at)) * 24 AS hours, \
                      ROW_NUMBER() OVER (ORDER BY opened_at) AS rn, COUNT(*) OVER () AS n \
               FROM adjudication_cases WHERE closed_at IS NULL) \
             SELECT NULL AS stage, COUNT(*) AS n, MAX(CASE WHEN rn = 1 THEN hours END) AS oldest_hours, \
                    AVG(CASE WHEN rn IN ((n + 1) / 2, (n + 2) / 2) THEN hours END) AS median_hours \
             FROM ranked",
        )
        .bind(&[now.into()])?
        .first(None)
        .await?;
    Ok(row.unwrap_or(AgeRow {
        stage: None,
        n: 0,
        oldest_hours: None,
        median_hours: None,
    }))
}

#[derive(Debug, Deserialize)]
pub struct DayRow {
    pub day: String,
    pub n: u64,
}

/// Submissions per WIB (UTC+7) day for the `days` days ending today, zero days included.
pub async fn per_day(db: &D1Database, now: &str, days: u32) -> Result<Vec<DayRow>> {
    let first = format!("-{} days", days.saturating_sub(1));
    db.prepare(
        "WITH RECURSIVE days (day, i) AS ( \
           SELECT date(?1, '+7 hours', ?2), 1 \
           UNION ALL SELECT date(day, '+1 day'), i + 1 FROM days WHERE i < ?3), \
         counts AS ( \
           SELECT date(created_at, '+7 hours') AS day, COUNT(*) AS n FROM applications \
           WHERE created_at >= strftime('%Y-%m-%dT%H:%M:%fZ', date(?1, '+7 hours', ?2), '-7 hours') \
           GROUP BY 1) \
         SELECT days.day AS day, COALESCE(counts.n, 0) AS n \
         FROM days LEFT JOIN counts ON counts.day = days.day ORDER BY days.day",
    )
    .bind(&[now.into(), first.into(), days.into()])?
    .all()
    .await?
    .results()
}

#[derive(Debug, Deserialize)]
pub struct DistrictAgeRow {
    pub district_code: String,
    pub n: u64,
    pub oldest_hours: f64,
}

/// Applications in `stage` per kecamatan, with the oldest one's age.
pub async fn in_stage_by_district(
    db: &D1Database,
    stage: Stage,
    now: &str,
) -> Result<Vec<DistrictAgeRow>> {
    db.prepare(
        "SELECT district_code, COUNT(*) AS n, (julianday(?2) - julianday(MIN(updated_at))) * 24 AS oldest_hours \
         FROM applications WHERE stage = ?1 GROUP BY district_code ORDER BY district_code",
    )
    .bind(&[stage.as_str().into(), now.into()])?
    .all()
    .await?
    .results()
}

#[derive(Debug, Deserialize)]
pub struct StuckRow {
    pub reason: StuckReason,
    #[serde(deserialize_with = "decode::registration_code")]
    pub registration_code: RegistrationCode,
    pub district_code: String,
    pub stage: Stage,
    pub since: String,
}

/// Items that will not move on their own, oldest first: dead-lettered jobs still unresolved
/// (a search whose application still waits for its outcome, an adjudicated enrolment still
/// owed), and applications sent for enrolment over `overdue_minutes` ago without an outcome.
pub async fn stuck(
    db: &D1Database,
    now: &str,
    overdue_minutes: u32,
    limit: u32,
) -> Result<Vec<StuckRow>> {
    let overdue = format!("-{overdue_minutes} minutes");
    db.prepare(
        "SELECT 'dead_letter' AS reason, a.registration_code, a.district_code, a.stage, d.recorded_at AS since \
         FROM dead_letters d JOIN applications a ON a.id = d.application_id \
         WHERE (d.purpose = 'search' AND a.stage = 'SENT_FOR_ENROLLMENT') \
            OR (d.purpose = 'enrol_adjudicated' AND EXISTS (SELECT 1 FROM pending_enrolments p \
                WHERE p.reference_id = d.reference_id AND p.enrolled_at IS NULL)) \
         UNION ALL \
         SELECT 'no_outcome', a.registration_code, a.district_code, a.stage, a.updated_at \
         FROM applications a WHERE a.stage = 'SENT_FOR_ENROLLMENT' AND a.updated_at < strftime('%Y-%m-%dT%H:%M:%fZ', ?1, ?2) \
           AND NOT EXISTS (SELECT 1 FROM dead_letters d WHERE d.application_id = a.id) \
         ORDER BY since LIMIT ?3",
    )
    .bind(&[now.into(), overdue.into(), limit.into()])?
    .all()
    .await?
    .results()
}
