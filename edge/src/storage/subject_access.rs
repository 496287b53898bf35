//! The reads behind a subject-access report: one resident's applications (by NIK) and what hangs
//! off them (events, documents, recordings with their 1:N outcome, certificates). Each query
//! takes the applications' ids as one JSON text, so a long history costs the same few queries.
//! Templates are never read: D1 holds none.

use super::case_records::StoredFinger;
use super::decode::{self, to_json};
use super::stored_form::StoredForm;
use serde::Deserialize;
use shared::api::AttachmentKind;
use shared::domain::RegistrationCode;
use shared::lifecycle::{Actor, Stage};
use worker::{D1Database, Result};

#[derive(Debug, Clone, Deserialize)]
pub struct HeldApplication {
    pub id: String,
    #[serde(deserialize_with = "decode::registration_code")]
    pub registration_code: RegistrationCode,
    pub stage: Stage,
    pub district_code: String,
    pub created_at: String,
    #[serde(rename = "form_json", deserialize_with = "decode::json_text")]
    pub form: StoredForm,
}

/// Applications under `nik` (or with registration code `code`), oldest first.
pub async fn applications(
    db: &D1Database,
    nik: Option<&str>,
    code: Option<&RegistrationCode>,
) -> Result<Vec<HeldApplication>> {
    let code = code.map(RegistrationCode::compact);
    db.prepare(
        "SELECT id, registration_code, stage, district_code, created_at, form_json \
         FROM applications WHERE nik = ?1 OR registration_code = ?2 ORDER BY created_at, id",
    )
    .bind(&[
        nik.map(Into::into).unwrap_or(wasm_bindgen::JsValue::NULL),
        code.map(Into::into).unwrap_or(wasm_bindgen::JsValue::NULL),
    ])?
    .all()
    .await?
    .results()
}

#[derive(Debug, Clone, Deserialize)]
pub struct HeldEvent {
    pub application_id: String,
    pub stage: Stage,
    pub actor: Actor,
    pub at: String,
}

pub async fn events(db: &D1Database, ids: &[&str]) -> Result<Vec<HeldEvent>> {
    db.prepare(
        "SELECT application_id, stage, actor, at FROM application_events \
         WHERE application_id IN (SELECT value FROM json_each(?1)) ORDER BY id",
    )
    .bind(&[to_json(&ids)?.into()])?
    .all()
    .await?
    .results()
}

#[derive(Debug, Clone, Deserialize)]
pub struct HeldDocument {
    pub application_id: String,
    pub kind: AttachmentKind,
    pub content_type: String,
    pub bytes: u64,
    pub sha256: String,
}

pub async fn documents(db: &D1Database, ids: &[&str]) -> Result<Vec<HeldDocument>> {
    db.prepare(
        "SELECT application_id, kind, content_type, bytes, sha256 FROM documents \
         WHERE application_id IN (SELECT value FROM json_each(?1)) ORDER BY application_id, kind",
    )
    .bind(&[to_json(&ids)?.into()])?
    .all()
    .await?
    .results()
}

#[derive(Debug, Clone, Deserialize)]
pub struct HeldRecording {
    pub application_id: String,
    pub reference_id: String,
    pub recorded_at: String,
    pub recorded_by: String,
    pub district_code: String,
    #[serde(rename = "fingers_json", deserialize_with = "decode::json_text")]
    pub fingers: Vec<StoredFinger>,
    pub decision: Option<String>,
}

pub async fn recordings(db: &D1Database, ids: &[&str]) -> Result<Vec<HeldRecording>> {
    db.prepare(
        "SELECT r.application_id, r.reference_id, r.recorded_at, s.username AS recorded_by, \
         r.district_code, r.fingers_json, m.decision FROM recordings r \
         JOIN staff s ON s.id = r.recorded_by \
         LEFT JOIN match_results m ON m.reference_id = r.reference_id \
         WHERE r.application_id IN (SELECT value FROM json_each(?1)) ORDER BY r.recorded_at",
    )
    .bind(&[to_json(&ids)?.into()])?
    .all()
    .await?
    .results()
}

#[derive(Debug, Clone, Deserialize)]
pub struct HeldCertificate {
    pub application_id: String,
    pub number: String,
    pub issued_on: String,
    pub expires_on: String,
    pub revoked_on: Option<String>,
    pub ended_on: Option<String>,
}

pub async fn certificates(db: &D1Database, ids: &[&str]) -> Result<Vec<HeldCertificate>> {
    db.prepare(
        "SELECT application_id, number, issued_on, expires_on, revoked_on, ended_on \
         FROM certificates WHERE application_id IN (SELECT value FROM json_each(?1)) ORDER BY serial",
    )
    .bind(&[to_json(&ids)?.into()])?
    .all()
    .await?
    .results()
}
