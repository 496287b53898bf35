//! Two-person adjudication (each write ends the writer's claim, freeing the case for the next
//! person): a dinas operator or supervisor proposes (no stage changes), and a
//! supervisor who neither proposed it nor recorded either record approves (the one transition:
//! not a duplicate -> PRINT_READY_RECORD and the person is enrolled after the batch commits;
//! duplicate -> DUPLICATE_RECORD; inconclusive or the operator's own prints -> ENROLL_FAILURE,
//! the latter flagging the recording) or sends it back with a reason.

use super::rules::{self, held_member};
use super::view::proposal_view;
use super::write;
use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::services::idempotency::{Answer, IdempotencyKey};
use crate::services::random;
use crate::services::transition::{Mover, Transition};
use crate::storage::proposals::{self, NewProposal, ProposalRow};
use crate::storage::{cases, flags, pending_enrolments};
use shared::api::{
    CaseActionResponse, Enrolment, ErrorCode, FieldError, FlagKind, ProposalRequest,
    ProposalStatus, ProposalView, ReviewRequest,
};
use shared::auth::StaffRole;
use shared::lifecycle::{transition, Actor, Adjudication, Event, Stage};
use shared::validation::FieldCode;

pub async fn propose(
    ctx: &RequestContext,
    who: &Principal,
    case_id: &str,
    req: &ProposalRequest,
    key: Option<&IdempotencyKey>,
) -> ApiResult<Answer> {
    rules::dinas(who)?;
    let db = ctx.env.d1(bindings::DB)?;
    if let Some(answer) = write::replay(&db, key).await? {
        return Ok(answer);
    }
    let reason = rules::reason(&req.reason, "reason")?;
    let case = rules::case(&db, case_id).await?;
    rules::require_claim(&case, who, &rules::claim_cutoff(ctx))?;
    let members = cases::members(&db, case_id).await?;
    let member = held_member(&members, req.application_id.as_deref())?;
    let records = rules::records_of(&db, member).await?;
    rules::not_own_recording(&records, who)?;
    // Only what a supervisor could then approve here may be proposed.
    transition(
        member.stage,
        Actor::DinasSupervisor,
        Event::Adjudicate(req.decision),
    )
    .map_err(|_| ApiError::Code(ErrorCode::TransitionRefused))?;
    let candidate = match (req.decision, req.candidate_application_id.as_deref()) {
        (Adjudication::Duplicate, Some(c))
            if records
                .iter()
                .any(|r| r.application_id == c && r.reference_id != member.reference_id) =>
        {
            Some(c)
        }
        (Adjudication::Duplicate, _) => {
            return Err(ApiError::Validation(vec![FieldError {
                field: "candidate_application_id".into(),
                code: FieldCode::Required,
            }]))
        }
        _ => None,
    };
    if proposals::for_case(&db, case_id)
        .await?
        .iter()
        .any(|p| p.application_id == member.application_id && p.status == ProposalStatus::Pending)
    {
        return Err(ApiError::Code(ErrorCode::Conflict));
    }
    let id = random::hex::<16>();
    let new = NewProposal {
        id: &id,
        case_id,
        application_id: &member.application_id,
        decision: req.decision,
        candidate_application_id: candidate,
        reason: &reason,
        proposed_by: &who.id,
        proposed_at: &ctx.now,
    };
    let view = new_view(&new, who);
    let answer = Answer::ok(&CaseActionResponse {
        case_id: case_id.to_string(),
        application_id: member.application_id.clone(),
        stage: member.stage,
        proposal: Some(view),
        case_closed: false,
        enrolment: None,
    })?;
    let mut statements = write::claim_statements(&db, ctx, who, case_id)?;
    statements.push(proposals::insert(&db, &new)?);
    let detail = serde_json::json!({
        "case_id": case_id, "proposal_id": id, "decision": req.decision,
        "candidate_application_id": candidate, "reason": reason,
    })
    .to_string();
    statements.push(write::release_statement(&db, who, case_id)?);
    write::commit_plain(
        &db,
        ctx,
        who,
        key,
        statements,
        "case.propose",
        &member.application_id,
        &detail,
        answer,
    )
    .await
}

