//! The enrollment queue's consumer: each job goes to the coordinator (which searches, decides and
//! enrols, idempotently on the job id), then the outcome moves the application's stage in D1 with
//! its timeline event, audit entry and `match_results` row in one batch. A failure retries the
//! message with exponential backoff; after `max_retries` the queue moves it to the dead-letter
//! queue (wrangler.toml). A redelivered job is harmless at every step.

use super::coordinator;
use super::messages::{Outcome, ProcessRequest};
use crate::bindings;
use crate::http::{ApiError, RequestContext};
use crate::services::transitions::{self, Acting};
use shared::api::EnrollmentJob;
use shared::domain::Date;
use shared::i18n::Lang;
use shared::lifecycle::{Actor, Event, Stage};
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
    let Some((application_id, stage)) = application_of(&db, &job.reference_id).await? else {
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
    let to = Stage::parse(&outcome.decision).ok_or("unknown decision")?;
    if stage != Stage::SentForEnrollment {
        // Already moved (a redelivery after the batch below succeeded), or moved on by staff.
        return Ok(());
    }
    let event = match to {
        Stage::PrintReadyRecord => Event::MatchUnique,
        Stage::AdjudicateRecord => Event::MatchAmbiguous,
        Stage::DuplicateRecord => Event::MatchDuplicate,
        _ => Event::EnrollFailed,
    };
    let ctx = context(env.clone());
    let stages = transitions::decide(stage, Actor::MatchingWorker, &[event]).map_err(api)?;
    let detail = serde_json::json!({ "searched_people": outcome.searched_people }).to_string();
    let mut batch = transitions::statements(
        &db,
        &ctx,
        &transitions::Change {
            application_id: &application_id,
            from: stage,
            stages: &stages,
        },
        &Acting {
            actor: Actor::MatchingWorker,
            staff_id: None,
            role: "matching_worker",
        },
        "application.match",
        Some(&detail),
    )
    .map_err(api)?;
    batch.push(
        db.prepare(
            "INSERT OR REPLACE INTO match_results (reference_id, decision, candidates_json, searched_people, decided_at) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .bind(&[
            job.reference_id.as_str().into(),
            outcome.decision.as_str().into(),
            serde_json::to_string(&outcome.candidates)?.into(),
            (outcome.searched_people as f64).into(),
            ctx.now.as_str().into(),
        ])?,
    );
    match transitions::run(&db, batch).await {
        // Someone else moved it first (a concurrent delivery of the same job): same outcome.
        Ok(()) | Err(ApiError::Code(shared::api::ErrorCode::Conflict)) => Ok(()),
        Err(e) => Err(api(e)),
    }
}

async fn application_of(
    db: &worker::D1Database,
    reference_id: &str,
) -> Result<Option<(String, Stage)>> {
    #[derive(serde::Deserialize)]
    struct Row {
        application_id: String,
        stage: String,
    }
    let row: Option<Row> = db
        .prepare(
            "SELECT r.application_id, a.stage FROM recordings r \
             JOIN applications a ON a.id = r.application_id WHERE r.reference_id = ?1",
        )
        .bind(&[reference_id.into()])?
        .first(None)
        .await?;
    Ok(match row {
        Some(r) => Some((
            r.application_id,
            Stage::parse(&r.stage).ok_or("unknown stage in D1")?,
        )),
        None => None,
    })
}

fn api(e: ApiError) -> worker::Error {
    worker::Error::RustError(format!("{e:?}"))
}

/// The transition and audit code is shared with HTTP handlers; a queue job has no request, so
/// it gets a context of its own (the audit log's client and request id name the worker).
fn context(env: Env) -> RequestContext {
    let now_ms = js_sys::Date::now();
    let now = String::from(js_sys::Date::new(&now_ms.into()).to_iso_string());
    let wib_ms = now_ms + 7.0 * 3600.0 * 1000.0;
    let wib = String::from(js_sys::Date::new(&wib_ms.into()).to_iso_string());
    RequestContext {
        env,
        request_id: format!("queue-{}", now_ms as u64),
        lang: Lang::Id,
        client_key: "matching-worker".to_string(),
        now,
        today: Date::parse_iso(&wib[..10])
            .unwrap_or_else(|_| Date::parse_iso("2000-01-01").expect("valid")),
    }
}
