//! An application's timeline and return reasons, read from its stored events.

use crate::storage::applications::EventRow;
use shared::api::{RerecordReason, TimelineEntry};
use shared::lifecycle::{ReturnReason, Stage};

/// The timeline in order and the reasons of the latest return for correction. The public view
/// passes `dates_only` (WIB dates): the time of day adds nothing for the resident and narrows
/// who was where.
pub fn from_events(
    events: &[EventRow],
    dates_only: bool,
) -> (Vec<TimelineEntry>, Vec<ReturnReason>) {
    let mut timeline = Vec::with_capacity(events.len());
    let mut reasons = Vec::new();
    for e in events {
        if e.stage == Stage::Returned {
            reasons = reasons_of(e.detail_json.as_deref());
        }
        // A side-record event (a certificate issued or revoked) repeats the stage: it is not a
        // step of the application's own.
        if timeline
            .last()
            .is_some_and(|last: &TimelineEntry| last.stage == e.stage)
        {
            continue;
        }
        // A date is Grobogan's (WIB): an event stored at 18:00 UTC happened the next day there.
        let at = if dates_only {
            shared::domain::Date::wib_of_utc_timestamp(&e.at)
                .map_or_else(|| e.at.chars().take(10).collect(), |d| d.to_string())
        } else {
            e.at.clone()
        };
        timeline.push(TimelineEntry { stage: e.stage, at });
    }
    (timeline, reasons)
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

/// The dinas's decision and reason on the latest ENROLL_FAILURE event, when an adjudication
/// approval (not the matcher) put the application there. Staff only: never on the public page.
pub fn rerecord_reason(events: &[EventRow]) -> Option<RerecordReason> {
    let latest = events
        .iter()
        .rev()
        .find(|e| e.stage == Stage::EnrollFailure)?;
    serde_json::from_str(latest.detail_json.as_deref()?).ok()
}
