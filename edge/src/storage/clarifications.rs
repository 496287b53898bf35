//! The `clarifications` table: what the resident said and showed at the dinas about a
//! DUPLICATE_RECORD application, the outcome, and the existing record it was linked to.

use super::decode::{self, to_json};
use serde::{Deserialize, Deserializer};
use shared::api::{ClarificationOutcome, SeenDocument};
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Result};

#[derive(Debug, Clone, Deserialize)]
pub struct ClarificationRow {
    pub application_id: String,
    pub recorded_by_name: String,
    pub recorded_at: String,
    pub statement: String,
    #[serde(rename = "documents_json", deserialize_with = "decode::json_text")]
    pub documents: Vec<SeenDocument>,
    #[serde(deserialize_with = "outcome")]
    pub outcome: ClarificationOutcome,
    pub existing_application_id: Option<String>,
}

fn outcome<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<ClarificationOutcome, D::Error> {
    let text = String::deserialize(d)?;
    ClarificationOutcome::parse(&text)
        .ok_or_else(|| serde::de::Error::custom(format!("stored clarification outcome {text:?}")))
}

pub struct NewClarification<'a> {
    pub id: &'a str,
    pub case_id: &'a str,
    pub application_id: &'a str,
    pub recorded_by: &'a str,
    pub recorded_at: &'a str,
    pub statement: &'a str,
    pub documents: &'a [SeenDocument],
    pub outcome: ClarificationOutcome,
    pub existing_application_id: Option<&'a str>,
}

pub fn insert(db: &D1Database, c: &NewClarification<'_>) -> Result<D1PreparedStatement> {
    let row: [JsValue; 9] = [
        c.id.into(),
        c.case_id.into(),
        c.application_id.into(),
        c.recorded_by.into(),
        c.recorded_at.into(),
        c.statement.into(),
        to_json(&c.documents)?.into(),
        c.outcome.as_str().into(),
        c.existing_application_id
            .map(JsValue::from)
            .unwrap_or(JsValue::NULL),
    ];
    db.prepare(
        "INSERT INTO clarifications (id, case_id, application_id, recorded_by, recorded_at, \
         statement, documents_json, outcome, existing_application_id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )
    .bind(&row)
}

/// A case's clarifications, oldest first.
pub async fn for_case(db: &D1Database, case_id: &str) -> Result<Vec<ClarificationRow>> {
    db.prepare(
        "SELECT c.application_id, s.display_name AS recorded_by_name, c.recorded_at, c.statement, \
         c.documents_json, c.outcome, c.existing_application_id \
         FROM clarifications c JOIN staff s ON s.id = c.recorded_by \
         WHERE c.case_id = ?1 ORDER BY c.recorded_at, c.id",
    )
    .bind(&[case_id.into()])?
    .all()
    .await?
    .results()
}
