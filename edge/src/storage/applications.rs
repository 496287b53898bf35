//! The `applications` and `application_events` tables.

use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Result};

/// What the public status lookup and idempotent replays need of an application row.
#[derive(Debug, Deserialize)]
pub struct ApplicationSummary {
    pub id: String,
    pub registration_code: String,
    pub request_hash: String,
    pub stage: String,
    pub district_code: String,
}

/// A whole application row, for staff.
#[derive(Debug, Deserialize)]
pub struct ApplicationRow {
    pub id: String,
    pub registration_code: String,
    pub stage: String,
    pub application_type: String,
    pub district_code: String,
    pub full_name: String,
    pub form_json: String,
    pub warnings_json: String,
    pub created_at: String,
    pub updated_at: String,
}

/// A queue row, for staff.
#[derive(Debug, Deserialize)]
pub struct ListRow {
    pub id: String,
    pub registration_code: String,
    pub full_name: String,
    pub application_type: String,
    pub stage: String,
    pub district_code: String,
    pub village_code: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Deserialize)]
pub struct EventRow {
    pub stage: String,
    pub detail_json: Option<String>,
    pub at: String,
}

/// A new application as stored; built by the submission service from validated input.
pub struct NewApplication<'a> {
    pub id: &'a str,
    pub registration_code: &'a str,
    pub idempotency_key: &'a str,
    pub request_hash: &'a str,
    pub stage: &'a str,
    pub application_type: &'a str,
    pub district_code: &'a str,
    pub village_code: &'a str,
    pub nik: &'a str,
    pub full_name: &'a str,
    pub form_json: &'a str,
    pub warnings_json: &'a str,
    pub actor: &'a str,
    pub now: &'a str,
}

const SUMMARY_COLUMNS: &str = "id, registration_code, request_hash, stage, district_code";
const ROW_COLUMNS: &str =
    "id, registration_code, stage, application_type, district_code, full_name, \
                           form_json, warnings_json, created_at, updated_at";
const LIST_COLUMNS: &str =
    "id, registration_code, full_name, application_type, stage, district_code, village_code, created_at, updated_at";

pub async fn get_row(db: &D1Database, id: &str) -> Result<Option<ApplicationRow>> {
    db.prepare(format!(
        "SELECT {ROW_COLUMNS} FROM applications WHERE id = ?1"
    ))
    .bind(&[id.into()])?
    .first(None)
    .await
}

/// Staff queue: newest first, optionally one kecamatan, one stage, and a name/code search.
pub async fn list(
    db: &D1Database,
    district: Option<&str>,
    stage: Option<&str>,
    search: Option<&str>,
    limit: u32,
) -> Result<Vec<ListRow>> {
    let opt = |v: Option<&str>| v.map(JsValue::from).unwrap_or(JsValue::NULL);
    // Names are stored uppercase; codes compact. LIKE patterns escape the user's wildcards.
    let pattern = search.map(|q| {
        let q = q
            .trim()
            .to_uppercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        format!("%{q}%")
    });
    let compact = search.map(|q| q.trim().to_uppercase().replace(['-', ' '], ""));
    db.prepare(format!(
        "SELECT {LIST_COLUMNS} FROM applications \
         WHERE (?1 IS NULL OR district_code = ?1) AND (?2 IS NULL OR stage = ?2) \
           AND (?3 IS NULL OR full_name LIKE ?3 ESCAPE '\\' OR registration_code = ?4) \
         ORDER BY created_at DESC LIMIT ?5"
    ))
    .bind(&[
        opt(district),
        opt(stage),
        opt(pattern.as_deref()),
        opt(compact.as_deref()),
        limit.into(),
    ])?
    .all()
    .await?
    .results()
}

pub async fn find_by_idempotency_key(
    db: &D1Database,
    key_hash: &str,
) -> Result<Option<ApplicationSummary>> {
    db.prepare(format!(
        "SELECT {SUMMARY_COLUMNS} FROM applications WHERE idempotency_key = ?1"
    ))
    .bind(&[key_hash.into()])?
    .first(None)
    .await
}

pub async fn find_by_code(
    db: &D1Database,
    compact_code: &str,
) -> Result<Option<ApplicationSummary>> {
    db.prepare(format!(
        "SELECT {SUMMARY_COLUMNS} FROM applications WHERE registration_code = ?1"
    ))
    .bind(&[compact_code.into()])?
    .first(None)
    .await
}

pub async fn events(db: &D1Database, application_id: &str) -> Result<Vec<EventRow>> {
    db.prepare("SELECT stage, detail_json, at FROM application_events WHERE application_id = ?1 ORDER BY id")
        .bind(&[application_id.into()])?
        .all()
        .await?
        .results()
}

/// The statements that insert an application with its first event; the caller adds the document
/// rows and runs them all in one batch, so nothing is ever half-written.
pub fn insert(db: &D1Database, a: &NewApplication<'_>) -> Result<Vec<D1PreparedStatement>> {
    let row: [JsValue; 14] = [
        a.id.into(),
        a.registration_code.into(),
        a.idempotency_key.into(),
        a.request_hash.into(),
        a.stage.into(),
        a.application_type.into(),
        a.district_code.into(),
        a.village_code.into(),
        a.nik.into(),
        a.full_name.into(),
        a.form_json.into(),
        a.warnings_json.into(),
        a.now.into(),
        a.now.into(),
    ];
    Ok(vec![
        db.prepare(
            "INSERT INTO applications (id, registration_code, idempotency_key, request_hash, stage, \
             application_type, district_code, village_code, nik, full_name, form_json, warnings_json, \
             created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        )
        .bind(&row)?,
        db.prepare("INSERT INTO application_events (application_id, stage, actor, at) VALUES (?1, ?2, ?3, ?4)")
            .bind(&[a.id.into(), a.stage.into(), a.actor.into(), a.now.into()])?,
    ])
}
