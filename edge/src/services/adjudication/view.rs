//! Opening a case (`GET /api/dinas/cases/{id}`): claims it for the caller, then shows each held
//! application beside its candidates, mapped from the matcher's reference ids back to their
//! applications through `recordings`. One audit row per application whose personal data is
//! shown. Also the face taken at recording, for the side-by-side view.

use super::rules::{self, candidates_of};
use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::storage::case_records::CaseRecord;
use crate::storage::cases::{self, CaseRow, MemberRow};
use crate::storage::proposals::ProposalRow;
use crate::storage::{audit, clarifications, flags, proposals};
use shared::api::{
    CandidateView, CaseView, ClaimInfo, ClarificationView, Demographics, ErrorCode, FingerQuality,
    FingerScoreCell, FlagView, HeldApplication, MatchStrength, ProposalView, RecordSide,
    FINGER_POSITIONS,
};
use shared::domain::RegionCode;
use shared::regions::{BundledRegions, RegionDirectory};

pub async fn open(ctx: &RequestContext, who: &Principal, case_id: &str) -> ApiResult<CaseView> {
    rules::dinas(who)?;
    let db = ctx.env.d1(bindings::DB)?;
    let cutoff = rules::claim_cutoff(ctx);
    let case = rules::case(&db, case_id).await?;
    if case.closed_at.is_none() && !cases::claim(&db, case_id, &who.id, &ctx.now, &cutoff).await? {
        return Err(ApiError::Code(ErrorCode::CaseHeld));
    }
    let case = rules::case(&db, case_id).await?;
    let members = cases::members(&db, case_id).await?;
    let mut held = Vec::new();
    let mut shown: Vec<String> = Vec::new();
    let (undecided, decided): (Vec<&MemberRow>, Vec<&MemberRow>) =
        members.iter().partition(|m| m.decided_at.is_none());
    for member in undecided.into_iter().chain(decided) {
        let records = rules::records_of(&db, member).await?;
        let h = held_application(case_id, member, &records, ctx)?;
        for id in std::iter::once(&h.probe.application_id)
            .chain(h.candidates.iter().map(|c| &c.record.application_id))
        {
            if !shown.contains(id) {
                shown.push(id.clone());
            }
        }
        held.push(h);
    }
    let detail = serde_json::json!({ "case_id": case_id }).to_string();
    let ids: Vec<&str> = shown.iter().map(String::as_str).collect();
    let entry = audit::AuditEntry {
        at: &ctx.now,
        staff_id: Some(&who.id),
        role: who.role.as_str(),
        action: "case.view",
        application_id: None,
        client: &ctx.client_key,
        request_id: &ctx.request_id,
        detail_json: Some(&detail),
    };
    audit::record(&db, entry.for_each(&ids)).await?;
    Ok(CaseView {
        case_id: case.id.clone(),
        opened_at: case.opened_at.clone(),
        closed_at: case.closed_at.clone(),
        claim: claim_info(&case, who, &cutoff),
        held,
        proposals: proposals::for_case(&db, case_id)
            .await?
            .iter()
            .map(proposal_view)
            .collect(),
        clarifications: clarifications::for_case(&db, case_id)
            .await?
            .into_iter()
            .map(|c| ClarificationView {
                application_id: c.application_id,
                recorded_by: c.recorded_by_name,
                recorded_at: c.recorded_at,
                statement: c.statement,
                documents_seen: c.documents,
                outcome: c.outcome,
                existing_application_id: c.existing_application_id,
            })
            .collect(),
        flags: flags::for_case(&db, case_id)
            .await?
            .into_iter()
            .map(|f| FlagView {
                kind: f.kind,
                application_id: f.application_id,
                raised_by: f.raised_by_name,
                raised_at: f.raised_at,
                reason: f.reason,
            })
            .collect(),
    })
}

/// The face taken at the recording of a case's application (a probe or candidate). Audited.
pub async fn face(
    ctx: &RequestContext,
    who: &Principal,
    case_id: &str,
    application_id: &str,
) -> ApiResult<Vec<u8>> {
    rules::dinas(who)?;
    let db = ctx.env.d1(bindings::DB)?;
    rules::case(&db, case_id).await?;
    let members = cases::members(&db, case_id).await?;
    let mut key = None;
    for member in &members {
        let records = rules::records_of(&db, member).await?;
        if let Some(r) = records.iter().find(|r| r.application_id == application_id) {
            key = Some(r.face_r2_key.clone());
            break;
        }
    }
    let key = key.ok_or(ApiError::NOT_FOUND)?;
    let detail = serde_json::json!({ "case_id": case_id }).to_string();
    let entry = audit::AuditEntry {
        at: &ctx.now,
        staff_id: Some(&who.id),
        role: who.role.as_str(),
        action: "case.face",
        application_id: Some(application_id),
        client: &ctx.client_key,
        request_id: &ctx.request_id,
        detail_json: Some(&detail),
    };
    audit::record(&db, vec![entry.row()]).await?;
    let object = ctx
        .env
        .bucket(bindings::FILES)?
        .get(&key)
        .execute()
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    Ok(object.body().ok_or(ApiError::NOT_FOUND)?.bytes().await?)
}