/// A supervisor's review, checked: not their own proposal, not a record they recorded, still
/// pending. Returns the proposal and its held application's reference id.
async fn reviewable(
    ctx: &RequestContext,
    db: &worker::D1Database,
    who: &Principal,
    case_id: &str,
    proposal_id: &str,
) -> ApiResult<(ProposalRow, String)> {
    if who.role != StaffRole::DinasSupervisor {
        return Err(ApiError::Code(ErrorCode::Forbidden));
    }
    let case = rules::case(db, case_id).await?;
    rules::require_claim(&case, who, &rules::claim_cutoff(ctx))?;
    let proposal = proposals::get(db, case_id, proposal_id)
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    if proposal.status != ProposalStatus::Pending {
        return Err(ApiError::Code(ErrorCode::TransitionRefused));
    }
    if proposal.proposed_by == who.id {
        return Err(ApiError::Code(ErrorCode::Forbidden));
    }
    let members = cases::members(db, case_id).await?;
    let member = held_member(&members, Some(&proposal.application_id))?;
    rules::not_own_recording(&rules::records_of(db, member).await?, who)?;
    Ok((proposal, member.reference_id.clone()))
}

pub async fn approve(
    ctx: &RequestContext,
    who: &Principal,
    case_id: &str,
    proposal_id: &str,
    req: &ReviewRequest,
    key: Option<&IdempotencyKey>,
) -> ApiResult<Answer> {
    rules::dinas(who)?;
    let db = ctx.env.d1(bindings::DB)?;
    if let Some(answer) = write::replay(&db, key).await? {
        return Ok(answer);
    }
    let reason = rules::reason(&req.reason, "reason")?;
    let (proposal, reference_id) = reviewable(ctx, &db, who, case_id, proposal_id).await?;
    let decision = proposal.decision;
    let mut t = Transition::load(ctx, Mover::Staff(who), &[&proposal.application_id]).await?;
    t.decide(|_| vec![Event::Adjudicate(decision)])?;
    let stage = t.stage_after();
    let mut statements = write::claim_statements(&db, ctx, who, case_id)?;
    statements.extend(proposals::review(
        &db,
        proposal_id,
        ProposalStatus::Approved,
        &who.id,
        &reason,
        &ctx.now,
    )?);
    let decided = !matches!(stage, Stage::AdjudicateRecord | Stage::DuplicateRecord);
    if decided {
        statements.extend(cases::decide_member(
            &db,
            case_id,
            &proposal.application_id,
            &ctx.now,
        )?);
    }
    if decision == Adjudication::OperatorFingerprints {
        statements.push(flags::insert(
            &db,
            &flags::NewFlag {
                kind: FlagKind::OperatorFingerprints,
                case_id,
                application_id: &proposal.application_id,
                reference_id: Some(&reference_id),
                raised_by: &who.id,
                raised_at: &ctx.now,
                reason: &proposal.reason,
            },
        )?);
    }
    let enrols = decision == Adjudication::NotDuplicate;
    if enrols {
        statements.push(pending_enrolments::insert(
            &db,
            &reference_id,
            &proposal.application_id,
            &ctx.now,
        )?);
    }
    let mut view = proposal_view(&proposal);
    view.status = ProposalStatus::Approved;
    view.reviewed_by = Some(who.display_name.clone());
    view.reviewed_at = Some(ctx.now.clone());
    view.review_reason = Some(reason.clone());
    let response = CaseActionResponse {
        case_id: case_id.to_string(),
        application_id: proposal.application_id.clone(),
        stage,
        proposal: Some(view),
        case_closed: decided && closes_case(&db, case_id, &proposal.application_id).await?,
        enrolment: enrols.then_some(Enrolment::Pending),
    };
    let answer = Answer::ok(&response)?;
    // The timeline event carries the decision and reason: the kecamatan sees why a resident
    // must record again. Never shown on the public page (dates and stages only).
    let detail = serde_json::json!({
        "case_id": case_id, "proposal_id": proposal_id, "decision": decision,
        "reason": proposal.reason, "approval_reason": reason,
    })
    .to_string();
    statements.push(write::release_statement(&db, who, case_id)?);
    let answer =
        write::commit_transition(t, key, statements, "case.approve", &detail, answer).await?;
    if !enrols {
        return Ok(answer);
    }
    // After the commit, never before: a failed enrolment leaves the approval standing and the
    // debt in `pending_enrolments`, retried by the queue.
    let enrolment = super::enrol::after_approval(ctx, &db, &reference_id).await;
    Ok(Answer::ok(&CaseActionResponse {
        enrolment: Some(enrolment),
        ..response
    })?)
}

