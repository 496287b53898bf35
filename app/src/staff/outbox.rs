//! The offline outbox: every verification, return and recording is first written to IndexedDB,
//! then sent, in the order made, whenever the network allows (at once, on the `online` event and
//! on a timer with backoff). Each item carries its idempotency key, so a replay after a lost
//! answer is accepted once; a 4xx refusal is final ("failed" with the reasons), never retried.

use crate::api::ApiError;
use crate::staff::{api, store, store::Store};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use shared::api::{
    ActionResponse, BiometricSubmission, FieldError, RecordingResponse, ReturnRequest,
};
use shared::i18n::Lang;
use shared::lifecycle::{ReturnReason, Stage};
use std::cell::Cell;
use wasm_bindgen::{closure::Closure, JsCast};

/// How often waiting items are looked at, whatever the `online` event says (it can lie both ways).
const TICK_MS: i32 = 5_000;
/// Backoff after a failed try: 2 s doubling up to 2 minutes.
const BACKOFF_FIRST_MS: f64 = 2_000.0;
const BACKOFF_MAX_MS: f64 = 120_000.0;
/// Sent items stay listed this long so the operator sees them go out.
const KEEP_SENT_MS: f64 = 24.0 * 3600.0 * 1000.0;

/// What an item does on the server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Action {
    /// `POST .../{id}/verify`.
    Verify,
    /// `POST .../{id}/return`.
    Return { reasons: Vec<ReturnReason> },
    /// `POST .../{id}/biometrics` (templates, face and signature; never fingerprint images).
    Record { submission: BiometricSubmission },
}

/// Where an item stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ItemState {
    /// Not yet accepted; sent at the next chance.
    Waiting,
    /// A request is under way.
    Sending,
    /// Accepted; the application's stage afterwards.
    Sent { stage: Stage },
    /// Refused for good: the server's code and the field problems, shown to the operator.
    Failed { error: FailedReason },
}

/// A final refusal, kept as data so it is shown in the language chosen at the time of reading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FailedReason {
    pub code: Option<shared::api::ErrorCode>,
    pub status: u16,
    pub fields: Vec<FieldError>,
}

impl FailedReason {
    pub fn message(&self, lang: Lang) -> String {
        match self.code {
            Some(code) => code.message(lang).to_string(),
            None => format!("HTTP {}", self.status),
        }
    }
}

/// One queued write.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// The idempotency key, also the item's storage key.
    pub key: String,
    pub application_id: String,
    /// For people: which application this is.
    pub registration_code: String,
    pub full_name: String,
    pub action: Action,
    pub state: ItemState,
    pub created_ms: f64,
    pub attempts: u32,
    pub next_try_ms: f64,
    /// The last temporary problem (network, 5xx), shown while waiting.
    pub last_problem: Option<String>,
}

impl Item {
    pub fn new(
        key: String,
        application_id: String,
        registration_code: String,
        full_name: String,
        action: Action,
    ) -> Item {
        Item {
            key,
            application_id,
            registration_code,
            full_name,
            action,
            state: ItemState::Waiting,
            created_ms: now_ms(),
            attempts: 0,
            next_try_ms: 0.0,
            last_problem: None,
        }
    }

    fn path(&self) -> String {
        let verb = match self.action {
            Action::Verify => "verify",
            Action::Return { .. } => "return",
            Action::Record { .. } => "biometrics",
        };
        format!("/api/staff/applications/{}/{verb}", self.application_id)
    }

    fn body(&self) -> String {
        match &self.action {
            Action::Verify => "{}".to_string(),
            Action::Return { reasons } => serde_json::to_string(&ReturnRequest {
                reasons: reasons.clone(),
            })
            .unwrap_or_default(),
            Action::Record { submission } => serde_json::to_string(submission).unwrap_or_default(),
        }
    }

    /// Still to be sent (or being sent).
    pub fn is_pending(&self) -> bool {
        matches!(self.state, ItemState::Waiting | ItemState::Sending)
    }
}

