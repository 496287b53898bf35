//! Staff decisions on one application: verify its documents and return it for correction. Each
//! is one [`Transition`], answered idempotently. (Adjudication takes two persons and lives in
//! `services::adjudication`.)

use super::idempotency::{self, Answer, IdempotencyKey, Prior};
use super::transition::{Mover, Transition};
use crate::bindings;
use crate::http::{ApiResult, RequestContext};
use crate::services::auth::Principal;
use shared::api::ActionResponse;
use shared::lifecycle::{Event, ReturnReason, ReturnReasons};

pub async fn verify(
    ctx: &RequestContext,
    who: &Principal,
    id: &str,
    key: Option<&IdempotencyKey>,
) -> ApiResult<Answer> {
    let t = match start(ctx, who, id, key).await? {
        Ok(t) => t,
        Err(replay) => return Ok(replay),
    };
    finish(
        t,
        &[Event::VerifyDocuments],
        "application.verify",
        None,
        key,
    )
    .await
}

pub async fn return_for_correction(
    ctx: &RequestContext,
    who: &Principal,
    id: &str,
    reasons: &[ReturnReason],
    key: Option<&IdempotencyKey>,
) -> ApiResult<Answer> {
    let t = match start(ctx, who, id, key).await? {
        Ok(t) => t,
        Err(replay) => return Ok(replay),
    };
    let detail = serde_json::json!({ "reasons": reasons }).to_string();
    let event = Event::ReturnForCorrection(ReturnReasons::from_slice(reasons));
    finish(t, &[event], "application.return", Some(&detail), key).await
}

/// The application within reach, or the first answer when this is a replay.
async fn start<'a>(
    ctx: &'a RequestContext,
    who: &'a Principal,
    id: &str,
    key: Option<&IdempotencyKey>,
) -> ApiResult<Result<Transition<'a>, Answer>> {
    let t = Transition::load(ctx, Mover::Staff(who), &[id]).await?;
    Ok(match idempotency::prior(t.db(), key).await? {
        Prior::Answered(answer) => Err(answer),
        Prior::New | Prior::Begun => Ok(t),
    })
}

/// Decides, commits with the answer stored under the key, and answers.
async fn finish(
    mut t: Transition<'_>,
    events: &[Event],
    action: &str,
    detail_json: Option<&str>,
    key: Option<&IdempotencyKey>,
) -> ApiResult<Answer> {
    t.decide(|_| events.to_vec())?;
    let ctx = t.ctx();
    let now = ctx.now.clone();
    let answer = Answer::ok(&ActionResponse {
        stage: t.stage_after(),
        updated_at: now.clone(),
    })?;
    if let Some(key) = key {
        let statement = idempotency::answer_statement(t.db(), key, &answer, &now)?;
        t.push(statement);
    }
    match t.commit(action, detail_json).await {
        Ok(()) => Ok(answer),
        Err(e) => idempotency::replay_after_failure(&ctx.env.d1(bindings::DB)?, key, e).await,
    }
}