pub async fn send_back(
    ctx: &RequestContext,
    who: &Principal,
    case_id: &str,
    proposal_id: &str,
    req: &ReviewRequest,
    key: Option<&IdempotencyKey>,
) -> ApiResult<Answer> {
    rules::dinas(who)?;
    let db = ctx.env.d1(bindings::DB)?;
    if let Some(answer) = write::replay(&db, key).await? {
        return Ok(answer);
    }
    let reason = rules::reason(&req.reason, "reason")?;
    let (proposal, _) = reviewable(ctx, &db, who, case_id, proposal_id).await?;
    let mut statements = write::claim_statements(&db, ctx, who, case_id)?;
    statements.extend(proposals::review(
        &db,
        proposal_id,
        ProposalStatus::SentBack,
        &who.id,
        &reason,
        &ctx.now,
    )?);
    let members = cases::members(&db, case_id).await?;
    let stage = members
        .iter()
        .find(|m| m.application_id == proposal.application_id)
        .map_or(Stage::AdjudicateRecord, |m| m.stage);
    let mut view = proposal_view(&proposal);
    view.status = ProposalStatus::SentBack;
    view.reviewed_by = Some(who.display_name.clone());
    view.reviewed_at = Some(ctx.now.clone());
    view.review_reason = Some(reason.clone());
    let answer = Answer::ok(&CaseActionResponse {
        case_id: case_id.to_string(),
        application_id: proposal.application_id.clone(),
        stage,
        proposal: Some(view),
        case_closed: false,
        enrolment: None,
    })?;
    let detail = serde_json::json!({
        "case_id": case_id, "proposal_id": proposal_id, "reason": reason,
    })
    .to_string();
    statements.push(write::release_statement(&db, who, case_id)?);
    write::commit_plain(
        &db,
        ctx,
        who,
        key,
        statements,
        "case.send_back",
        &proposal.application_id,
        &detail,
        answer,
    )
    .await
}

/// Whether deciding `application_id` leaves the case without undecided applications.
pub async fn closes_case(
    db: &worker::D1Database,
    case_id: &str,
    application_id: &str,
) -> ApiResult<bool> {
    Ok(!cases::members(db, case_id)
        .await?
        .iter()
        .any(|m| m.decided_at.is_none() && m.application_id != application_id))
}

pub fn new_view(p: &NewProposal<'_>, who: &Principal) -> ProposalView {
    ProposalView {
        id: p.id.to_string(),
        application_id: p.application_id.to_string(),
        decision: p.decision,
        candidate_application_id: p.candidate_application_id.map(str::to_string),
        reason: p.reason.to_string(),
        proposed_by: who.display_name.clone(),
        proposed_at: p.proposed_at.to_string(),
        status: ProposalStatus::Pending,
        reviewed_by: None,
        reviewed_at: None,
        review_reason: None,
    }
}
