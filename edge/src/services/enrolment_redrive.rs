//! The redrive of matching jobs, run by the cron trigger: a recording sent for enrolment that
//! has had no decision for `REDRIVE_AFTER_MINUTES` (wrangler.toml) is sent to the queue again
//! from the job kept in R2 (`storage::matching_jobs`), for a job the queue lost (a local runtime
//! keeps its queue in memory; in production, a send whose message never arrives). Sending again
//! is harmless: the coordinator answers a known job id with its saved outcome and enrols nobody
//! twice, and the consumer leaves an application that has moved on alone. Dead-lettered jobs are
//! not sent again here (the dashboard lists them as stuck). The same sweep deletes kept jobs
//! whose recording no longer waits (a deletion the consumer could not make). Each sweep that
//! resent or deleted something is audited with its counts.

use crate::bindings;
use crate::http::RequestContext;
use crate::storage::{audit, matching_jobs, recordings};
use worker::{Env, Result};

/// Minutes without a decision after which a job is sent again, when the variable is missing.
const DEFAULT_AFTER_MINUTES: u32 = 15;
/// Jobs sent again (an R2 read and a queue send each) and leftovers deleted per sweep: together
/// well within an invocation's 1,000 subrequests. A larger backlog goes at the following triggers.
const SWEEP_LIMIT: u32 = 200;

/// What one sweep did.
pub struct Redrive {
    /// Jobs sent to the queue again.
    pub resent: usize,
    /// Overdue recordings without a kept job (recorded before jobs were kept): left as stuck.
    pub without_job: usize,
    /// Kept jobs of recordings that no longer wait, deleted.
    pub cleared: usize,
}

pub async fn sweep(env: &Env) -> Result<Redrive> {
    let ctx = RequestContext::for_queue(env.clone());
    let db = env.d1(bindings::DB)?;
    let bucket = env.bucket(bindings::FILES)?;
    let after_minutes = env
        .var(bindings::REDRIVE_AFTER_MINUTES)
        .ok()
        .and_then(|v| v.to_string().parse().ok())
        .unwrap_or(DEFAULT_AFTER_MINUTES);

    let overdue =
        recordings::overdue_for_matching(&db, &ctx.now, after_minutes, SWEEP_LIMIT).await?;
    let queue = env.queue(bindings::ENROLLMENT)?;
    let mut done = Redrive {
        resent: 0,
        without_job: 0,
        cleared: 0,
    };
    for reference_id in &overdue {
        match matching_jobs::get(&bucket, reference_id).await? {
            Some(job) => {
                queue.send(&job).await?;
                done.resent += 1;
            }
            None => {
                worker::console_error!("recording {reference_id} overdue, no kept job to resend");
                done.without_job += 1;
            }
        }
    }

    let kept = matching_jobs::kept(&bucket).await?;
    if !kept.is_empty() {
        let leftovers = recordings::no_longer_awaiting(&db, &kept).await?;
        for reference_id in leftovers.iter().take(SWEEP_LIMIT as usize) {
            matching_jobs::delete(&bucket, reference_id).await?;
            done.cleared += 1;
        }
    }

    // Overdue recordings without a kept job stay so until their owner acts: counted in the
    // detail, but alone they write no row at every trigger.
    if done.resent + done.cleared > 0 {
        let detail = serde_json::json!({
            "resent": done.resent,
            "without_job": done.without_job,
            "cleared": done.cleared,
        })
        .to_string();
        let entry = audit::AuditEntry {
            at: &ctx.now,
            staff_id: None,
            role: "enrolment_redrive",
            action: "matching.jobs_redriven",
            application_id: None,
            client: "cron",
            request_id: &ctx.request_id,
            detail_json: Some(&detail),
        };
        audit::record(&db, vec![entry.row()]).await?;
    }
    Ok(done)
}
