//! The `adjudication_flags` table: recordings found to carry the operator's own prints, and
//! identity fraud found at a clarification, for the supervisor.

use serde::{Deserialize, Deserializer};
use shared::api::FlagKind;
use shared::domain::RegistrationCode;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Result};

#[derive(Debug, Clone, Deserialize)]
pub struct FlagRow {
    #[serde(deserialize_with = "kind")]
    pub kind: FlagKind,
    pub application_id: String,
    pub raised_by_name: String,
    pub raised_at: String,
    pub reason: String,
}

fn kind<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<FlagKind, D::Error> {
    let text = String::deserialize(d)?;
    FlagKind::parse(&text)
        .ok_or_else(|| serde::de::Error::custom(format!("stored flag kind {text:?}")))
}

pub struct NewFlag<'a> {
    pub kind: FlagKind,
    pub case_id: &'a str,
    pub application_id: &'a str,
    /// The flagged recording, when the flag is about one.
    pub reference_id: Option<&'a str>,
    pub raised_by: &'a str,
    pub raised_at: &'a str,
    pub reason: &'a str,
}

pub fn insert(db: &D1Database, f: &NewFlag<'_>) -> Result<D1PreparedStatement> {
    let row: [JsValue; 7] = [
        f.kind.as_str().into(),
        f.case_id.into(),
        f.application_id.into(),
        f.reference_id.map(JsValue::from).unwrap_or(JsValue::NULL),
        f.raised_by.into(),
        f.raised_at.into(),
        f.reason.into(),
    ];
    db.prepare(
        "INSERT INTO adjudication_flags (kind, case_id, application_id, reference_id, raised_by, \
         raised_at, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .bind(&row)
}

pub async fn for_case(db: &D1Database, case_id: &str) -> Result<Vec<FlagRow>> {
    db.prepare(
        "SELECT f.kind, f.application_id, s.display_name AS raised_by_name, f.raised_at, f.reason \
         FROM adjudication_flags f JOIN staff s ON s.id = f.raised_by \
         WHERE f.case_id = ?1 ORDER BY f.id",
    )
    .bind(&[case_id.into()])?
    .all()
    .await?
    .results()
}

/// A flag as the supervisors' list shows it (registration code, no names).
#[derive(Debug, Clone, Deserialize)]
pub struct FlaggedRow {
    pub case_id: String,
    pub application_id: String,
    #[serde(deserialize_with = "super::decode::registration_code")]
    pub registration_code: RegistrationCode,
    #[serde(deserialize_with = "kind")]
    pub kind: FlagKind,
    pub raised_by_name: String,
    pub raised_at: String,
}

/// The newest `limit` flags of every case.
pub async fn recent(db: &D1Database, limit: u32) -> Result<Vec<FlaggedRow>> {
    db.prepare(
        "SELECT f.case_id, f.application_id, a.registration_code, f.kind, \
         s.display_name AS raised_by_name, f.raised_at \
         FROM adjudication_flags f JOIN staff s ON s.id = f.raised_by \
         JOIN applications a ON a.id = f.application_id \
         ORDER BY f.raised_at DESC, f.id DESC LIMIT ?1",
    )
    .bind(&[limit.into()])?
    .all()
    .await?
    .results()
}
