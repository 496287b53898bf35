//! The `dead_letters` table: enrolment jobs that failed every retry, as the dead-letter
//! consumer recorded them (never their templates).

use wasm_bindgen::JsValue;
use worker::{D1Database, Result};

pub struct DeadLetter<'a> {
    pub job_id: &'a str,
    pub queue: &'a str,
    pub reference_id: &'a str,
    pub purpose: &'a str,
    pub enqueued_at: &'a str,
    pub recorded_at: &'a str,
}

/// Records a dead letter once (a redelivered one changes nothing); the application is the one
/// whose recording has the job's reference id, if any.
pub async fn record(db: &D1Database, d: &DeadLetter<'_>) -> Result<()> {
    let row: [JsValue; 6] = [
        d.job_id.into(),
        d.queue.into(),
        d.reference_id.into(),
        d.purpose.into(),
        d.enqueued_at.into(),
        d.recorded_at.into(),
    ];
    db.prepare(
        "INSERT INTO dead_letters (job_id, queue, reference_id, application_id, purpose, enqueued_at, recorded_at) \
         VALUES (?1, ?2, ?3, (SELECT application_id FROM recordings WHERE reference_id = ?3), ?4, ?5, ?6) \
         ON CONFLICT (job_id) DO NOTHING",
    )
    .bind(&row)?
    .run()
    .await?;
    Ok(())
}
