//! `GET /api/dinas/cases`: the open cases, oldest first, each with its best evidence, its
//! claim and the proposal awaiting a supervisor. Lists registration codes, kecamatan and scores
//! only (no names), so it is not audited as a read of personal data; opening a case is.

use super::rules::{self, candidates_of};
use super::view::{claim_info, district_name, proposal_view};
use crate::bindings;
use crate::http::{ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::storage::{cases, proposals};
use shared::api::{CaseList, CaseListItem, MatchStrength};

const LIST_LIMIT: u32 = 500;

pub async fn list(ctx: &RequestContext, who: &Principal) -> ApiResult<CaseList> {
    rules::dinas(who)?;
    let db = ctx.env.d1(bindings::DB)?;
    super::enrol::retry_owed(ctx, &db).await;
    let cutoff = rules::claim_cutoff(ctx);
    let open = cases::list_open(&db, LIST_LIMIT).await?;
    let members = cases::open_members(&db).await?;
    let pending = proposals::pending_open(&db).await?;
    let now_ms = js_sys::Date::parse(&ctx.now);
    let mut items = Vec::with_capacity(open.len());
    for case in open {
        let mine: Vec<_> = members.iter().filter(|m| m.case_id == case.id).collect();
        let held: Vec<_> = mine
            .iter()
            .copied()
            .filter(|m| m.decided_at.is_none())
            .collect();
        let Some(first) = held.first().or(mine.first()) else {
            continue; // a case with no application: nothing to show
        };
        let best = held
            .iter()
            .flat_map(|m| candidates_of(m))
            .map(|c| c.fused_score)
            .fold(0.0f32, f32::max);
        let age_ms = (now_ms - js_sys::Date::parse(&case.opened_at)).max(0.0);
        items.push(CaseListItem {
            case_id: case.id.clone(),
            application_id: first.application_id.clone(),
            registration_code: first.registration_code.to_string(),
            stage: first.stage,
            district_name: district_name(&first.district_code),
            district_code: first.district_code.clone(),
            opened_at: case.opened_at.clone(),
            age_hours: (age_ms / 3_600_000.0) as u32,
            best: MatchStrength::of(best, ctx.lang),
            held_applications: held.len() as u32,
            claim: claim_info(&case, who, &cutoff),
            pending_proposal: pending
                .iter()
                .find(|p| p.case_id == case.id)
                .map(proposal_view),
        });
    }
    Ok(CaseList { items })
}
