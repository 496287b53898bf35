//! Checks every case endpoint shares: who may use the console, the live claim, the held
//! application a write is about, and the "not your own recording" rule.

use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::storage::case_records::{self, CaseRecord};
use crate::storage::cases::{self, CaseRow, MemberRow};
use shared::api::{ErrorCode, CLAIM_LAPSES_AFTER_MINUTES};
use shared::auth::StaffRole;
use shared::lifecycle::Stage;
use worker::D1Database;

/// Dinas operators and supervisors only.
pub fn dinas(who: &Principal) -> ApiResult<()> {
    match who.role {
        StaffRole::DinasOperator | StaffRole::DinasSupervisor => Ok(()),
        StaffRole::KecamatanOperator | StaffRole::Administrator => {
            Err(ApiError::Code(ErrorCode::Forbidden))
        }
    }
}

/// Claims whose last activity is before this instant have lapsed.
pub fn claim_cutoff(ctx: &RequestContext) -> String {
    let ms = js_sys::Date::parse(&ctx.now) - f64::from(CLAIM_LAPSES_AFTER_MINUTES) * 60_000.0;
    String::from(js_sys::Date::new(&ms.into()).to_iso_string())
}

/// When a claim refreshed now lapses.
pub fn claim_expiry(last_activity_at: &str) -> String {
    let ms =
        js_sys::Date::parse(last_activity_at) + f64::from(CLAIM_LAPSES_AFTER_MINUTES) * 60_000.0;
    String::from(js_sys::Date::new(&ms.into()).to_iso_string())
}

pub async fn case(db: &D1Database, case_id: &str) -> ApiResult<CaseRow> {
    cases::get(db, case_id).await?.ok_or(ApiError::NOT_FOUND)
}

/// The caller must hold the case's live claim.
pub fn require_claim(case: &CaseRow, who: &Principal, cutoff: &str) -> ApiResult<()> {
    match case.live_holder(cutoff) {
        Some(holder) if holder == who.id => Ok(()),
        Some(_) => Err(ApiError::Code(ErrorCode::CaseHeld)),
        None => Err(ApiError::Code(ErrorCode::ClaimRequired)),
    }
}

/// The still-undecided application of the case a write is about: the named one, or the first.
pub fn held_member<'a>(
    members: &'a [MemberRow],
    application_id: Option<&str>,
) -> ApiResult<&'a MemberRow> {
    let mut undecided = members.iter().filter(|m| m.decided_at.is_none());
    let found = match application_id {
        Some(id) => undecided.find(|m| m.application_id == id),
        None => undecided.next(),
    };
    let member = found.ok_or(ApiError::NOT_FOUND)?;
    if !matches!(
        member.stage,
        Stage::AdjudicateRecord | Stage::DuplicateRecord
    ) {
        return Err(ApiError::Code(ErrorCode::TransitionRefused));
    }
    Ok(member)
}

/// The reference ids of a member's candidates, best first.
pub fn candidate_references(member: &MemberRow) -> Vec<String> {
    candidates_of(member)
        .into_iter()
        .map(|c| c.reference_id)
        .collect()
}

/// The stored candidates of a member, best first (empty when its outcome row is missing).
pub fn candidates_of(member: &MemberRow) -> Vec<crate::matching::messages::Candidate> {
    member
        .candidates_json
        .as_deref()
        .and_then(|j| serde_json::from_str(j).ok())
        .unwrap_or_default()
}

/// The probe's and its candidates' recordings.
pub async fn records_of(db: &D1Database, member: &MemberRow) -> ApiResult<Vec<CaseRecord>> {
    let mut refs = candidate_references(member);
    refs.push(member.reference_id.clone());
    let refs: Vec<&str> = refs.iter().map(String::as_str).collect();
    Ok(case_records::by_reference_ids(db, &refs).await?)
}

/// Nobody adjudicates or clarifies a record they recorded.
pub fn not_own_recording(records: &[CaseRecord], who: &Principal) -> ApiResult<()> {
    if records.iter().any(|r| r.recorded_by == who.id) {
        return Err(ApiError::Code(ErrorCode::Forbidden));
    }
    Ok(())
}

/// A required free-text reason: trimmed, not blank, at most 2,000 characters.
pub fn reason(text: &str, field: &str) -> ApiResult<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.chars().count() > 2000 {
        return Err(ApiError::Validation(vec![shared::api::FieldError {
            field: field.into(),
            code: shared::validation::FieldCode::Required,
        }]));
    }
    Ok(trimmed.to_string())
}
