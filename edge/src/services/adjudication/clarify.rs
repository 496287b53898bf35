//! The clarification with the resident of a DUPLICATE_RECORD application, at the dinas: what
//! they said and showed, and the outcome. The same person applying again, or identity fraud,
//! cancels the new application (linked to the existing record; fraud is also flagged for the
//! supervisor); a matcher error becomes a "not a duplicate" proposal for another supervisor.

use super::decide::{closes_case, new_view};
use super::rules::{self, held_member};
use super::write;
use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::services::idempotency::{Answer, IdempotencyKey};
use crate::services::random;
use crate::services::transition::{Mover, Transition};
use crate::storage::clarifications::{self, NewClarification};
use crate::storage::proposals::{self, NewProposal};
use crate::storage::{cases, flags};
use shared::api::{
    CaseActionResponse, ClarificationRequest, ErrorCode, FieldError, FlagKind, ProposalStatus,
};
use shared::lifecycle::{Adjudication, Event, Stage};
use shared::validation::FieldCode;

pub async fn clarify(
    ctx: &RequestContext,
    who: &Principal,
    case_id: &str,
    req: &ClarificationRequest,
    key: Option<&IdempotencyKey>,
) -> ApiResult<Answer> {
    rules::dinas(who)?;
    let db = ctx.env.d1(bindings::DB)?;
    if let Some(answer) = write::replay(&db, key).await? {
        return Ok(answer);
    }
    let statement = rules::reason(&req.statement, "statement")?;
    let case = rules::case(&db, case_id).await?;
    rules::require_claim(&case, who, &rules::claim_cutoff(ctx))?;
    let members = cases::members(&db, case_id).await?;
    let member = held_member(&members, req.application_id.as_deref())?;
    if member.stage != Stage::DuplicateRecord {
        return Err(ApiError::Code(ErrorCode::TransitionRefused));
    }
    let records = rules::records_of(&db, member).await?;
    rules::not_own_recording(&records, who)?;
    let case_proposals = proposals::for_case(&db, case_id).await?;
    let candidate_apps: Vec<&str> = rules::candidate_references(member)
        .iter()
        .filter_map(|r| records.iter().find(|x| &x.reference_id == r))
        .map(|r| r.application_id.as_str())
        .collect::<Vec<_>>();
    let existing = match req.existing_application_id.as_deref() {
        Some(id) if candidate_apps.contains(&id) => Some(id.to_string()),
        Some(_) => {
            return Err(ApiError::Validation(vec![FieldError {
                field: "existing_application_id".into(),
                code: FieldCode::Required,
            }]))
        }
        None => case_proposals
            .iter()
            .rev()
            .find(|p| {
                p.application_id == member.application_id
                    && p.status == ProposalStatus::Approved
                    && p.decision == Adjudication::Duplicate
            })
            .and_then(|p| p.candidate_application_id.clone())
            .or_else(|| candidate_apps.first().map(|s| s.to_string())),
    };
    let id = random::hex::<16>();
    let mut statements = write::claim_statements(&db, ctx, who, case_id)?;
    statements.push(clarifications::insert(
        &db,
        &NewClarification {
            id: &id,
            case_id,
            application_id: &member.application_id,
            recorded_by: &who.id,
            recorded_at: &ctx.now,
            statement: &statement,
            documents: &req.documents_seen,
            outcome: req.outcome,
            existing_application_id: existing.as_deref(),
        },
    )?);
    let detail = serde_json::json!({
        "case_id": case_id, "clarification_id": id, "outcome": req.outcome,
        "existing_application_id": existing,
    })
    .to_string();
    match req.outcome.resolution() {
        Some(resolution) => {
            let mut t = Transition::load(ctx, Mover::Staff(who), &[&member.application_id]).await?;
            t.decide(|_| vec![Event::ResolveDuplicate(resolution)])?;
            statements.extend(cases::decide_member(
                &db,
                case_id,
                &member.application_id,
                &ctx.now,
            )?);
            if req.outcome == shared::api::ClarificationOutcome::IdentityFraud {
                statements.push(flags::insert(
                    &db,
                    &flags::NewFlag {
                        kind: FlagKind::IdentityFraud,
                        case_id,
                        application_id: &member.application_id,
                        reference_id: Some(&member.reference_id),
                        raised_by: &who.id,
                        raised_at: &ctx.now,
                        reason: &statement,
                    },
                )?);
            }
            let answer = Answer::ok(&CaseActionResponse {
                case_id: case_id.to_string(),
                application_id: member.application_id.clone(),
                stage: t.stage_after(),
                proposal: None,
                case_closed: closes_case(&db, case_id, &member.application_id).await?,
                enrolment: None,
            })?;
            statements.push(write::release_statement(&db, who, case_id)?);
            write::commit_transition(t, key, statements, "case.clarify", &detail, answer).await
        }
        None => {
            // A matcher error is not one person's call: it becomes a proposal like any other.
            if case_proposals.iter().any(|p| {
                p.application_id == member.application_id && p.status == ProposalStatus::Pending
            }) {
                return Err(ApiError::Code(ErrorCode::Conflict));
            }
            let proposal_id = random::hex::<16>();
            let new = NewProposal {
                id: &proposal_id,
                case_id,
                application_id: &member.application_id,
                decision: Adjudication::NotDuplicate,
                candidate_application_id: None,
                reason: &statement,
                proposed_by: &who.id,
                proposed_at: &ctx.now,
            };
            statements.push(proposals::insert(&db, &new)?);
            let answer = Answer::ok(&CaseActionResponse {
                case_id: case_id.to_string(),
                application_id: member.application_id.clone(),
                stage: member.stage,
                proposal: Some(new_view(&new, who)),
                case_closed: false,
                enrolment: None,
            })?;
            statements.push(write::release_statement(&db, who, case_id)?);
            write::commit_plain(
                &db,
                ctx,
                who,
                key,
                statements,
                "case.clarify",
                &member.application_id,
                &detail,
                answer,
            )
            .await
        }
    }
}
