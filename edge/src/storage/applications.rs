//! The `applications` and `application_events` tables. Rows are decoded here into shared types
//! (`Stage`, `RegistrationCode`, the stored form); nothing above storage parses a stored string.

use super::decode::{self, to_json};
use super::stored_form::StoredForm;
use serde::Deserialize;
use shared::api::FieldWarning;
use shared::domain::RegistrationCode;
use shared::lifecycle::{Actor, Stage};
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Result};

/// What the public status lookup, idempotent replays and transitions need of an application.
#[derive(Debug, Clone, Deserialize)]
pub struct ApplicationHead {
    pub id: String,
    #[serde(deserialize_with = "decode::registration_code")]
    pub registration_code: RegistrationCode,
    pub stage: Stage,
    pub district_code: String,
}

/// A resident submission's replay check: the head and the digest of what was sent.
#[derive(Debug, Deserialize)]
pub struct SubmissionRow {
    #[serde(deserialize_with = "decode::registration_code")]
    pub registration_code: RegistrationCode,
    pub request_hash: String,
}

/// A whole application, for staff.
#[derive(Debug, Deserialize)]
pub struct StoredApplication {
    pub id: String,
    #[serde(deserialize_with = "decode::registration_code")]
    pub registration_code: RegistrationCode,
    pub stage: Stage,
    pub application_type: String,
    pub district_code: String,
    pub full_name: String,
    #[serde(rename = "form_json", deserialize_with = "decode::json_text")]
    pub form: StoredForm,
    #[serde(rename = "warnings_json", deserialize_with = "decode::json_text")]
    pub warnings: Vec<FieldWarning>,
    pub created_at: String,
    pub updated_at: String,
}

/// A queue row, for staff.
#[derive(Debug, Deserialize)]
pub struct QueueRow {
    pub id: String,
    #[serde(deserialize_with = "decode::registration_code")]
    pub registration_code: RegistrationCode,
    pub full_name: String,
    pub application_type: String,
    pub stage: Stage,
    pub district_code: String,
    pub village_code: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Deserialize)]
pub struct EventRow {
    pub stage: Stage,
    pub detail_json: Option<String>,
    pub at: String,
}

/// A new application as stored; built by the submission service from validated input.
pub struct NewApplication<'a> {
    pub id: &'a str,
    pub registration_code: &'a RegistrationCode,
    pub idempotency_key: &'a str,
    pub request_hash: &'a str,
    pub stage: Stage,
    pub application_type: &'a str,
    pub district_code: &'a str,
    pub village_code: &'a str,
    pub nik: &'a str,
    pub full_name: &'a str,
    pub form: &'a StoredForm,
    pub warnings: &'a [FieldWarning],
    pub actor: Actor,
    pub now: &'a str,
}

/// One application's move through `stages` (in order), from the stage the caller read.
pub struct StageMove<'a> {
    pub application_id: &'a str,
    pub from: Stage,
    pub stages: &'a [Stage],
}

const HEAD_COLUMNS: &str = "id, registration_code, stage, district_code";
const ROW_COLUMNS: &str =
    "id, registration_code, stage, application_type, district_code, full_name, \
                           form_json, warnings_json, created_at, updated_at";
const LIST_COLUMNS: &str =
    "id, registration_code, full_name, application_type, stage, district_code, village_code, created_at, updated_at";

pub async fn get(db: &D1Database, id: &str) -> Result<Option<StoredApplication>> {
    db.prepare(format!(
        "SELECT {ROW_COLUMNS} FROM applications WHERE id = ?1"
    ))
    .bind(&[id.into()])?
    .first(None)
    .await
}

/// The heads of the applications with these ids (any order; unknown ids are left out). The ids
/// travel as one JSON array, so D1's limit of 100 bound parameters does not cap their number.
pub async fn heads(db: &D1Database, ids: &[&str]) -> Result<Vec<ApplicationHead>> {
    db.prepare(format!(
        "SELECT {HEAD_COLUMNS} FROM applications WHERE id IN (SELECT value FROM json_each(?1))"
    ))
    .bind(&[to_json(&ids)?.into()])?
    .all()
    .await?
    .results()
}

/// Staff queue: newest first, optionally one kecamatan, one stage, and a name/code search.
/// What a queue page is filtered by (None: any).
pub struct QueueFilter<'a> {
    pub district: Option<&'a str>,
    pub stage: Option<Stage>,
    pub search: Option<&'a str>,
    /// Rows strictly after this (creation time, id) in the queue's order.
    pub after: Option<(&'a str, &'a str)>,
}

