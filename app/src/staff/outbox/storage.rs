//! The outbox's records in the staff IndexedDB store: one JSON item per idempotency key,
//! written before anything is sent, rewritten at every change of state, and read back (and
//! tidied) when the page opens.

use super::item::{Item, ItemState};
use crate::staff::{store, store::Store};

/// Sent items stay listed this long so the operator sees them go out.
const KEEP_SENT_MS: f64 = 24.0 * 3600.0 * 1000.0;

/// Saves `item`, returning once it is on disk.
pub async fn put(item: &Item) -> Result<(), store::StoreError> {
    let text = serde_json::to_string(item).map_err(|e| store::StoreError(e.to_string()))?;
    store::put(Store::Outbox, item.key.as_str(), &text).await
}

/// The stored items, oldest first, as the page should resume them; records of sent items past
/// their keeping time are deleted. Unreadable records are skipped (never sent blind).
pub async fn load(now_ms: f64) -> Vec<Item> {
    let (keep, expired) = resumed(stored().await, now_ms);
    for item in expired {
        let _ = store::delete(Store::Outbox, item.key.as_str()).await;
    }
    keep
}

/// Removes the items already sent (at sign-out: the next person on the tablet has no business
/// with them). Waiting and failed ones stay for their author.
pub async fn forget_sent() {
    for item in stored().await {
        if matches!(item.state, ItemState::Sent { .. }) {
            let _ = store::delete(Store::Outbox, item.key.as_str()).await;
        }
    }
}

/// Every readable stored item (an unreadable record is skipped, never sent blind).
async fn stored() -> Vec<Item> {
    store::all(Store::Outbox)
        .await
        .unwrap_or_default()
        .iter()
        .filter_map(|text| serde_json::from_str(text).ok())
        .collect()
}

/// Splits stored items into those to keep (oldest first, none left "sending") and those to
/// delete.
fn resumed(items: Vec<Item>, now_ms: f64) -> (Vec<Item>, Vec<Item>) {
    let (expired, mut keep): (Vec<Item>, Vec<Item>) = items.into_iter().partition(|i| {
        matches!(i.state, ItemState::Sent { .. }) && now_ms - i.created_ms > KEEP_SENT_MS
    });
    for item in &mut keep {
        // A tab closed mid-request: the key makes sending again safe.
        if item.state == ItemState::Sending {
            item.state = ItemState::Waiting;
        }
    }
    keep.sort_by(|a, b| a.created_ms.total_cmp(&b.created_ms));
    (keep, expired)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::IdempotencyKey;
    use crate::staff::outbox::Action;
    use shared::lifecycle::Stage;

    fn item(key: &str, created_ms: f64, state: ItemState) -> Item {
        Item {
            key: IdempotencyKey::from_stored(key.into()),
            application_id: "a".into(),
            registration_code: "K".into(),
            full_name: "N".into(),
            action: Action::Verify,
            state,
            created_ms,
            attempts: 1,
            next_try_ms: 0.0,
            last_problem: None,
        }
    }

    #[test]
    fn a_reopened_page_resumes_interrupted_sends_and_forgets_old_sent_items() {
        let now = 10.0 * KEEP_SENT_MS;
        let sent = ItemState::Sent {
            stage: Stage::DocumentsVerified,
        };
        let (keep, expired) = resumed(
            vec![
                item("late", now - 10.0, ItemState::Sending),
                item("old-sent", now - KEEP_SENT_MS - 1.0, sent.clone()),
                item("recent-sent", now - 20.0, sent),
                item("old-waiting", 0.0, ItemState::Waiting),
            ],
            now,
        );
        let keys: Vec<&str> = keep.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(keys, ["old-waiting", "recent-sent", "late"]);
        assert_eq!(keep[2].state, ItemState::Waiting);
        assert_eq!(expired.len(), 1);
        assert_eq!(expired[0].key.as_str(), "old-sent");
    }
}
