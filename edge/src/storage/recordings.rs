//! The `recordings` table: one biometric recording per row, keyed by a random reference id.

use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Result};

#[derive(Debug, Deserialize)]
pub struct RecordingRow {
    pub reference_id: String,
    pub recorded_by: String,
    pub recorded_at: String,
    /// SHA-256 of the submission as received (NULL for rows from before it was kept).
    pub request_hash: Option<String>,
}

pub struct NewRecording<'a> {
    pub reference_id: &'a str,
    pub application_id: &'a str,
    pub idempotency_key: &'a str,
    pub recorded_by: &'a str,
    pub district_code: &'a str,
    pub face_r2_key: &'a str,
    pub signature_r2_key: &'a str,
    pub fingers_json: &'a str,
    pub recorded_at: &'a str,
    pub request_hash: &'a str,
}

pub fn insert(db: &D1Database, r: &NewRecording<'_>) -> Result<D1PreparedStatement> {
    let row: [JsValue; 10] = [
        r.reference_id.into(),
        r.application_id.into(),
        r.idempotency_key.into(),
        r.recorded_by.into(),
        r.district_code.into(),
        r.face_r2_key.into(),
        r.signature_r2_key.into(),
        r.fingers_json.into(),
        r.recorded_at.into(),
        r.request_hash.into(),
    ];
    db.prepare(
        "INSERT INTO recordings (reference_id, application_id, idempotency_key, recorded_by, district_code, \
         face_r2_key, signature_r2_key, fingers_json, recorded_at, request_hash) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )
    .bind(&row)
}

const COLUMNS: &str = "reference_id, recorded_by, recorded_at, request_hash";

pub async fn find_by_idempotency_key(
    db: &D1Database,
    key_hash: &str,
) -> Result<Option<RecordingRow>> {
    db.prepare(format!(
        "SELECT {COLUMNS} FROM recordings WHERE idempotency_key = ?1"
    ))
    .bind(&[key_hash.into()])?
    .first(None)
    .await
}

/// The latest recording of an application (a re-recording after ENROLL_FAILURE adds a row).
pub async fn latest_for_application(
    db: &D1Database,
    application_id: &str,
) -> Result<Option<RecordingRow>> {
    db.prepare(format!("SELECT {COLUMNS} FROM recordings WHERE application_id = ?1 ORDER BY recorded_at DESC LIMIT 1"))
        .bind(&[application_id.into()])?
        .first(None)
        .await
}

/// The application a recording belongs to and the stage it is in now: the one place where the
/// matching consumer turns a reference id back into an application.
#[derive(Debug, Deserialize)]
pub struct RecordedApplication {
    pub application_id: String,
    pub stage: shared::lifecycle::Stage,
}

pub async fn application_of(
    db: &D1Database,
    reference_id: &str,
) -> Result<Option<RecordedApplication>> {
    db.prepare(
        "SELECT r.application_id, a.stage FROM recordings r \
         JOIN applications a ON a.id = r.application_id WHERE r.reference_id = ?1",
    )
    .bind(&[reference_id.into()])?
    .first(None)
    .await
}

/// The R2 key of the face photographed at the application's latest recording.
pub async fn latest_face_key(db: &D1Database, application_id: &str) -> Result<Option<String>> {
    #[derive(Deserialize)]
    struct Key {
        face_r2_key: String,
    }
    let row: Option<Key> = db
        .prepare(
            "SELECT face_r2_key FROM recordings WHERE application_id = ?1 \
             ORDER BY recorded_at DESC LIMIT 1",
        )
        .bind(&[application_id.into()])?
        .first(None)
        .await?;
    Ok(row.map(|k| k.face_r2_key))
}

/// What the card needs of an application's latest recording: the reference id of its templates
/// in the gallery, and the R2 keys of the face photo and signature.
#[derive(Debug, Deserialize)]
pub struct CardParts {
    pub reference_id: String,
    pub face_r2_key: String,
    pub signature_r2_key: String,
}

/// [`CardParts`] of the application's latest recording.
pub async fn card_parts(db: &D1Database, application_id: &str) -> Result<Option<CardParts>> {
    db.prepare(
        "SELECT r.reference_id, r.face_r2_key, r.signature_r2_key \
         FROM recordings r WHERE r.application_id = ?1 ORDER BY r.recorded_at DESC LIMIT 1",
    )
    .bind(&[application_id.into()])?
    .first(None)
    .await
}

/// The condition "this recording (`r`) still waits for the matcher": the application's latest
/// recording, sent (or being sent) for enrolment, with no decision yet and not dead-lettered
/// (those are the dashboard's stuck items, recorded again by their owner).
const AWAITING_OUTCOME: &str = "a.stage IN ('BIO_CAPTURED', 'SENT_FOR_ENROLLMENT') \
     AND r.reference_id = (SELECT l.reference_id FROM recordings l \
         WHERE l.application_id = a.id ORDER BY l.recorded_at DESC LIMIT 1) \
     AND NOT EXISTS (SELECT 1 FROM match_results m WHERE m.reference_id = r.reference_id) \
     AND NOT EXISTS (SELECT 1 FROM dead_letters d WHERE d.job_id = r.reference_id)";

#[derive(Deserialize)]
struct ReferenceId {
    reference_id: String,
}

/// Recordings of applications sent for enrolment over `minutes` minutes before `now` that still
/// wait for the matcher: at most `limit`, the most recently sent first (old ones that cannot be
/// sent again, having no kept job, never crowd out a job lost today).
pub async fn overdue_for_matching(
    db: &D1Database,
    now: &str,
    minutes: u32,
    limit: u32,
) -> Result<Vec<String>> {
    let rows: Vec<ReferenceId> = db
        .prepare(format!(
            "SELECT r.reference_id FROM applications a JOIN recordings r ON r.application_id = a.id \
             WHERE a.stage = 'SENT_FOR_ENROLLMENT' \
               AND a.updated_at < strftime('%Y-%m-%dT%H:%M:%fZ', ?1, ?2) \
               AND {AWAITING_OUTCOME} \
             ORDER BY a.updated_at DESC LIMIT ?3"
        ))
        .bind(&[now.into(), format!("-{minutes} minutes").into(), limit.into()])?
        .all()
        .await?
        .results()?;
    Ok(rows.into_iter().map(|r| r.reference_id).collect())
}

/// Of these reference ids, those whose recording no longer waits for the matcher (decided,
/// dead-lettered, moved on, or no such recording): their kept jobs are leftovers.
pub async fn no_longer_awaiting(db: &D1Database, reference_ids: &[String]) -> Result<Vec<String>> {
    let rows: Vec<ReferenceId> = db
        .prepare(format!(
            "SELECT j.value AS reference_id FROM json_each(?1) j \
             WHERE NOT EXISTS (SELECT 1 FROM recordings r JOIN applications a ON a.id = r.application_id \
                 WHERE r.reference_id = j.value AND {AWAITING_OUTCOME})"
        ))
        .bind(&[super::decode::to_json(&reference_ids)?.into()])?
        .all()
        .await?
        .results()?;
    Ok(rows.into_iter().map(|r| r.reference_id).collect())
}
