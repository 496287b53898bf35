//! `held_template_releases`: which held recordings' templates the coordinator has let go, and
//! the query of those due (decided long enough ago, not owed to the gallery, not released yet).

use super::decode;
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement, Result};

/// Reference ids of recordings held for a case, decided over `days` days before `now`, whose
/// templates no enrolment still needs (a "not a duplicate" approval whose enrolment is owed
/// keeps them) and that were not released before; at most `limit`, oldest decisions first.
pub async fn due(db: &D1Database, now: &str, days: u32, limit: u32) -> Result<Vec<String>> {
    #[derive(Deserialize)]
    struct Row {
        reference_id: String,
    }
    let rows: Vec<Row> = db
        .prepare(
            "SELECT ca.reference_id FROM case_applications ca \
             WHERE ca.decided_at IS NOT NULL \
               AND ca.decided_at < strftime('%Y-%m-%dT%H:%M:%fZ', ?1, ?2) \
               AND NOT EXISTS (SELECT 1 FROM pending_enrolments p \
                   WHERE p.reference_id = ca.reference_id AND p.enrolled_at IS NULL) \
               AND NOT EXISTS (SELECT 1 FROM held_template_releases r \
                   WHERE r.reference_id = ca.reference_id) \
             ORDER BY ca.decided_at LIMIT ?3",
        )
        .bind(&[now.into(), format!("-{days} days").into(), limit.into()])?
        .all()
        .await?
        .results()?;
    Ok(rows.into_iter().map(|r| r.reference_id).collect())
}

/// Records the release of these reference ids (one statement, the ids as one JSON text).
pub fn record(db: &D1Database, reference_ids: &[String], now: &str) -> Result<D1PreparedStatement> {
    db.prepare(
        "INSERT INTO held_template_releases (reference_id, released_at) \
         SELECT value, ?2 FROM json_each(?1) WHERE true ON CONFLICT (reference_id) DO NOTHING",
    )
    .bind(&[decode::to_json(&reference_ids)?.into(), now.into()])
}
