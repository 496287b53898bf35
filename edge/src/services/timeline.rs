//! An application's timeline and return reasons, read from its stored events.

use crate::http::{ApiError, ApiResult};
use crate::storage::applications::EventRow;
use shared::api::TimelineEntry;
use shared::lifecycle::{ReturnReason, Stage};

pub fn parse_stage(s: &str) -> ApiResult<Stage> {
    Stage::parse(s).ok_or_else(|| ApiError::Internal(format!("unknown stored stage {s:?}")))
}

/// The timeline in order and the reasons of the latest return for correction. The public view
/// passes `dates_only`: the time of day adds nothing for the resident and narrows who was where.
pub fn from_events(
    events: &[EventRow],
    dates_only: bool,
) -> ApiResult<(Vec<TimelineEntry>, Vec<ReturnReason>)> {
    let mut timeline = Vec::with_capacity(events.len());
    let mut reasons = Vec::new();
    for e in events {
        let stage = parse_stage(&e.stage)?;
        if stage == Stage::Returned {
            reasons = reasons_of(e.detail_json.as_deref());
        }
        let at = if dates_only {
            e.at.chars().take(10).collect()
        } else {
            e.at.clone()
        };
        timeline.push(TimelineEntry { stage, at });
    }
    Ok((timeline, reasons))
}

fn reasons_of(detail_json: Option<&str>) -> Vec<ReturnReason> {
    #[derive(serde::Deserialize)]
    struct Detail {
        reasons: Vec<ReturnReason>,
    }
    detail_json
        .and_then(|d| serde_json::from_str::<Detail>(d).ok())
        .map(|d| d.reasons)
        .unwrap_or_default()
}
