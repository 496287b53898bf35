//! The enrollment queue's consumer: each job goes to the coordinator (which searches, decides and
//! enrols, idempotently on the job id), then the outcome moves the application's stage in D1 with
//! its timeline event, audit entry and `match_results` row in one batch; a held outcome
//! (ambiguous or duplicate) also opens or joins the person's adjudication case in that batch. A
//! job of purpose `EnrolAdjudicated` (a "not a duplicate" approval whose direct enrolment failed)
//! enrols the coordinator's held templates instead. A failure retries the message with
//! exponential backoff; after `max_retries` the queue moves it to the dead-letter queue
//! (wrangler.toml). A redelivered job is harmless at every step. Once a search's decision is
//! committed (or the application has moved on), the job kept in R2 for the redrive is deleted.

use super::coordinator;
use super::messages::{MatchDecision, Outcome, ProcessRequest};
use crate::bindings;
use crate::http::{ApiError, RequestContext};
use crate::services::random;
use crate::services::transition::{Mover, Transition};
use crate::storage::match_results::{self, NewMatchResult};
use crate::storage::recordings;
use crate::storage::{cases, matching_jobs, pending_enrolments};
use shared::api::{EnrollmentJob, ErrorCode, JobPurpose};
use shared::lifecycle::Stage;
use worker::{Env, MessageBatch, MessageExt, QueueRetryOptionsBuilder, Result};

/// Backoff: the delay doubles with the message's age, between these bounds.
const RETRY_MIN_DELAY_S: u32 = 1;
const RETRY_MAX_DELAY_S: u32 = 300;

pub async fn consume(batch: MessageBatch<EnrollmentJob>, env: Env) -> Result<()> {
    let messages = match batch.messages() {
        Ok(m) => m,
        Err(e) => {
            // An undecodable body cannot succeed later either; retrying sends it to the DLQ.
            worker::console_error!("enrollment batch: {e}");
            batch.retry_all();
            return Ok(());
        }
    };
    for message in messages {
        match handle(&env, message.body()).await {
            Ok(()) => message.ack(),
            Err(e) => {
                let age_s = ((worker::Date::now().as_millis())
                    .saturating_sub(message.timestamp().as_millis())
                    / 1000) as u32;
                let delay = age_s.clamp(RETRY_MIN_DELAY_S, RETRY_MAX_DELAY_S);
                worker::console_error!(
                    "enrollment job {}: {e}; retry in {delay} s",
                    message.body().job_id
                );
                message.retry_with_options(
                    &QueueRetryOptionsBuilder::new()
                        .with_delay_seconds(delay)
                        .build(),
                );
            }
        }
    }
    Ok(())
}

async fn handle(env: &Env, job: &EnrollmentJob) -> Result<()> {
    let db = env.d1(bindings::DB)?;
    if job.purpose == JobPurpose::EnrolAdjudicated {
        coordinator::enrol_after_adjudication(env, &job.reference_id).await?;
        let ctx = RequestContext::for_queue(env.clone());
        pending_enrolments::mark_enrolled(&db, &job.reference_id, &ctx.now).await?;
        return Ok(());
    }
    let Some(recorded) = recordings::application_of(&db, &job.reference_id).await? else {
        return Err(format!("no recording {}", job.reference_id).into());
    };
    let outcome: Outcome = coordinator::call(
        &coordinator::stub(env)?,
        "/process",
        &ProcessRequest {
            job_id: job.job_id.clone(),
            reference_id: job.reference_id.clone(),
            fingers: job.fingers.clone(),
        },
    )
    .await?;
    match recorded.stage {
        Stage::SentForEnrollment => {}
        // The recording request has not moved it yet (it sends the job first): its kept job
        // stays, and the redrive sends it again if this answer is all the job got.
        Stage::BioCaptured => return Ok(()),
        // Already moved (a redelivery after the batch below succeeded), or moved on by staff.
        _ => return forget_job(env, &job.reference_id).await,
    }
    let ctx = RequestContext::for_queue(env.clone());
    let mut t = Transition::load(&ctx, Mover::MatchingWorker, &[&recorded.application_id])
        .await
        .map_err(api)?;
    if t.application().stage != Stage::SentForEnrollment {
        return Ok(()); // moved since the read above, by a concurrent delivery
    }
    t.decide(|_| vec![outcome.decision.event()]).map_err(api)?;
    t.push(match_results::upsert(
        &db,
        &NewMatchResult {
            reference_id: &job.reference_id,
            decision: outcome.decision,
            candidates: &outcome.candidates,
            searched_people: outcome.searched_people,
            decided_at: &ctx.now,
        },
    )?);
    if matches!(
        outcome.decision,
        MatchDecision::Ambiguous | MatchDecision::Duplicate
    ) {
        // Held for the dinas: into the open case of the same person, or a case of its own, in
        // the same batch as the stage (a held application is never without its case).
        let candidates: Vec<&str> = outcome
            .candidates
            .iter()
            .map(|c| c.reference_id.as_str())
            .collect();
        for statement in cases::open_or_attach(
            &db,
            &random::hex::<16>(),
            &recorded.application_id,
            &job.reference_id,
            &candidates,
            &ctx.now,
        )? {
            t.push(statement);
        }
    }
    let detail = serde_json::json!({ "searched_people": outcome.searched_people }).to_string();
    match t.commit("application.match", Some(&detail)).await {
        // Someone else moved it first (a concurrent delivery of the same job): same outcome.
        Ok(()) | Err(ApiError::Code(ErrorCode::Conflict)) => {
            forget_job(env, &job.reference_id).await
        }
        Err(e) => Err(api(e)),
    }
}

/// Deletes the decided job's kept copy. A failure only leaves a leftover, which the redrive's
/// sweep deletes later: the decision stands, so the message is still acknowledged.
async fn forget_job(env: &Env, reference_id: &str) -> Result<()> {
    let deleted = match env.bucket(bindings::FILES) {
        Ok(bucket) => matching_jobs::delete(&bucket, reference_id).await,
        Err(e) => Err(e),
    };
    if let Err(e) = deleted {
        worker::console_error!("kept job {reference_id} not deleted (the redrive will): {e}");
    }
    Ok(())
}

fn api(e: ApiError) -> worker::Error {
    worker::Error::RustError(format!("{e:?}"))
}
