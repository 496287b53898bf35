//! The 1:N outcome of the recordings this tablet sent. The outbox marks a recording "sent" when the
//! server accepts it, but the matcher decides later (PRINT_READY_RECORD, DUPLICATE_RECORD,
//! ADJUDICATE_RECORD, ENROLL_FAILURE): while a screen shows the outbox, the stage of each
//! application whose latest sent recording has no final outcome is read again, gently.

use crate::api::{ApiError, StaffApi};
use crate::platform::camera::sleep;
use crate::staff::outbox::{Action, Item, ItemState};
use leptos::prelude::*;
use shared::lifecycle::Stage;
use std::collections::HashMap;

/// Pause between two readings while an outcome is awaited: the matcher answers within minutes,
/// an adjudication within days, and the operator only glances at the list.
const POLL_MS: i32 = 20_000;

/// The 1:N search has answered (or the application has moved past it).
pub fn outcome_known(stage: Stage) -> bool {
    stage > Stage::SentForEnrollment
}

/// Nothing more to wait for at the kecamatan: an outcome other than an adjudication still open.
pub fn outcome_final(stage: Stage) -> bool {
    outcome_known(stage) && stage != Stage::AdjudicateRecord
}

/// The keys of the items that show their application's stage as read now: for each application,
/// its latest recording (an earlier one's outcome was that of another recording).
pub fn latest_recordings(items: &[Item]) -> Vec<&str> {
    let mut apps: Vec<&str> = Vec::new();
    let mut keys = Vec::new();
    for item in items.iter().rev() {
        if matches!(item.action, Action::Record { .. })
            && !apps.contains(&item.application_id.as_str())
        {
            apps.push(&item.application_id);
            keys.push(item.key.as_str());
        }
    }
    keys
}

/// Applications whose latest recording was sent and still awaits its final outcome, by what was
/// read so far (`read`) or else by the stage the send answered with.
fn awaited(items: &[Item], read: &HashMap<String, Stage>, skip: &[String]) -> Vec<String> {
    let latest = latest_recordings(items);
    items
        .iter()
        .filter(|i| latest.contains(&i.key.as_str()) && !skip.contains(&i.application_id))
        .filter_map(|i| match i.state {
            ItemState::Sent { stage } => {
                let now = read.get(&i.application_id).copied().unwrap_or(stage);
                (!outcome_final(now)).then(|| i.application_id.clone())
            }
            _ => None,
        })
        .collect()
}

/// Reads, for as long as the calling view lives, the stage of the applications whose sent
/// recording awaits its outcome: at once, then every [`POLL_MS`] while any still does. Nothing
/// is read once every outcome is final; a recording sent later starts the reading again.
pub fn watch(items: RwSignal<Vec<Item>>) -> RwSignal<HashMap<String, Stage>> {
    let api = StaffApi::for_view();
    let read = RwSignal::new(HashMap::<String, Stage>::new());
    let reading = StoredValue::new(false);
    Effect::new(move |_| {
        let due = items.with(|i| !awaited(i, &read.get_untracked(), &[]).is_empty());
        if !due || reading.get_value() {
            return;
        }
        reading.set_value(true);
        leptos::task::spawn_local(async move {
            // Applications this operator cannot reach (404): not asked for again in this round.
            let mut unreachable: Vec<String> = Vec::new();
            loop {
                let due = |unreachable: &[String]| {
                    read.try_with_untracked(|r| {
                        items.with_untracked(|i| awaited(i, r, unreachable))
                    })
                    .unwrap_or_default()
                };
                let ids = due(&unreachable);
                for id in &ids {
                    match api.detail(id).await {
                        Ok(d) => {
                            read.try_update(|r| r.insert(d.id, d.stage));
                        }
                        Err(ApiError::Server { status: 404, .. }) => unreachable.push(id.clone()),
                        // Offline or a passing failure: the next round asks again.
                        Err(_) => {}
                    }
                }
                if ids.is_empty() || due(&unreachable).is_empty() {
                    break;
                }
                sleep(POLL_MS).await;
            }
            reading.try_set_value(false);
        });
    });
    read
}
