//! Each blank card's outcome in a run, recorded together (all or none): printed cards move
//! their applications to CARD_PRINTED through the transition path; a spoiled card is a side
//! record (the stage stays); a reprint voids the card it replaces in the same batch, before the
//! new one is written, so two valid cards of one application never exist (the table's unique
//! index refuses it too). Every card counts against the blank cards taken for the run.

use super::rules;
use super::runs::{entry, finish};
use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::services::idempotency::{self, Answer, IdempotencyKey, Prior};
use crate::services::transition::{Mover, Transition, MAX_APPLICATIONS_PER_BATCH};
use crate::storage::applications::StageMove;
use crate::storage::card_prints::{self, NewCard, Voiding};
use crate::storage::{print_runs, transition_guard};
use shared::api::{
    CardOutcome, ErrorCode, FieldCode, FieldError, PrintRunWritten, RecordCardsRequest,
    MAX_SPOIL_REASON_CHARS,
};
use shared::lifecycle::{Event, Stage};
use shared::printing::parse_card_serial;

/// One checked card of the request.
struct Checked<'a> {
    application_id: &'a str,
    serial: String,
    outcome: CardOutcome,
    reason: Option<&'a str>,
    replaces: Option<String>,
}

pub async fn record(
    ctx: &RequestContext,
    who: &Principal,
    run_id: &str,
    req: &RecordCardsRequest,
    key: Option<&IdempotencyKey>,
) -> ApiResult<Answer> {
    rules::operator(who)?;
    if req.cards.is_empty() {
        return Err(ApiError::MALFORMED);
    }
    if req.cards.len() > MAX_APPLICATIONS_PER_BATCH {
        return Err(ApiError::TOO_LARGE);
    }
    let checked = check(req)?;
    let db = ctx.env.d1(bindings::DB)?;
    if let Prior::Answered(answer) = idempotency::prior(&db, key).await? {
        return Ok(answer);
    }
    let run = rules::open_run(&db, run_id).await?;
    // One serial, one physical card: never twice in a request nor again after.
    let mut serials: Vec<&str> = checked.iter().map(|c| c.serial.as_str()).collect();
    serials.sort_unstable();
    let before = serials.len();
    serials.dedup();
    if serials.len() != before || !card_prints::taken(&db, &serials).await?.is_empty() {
        return Err(ApiError::Code(ErrorCode::CardSerialTaken));
    }
    if !rules::ledger(&run).can_account(checked.len() as u32) {
        return Err(ApiError::Code(ErrorCode::NoBlankCardLeft));
    }
    let items = print_runs::items(&db, run_id).await?;
    let mut moving: Vec<&str> = Vec::new();
    let mut side: Vec<(&str, Stage)> = Vec::new();
    let mut voidings: Vec<Voiding<'_>> = Vec::new();
    for c in &checked {
        // An application of another run, or none, is not found in this one.
        let item = items
            .iter()
            .find(|i| i.application_id == c.application_id)
            .ok_or(ApiError::NOT_FOUND)?;
        match (c.outcome, &c.replaces) {
            (CardOutcome::Printed, None) => {
                if moving.contains(&c.application_id) {
                    return Err(ApiError::MALFORMED);
                }
                moving.push(c.application_id);
            }
            (CardOutcome::Printed, Some(old)) => {
                if item.card_serial.as_deref() != Some(old.as_str()) {
                    return Err(ApiError::NOT_FOUND);
                }
                // Once shipped, the card is out of the print room's hands.
                if item.stage != Stage::CardPrinted {
                    return Err(ApiError::Code(ErrorCode::TransitionRefused));
                }
                voidings.push(Voiding {
                    serial: old,
                    application_id: c.application_id,
                    reason: c.reason.unwrap_or_default(),
                    replaced_by: &c.serial,
                });
                side.push((c.application_id, item.stage));
            }
            (CardOutcome::Spoiled, _) => {
                if !matches!(item.stage, Stage::SentForCardPrinting | Stage::CardPrinted) {
                    return Err(ApiError::Code(ErrorCode::TransitionRefused));
                }
                side.push((c.application_id, item.stage));
            }
        }
    }
    if voidings.len() > 1 {
        let mut replaced: Vec<&str> = voidings.iter().map(|v| v.application_id).collect();
        replaced.sort_unstable();
        replaced.dedup();
        if replaced.len() != voidings.len() {
            return Err(ApiError::MALFORMED);
        }
    }

    let new_cards: Vec<NewCard<'_>> = checked
        .iter()
        .map(|c| NewCard {
            serial: &c.serial,
            application_id: c.application_id,
            state: c.outcome,
            reason: c.reason,
        })
        .collect();
    let mut statements = vec![print_runs::guard_open_with_room(
        &db,
        run_id,
        checked.len() as u32,
    )?];
    // Spoils and reprints change no stage; the applications must still be where they were read.
    let side_moves: Vec<StageMove<'_>> = side
        .iter()
        .map(|(id, stage)| StageMove {
            application_id: id,
            from: *stage,
            stages: &[],
        })
        .collect();
    if !side_moves.is_empty() {
        statements.push(transition_guard::guard(&db, &side_moves)?);
    }
    if !voidings.is_empty() {
        statements.push(card_prints::guard_valid(&db, run_id, &voidings)?);
        statements.push(card_prints::void_all(&db, &voidings, &ctx.now)?);
    }
    statements.push(card_prints::insert_all(
        &db, run_id, &new_cards, &who.id, &ctx.now,
    )?);
    let mut audited = Vec::new();
    for (action, outcome, reprint) in [
        ("print.card_spoiled", CardOutcome::Spoiled, false),
        ("print.card_reprinted", CardOutcome::Printed, true),
    ] {
        let ids: Vec<&str> = checked
            .iter()
            .filter(|c| c.outcome == outcome && c.replaces.is_some() == reprint)
            .map(|c| c.application_id)
            .collect();
        if !ids.is_empty() {
            let detail = serde_json::json!({ "run_id": run_id }).to_string();
            audited.extend(entry(ctx, who, action, &detail).for_each(&ids));
        }
    }

    if moving.is_empty() {
        return finish(ctx, &db, run_id, key, statements, audited).await;
    }
    let mut t = Transition::load(ctx, Mover::Staff(who), &moving).await?;
    t.decide(|_| vec![Event::MarkPrinted])?;
    for s in statements {
        t.push(s);
    }
    t.push_audit(audited);
    let answer = Answer::ok(&PrintRunWritten {
        run_id: run_id.to_string(),
    })?;
    if let Some(key) = key {
        t.push(idempotency::answer_statement(&db, key, &answer, &ctx.now)?);
    }
    let detail = serde_json::json!({ "run_id": run_id }).to_string();
    match t.commit("print.card_printed", Some(&detail)).await {
        Ok(()) => Ok(answer),
        Err(e) => idempotency::replay_after_failure(&db, key, e).await,
    }
}

