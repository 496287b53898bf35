//! The dinas dashboard: where applications pile up, for dinas operators and supervisors. Each
//! figure is one aggregate query (`storage/dashboard.rs`); this file only names kecamatan and
//! shapes the answer. Reading it is audited like any staff read.

use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::storage::{audit, dashboard};
use shared::api::{
    CaseAges, CollectionCount, Dashboard, DayCount, ErrorCode, StageBacklog, StageCount, StuckItem,
    DASHBOARD_DAYS, STUCK_ENROLLMENT_MINUTES,
};
use shared::auth::StaffRole;
use shared::domain::RegionCode;
use shared::lifecycle::Stage;
use shared::regions::{BundledRegions, RegionDirectory};

/// More stuck items than this is a fault to fix at its source, not a list to read.
const STUCK_LIMIT: u32 = 100;

pub async fn dashboard(ctx: &RequestContext, who: &Principal) -> ApiResult<Dashboard> {
    if !matches!(
        who.role,
        StaffRole::DinasOperator | StaffRole::DinasSupervisor
    ) {
        return Err(ApiError::Code(ErrorCode::Forbidden));
    }
    let db = ctx.env.d1(bindings::DB)?;
    let now = ctx.now.as_str();
    // Stages still in someone's hands: not drafts (never stored) and not the terminal ones.
    let open: Vec<Stage> = Stage::ALL
        .into_iter()
        .filter(|s| *s != Stage::Draft && !s.is_terminal())
        .collect();

    let by_kecamatan = dashboard::by_district_and_stage(&db)
        .await?
        .into_iter()
        .map(|r| StageCount {
            district_name: district_name(&r.district_code),
            district_code: r.district_code,
            stage: r.stage,
            count: r.n,
        })
        .collect();
    let mut backlog: Vec<StageBacklog> = dashboard::backlog(&db, &open, now)
        .await?
        .into_iter()
        .filter_map(|r| {
            Some(StageBacklog {
                stage: r.stage?,
                count: r.n,
                oldest_hours: r.oldest_hours.unwrap_or(0.0),
                median_hours: r.median_hours.unwrap_or(0.0),
            })
        })
        .collect();
    backlog.sort_by_key(|b| b.stage);
    let per_day = dashboard::per_day(&db, now, DASHBOARD_DAYS)
        .await?
        .into_iter()
        .map(|r| DayCount {
            day: r.day,
            count: r.n,
        })
        .collect();
    let cases = dashboard::open_cases(&db, now).await?;
    let awaiting_collection = dashboard::in_stage_by_district(&db, Stage::CardShipped, now)
        .await?
        .into_iter()
        .map(|r| CollectionCount {
            district_name: district_name(&r.district_code),
            district_code: r.district_code,
            count: r.n,
            oldest_hours: r.oldest_hours,
        })
        .collect();
    let stuck = dashboard::stuck(&db, now, STUCK_ENROLLMENT_MINUTES, STUCK_LIMIT)
        .await?
        .into_iter()
        .map(|r| StuckItem {
            reason: r.reason,
            registration_code: r.registration_code.to_string(),
            district_name: district_name(&r.district_code),
            stage: r.stage,
            since: r.since,
        })
        .collect();
    let entry = audit::AuditEntry {
        at: now,
        staff_id: Some(&who.id),
        role: who.role.as_str(),
        action: "dashboard.read",
        application_id: None,
        client: &ctx.client_key,
        request_id: &ctx.request_id,
        detail_json: None,
    };
    audit::record(&db, vec![entry.row()]).await?;
    Ok(Dashboard {
        generated_at: ctx.now.clone(),
        by_kecamatan,
        backlog,
        per_day,
        cases: CaseAges {
            open: cases.n,
            oldest_hours: cases.oldest_hours.unwrap_or(0.0),
            median_hours: cases.median_hours.unwrap_or(0.0),
        },
        awaiting_collection,
        stuck,
    })
}

fn district_name(code: &str) -> String {
    RegionCode::parse(code)
        .ok()
        .and_then(|c| BundledRegions.name(c))
        .unwrap_or(code)
        .to_string()
}
