//! Print runs: made from selected PRINT_READY_RECORD applications of one kecamatan (moved to
//! SENT_FOR_CARD_PRINTING in one guarded batch with the run's rows), listed, read, given more
//! blank cards, and closed once the ledger balances.

use super::card_text::card_face;
use super::rules;
use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::services::idempotency::{self, Answer, IdempotencyKey, Prior};
use crate::services::random;
use crate::services::transition::{Mover, Transition, MAX_APPLICATIONS_PER_BATCH};
use crate::storage::audit::{self, CommitError};
use crate::storage::print_runs::{self, NewRun};
use crate::storage::transition_guard;
use shared::api::{
    CreatePrintRunRequest, ErrorCode, FieldCode, FieldError, PrintRunList, PrintRunView,
    PrintRunWritten,
};
use shared::audit::AuditContent;
use shared::lifecycle::Event;

/// Runs listed: every open one and the latest closed.
const LIST_LIMIT: u32 = 200;
/// Blank cards one request may add to a run.
const MAX_BLANKS_AT_ONCE: u32 = 1000;

/// Makes a run, or replays the first answer under `key`.
pub async fn create(
    ctx: &RequestContext,
    who: &Principal,
    req: &CreatePrintRunRequest,
    key: Option<&IdempotencyKey>,
) -> ApiResult<Answer> {
    rules::operator(who)?;
    let ids: Vec<&str> = req.application_ids.iter().map(String::as_str).collect();
    let distinct: std::collections::HashSet<&str> = ids.iter().copied().collect();
    if ids.is_empty() || distinct.len() != ids.len() {
        return Err(ApiError::MALFORMED);
    }
    if ids.len() > MAX_APPLICATIONS_PER_BATCH {
        return Err(ApiError::TOO_LARGE);
    }
    let blanks = req.blank_cards.unwrap_or(ids.len() as u32);
    if blanks < ids.len() as u32 || blanks > ids.len() as u32 + MAX_BLANKS_AT_ONCE {
        return Err(ApiError::MALFORMED);
    }
    let db = ctx.env.d1(bindings::DB)?;
    if let Prior::Answered(answer) = idempotency::prior(&db, key).await? {
        return Ok(answer);
    }
    let mut t = Transition::load(ctx, Mover::Staff(who), &ids).await?;
    // One run, one kecamatan: what is printed together is shipped together.
    if t.applications()
        .iter()
        .any(|a| a.district_code != req.district_code)
    {
        return Err(ApiError::MALFORMED);
    }
    t.decide(|_| vec![Event::SendForPrinting])?;
    // A card that would not fit is refused here, before any blank card is used on it.
    let forms = print_runs::forms_of(&db, &ids).await?;
    let mut problems = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        let row = forms
            .iter()
            .find(|f| f.id == *id)
            .ok_or(ApiError::NOT_FOUND)?;
        if let Err(fits) = card_face(&row.form, ctx.today) {
            problems.extend(fits.iter().map(|p| FieldError {
                field: format!("application_ids.{i}.{}", field_name(p.field)),
                code: FieldCode::DoesNotFitCard,
            }));
        }
    }
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    let run_id = random::hex::<16>();
    let [run, members] = print_runs::insert(
        &db,
        &NewRun {
            id: &run_id,
            district_code: &req.district_code,
            blank_cards_taken: blanks,
            created_by: &who.id,
            now: &ctx.now,
        },
        &ids,
    )?;
    t.push(run);
    t.push(members);
    let answer = Answer::ok(&PrintRunWritten {
        run_id: run_id.clone(),
    })?;
    if let Some(key) = key {
        t.push(idempotency::answer_statement(&db, key, &answer, &ctx.now)?);
    }
    let detail = serde_json::json!({ "run_id": run_id }).to_string();
    match t.commit("print.run_create", Some(&detail)).await {
        Ok(()) => Ok(answer),
        Err(e) => idempotency::replay_after_failure(&db, key, e).await,
    }
}

/// The field name of a card field, for the refusal's field path.
fn field_name(field: shared::api::CardField) -> &'static str {
    use shared::api::CardField as F;
    match field {
        F::Province => "province",
        F::Regency => "regency",
        F::FullName => "full_name",
        F::Birth => "birth_place",
        F::Street => "address.street",
        F::Village => "address.village",
        F::District => "address.district",
        F::Religion => "religion",
        F::MaritalStatus => "marital_status",
        F::Occupation => "occupation",
        F::IssuePlace => "issue_place",
    }
}

