//! When items are sent: one page-wide [`Outbox`] that resumes the stored items, then sends them
//! oldest first at once, on the `online` event and on a timer, backing off after each failed try.

use super::item::{now_ms, Item, ItemState};
use super::rules::{self, Outcome, Verdict};
use super::{storage, transport, Action};
use crate::staff::store;
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::{closure::Closure, JsCast};

/// How often waiting items are looked at, whatever the `online` event says (it can lie both ways).
const TICK_MS: i32 = 5_000;
/// Backoff after a failed try: 2 s doubling up to 2 minutes.
const BACKOFF_FIRST_MS: f64 = 2_000.0;
const BACKOFF_MAX_MS: f64 = 120_000.0;

/// Delay before try number `attempts + 1`.
pub fn backoff_ms(attempts: u32) -> f64 {
    (BACKOFF_FIRST_MS * 2f64.powi(attempts.min(16) as i32)).min(BACKOFF_MAX_MS)
}

/// The item to send next at `now`: the oldest due one. An item waits while an older one of the
/// same application is pending (a recording needs its verification first).
fn next_due(items: &[Item], now: f64) -> Option<&Item> {
    let mut blocked: Vec<&str> = Vec::new();
    for item in items {
        if item.is_pending() {
            if !blocked.contains(&item.application_id.as_str()) && item.next_try_ms <= now {
                return Some(item);
            }
            blocked.push(&item.application_id);
        }
    }
    None
}

/// The outbox: the items (oldest first) and the sender. One per page, alive as long as the page
/// (so leaving the console for another route does not stop sending); get it with [`outbox`].
#[derive(Clone, Copy)]
pub struct Outbox {
    pub items: RwSignal<Vec<Item>>,
    /// False until the stored items are read, so screens do not show an empty outbox too early.
    pub loaded: RwSignal<bool>,
    pumping: StoredValue<Cell<bool>, LocalStorage>,
}

thread_local! {
    static OUTBOX: std::cell::OnceCell<Outbox> = const { std::cell::OnceCell::new() };
}

/// The page's outbox, started on first use: loads the stored items and sends them when it can
/// (now, on the `online` event, and every few seconds for items whose backoff has passed).
pub fn outbox() -> Outbox {
    OUTBOX.with(|cell| *cell.get_or_init(start))
}

fn start() -> Outbox {
    // A root owner that is never disposed: the signals outlive whichever view first asked.
    // `new_root` also makes itself the current owner, so the caller's owner (which carries the
    // router's context) is put back afterwards.
    let caller = Owner::current();
    let owner = Owner::new_root(None);
    let outbox = owner.with(|| Outbox {
        items: RwSignal::new(Vec::new()),
        loaded: RwSignal::new(false),
        pumping: StoredValue::new_local(Cell::new(false)),
    });
    std::mem::forget(owner);
    if let Some(caller) = caller {
        caller.set();
    }
    leptos::task::spawn_local(async move {
        let items = storage::load(now_ms()).await;
        outbox.items.set(items);
        outbox.loaded.set(true);
        outbox.kick();
    });
    if let Some(w) = web_sys::window() {
        // Page-lifetime listeners, like the outbox itself.
        let on_online = Closure::<dyn Fn()>::new(move || {
            // The line is back: forget the backoff and try everything now.
            outbox.send_now();
        });
        let _ = w.add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
        on_online.forget();
        let tick = Closure::<dyn Fn()>::new(move || outbox.kick());
        let _ = w.set_interval_with_callback_and_timeout_and_arguments_0(
            tick.as_ref().unchecked_ref(),
            TICK_MS,
        );
        tick.forget();
    }
    outbox
}

impl Outbox {
    /// Stores `item` (durably, before anything is sent) and sends it when it can.
    pub async fn enqueue(self, item: Item) -> Result<(), store::StoreError> {
        storage::put(&item).await?;
        self.items.update(|items| {
            items.retain(|i| i.key != item.key);
            items.push(item);
        });
        self.kick();
        Ok(())
    }

