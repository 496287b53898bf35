//! The `adjudication_cases` and `case_applications` tables: which held applications form one
//! case, and who holds the case's claim. A claim is live while its holder acted on the case
//! after the cutoff the caller computes (now minus the lapse time).

use super::decode::{self, to_json};
use serde::Deserialize;
use shared::domain::RegistrationCode;
use shared::lifecycle::Stage;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Result};

/// A case with its claim, the holder's display name joined.
#[derive(Debug, Clone, Deserialize)]
pub struct CaseRow {
    pub id: String,
    pub opened_at: String,
    pub closed_at: Option<String>,
    pub holder_id: Option<String>,
    pub holder_name: Option<String>,
    pub claimed_at: Option<String>,
    pub last_activity_at: Option<String>,
}

impl CaseRow {
    /// The live claim's holder, if any, given the lapse cutoff.
    pub fn live_holder(&self, cutoff: &str) -> Option<&str> {
        match (&self.holder_id, &self.last_activity_at) {
            (Some(holder), Some(at)) if at.as_str() >= cutoff => Some(holder),
            _ => None,
        }
    }
}

/// One held application of a case, with what the console needs to list it.
#[derive(Debug, Clone, Deserialize)]
pub struct MemberRow {
    pub case_id: String,
    pub application_id: String,
    pub reference_id: String,
    pub decided_at: Option<String>,
    #[serde(deserialize_with = "decode::registration_code")]
    pub registration_code: RegistrationCode,
    pub stage: Stage,
    pub district_code: String,
    /// `match_results.candidates_json`; absent only if the outcome row is missing.
    pub candidates_json: Option<String>,
}

const CASE_COLUMNS: &str =
    "c.id, c.opened_at, c.closed_at, c.holder_id, s.display_name AS holder_name, \
     c.claimed_at, c.last_activity_at";
const MEMBER_COLUMNS: &str =
    "ca.case_id, ca.application_id, ca.reference_id, ca.attached_at, ca.decided_at, \
     a.registration_code, a.stage, a.district_code, m.candidates_json";

/// The statements, for the matching outcome's batch, that put a held application into a case:
/// the open case of any of its candidates (by their recordings' reference ids), else a new case
/// `new_case_id`. Nothing happens when the application already sits undecided in an open case
/// (a redelivered outcome).
pub fn open_or_attach(
    db: &D1Database,
    new_case_id: &str,
    application_id: &str,
    reference_id: &str,
    candidate_reference_ids: &[&str],
    now: &str,
) -> Result<Vec<D1PreparedStatement>> {
    let candidates = to_json(&candidate_reference_ids)?;
    // The open case of a candidate: ?2 holds the candidates' reference ids as JSON.
    const CANDIDATE_CASE: &str = "SELECT ca.case_id FROM case_applications ca \
         JOIN adjudication_cases c ON c.id = ca.case_id \
         WHERE c.closed_at IS NULL AND ca.application_id IN \
           (SELECT r.application_id FROM recordings r WHERE r.reference_id IN (SELECT value FROM json_each(?2))) \
         ORDER BY c.opened_at LIMIT 1";
    const ALREADY_HELD: &str = "SELECT 1 FROM case_applications ca \
         JOIN adjudication_cases c ON c.id = ca.case_id \
         WHERE c.closed_at IS NULL AND ca.application_id = ?3 AND ca.decided_at IS NULL";
    let args: [JsValue; 5] = [
        new_case_id.into(),
        candidates.into(),
        application_id.into(),
        reference_id.into(),
        now.into(),
    ];
    Ok(vec![
        db.prepare(format!(
            "INSERT INTO adjudication_cases (id, opened_at) SELECT ?1, ?5 \
             WHERE NOT EXISTS ({CANDIDATE_CASE}) AND NOT EXISTS ({ALREADY_HELD})"
        ))
        .bind(&args)?,
        db.prepare(format!(
            "INSERT OR IGNORE INTO case_applications (case_id, application_id, reference_id, attached_at) \
             SELECT COALESCE(({CANDIDATE_CASE}), ?1), ?3, ?4, ?5 WHERE NOT EXISTS ({ALREADY_HELD})"
        ))
        .bind(&args)?,
    ])
}

pub async fn get(db: &D1Database, case_id: &str) -> Result<Option<CaseRow>> {
    db.prepare(format!(
        "SELECT {CASE_COLUMNS} FROM adjudication_cases c LEFT JOIN staff s ON s.id = c.holder_id \
         WHERE c.id = ?1"
    ))
    .bind(&[case_id.into()])?
    .first(None)
    .await
}

/// Open cases, oldest first.
pub async fn list_open(db: &D1Database, limit: u32) -> Result<Vec<CaseRow>> {
    db.prepare(format!(
        "SELECT {CASE_COLUMNS} FROM adjudication_cases c LEFT JOIN staff s ON s.id = c.holder_id \
         WHERE c.closed_at IS NULL ORDER BY c.opened_at, c.id LIMIT ?1"
    ))
    .bind(&[limit.into()])?
    .all()
    .await?
    .results()
}

