//! The `print_runs` and `print_run_applications` tables, and the print queue (applications in
//! PRINT_READY_RECORD with their stored form, for the card's fit check).

use super::decode::{self, to_json};
use super::stored_form::StoredForm;
use serde::Deserialize;
use shared::domain::RegistrationCode;
use shared::lifecycle::Stage;
use worker::{D1Database, D1PreparedStatement, Result};

/// One application waiting to be printed.
#[derive(Debug, Deserialize)]
pub struct ReadyRow {
    pub id: String,
    #[serde(deserialize_with = "decode::registration_code")]
    pub registration_code: RegistrationCode,
    pub district_code: String,
    #[serde(rename = "form_json", deserialize_with = "decode::json_text")]
    pub form: StoredForm,
    /// When it entered PRINT_READY_RECORD (its last stage change).
    pub updated_at: String,
}

/// PRINT_READY_RECORD applications, oldest first.
pub async fn print_ready(db: &D1Database, limit: u32) -> Result<Vec<ReadyRow>> {
    db.prepare(
        "SELECT id, registration_code, district_code, form_json, updated_at FROM applications \
         WHERE stage = ?1 ORDER BY updated_at, id LIMIT ?2",
    )
    .bind(&[Stage::PrintReadyRecord.as_str().into(), limit.into()])?
    .all()
    .await?
    .results()
}

/// A run with its ledger's counts.
#[derive(Debug, Deserialize)]
pub struct RunRow {
    pub id: String,
    pub district_code: String,
    pub blank_cards_taken: u32,
    pub created_by_name: String,
    pub created_at: String,
    pub closed_at: Option<String>,
    pub applications: u32,
    pub printed: u32,
    pub spoiled: u32,
}

const RUN_SELECT: &str = "SELECT r.id, r.district_code, r.blank_cards_taken, \
     COALESCE(s.display_name, '') AS created_by_name, r.created_at, r.closed_at, \
     (SELECT COUNT(*) FROM print_run_applications pa WHERE pa.run_id = r.id) AS applications, \
     (SELECT COUNT(*) FROM card_prints c WHERE c.run_id = r.id AND c.state = 'printed') AS printed, \
     (SELECT COUNT(*) FROM card_prints c WHERE c.run_id = r.id AND c.state = 'spoiled') AS spoiled \
     FROM print_runs r LEFT JOIN staff s ON s.id = r.created_by";

pub async fn get(db: &D1Database, run_id: &str) -> Result<Option<RunRow>> {
    db.prepare(format!("{RUN_SELECT} WHERE r.id = ?1"))
        .bind(&[run_id.into()])?
        .first(None)
        .await
}

/// Open runs (oldest first), then the latest closed ones.
pub async fn list(db: &D1Database, limit: u32) -> Result<Vec<RunRow>> {
    db.prepare(format!(
        "{RUN_SELECT} ORDER BY r.closed_at IS NOT NULL, \
         CASE WHEN r.closed_at IS NULL THEN r.created_at END, r.closed_at DESC LIMIT ?1"
    ))
    .bind(&[limit.into()])?
    .all()
    .await?
    .results()
}

/// One application of a run, with its valid card if printed.
#[derive(Debug, Deserialize)]
pub struct ItemRow {
    pub application_id: String,
    #[serde(deserialize_with = "decode::registration_code")]
    pub registration_code: RegistrationCode,
    pub stage: Stage,
    pub card_serial: Option<String>,
}

pub async fn items(db: &D1Database, run_id: &str) -> Result<Vec<ItemRow>> {
    db.prepare(
        "SELECT a.id AS application_id, a.registration_code, a.stage, \
         (SELECT c.serial FROM card_prints c WHERE c.application_id = a.id AND c.state = 'printed') \
           AS card_serial \
         FROM print_run_applications pa JOIN applications a ON a.id = pa.application_id \
         WHERE pa.run_id = ?1 ORDER BY a.registration_code",
    )
    .bind(&[run_id.into()])?
    .all()
    .await?
    .results()
}

pub struct NewRun<'a> {
    pub id: &'a str,
    pub district_code: &'a str,
    pub blank_cards_taken: u32,
    pub created_by: &'a str,
    pub now: &'a str,
}

/// The run and its applications (ids as one JSON text, however many).
pub fn insert(
    db: &D1Database,
    r: &NewRun<'_>,
    application_ids: &[&str],
) -> Result<[D1PreparedStatement; 2]> {
    Ok([
        db.prepare(
            "INSERT INTO print_runs (id, district_code, blank_cards_taken, created_by, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .bind(&[
            r.id.into(),
            r.district_code.into(),
            r.blank_cards_taken.into(),
            r.created_by.into(),
            r.now.into(),
        ])?,
        db.prepare(
            "INSERT INTO print_run_applications (run_id, application_id) \
             SELECT ?1, value FROM json_each(?2)",
        )
        .bind(&[r.id.into(), to_json(&application_ids)?.into()])?,
    ])
}

