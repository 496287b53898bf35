//! The `pending_enrolments` table: gallery enrolments owed after a "not a duplicate" approval.
//! The row is written in the approval's batch and marked done once the gallery has the person,
//! so a failed call to the gallery never loses the enrolment.

use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement, Result};

#[derive(Debug, Clone, Deserialize)]
pub struct PendingEnrolment {
    pub reference_id: String,
}

pub fn insert(
    db: &D1Database,
    reference_id: &str,
    application_id: &str,
    now: &str,
) -> Result<D1PreparedStatement> {
    db.prepare(
        "INSERT OR IGNORE INTO pending_enrolments (reference_id, application_id, approved_at) \
         VALUES (?1, ?2, ?3)",
    )
    .bind(&[reference_id.into(), application_id.into(), now.into()])
}

pub async fn mark_enrolled(db: &D1Database, reference_id: &str, now: &str) -> Result<()> {
    db.prepare(
        "UPDATE pending_enrolments SET enrolled_at = ?2 WHERE reference_id = ?1 AND enrolled_at IS NULL",
    )
    .bind(&[reference_id.into(), now.into()])?
    .run()
    .await?;
    Ok(())
}

/// Enrolments still owed that were approved before `before` (so a just-approved one being
/// enrolled right now is left to its own request).
pub async fn owed(db: &D1Database, before: &str, limit: u32) -> Result<Vec<PendingEnrolment>> {
    db.prepare(
        "SELECT reference_id FROM pending_enrolments WHERE enrolled_at IS NULL AND approved_at < ?1 \
         ORDER BY approved_at LIMIT ?2",
    )
    .bind(&[before.into(), limit.into()])?
    .all()
    .await?
    .results()
}