    /// The newest item for an application and action kind, if any.
    pub fn latest_for(
        self,
        application_id: &str,
        is_kind: impl Fn(&Action) -> bool,
    ) -> Option<Item> {
        self.items.with(|items| {
            items
                .iter()
                .rev()
                .find(|i| i.application_id == application_id && is_kind(&i.action))
                .cloned()
        })
    }

    /// Tries every waiting item now, ignoring backoff (the operator's "send now").
    pub fn send_now(self) {
        self.items
            .update(|items| items.iter_mut().for_each(|i| i.next_try_ms = 0.0));
        self.kick();
    }

    /// Starts a sending pass unless one is running.
    pub fn kick(self) {
        let Some(flag) = self.pumping.try_with_value(|c| c.replace(true)) else {
            return;
        };
        if flag {
            return;
        }
        leptos::task::spawn_local(async move {
            self.pump().await;
            self.pumping.try_with_value(|c| c.set(false));
        });
    }

    async fn save(self, item: &Item) {
        // A failed write keeps the previous state on disk, which is only ever less advanced:
        // the item is sent again and the idempotency key makes that harmless.
        let _ = storage::put(item).await;
        let item = item.clone();
        self.items.update(|items| {
            if let Some(slot) = items.iter_mut().find(|i| i.key == item.key) {
                *slot = item;
            }
        });
    }

    /// Sends due items oldest first, until none is due or the line is found dead.
    async fn pump(self) {
        loop {
            let now = now_ms();
            let next = self
                .items
                .with_untracked(|items| next_due(items, now).cloned());
            let Some(mut item) = next else { return };
            item.state = ItemState::Sending;
            item.attempts += 1;
            self.save(&item).await;
            let outcome = match rules::classify(transport::send(&item).await) {
                Verdict::Settled(outcome) => outcome,
                Verdict::CheckStage => {
                    let stage = transport::current_stage(&item.application_id).await;
                    rules::after_stage_check(&item.action, stage)
                }
            };
            let mut stop = false;
            match outcome {
                Outcome::Sent(stage) => {
                    item.state = ItemState::Sent { stage };
                    item.last_problem = None;
                }
                Outcome::Failed(reason) => item.state = ItemState::Failed { error: reason },
                Outcome::Retry { problem, stop: s } => {
                    item.state = ItemState::Waiting;
                    item.next_try_ms = now_ms() + backoff_ms(item.attempts.saturating_sub(1));
                    item.last_problem = Some(problem);
                    stop = s;
                }
            }
            self.save(&item).await;
            if stop {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::IdempotencyKey;

    fn item(key: &str, application_id: &str, state: ItemState, next_try_ms: f64) -> Item {
        Item {
            key: IdempotencyKey::from_stored(key.into()),
            application_id: application_id.into(),
            registration_code: "K".into(),
            full_name: "N".into(),
            action: Action::Verify,
            state,
            created_ms: 0.0,
            attempts: 0,
            next_try_ms,
            last_problem: None,
        }
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff_ms(0), 2_000.0);
        assert_eq!(backoff_ms(1), 4_000.0);
        assert_eq!(backoff_ms(30), BACKOFF_MAX_MS);
    }

    #[test]
    fn items_go_oldest_first_and_wait_behind_their_applications_pending_item() {
        let items = vec![
            item(
                "sent",
                "a",
                ItemState::Sent {
                    stage: shared::lifecycle::Stage::Returned,
                },
                0.0,
            ),
            item("a-backing-off", "a", ItemState::Waiting, 50.0),
            item("a-next", "a", ItemState::Waiting, 0.0),
            item("b-first", "b", ItemState::Waiting, 0.0),
        ];
        let key = |now| next_due(&items, now).map(|i| i.key.as_str().to_string());
        // a's older item is backing off, so a's next waits; b goes.
        assert_eq!(key(10.0).as_deref(), Some("b-first"));
        assert_eq!(key(60.0).as_deref(), Some("a-backing-off"));
        assert_eq!(next_due(&items[..1], 60.0), None);
    }
}