/// More blanks taken for an open run.
pub fn take_blanks(db: &D1Database, run_id: &str, count: u32) -> Result<D1PreparedStatement> {
    db.prepare(
        "UPDATE print_runs SET blank_cards_taken = blank_cards_taken + ?2 \
         WHERE id = ?1 AND closed_at IS NULL",
    )
    .bind(&[run_id.into(), count.into()])
}

/// Aborts the batch when the run was closed meanwhile, or `adding` more cards would account
/// for more blanks than were taken (someone else recorded cards first).
pub fn guard_open_with_room(
    db: &D1Database,
    run_id: &str,
    adding: u32,
) -> Result<D1PreparedStatement> {
    db.prepare(
        "INSERT INTO transition_guard (never_null) SELECT NULL FROM print_runs r WHERE r.id = ?1 \
         AND (r.closed_at IS NOT NULL OR r.blank_cards_taken < ?2 + \
              (SELECT COUNT(*) FROM card_prints c WHERE c.run_id = r.id))",
    )
    .bind(&[run_id.into(), adding.into()])
}

/// Closes the run; the statement before it in the batch is [`guard_balanced`].
pub fn close(db: &D1Database, run_id: &str, by: &str, now: &str) -> Result<D1PreparedStatement> {
    db.prepare(
        "UPDATE print_runs SET closed_by = ?2, closed_at = ?3 WHERE id = ?1 AND closed_at IS NULL",
    )
    .bind(&[run_id.into(), by.into(), now.into()])
}

/// Aborts the batch unless the run is open, its ledger balances and each of its applications
/// has a valid card.
pub fn guard_balanced(db: &D1Database, run_id: &str) -> Result<D1PreparedStatement> {
    db.prepare(
        "INSERT INTO transition_guard (never_null) SELECT NULL FROM print_runs r WHERE r.id = ?1 \
         AND (r.closed_at IS NOT NULL \
              OR r.blank_cards_taken <> (SELECT COUNT(*) FROM card_prints c WHERE c.run_id = r.id) \
              OR EXISTS (SELECT 1 FROM print_run_applications pa WHERE pa.run_id = r.id \
                         AND NOT EXISTS (SELECT 1 FROM card_prints c \
                                         WHERE c.application_id = pa.application_id \
                                           AND c.state = 'printed')))",
    )
    .bind(&[run_id.into()])
}

/// The stored form of each application of a run, for its card.
#[derive(Debug, Deserialize)]
pub struct RunForm {
    pub application_id: String,
    #[serde(deserialize_with = "decode::registration_code")]
    pub registration_code: RegistrationCode,
    pub stage: Stage,
    #[serde(rename = "form_json", deserialize_with = "decode::json_text")]
    pub form: StoredForm,
    pub card_serial: Option<String>,
}

pub async fn forms(db: &D1Database, run_id: &str) -> Result<Vec<RunForm>> {
    db.prepare(
        "SELECT a.id AS application_id, a.registration_code, a.stage, a.form_json, \
         (SELECT c.serial FROM card_prints c WHERE c.application_id = a.id AND c.state = 'printed') \
           AS card_serial \
         FROM print_run_applications pa JOIN applications a ON a.id = pa.application_id \
         WHERE pa.run_id = ?1 ORDER BY a.registration_code",
    )
    .bind(&[run_id.into()])?
    .all()
    .await?
    .results()
}

/// Whether the application is in the run.
pub async fn contains(db: &D1Database, run_id: &str, application_id: &str) -> Result<bool> {
    let row: Option<serde_json::Value> = db
        .prepare(
            "SELECT run_id FROM print_run_applications WHERE run_id = ?1 AND application_id = ?2",
        )
        .bind(&[run_id.into(), application_id.into()])?
        .first(None)
        .await?;
    Ok(row.is_some())
}

/// The stored forms of these applications (ids as one JSON text), for the card fit check.
#[derive(Debug, Deserialize)]
pub struct FormRow {
    pub id: String,
    #[serde(rename = "form_json", deserialize_with = "decode::json_text")]
    pub form: StoredForm,
}

pub async fn forms_of(db: &D1Database, application_ids: &[&str]) -> Result<Vec<FormRow>> {
    db.prepare(
        "SELECT id, form_json FROM applications WHERE id IN (SELECT value FROM json_each(?1))",
    )
    .bind(&[to_json(&application_ids)?.into()])?
    .all()
    .await?
    .results()
}
