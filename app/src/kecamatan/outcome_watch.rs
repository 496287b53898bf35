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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::IdempotencyKey;
    use shared::api::BiometricSubmission;

    fn item(key: &str, app: &str, action: Action, state: ItemState) -> Item {
        Item {
            key: IdempotencyKey::from_stored(key.to_string()),
            application_id: app.to_string(),
            registration_code: String::new(),
            full_name: String::new(),
            action,
            state,
            created_ms: 0.0,
            attempts: 0,
            next_try_ms: 0.0,
            last_problem: None,
        }
    }

    fn record() -> Action {
        Action::Record {
            submission: BiometricSubmission {
                idempotency_key: String::new(),
                fingers: Vec::new(),
                face_jpeg_base64: String::new(),
                signature_png_base64: String::new(),
            },
        }
    }

    fn sent(stage: Stage) -> ItemState {
        ItemState::Sent { stage }
    }

    #[test]
    fn only_the_latest_sent_recording_without_a_final_outcome_is_read_again() {
        let items = vec![
            // An application recorded twice (after ENROLL_FAILURE): only the second counts.
            item("r1", "a", record(), sent(Stage::EnrollFailure)),
            item("v2", "b", Action::Verify, sent(Stage::DocumentsVerified)),
            item("r2", "b", record(), sent(Stage::SentForEnrollment)),
            item("r3", "a", record(), sent(Stage::BioCaptured)),
            item("r4", "c", record(), ItemState::Waiting),
            item("r5", "d", record(), sent(Stage::PrintReadyRecord)),
        ];
        assert_eq!(latest_recordings(&items), vec!["r5", "r4", "r3", "r2"]);
        let mut read = HashMap::new();
        assert_eq!(awaited(&items, &read, &[]), vec!["b", "a"]);
        // What was read since the send wins over the send's answer; an adjudication still
        // open is awaited, a decided outcome is not.
        read.insert("a".to_string(), Stage::AdjudicateRecord);
        read.insert("b".to_string(), Stage::DuplicateRecord);
        assert_eq!(awaited(&items, &read, &[]), vec!["a"]);
        assert!(awaited(&items, &read, &["a".to_string()]).is_empty());
        read.insert("a".to_string(), Stage::PrintReadyRecord);
        assert!(awaited(&items, &read, &[]).is_empty());
    }

    #[test]
    fn outcomes_are_the_stages_after_the_1n_search() {
        assert!(!outcome_known(Stage::BioCaptured));
        assert!(!outcome_known(Stage::SentForEnrollment));
        assert!(outcome_known(Stage::AdjudicateRecord) && !outcome_final(Stage::AdjudicateRecord));
        for s in [
            Stage::PrintReadyRecord,
            Stage::DuplicateRecord,
            Stage::EnrollFailure,
            Stage::CardIssued,
        ] {
            assert!(outcome_final(s), "{s:?}");
        }
    }
}