/// Delay before try number `attempts + 1`.
pub fn backoff_ms(attempts: u32) -> f64 {
    (BACKOFF_FIRST_MS * 2f64.powi(attempts.min(16) as i32)).min(BACKOFF_MAX_MS)
}

/// What to do with an item after an answer.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Sent(Stage),
    /// Try again later; `stop` halts this pass (no point sending the rest into a dead line).
    Retry {
        problem: String,
        stop: bool,
    },
    Failed(FailedReason),
    /// A refused step that may already have happened (an answer lost on the way): ask the server.
    CheckStage,
}

fn classify(result: Result<Stage, ApiError>) -> Outcome {
    match result {
        Ok(stage) => Outcome::Sent(stage),
        Err(ApiError::Network) => Outcome::Retry {
            problem: "network".into(),
            stop: true,
        },
        Err(ApiError::Unexpected { status }) => Outcome::Retry {
            problem: format!("HTTP {status}"),
            stop: true,
        },
        Err(ApiError::Server { status: 401, .. }) => Outcome::Retry {
            problem: "HTTP 401".into(),
            stop: true,
        },
        Err(ApiError::Server { status: 409, .. }) => Outcome::CheckStage,
        Err(ApiError::Server { status, body }) if status == 429 || status >= 500 => {
            Outcome::Retry {
                problem: format!("{} (HTTP {status})", body.code.message(Lang::En)),
                stop: true,
            }
        }
        Err(ApiError::Server { status, body }) => Outcome::Failed(FailedReason {
            code: Some(body.code),
            status,
            fields: body.fields,
        }),
    }
}

/// Whether `stage` shows that `action` already took effect (its earlier try got through).
fn already_done(action: &Action, stage: Stage) -> bool {
    match action {
        Action::Verify => !matches!(stage, Stage::PreFilled | Stage::Returned | Stage::Draft),
        Action::Return { .. } => stage == Stage::Returned,
        // Recordings are deduplicated by key on the server, so a 409 there is a real refusal.
        Action::Record { .. } => false,
    }
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
        let mut items: Vec<Item> = store::all(Store::Outbox)
            .await
            .unwrap_or_default()
            .iter()
            .filter_map(|text| serde_json::from_str(text).ok())
            .collect();
        let now = now_ms();
        for item in &mut items {
            // A tab closed mid-request: the key makes sending again safe.
            if item.state == ItemState::Sending {
                item.state = ItemState::Waiting;
            }
        }
        let (old, mut keep): (Vec<Item>, Vec<Item>) = items.into_iter().partition(|i| {
            matches!(i.state, ItemState::Sent { .. }) && now - i.created_ms > KEEP_SENT_MS
        });
        for item in old {
            let _ = store::delete(Store::Outbox, &item.key).await;
        }
        keep.sort_by(|a, b| a.created_ms.total_cmp(&b.created_ms));
        outbox.items.set(keep);
        outbox.loaded.set(true);
        outbox.kick();
    });
    if let Some(w) = web_sys::window() {
        // Page-lifetime listeners, like the outbox itself.
        let on_online = Closure::<dyn Fn()>::new(move || {
            // The line is back: forget the backoff and try everything now.
            outbox
                .items
                .update(|items| items.iter_mut().for_each(|i| i.next_try_ms = 0.0));
            outbox.kick();
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
        let text = serde_json::to_string(&item).map_err(|e| store::StoreError(e.to_string()))?;
        store::put(Store::Outbox, &item.key, &text).await?;
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
        if let Ok(text) = serde_json::to_string(item) {
            // A failed write keeps the previous state on disk, which is only ever less advanced:
            // the item is sent again and the idempotency key makes that harmless.
            let _ = store::put(Store::Outbox, &item.key, &text).await;
        }
        let item = item.clone();
        self.items.update(|items| {
            if let Some(slot) = items.iter_mut().find(|i| i.key == item.key) {
                *slot = item;
            }
        });
    }

    /// Sends due items oldest first. An item waits while an older one of the same application is
    /// pending (a recording needs its verification first).
    async fn pump(self) {
        loop {
            let now = now_ms();
            let next = self.items.with_untracked(|items| {
                let mut blocked: Vec<&str> = Vec::new();
                for item in items {
                    if item.is_pending() {
                        if !blocked.contains(&item.application_id.as_str())
                            && item.next_try_ms <= now
                        {
                            return Some(item.clone());
                        }
                        blocked.push(&item.application_id);
                    }
                }
                None
            });
            let Some(mut item) = next else { return };
            item.state = ItemState::Sending;
            item.attempts += 1;
            self.save(&item).await;
            // Server texts are not shown (the UI renders codes), so the language is immaterial.
            let lang = Lang::Id;
            let result = send(&item, lang).await;
            let mut outcome = classify(result);
            if outcome == Outcome::CheckStage {
                outcome = match api::detail(&item.application_id, lang).await {
                    Ok(detail) if already_done(&item.action, detail.stage) => {
                        Outcome::Sent(detail.stage)
                    }
                    Ok(_) => Outcome::Failed(FailedReason {
                        code: Some(shared::api::ErrorCode::TransitionRefused),
                        status: 409,
                        fields: Vec::new(),
                    }),
                    Err(e) => classify(Err(e)),
                };
            }
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
                Outcome::CheckStage => unreachable!("resolved above"),
            }
            self.save(&item).await;
            if stop {
                return;
            }
        }
    }
}

