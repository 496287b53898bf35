//! The `transition_guard` table: optimistic concurrency for life-cycle transitions. A batch
//! starts with [`guard`], which inserts a NULL (refused by the column's NOT NULL, aborting the
//! whole batch) when any application in it is no longer in the stage its caller read.

use super::applications::StageMove;
use super::decode::to_json;
use worker::{D1Database, D1PreparedStatement, Result};

/// One statement for any number of applications (their ids and read stages as one JSON text).
pub fn guard(db: &D1Database, moves: &[StageMove<'_>]) -> Result<D1PreparedStatement> {
    let read: Vec<serde_json::Value> = moves
        .iter()
        .map(|m| serde_json::json!({ "id": m.application_id, "from": m.from }))
        .collect();
    db.prepare(
        "INSERT INTO transition_guard (never_null) SELECT NULL FROM json_each(?1) AS m \
         WHERE NOT EXISTS (SELECT 1 FROM applications a \
                           WHERE a.id = json_extract(m.value, '$.id') \
                             AND a.stage = json_extract(m.value, '$.from'))",
    )
    .bind(&[to_json(&read)?.into()])
}

/// Whether a failed batch was stopped by the guard (someone else moved an application first).
pub fn tripped(error: &worker::Error) -> bool {
    error.to_string().contains("transition_guard")
}
