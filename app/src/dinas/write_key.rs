//! The idempotency key of a console form's write: kept across tries that got no answer (so a
//! retry after a dropped line is applied once), replaced once the server has answered.

use crate::api::{ApiError, IdempotencyKey};
use leptos::prelude::*;

/// One form's key.
#[derive(Clone, Copy)]
pub struct WriteKey(StoredValue<Option<IdempotencyKey>>);

impl WriteKey {
    pub fn new() -> WriteKey {
        WriteKey(StoredValue::new(None))
    }

    /// The key for the next try: the unanswered one, or a fresh one (`None`: no CSPRNG).
    pub fn get(self) -> Option<IdempotencyKey> {
        if self.0.with_value(Option::is_none) {
            self.0.set_value(IdempotencyKey::random());
        }
        self.0.get_value()
    }

    /// After a try: a network failure keeps the key for the retry; an answer ends it.
    pub fn settle<T>(self, result: &Result<T, ApiError>) {
        if !matches!(result, Err(ApiError::Network)) {
            self.0.set_value(None);
        }
    }
}

impl Default for WriteKey {
    fn default() -> WriteKey {
        WriteKey::new()
    }
}