/// Sends one item; the stage the server reports afterwards.
async fn send(item: &Item, lang: Lang) -> Result<Stage, ApiError> {
    let text = api::post_json(&item.path(), &item.body(), &item.key, lang).await?;
    let stage = match item.action {
        Action::Record { .. } => serde_json::from_str::<RecordingResponse>(&text).map(|r| r.stage),
        _ => serde_json::from_str::<ActionResponse>(&text).map(|r| r.stage),
    };
    stage.map_err(|_| ApiError::Unexpected { status: 200 })
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::api::{ErrorBody, ErrorCode};

    fn server(status: u16, code: ErrorCode) -> ApiError {
        ApiError::Server {
            status,
            body: ErrorBody {
                code,
                message: String::new(),
                fields: vec![],
                request_id: "r".into(),
            },
        }
    }

    #[test]
    fn validation_refusals_fail_for_good_and_outages_are_retried() {
        assert!(matches!(
            classify(Err(server(422, ErrorCode::ValidationFailed))),
            Outcome::Failed(_)
        ));
        assert!(matches!(
            classify(Err(ApiError::Network)),
            Outcome::Retry { stop: true, .. }
        ));
        assert!(matches!(
            classify(Err(server(503, ErrorCode::Unavailable))),
            Outcome::Retry { .. }
        ));
        assert!(matches!(
            classify(Err(server(429, ErrorCode::RateLimited))),
            Outcome::Retry { .. }
        ));
        assert!(matches!(
            classify(Err(server(401, ErrorCode::Unauthenticated))),
            Outcome::Retry { .. }
        ));
        assert_eq!(
            classify(Err(server(409, ErrorCode::TransitionRefused))),
            Outcome::CheckStage
        );
        assert_eq!(
            classify(Ok(Stage::SentForEnrollment)),
            Outcome::Sent(Stage::SentForEnrollment)
        );
    }

    #[test]
    fn a_verification_whose_answer_was_lost_counts_as_sent() {
        assert!(already_done(&Action::Verify, Stage::DocumentsVerified));
        assert!(already_done(&Action::Verify, Stage::SentForEnrollment));
        assert!(!already_done(&Action::Verify, Stage::PreFilled));
        assert!(already_done(
            &Action::Return { reasons: vec![] },
            Stage::Returned
        ));
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff_ms(0), 2_000.0);
        assert_eq!(backoff_ms(1), 4_000.0);
        assert_eq!(backoff_ms(30), BACKOFF_MAX_MS);
    }
}
