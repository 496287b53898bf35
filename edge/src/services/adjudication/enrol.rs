//! The enrolment owed after a "not a duplicate" approval, done after the approval's batch has
//! committed: directly through the coordinator; when that fails, as a queue job (retried with
//! backoff, then the dead-letter queue); and whatever is still owed a while later is retried
//! when the case list is read. The gallery's enrolment is idempotent, so a retry never doubles.

use crate::bindings;
use crate::http::RequestContext;
use crate::matching::coordinator;
use crate::storage::pending_enrolments;
use shared::api::{EnrollmentJob, Enrolment, JobPurpose};
use worker::D1Database;

/// Owed enrolments older than this are retried by the case list.
const RETRY_AFTER_MINUTES: f64 = 2.0;
/// At most this many per list request.
const RETRY_PER_REQUEST: u32 = 5;

pub async fn after_approval(
    ctx: &RequestContext,
    db: &D1Database,
    reference_id: &str,
) -> Enrolment {
    match coordinator::enrol_after_adjudication(&ctx.env, reference_id).await {
        Ok(_) => {
            if let Err(e) = pending_enrolments::mark_enrolled(db, reference_id, &ctx.now).await {
                // Enrolled; only the bookkeeping failed: a later retry enrols nobody twice.
                worker::console_error!("mark enrolled {reference_id}: {e}");
            }
            Enrolment::Enrolled
        }
        Err(e) => {
            worker::console_error!("enrol {reference_id} after approval: {e}; queued");
            let job = EnrollmentJob {
                job_id: format!("enrol-{reference_id}"),
                reference_id: reference_id.to_string(),
                fingers: Vec::new(),
                purpose: JobPurpose::EnrolAdjudicated,
            };
            let queued = match ctx.env.queue(bindings::ENROLLMENT) {
                Ok(q) => q.send(&job).await.map(|_| ()),
                Err(e) => Err(e),
            };
            if let Err(e) = queued {
                worker::console_error!("queue enrolment {reference_id}: {e}; left owed");
            }
            Enrolment::Pending
        }
    }
}

/// Retries a few enrolments still owed. Failures are logged and left owed.
pub async fn retry_owed(ctx: &RequestContext, db: &D1Database) {
    let before_ms = js_sys::Date::parse(&ctx.now) - RETRY_AFTER_MINUTES * 60_000.0;
    let before = String::from(js_sys::Date::new(&before_ms.into()).to_iso_string());
    let owed = match pending_enrolments::owed(db, &before, RETRY_PER_REQUEST).await {
        Ok(owed) => owed,
        Err(e) => {
            worker::console_error!("read owed enrolments: {e}");
            return;
        }
    };
    for p in owed {
        match coordinator::enrol_after_adjudication(&ctx.env, &p.reference_id).await {
            Ok(_) => {
                let _ = pending_enrolments::mark_enrolled(db, &p.reference_id, &ctx.now).await;
            }
            Err(e) => worker::console_error!("retry enrolment {}: {e}", p.reference_id),
        }
    }
}
