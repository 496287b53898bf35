//! The overlay of one finger pair: both recordings' templates fetched by reference id from the
//! matching Durable Objects (held ones from the coordinator, enrolled ones from their shard),
//! explained by `biometrics::explain` (the alignment and minutiae pairs behind the score).
//! Identity and templates meet only here, so every overlay is audited for both applications.

use super::rules;
use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::matching::{coordinator, templates};
use crate::services::auth::Principal;
use crate::storage::{audit, cases};
use biometrics::{explain, AlignedMinutia, MinutiaKind, Template};
use shared::api::{MinutiaPair, OverlayMinutia, OverlayView};

pub struct OverlayQuery {
    /// The held application (probe); `None`: the case's first undecided one.
    pub application_id: Option<String>,
    pub candidate_application_id: String,
    pub finger: u8,
}

pub async fn overlay(
    ctx: &RequestContext,
    who: &Principal,
    case_id: &str,
    q: &OverlayQuery,
) -> ApiResult<OverlayView> {
    rules::dinas(who)?;
    if !(1..=10).contains(&q.finger) {
        return Err(ApiError::MALFORMED);
    }
    let db = ctx.env.d1(bindings::DB)?;
    let case = rules::case(&db, case_id).await?;
    if case.closed_at.is_none() {
        rules::require_claim(&case, who, &rules::claim_cutoff(ctx))?;
    }
    let members = cases::members(&db, case_id).await?;
    let member = match q.application_id.as_deref() {
        Some(id) => members.iter().find(|m| m.application_id == id),
        None => members
            .iter()
            .find(|m| m.decided_at.is_none())
            .or(members.first()),
    }
    .ok_or(ApiError::NOT_FOUND)?;
    let records = rules::records_of(&db, member).await?;
    let candidate = records
        .iter()
        .find(|r| {
            r.application_id == q.candidate_application_id && r.reference_id != member.reference_id
        })
        .ok_or(ApiError::NOT_FOUND)?;
    let stored = coordinator::templates_of(
        &ctx.env,
        &[
            member.reference_id.as_str(),
            candidate.reference_id.as_str(),
        ],
    )
    .await?;
    let finger_of = |reference_id: &str| -> Option<Template> {
        let person = stored.iter().find(|p| p.reference_id == reference_id)?;
        templates::usable(&person.fingers)
            .into_iter()
            .find(|(p, _)| *p == q.finger)
            .map(|(_, t)| t)
    };
    let (Some(probe), Some(other)) = (
        finger_of(&member.reference_id),
        finger_of(&candidate.reference_id),
    ) else {
        return Err(ApiError::NOT_FOUND);
    };
    let detail = serde_json::json!({ "case_id": case_id, "finger": q.finger }).to_string();
    let entry = audit::AuditEntry {
        at: &ctx.now,
        staff_id: Some(&who.id),
        role: who.role.as_str(),
        action: "case.overlay",
        application_id: None,
        client: &ctx.client_key,
        request_id: &ctx.request_id,
        detail_json: Some(&detail),
    };
    let ids = [
        member.application_id.as_str(),
        candidate.application_id.as_str(),
    ];
    audit::record(&db, entry.for_each(&ids)).await?;
    let e = explain(&probe, &other);
    Ok(OverlayView {
        application_id: member.application_id.clone(),
        candidate_application_id: candidate.application_id.clone(),
        finger: q.finger,
        score: e.score,
        width: probe.width,
        height: probe.height,
        probe_minutiae: e.probe_minutiae.iter().map(minutia).collect(),
        candidate_minutiae: e.candidate_minutiae.iter().map(minutia).collect(),
        pairs: e
            .pairs
            .iter()
            .map(|p| MinutiaPair {
                probe: p.probe_index as u16,
                candidate: p.candidate_index as u16,
                contribution: p.contribution,
            })
            .collect(),
    })
}

fn minutia(m: &AlignedMinutia) -> OverlayMinutia {
    OverlayMinutia {
        x: m.x,
        y: m.y,
        direction: m.angle_rad,
        bifurcation: m.kind == MinutiaKind::Bifurcation,
    }
}
