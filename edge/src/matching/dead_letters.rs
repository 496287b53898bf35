//! The dead-letter queue's consumer: an enrolment job that failed every retry of the main
//! consumer lands here and is recorded in D1 (`dead_letters`: job, reference id, application,
//! purpose, times; never its templates), then acknowledged. The dinas dashboard lists every
//! unresolved one as a stuck item, so no job is lost silently. Its templates leave with the
//! message, and their copy kept for the redrive (`storage::matching_jobs`) is deleted with the
//! record: the owner (the dinas supervisor) has the application recorded again. A failed D1
//! write retries the message; Queues keeps it meanwhile (up to the queue's retention period).

use crate::bindings;
use crate::storage::dead_letters::{self, DeadLetter};
use crate::storage::matching_jobs;
use shared::api::{EnrollmentJob, JobPurpose};
use worker::{Env, MessageBatch, MessageExt, Result};

/// The dead-letter queue's name (edge/wrangler.toml: the main consumer's `dead_letter_queue`).
pub const QUEUE: &str = "rekam-enrollment-dlq";

pub async fn consume(batch: MessageBatch<EnrollmentJob>, env: Env) -> Result<()> {
    let messages = match batch.messages() {
        Ok(m) => m,
        Err(e) => {
            worker::console_error!("dead-letter batch undecodable: {e}");
            batch.retry_all();
            return Ok(());
        }
    };
    let db = env.d1(bindings::DB)?;
    let bucket = env.bucket(bindings::FILES)?;
    let queue = batch.queue();
    let recorded_at = iso(worker::Date::now().as_millis());
    for message in messages {
        let job = message.body();
        let purpose = match job.purpose {
            JobPurpose::Search => "search",
            JobPurpose::EnrolAdjudicated => "enrol_adjudicated",
        };
        let entry = DeadLetter {
            job_id: &job.job_id,
            queue: &queue,
            reference_id: &job.reference_id,
            purpose,
            enqueued_at: &iso(message.timestamp().as_millis()),
            recorded_at: &recorded_at,
        };
        match dead_letters::record(&db, &entry).await {
            Ok(()) => {
                worker::console_error!("enrolment job {} dead-lettered and recorded", job.job_id);
                // Recorded as dead: the redrive's sweep deletes the kept copy if this fails.
                if let Err(e) = matching_jobs::delete(&bucket, &job.reference_id).await {
                    worker::console_error!("kept job {} not deleted: {e}", job.reference_id);
                }
                message.ack();
            }
            Err(e) => {
                worker::console_error!("dead letter {}: {e}; retrying", job.job_id);
                message.retry();
            }
        }
    }
    Ok(())
}

fn iso(ms: u64) -> String {
    String::from(js_sys::Date::new(&(ms as f64).into()).to_iso_string())
}
