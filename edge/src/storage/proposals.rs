//! The `adjudication_proposals` table: who proposed what on a held application, and its review.
//! A review is written only while the proposal is still pending (guarded in the batch).

use serde::{Deserialize, Deserializer};
use shared::api::ProposalStatus;
use shared::lifecycle::Adjudication;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Result};

#[derive(Debug, Clone, Deserialize)]
pub struct ProposalRow {
    pub id: String,
    pub case_id: String,
    pub application_id: String,
    #[serde(deserialize_with = "adjudication")]
    pub decision: Adjudication,
    pub candidate_application_id: Option<String>,
    pub reason: String,
    pub proposed_by: String,
    pub proposed_by_name: String,
    pub proposed_at: String,
    #[serde(deserialize_with = "status")]
    pub status: ProposalStatus,
    pub reviewed_by_name: Option<String>,
    pub reviewed_at: Option<String>,
    pub review_reason: Option<String>,
}

fn adjudication<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Adjudication, D::Error> {
    let text = String::deserialize(d)?;
    Adjudication::parse(&text)
        .ok_or_else(|| serde::de::Error::custom(format!("stored adjudication {text:?}")))
}

fn status<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<ProposalStatus, D::Error> {
    let text = String::deserialize(d)?;
    ProposalStatus::parse(&text)
        .ok_or_else(|| serde::de::Error::custom(format!("stored proposal status {text:?}")))
}

pub struct NewProposal<'a> {
    pub id: &'a str,
    pub case_id: &'a str,
    pub application_id: &'a str,
    pub decision: Adjudication,
    pub candidate_application_id: Option<&'a str>,
    pub reason: &'a str,
    pub proposed_by: &'a str,
    pub proposed_at: &'a str,
}

const COLUMNS: &str = "p.id, p.case_id, p.application_id, p.decision, p.candidate_application_id, \
     p.reason, p.proposed_by, sp.display_name AS proposed_by_name, p.proposed_at, p.status, \
     sr.display_name AS reviewed_by_name, p.reviewed_at, p.review_reason";
const FROM: &str = "adjudication_proposals p JOIN staff sp ON sp.id = p.proposed_by \
     LEFT JOIN staff sr ON sr.id = p.reviewed_by";

/// The insert; the one-pending-per-application index refuses a second pending proposal.
pub fn insert(db: &D1Database, p: &NewProposal<'_>) -> Result<D1PreparedStatement> {
    let opt = |v: Option<&str>| v.map(JsValue::from).unwrap_or(JsValue::NULL);
    let row: [JsValue; 8] = [
        p.id.into(),
        p.case_id.into(),
        p.application_id.into(),
        p.decision.as_str().into(),
        opt(p.candidate_application_id),
        p.reason.into(),
        p.proposed_by.into(),
        p.proposed_at.into(),
    ];
    db.prepare(
        "INSERT INTO adjudication_proposals (id, case_id, application_id, decision, \
         candidate_application_id, reason, proposed_by, proposed_at, status) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'pending')",
    )
    .bind(&row)
}

pub async fn get(db: &D1Database, case_id: &str, id: &str) -> Result<Option<ProposalRow>> {
    db.prepare(format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE p.case_id = ?1 AND p.id = ?2"
    ))
    .bind(&[case_id.into(), id.into()])?
    .first(None)
    .await
}

/// A case's proposals, oldest first.
pub async fn for_case(db: &D1Database, case_id: &str) -> Result<Vec<ProposalRow>> {
    db.prepare(format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE p.case_id = ?1 ORDER BY p.proposed_at, p.id"
    ))
    .bind(&[case_id.into()])?
    .all()
    .await?
    .results()
}

/// Pending proposals of every open case, oldest first.
pub async fn pending_open(db: &D1Database) -> Result<Vec<ProposalRow>> {
    db.prepare(format!(
        "SELECT {COLUMNS} FROM {FROM} JOIN adjudication_cases c ON c.id = p.case_id \
         WHERE p.status = 'pending' AND c.closed_at IS NULL ORDER BY p.proposed_at, p.id"
    ))
    .all()
    .await?
    .results()
}

/// For a review's batch: aborts it (via `transition_guard`) unless the proposal is still
/// pending, then records the review.
pub fn review(
    db: &D1Database,
    id: &str,
    status: ProposalStatus,
    reviewed_by: &str,
    reason: &str,
    now: &str,
) -> Result<[D1PreparedStatement; 2]> {
    Ok([
        db.prepare(
            "INSERT INTO transition_guard (never_null) SELECT NULL WHERE NOT EXISTS \
             (SELECT 1 FROM adjudication_proposals WHERE id = ?1 AND status = 'pending')",
        )
        .bind(&[id.into()])?,
        db.prepare(
            "UPDATE adjudication_proposals SET status = ?2, reviewed_by = ?3, reviewed_at = ?4, \
             review_reason = ?5 WHERE id = ?1 AND status = 'pending'",
        )
        .bind(&[
            id.into(),
            status.as_str().into(),
            reviewed_by.into(),
            now.into(),
            reason.into(),
        ])?,
    ])
}
