//! What the outbox holds: one queued write (an [`Item`]), the [`Action`] it performs on the
//! server and where it stands. Stored as JSON on the device, so these shapes are the tablet's
//! storage format: a change must still read items written by the previous version.

use crate::api::IdempotencyKey;
use serde::{Deserialize, Serialize};
use shared::api::{BiometricSubmission, FieldError};
use shared::i18n::Lang;
use shared::lifecycle::{ReturnReason, Stage};

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
    pub key: IdempotencyKey,
    pub application_id: String,
    /// For people: which application this is.
    pub registration_code: String,
    pub full_name: String,
    pub action: Action,
    pub state: ItemState,
    pub created_ms: f64,
    pub attempts: u32,
    pub next_try_ms: f64,
    /// The last temporary problem (network, 5xx), shown while waiting. Free texts stored before
    /// it was typed read as none (except "network", already this type's name).
    #[serde(default, deserialize_with = "lenient_problem")]
    pub last_problem: Option<RetryProblem>,
}

/// Why a waiting item did not go through on its last try; the console words it in the
/// operator's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RetryProblem {
    /// No answer: offline, or the line dropped.
    Network,
    /// The session ran out; the item goes after the next sign-in.
    SignedOut,
    /// The server was busy or failing, with its code when it sent one.
    Server {
        status: u16,
        code: Option<shared::api::ErrorCode>,
    },
}

fn lenient_problem<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<RetryProblem>, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(serde_json::from_value(value).ok())
}

impl Item {
    pub fn new(
        key: IdempotencyKey,
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

    /// Still to be sent (or being sent).
    pub fn is_pending(&self) -> bool {
        matches!(self.state, ItemState::Waiting | ItemState::Sending)
    }
}

/// The device clock in milliseconds since the epoch (creation times, backoff deadlines).
pub(super) fn now_ms() -> f64 {
    js_sys::Date::now()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Items written by the version before the split (key as a plain string) still read.
    #[test]
    fn stored_items_keep_their_shape() {
        let stored = r#"{"key":"0123456789abcdef0123456789abcdef","application_id":"a1",
            "registration_code":"K7Q2","full_name":"Siti","action":"Verify","state":"Waiting",
            "created_ms":1.0,"attempts":0,"next_try_ms":0.0,"last_problem":null}"#;
        let item: Item = serde_json::from_str(stored).unwrap();
        assert_eq!(item.key.as_str(), "0123456789abcdef0123456789abcdef");
        assert_eq!(item.action, Action::Verify);
        let again: serde_json::Value = serde_json::to_value(&item).unwrap();
        assert_eq!(again["key"], "0123456789abcdef0123456789abcdef");
        // Problems stored as free text by an earlier version: "network" was already this
        // name; any other text reads as none.
        let old = |text: &str| {
            let json = stored.replace(
                r#""last_problem":null"#,
                &format!(r#""last_problem":"{text}""#),
            );
            serde_json::from_str::<Item>(&json).unwrap().last_problem
        };
        assert_eq!(old("network"), Some(RetryProblem::Network));
        assert_eq!(old("HTTP 503"), None);
        let mut typed = item.clone();
        typed.last_problem = Some(RetryProblem::Network);
        let text = serde_json::to_string(&typed).unwrap();
        assert_eq!(
            serde_json::from_str::<Item>(&text).unwrap().last_problem,
            Some(RetryProblem::Network)
        );
    }
}
