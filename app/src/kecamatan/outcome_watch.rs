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

/// Applications whose latest recording was sent and whose stage, as read so far (`read`) or else
/// as the send answered, is still `open`.
fn awaited(
    items: &[Item],
    read: &HashMap<String, Stage>,
    skip: &[String],
    open: fn(Stage) -> bool,
) -> Vec<String> {
    let latest = latest_recordings(items);
    items
        .iter()
        .filter(|i| latest.contains(&i.key.as_str()) && !skip.contains(&i.application_id))
        .filter_map(|i| match i.state {
            ItemState::Sent { stage } => {
                let now = read.get(&i.application_id).copied().unwrap_or(stage);
                open(now).then(|| i.application_id.clone())
            }
            _ => None,
        })
        .collect()
}

/// Not yet final: read when the outbox is viewed (an adjudication may have been decided since).
fn not_final(stage: Stage) -> bool {
    !outcome_final(stage)
}

/// Still before the matcher's answer, which comes within minutes: read again on a timer.
fn not_known(stage: Stage) -> bool {
    !outcome_known(stage)
}

/// Reads, for as long as the calling view lives, the stage of the applications whose latest
/// recording was sent: when the view opens, those without a final outcome; then every
/// [`POLL_MS`] those still waiting for the matcher's answer, until none is; a recording sent
/// later starts the reading again. The read is the application's own staff endpoint (scoped to
/// the operator's kecamatan and audited like any read of it), one per awaited application.
pub fn watch(items: RwSignal<Vec<Item>>) -> RwSignal<HashMap<String, Stage>> {
    let api = StaffApi::for_view();
    let read = RwSignal::new(HashMap::<String, Stage>::new());
    let reading = StoredValue::new(false);
    // No round yet in this view: the first one also reads open adjudications.
    let viewed = StoredValue::new(false);
    Effect::new(move |_| {
        let first: fn(Stage) -> bool = if viewed.get_value() {
            not_known
        } else {
            not_final
        };
        let due = items.with(|i| !awaited(i, &read.get_untracked(), &[], first).is_empty());
        if !due || reading.get_value() {
            return;
        }
        reading.set_value(true);
        viewed.set_value(true);
        leptos::task::spawn_local(async move {
            // Applications this operator cannot reach (404): not asked for again in this round.
            let mut unreachable: Vec<String> = Vec::new();
            let mut open = first;
            loop {
                let due = |unreachable: &[String], open: fn(Stage) -> bool| {
                    read.try_with_untracked(|r| {
                        items.with_untracked(|i| awaited(i, r, unreachable, open))
                    })
                    .unwrap_or_default()
                };
                for id in due(&unreachable, open) {
                    match api.detail(&id).await {
                        Ok(d) => {
                            read.try_update(|r| r.insert(d.id, d.stage));
                        }
                        Err(ApiError::Server { status: 404, .. }) => unreachable.push(id),
                        // Offline or a passing failure: the next round asks again.
                        Err(_) => {}
                    }
                }
                open = not_known;
                if due(&unreachable, open).is_empty() {
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
    fn the_latest_sent_recordings_are_read_until_their_outcome_is_known_or_final() {
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
        assert_eq!(awaited(&items, &read, &[], not_final), vec!["b", "a"]);
        // What was read since the send wins over the send's answer.
        read.insert("a".to_string(), Stage::AdjudicateRecord);
        read.insert("b".to_string(), Stage::DuplicateRecord);
        // An adjudication still open is read when the outbox is viewed, not on the timer.
        assert_eq!(awaited(&items, &read, &[], not_final), vec!["a"]);
        assert!(awaited(&items, &read, &[], not_known).is_empty());
        assert!(awaited(&items, &read, &["a".to_string()], not_final).is_empty());
        read.insert("a".to_string(), Stage::PrintReadyRecord);
        assert!(awaited(&items, &read, &[], not_final).is_empty());
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