/// Every field problem of the request at once: serials, reasons and what needs one.
fn check(req: &RecordCardsRequest) -> ApiResult<Vec<Checked<'_>>> {
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for (i, c) in req.cards.iter().enumerate() {
        let mut problem = |field: &str, code| {
            problems.push(FieldError {
                field: format!("cards.{i}.{field}"),
                code,
            })
        };
        let serial = parse_card_serial(&c.serial);
        if serial.is_none() {
            problem("serial", FieldCode::CardSerialFormat);
        }
        let replaces = c.replaces.as_deref().map(parse_card_serial);
        if replaces == Some(None) {
            problem("replaces", FieldCode::CardSerialFormat);
        }
        if replaces.is_some() && c.outcome == CardOutcome::Spoiled {
            return Err(ApiError::MALFORMED);
        }
        let reason = c.reason.as_deref().map(str::trim).filter(|r| !r.is_empty());
        let needs_reason = c.outcome == CardOutcome::Spoiled || replaces.is_some();
        if needs_reason && reason.is_none() {
            problem("reason", FieldCode::Required);
        }
        if reason.is_some_and(|r| r.chars().count() > MAX_SPOIL_REASON_CHARS) {
            problem("reason", FieldCode::TooLong);
        }
        if let Some(serial) = serial {
            out.push(Checked {
                application_id: &c.application_id,
                serial,
                outcome: c.outcome,
                reason: reason.filter(|_| needs_reason),
                replaces: replaces.flatten(),
            });
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(ApiError::Validation(problems))
    }
}