fn held_application(
    case_id: &str,
    member: &MemberRow,
    records: &[CaseRecord],
    ctx: &RequestContext,
) -> ApiResult<HeldApplication> {
    let probe = records
        .iter()
        .find(|r| r.reference_id == member.reference_id)
        .ok_or_else(|| {
            ApiError::Internal(format!(
                "case {case_id}: recording of {} missing",
                member.application_id
            ))
        })?;
    let probe_side = record_side(case_id, probe);
    let mut candidates = Vec::new();
    let mut unmapped = 0;
    for c in candidates_of(member) {
        let Some(record) = records.iter().find(|r| r.reference_id == c.reference_id) else {
            unmapped += 1;
            continue;
        };
        let side = record_side(case_id, record);
        candidates.push(CandidateView {
            differing_fields: probe_side.demographics.differing_fields(&side.demographics),
            record: side,
            strength: MatchStrength::of(c.fused_score, ctx.lang),
            scores: FINGER_POSITIONS
                .map(|position| FingerScoreCell {
                    position,
                    score: c
                        .fingers
                        .iter()
                        .find(|f| f.position == position)
                        .map(|f| f.score),
                })
                .collect(),
        });
    }
    Ok(HeldApplication {
        probe: probe_side,
        candidates,
        unmapped_candidates: unmapped,
    })
}

fn record_side(case_id: &str, r: &CaseRecord) -> RecordSide {
    let f = &r.form;
    let a = &f.address;
    RecordSide {
        application_id: r.application_id.clone(),
        registration_code: r.registration_code.to_string(),
        stage: r.stage,
        demographics: Demographics {
            full_name: f.full_name.clone(),
            nik: f.nik.clone(),
            kk_number: f.kk_number.clone(),
            birth_place: f.birth_place.clone(),
            birth_date: f.birth_date.clone(),
            sex: f.sex.clone(),
            address: format!("{} RT {}/RW {}, {}", a.street, a.rt, a.rw, a.village),
        },
        district_name: district_name(&r.district_code),
        district_code: r.district_code.clone(),
        recorded_at: r.recorded_at.clone(),
        recorded_by: r.recorded_by_name.clone(),
        face_path: format!("/api/dinas/cases/{case_id}/faces/{}", r.application_id),
        photo_path: format!(
            "/api/staff/applications/{}/documents/photo_3x4",
            r.application_id
        ),
        fingers: FINGER_POSITIONS
            .map(|position| {
                let stored = r.fingers.iter().find(|s| s.position == position);
                FingerQuality {
                    position,
                    quality: stored.and_then(|s| s.quality),
                    exception: stored.and_then(|s| s.exception),
                }
            })
            .collect(),
    }
}

pub fn district_name(code: &str) -> String {
    RegionCode::parse(code)
        .ok()
        .and_then(|c| BundledRegions.name(c).map(str::to_string))
        .unwrap_or_default()
}

pub fn claim_info(case: &CaseRow, who: &Principal, cutoff: &str) -> Option<ClaimInfo> {
    let holder = case.live_holder(cutoff)?;
    Some(ClaimInfo {
        holder: case.holder_name.clone().unwrap_or_default(),
        held_by_me: holder == who.id,
        claimed_at: case.claimed_at.clone().unwrap_or_default(),
        expires_at: rules::claim_expiry(case.last_activity_at.as_deref().unwrap_or_default()),
    })
}

pub fn proposal_view(p: &ProposalRow) -> ProposalView {
    ProposalView {
        id: p.id.clone(),
        application_id: p.application_id.clone(),
        decision: p.decision,
        candidate_application_id: p.candidate_application_id.clone(),
        reason: p.reason.clone(),
        proposed_by: p.proposed_by_name.clone(),
        proposed_at: p.proposed_at.clone(),
        status: p.status,
        reviewed_by: p.reviewed_by_name.clone(),
        reviewed_at: p.reviewed_at.clone(),
        review_reason: p.review_reason.clone(),
    }
}