/// One queue page, newest first with ties broken by id (a stable order for paging while new
/// applications arrive): up to `limit` rows.
pub async fn list(db: &D1Database, f: &QueueFilter<'_>, limit: u32) -> Result<Vec<QueueRow>> {
    let opt = |v: Option<&str>| v.map(JsValue::from).unwrap_or(JsValue::NULL);
    // Names are stored uppercase; codes compact. LIKE patterns escape the user's wildcards.
    let pattern = f.search.map(|q| {
        let q = q
            .trim()
            .to_uppercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        format!("%{q}%")
    });
    let compact = f
        .search
        .map(|q| q.trim().to_uppercase().replace(['-', ' '], ""));
    db.prepare(format!(
        "SELECT {LIST_COLUMNS} FROM applications \
         WHERE (?1 IS NULL OR district_code = ?1) AND (?2 IS NULL OR stage = ?2) \
           AND (?3 IS NULL OR full_name LIKE ?3 ESCAPE '\\' OR registration_code = ?4) \
           AND (?6 IS NULL OR created_at < ?6 OR (created_at = ?6 AND id < ?7)) \
         ORDER BY created_at DESC, id DESC LIMIT ?5"
    ))
    .bind(&[
        opt(f.district),
        opt(f.stage.map(Stage::as_str)),
        opt(pattern.as_deref()),
        opt(compact.as_deref()),
        limit.into(),
        opt(f.after.map(|a| a.0)),
        opt(f.after.map(|a| a.1)),
    ])?
    .all()
    .await?
    .results()
}

pub async fn find_submission(db: &D1Database, key_hash: &str) -> Result<Option<SubmissionRow>> {
    db.prepare(
        "SELECT registration_code, request_hash FROM applications WHERE idempotency_key = ?1",
    )
    .bind(&[key_hash.into()])?
    .first(None)
    .await
}

pub async fn find_by_code(
    db: &D1Database,
    code: &RegistrationCode,
) -> Result<Option<ApplicationHead>> {
    db.prepare(format!(
        "SELECT {HEAD_COLUMNS} FROM applications WHERE registration_code = ?1"
    ))
    .bind(&[code.compact().into()])?
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
        a.registration_code.compact().into(),
        a.idempotency_key.into(),
        a.request_hash.into(),
        a.stage.as_str().into(),
        a.application_type.into(),
        a.district_code.into(),
        a.village_code.into(),
        a.nik.into(),
        a.full_name.into(),
        to_json(a.form)?.into(),
        to_json(&a.warnings)?.into(),
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
            .bind(&[a.id.into(), a.stage.as_str().into(), a.actor.as_str().into(), a.now.into()])?,
    ])
}

/// The statements that move applications: each one's stage becomes the last of its `stages`, and
/// one timeline event per stage entered is appended (`detail_json` on the last). However many
/// applications move, these are two statements with three bound parameters each: the moves
/// travel as one JSON text (D1 allows 100 bound parameters per statement and 2 MB per value).
/// Callers guard them with [`super::transition_guard::guard`] in the same batch.
pub fn move_statements(
    db: &D1Database,
    moves: &[StageMove<'_>],
    actor: Actor,
    detail_json: Option<&str>,
    now: &str,
) -> Result<Vec<D1PreparedStatement>> {
    let targets: Vec<serde_json::Value> = moves
        .iter()
        .filter_map(|m| {
            let to = m.stages.last()?;
            Some(serde_json::json!({ "id": m.application_id, "to": to }))
        })
        .collect();
    let entered: Vec<serde_json::Value> = moves
        .iter()
        .flat_map(|m| {
            m.stages.iter().enumerate().map(move |(i, stage)| {
                let detail = (i + 1 == m.stages.len()).then_some(detail_json).flatten();
                serde_json::json!({ "id": m.application_id, "stage": stage, "detail": detail })
            })
        })
        .collect();
    Ok(vec![
        db.prepare(
            "UPDATE applications SET stage = m.stage, updated_at = ?2 \
             FROM (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.to') AS stage \
                   FROM json_each(?1)) AS m \
             WHERE applications.id = m.id",
        )
        .bind(&[to_json(&targets)?.into(), now.into()])?,
        // `ORDER BY key` keeps the array's order, so a chain's events get ascending ids.
        db.prepare(
            "INSERT INTO application_events (application_id, stage, actor, detail_json, at) \
             SELECT json_extract(value, '$.id'), json_extract(value, '$.stage'), ?2, \
                    json_extract(value, '$.detail'), ?3 \
             FROM json_each(?1) ORDER BY key",
        )
        .bind(&[to_json(&entered)?.into(), actor.as_str().into(), now.into()])?,
    ])
}

/// Applications in `stage`, counted per kecamatan (the distribution section's "waiting to
/// ship" line reads CARD_PRINTED).
#[derive(Debug, Deserialize)]
pub struct DistrictCount {
    pub district_code: String,
    pub n: u32,
}

pub async fn count_by_district(db: &D1Database, stage: Stage) -> Result<Vec<DistrictCount>> {
    db.prepare(
        "SELECT district_code, COUNT(*) AS n FROM applications WHERE stage = ?1 \
         GROUP BY district_code ORDER BY district_code",
    )
    .bind(&[stage.as_str().into()])?
    .all()
    .await?
    .results()
}

/// The ids of one kecamatan's applications in `stage`, longest there first (their last move).
pub async fn ids_in_stage(
    db: &D1Database,
    district_code: &str,
    stage: Stage,
    limit: u32,
) -> Result<Vec<String>> {
    #[derive(Deserialize)]
    struct Id {
        id: String,
    }
    let rows: Vec<Id> = db
        .prepare(
            "SELECT id FROM applications WHERE district_code = ?1 AND stage = ?2 \
             ORDER BY updated_at, id LIMIT ?3",
        )
        .bind(&[district_code.into(), stage.as_str().into(), limit.into()])?
        .all()
        .await?
        .results()?;
    Ok(rows.into_iter().map(|r| r.id).collect())
}