pub async fn get(ctx: &RequestContext, who: &Principal, run_id: &str) -> ApiResult<PrintRunView> {
    rules::reader(who)?;
    let db = ctx.env.d1(bindings::DB)?;
    rules::view(&db, run_id).await
}

pub async fn list(ctx: &RequestContext, who: &Principal) -> ApiResult<PrintRunList> {
    rules::reader(who)?;
    let db = ctx.env.d1(bindings::DB)?;
    Ok(PrintRunList {
        runs: print_runs::list(&db, LIST_LIMIT)
            .await?
            .iter()
            .map(rules::summary)
            .collect(),
    })
}

/// More blank cards taken from stock for an open run (after spoilage).
pub async fn take_blanks(
    ctx: &RequestContext,
    who: &Principal,
    run_id: &str,
    count: u32,
    key: Option<&IdempotencyKey>,
) -> ApiResult<Answer> {
    rules::operator(who)?;
    if !(1..=MAX_BLANKS_AT_ONCE).contains(&count) {
        return Err(ApiError::MALFORMED);
    }
    let db = ctx.env.d1(bindings::DB)?;
    if let Prior::Answered(answer) = idempotency::prior(&db, key).await? {
        return Ok(answer);
    }
    rules::open_run(&db, run_id).await?;
    let detail = serde_json::json!({ "run_id": run_id, "blank_cards": count }).to_string();
    let batch = vec![
        print_runs::guard_open_with_room(&db, run_id, 0)?,
        print_runs::take_blanks(&db, run_id, count)?,
    ];
    let audited = vec![entry(ctx, who, "print.blanks_taken", &detail).row()];
    finish(ctx, &db, run_id, key, batch, audited).await
}

/// Closes a run whose ledger balances and whose applications all have their card.
pub async fn close(
    ctx: &RequestContext,
    who: &Principal,
    run_id: &str,
    key: Option<&IdempotencyKey>,
) -> ApiResult<Answer> {
    rules::operator(who)?;
    let db = ctx.env.d1(bindings::DB)?;
    if let Prior::Answered(answer) = idempotency::prior(&db, key).await? {
        return Ok(answer);
    }
    let row = rules::open_run(&db, run_id).await?;
    let items = print_runs::items(&db, run_id).await?;
    if !rules::ledger(&row).balanced() || items.iter().any(|i| i.card_serial.is_none()) {
        return Err(ApiError::Code(ErrorCode::LedgerUnbalanced));
    }
    let detail = serde_json::json!({ "run_id": run_id, "ledger": rules::ledger(&row) }).to_string();
    let batch = vec![
        print_runs::guard_balanced(&db, run_id)?,
        print_runs::close(&db, run_id, &who.id, &ctx.now)?,
    ];
    let audited = vec![entry(ctx, who, "print.run_close", &detail).row()];
    finish(ctx, &db, run_id, key, batch, audited).await
}

/// A run-level audit entry (no application: these writes touch no personal data).
pub fn entry<'a>(
    ctx: &'a RequestContext,
    who: &'a Principal,
    action: &'a str,
    detail: &'a str,
) -> audit::AuditEntry<'a> {
    audit::AuditEntry {
        at: &ctx.now,
        staff_id: Some(&who.id),
        role: who.role.as_str(),
        action,
        application_id: None,
        client: &ctx.client_key,
        request_id: &ctx.request_id,
        detail_json: Some(detail),
    }
}

/// Runs a run write's batch with its audit rows and its idempotent answer (the run as it will
/// stand), mapping a tripped guard (someone changed the run first) to 409 `conflict`.
pub async fn finish(
    ctx: &RequestContext,
    db: &worker::D1Database,
    run_id: &str,
    key: Option<&IdempotencyKey>,
    mut batch: Vec<worker::D1PreparedStatement>,
    audited: Vec<AuditContent>,
) -> ApiResult<Answer> {
    let answer = Answer::ok(&PrintRunWritten {
        run_id: run_id.to_string(),
    })?;
    if let Some(key) = key {
        batch.push(idempotency::answer_statement(db, key, &answer, &ctx.now)?);
    }
    match audit::commit(db, batch, audited).await {
        Ok(_) => Ok(answer),
        Err(CommitError::Refused(e)) if transition_guard::tripped(&e) => {
            idempotency::replay_after_failure(db, key, ApiError::Code(ErrorCode::Conflict)).await
        }
        Err(CommitError::Refused(e)) => Err(ApiError::Internal(format!("print run {run_id}: {e}"))),
        Err(contended) => Err(contended.into()),
    }
}