/// The applications of every open case (oldest attachment first).
pub async fn open_members(db: &D1Database) -> Result<Vec<MemberRow>> {
    db.prepare(format!(
        "SELECT {MEMBER_COLUMNS} FROM case_applications ca \
         JOIN adjudication_cases c ON c.id = ca.case_id \
         JOIN applications a ON a.id = ca.application_id \
         LEFT JOIN match_results m ON m.reference_id = ca.reference_id \
         WHERE c.closed_at IS NULL ORDER BY ca.attached_at, ca.application_id"
    ))
    .all()
    .await?
    .results()
}

/// The applications of one case (oldest attachment first).
pub async fn members(db: &D1Database, case_id: &str) -> Result<Vec<MemberRow>> {
    db.prepare(format!(
        "SELECT {MEMBER_COLUMNS} FROM case_applications ca \
         JOIN applications a ON a.id = ca.application_id \
         LEFT JOIN match_results m ON m.reference_id = ca.reference_id \
         WHERE ca.case_id = ?1 ORDER BY ca.attached_at, ca.application_id"
    ))
    .bind(&[case_id.into()])?
    .all()
    .await?
    .results()
}

/// Claims the case for `staff_id` (or refreshes their own claim) unless someone else's claim is
/// live (last activity at or after `cutoff`). Whether the claim is now the caller's.
pub async fn claim(
    db: &D1Database,
    case_id: &str,
    staff_id: &str,
    now: &str,
    cutoff: &str,
) -> Result<bool> {
    let row: Option<serde_json::Value> = db
        .prepare(
            "UPDATE adjudication_cases SET \
               claimed_at = CASE WHEN holder_id = ?2 AND last_activity_at >= ?4 THEN claimed_at ELSE ?3 END, \
               holder_id = ?2, last_activity_at = ?3 \
             WHERE id = ?1 AND (holder_id IS NULL OR holder_id = ?2 OR last_activity_at < ?4) \
             RETURNING id",
        )
        .bind(&[case_id.into(), staff_id.into(), now.into(), cutoff.into()])?
        .first(None)
        .await?;
    Ok(row.is_some())
}

/// Drops the claim: the holder's own, or anyone's when `any_holder` (a supervisor). Whether a
/// claim was dropped.
pub async fn release(
    db: &D1Database,
    case_id: &str,
    staff_id: &str,
    any_holder: bool,
) -> Result<bool> {
    let row: Option<serde_json::Value> = db
        .prepare(
            "UPDATE adjudication_cases SET holder_id = NULL, claimed_at = NULL, last_activity_at = NULL \
             WHERE id = ?1 AND holder_id IS NOT NULL AND (holder_id = ?2 OR ?3 = 1) RETURNING id",
        )
        .bind(&[case_id.into(), staff_id.into(), i32::from(any_holder).into()])?
        .first(None)
        .await?;
    Ok(row.is_some())
}

/// For a write's batch: aborts the batch (through `transition_guard`'s NOT NULL, so a tripped
/// guard reads as a conflict) unless `staff_id` still holds a live claim; then records the
/// activity.
pub fn claim_guard_and_touch(
    db: &D1Database,
    case_id: &str,
    staff_id: &str,
    now: &str,
    cutoff: &str,
) -> Result<[D1PreparedStatement; 2]> {
    Ok([
        db.prepare(
            "INSERT INTO transition_guard (never_null) SELECT NULL WHERE NOT EXISTS \
             (SELECT 1 FROM adjudication_cases WHERE id = ?1 AND holder_id = ?2 AND last_activity_at >= ?3)",
        )
        .bind(&[case_id.into(), staff_id.into(), cutoff.into()])?,
        db.prepare(
            "UPDATE adjudication_cases SET last_activity_at = ?3 WHERE id = ?1 AND holder_id = ?2",
        )
        .bind(&[case_id.into(), staff_id.into(), now.into()])?,
    ])
}

/// For a write's batch, after [`claim_guard_and_touch`]: the caller's part is done (a proposal
/// waits for a supervisor, a review or clarification is made), so their claim ends and the case
/// is free for the next person.
pub fn release_statement(
    db: &D1Database,
    case_id: &str,
    staff_id: &str,
) -> Result<D1PreparedStatement> {
    db.prepare(
        "UPDATE adjudication_cases SET holder_id = NULL, claimed_at = NULL, last_activity_at = NULL \
         WHERE id = ?1 AND holder_id = ?2",
    )
    .bind(&[case_id.into(), staff_id.into()])
}

/// For a decision's batch: the application is decided in this case, and the case closes (and
/// its claim ends) once none of its applications is undecided.
pub fn decide_member(
    db: &D1Database,
    case_id: &str,
    application_id: &str,
    now: &str,
) -> Result<[D1PreparedStatement; 2]> {
    Ok([
        db.prepare(
            "UPDATE case_applications SET decided_at = ?3 \
             WHERE case_id = ?1 AND application_id = ?2 AND decided_at IS NULL",
        )
        .bind(&[case_id.into(), application_id.into(), now.into()])?,
        db.prepare(
            "UPDATE adjudication_cases SET closed_at = ?2, holder_id = NULL, claimed_at = NULL, \
               last_activity_at = NULL \
             WHERE id = ?1 AND closed_at IS NULL AND NOT EXISTS \
               (SELECT 1 FROM case_applications WHERE case_id = ?1 AND decided_at IS NULL)",
        )
        .bind(&[case_id.into(), now.into()])?,
    ])
}
