//! Server-side idempotency of staff writes. The client's `Idempotency-Key` header (the tablet's
//! outbox sends one per item) is stored with a SHA-256 of the request (method, path, body) and
//! the answer, in the same D1 batch as the change: a replay gets the first answer (same status
//! and body) and changes nothing more; another request under the same key is refused (409
//! `idempotency_key_reused`) and stores nothing. Keys are scoped by staff member and subject (the
//! application), so one client's key never touches another's.
//!
//! Only answers of writes that changed something are stored: a refused request wrote nothing,
//! and its retry is judged afresh. A write without the header is accepted without replay
//! protection (the outbox always sends one; scripts and direct calls may not), as before.
//!
//! New writes reuse the pattern: build an [`IdempotencyKey`] in the handler, ask [`prior`] before
//! deciding, push [`answer_statement`] into the write's batch (or [`begin_statement`] then
//! [`answer_statement`] for a write done in two batches, like a recording).

use super::random;
use crate::http::{ApiError, ApiResult};
use crate::services::auth::Principal;
use crate::storage::idempotency_keys::{self, KeyScope};
use sha2::{Digest, Sha256};
use shared::api::ErrorCode;
use shared::validation::is_idempotency_key;
use worker::{D1Database, D1PreparedStatement, Request};

/// A client key, scoped and bound to the request it came with.
pub struct IdempotencyKey {
    staff_id: String,
    subject: String,
    key_hash: String,
    request_hash: String,
}

impl IdempotencyKey {
    /// The key of `req` (sent by `who` about `subject`), or `None` when the header is absent.
    /// A malformed key is a malformed request.
    pub fn of(
        req: &Request,
        body: &[u8],
        who: &Principal,
        subject: &str,
    ) -> ApiResult<Option<IdempotencyKey>> {
        let Some(key) = req.headers().get("idempotency-key")? else {
            return Ok(None);
        };
        if !is_idempotency_key(&key) {
            return Err(ApiError::MALFORMED);
        }
        let mut request = Sha256::new();
        for part in [req.method().as_ref().as_bytes(), req.path().as_bytes()] {
            request.update(part);
            request.update([0]);
        }
        request.update(body);
        Ok(Some(IdempotencyKey {
            staff_id: who.id.clone(),
            subject: subject.to_string(),
            key_hash: random::to_hex(&Sha256::digest(key.as_bytes())),
            request_hash: random::to_hex(&request.finalize()),
        }))
    }

    fn scope(&self) -> KeyScope<'_> {
        KeyScope {
            staff_id: &self.staff_id,
            subject: &self.subject,
            key_hash: &self.key_hash,
            request_hash: &self.request_hash,
        }
    }
}

/// An answer as stored and replayed: HTTP status and JSON body.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub body: String,
}

impl Answer {
    pub fn ok<T: serde::Serialize>(body: &T) -> ApiResult<Answer> {
        Ok(Answer {
            status: 200,
            body: serde_json::to_string(body).map_err(|e| ApiError::Internal(e.to_string()))?,
        })
    }
}

/// What an earlier request under the key did.
pub enum Prior {
    /// Nothing: no key, or a key not seen before.
    New,
    /// A two-batch write of this same request stopped half-way: finish it.
    Begun,
    /// Answered: replay this.
    Answered(Answer),
}

/// Looks the key up; another request under the same key is 409 `idempotency_key_reused`.
pub async fn prior(db: &D1Database, key: Option<&IdempotencyKey>) -> ApiResult<Prior> {
    let Some(key) = key else {
        return Ok(Prior::New);
    };
    let Some(stored) = idempotency_keys::find(db, &key.scope()).await? else {
        return Ok(Prior::New);
    };
    if stored.request_hash != key.request_hash {
        return Err(ApiError::Code(ErrorCode::IdempotencyKeyReused));
    }
    Ok(match (stored.status, stored.response) {
        (Some(status), Some(body)) => Prior::Answered(Answer { status, body }),
        _ => Prior::Begun,
    })
}

/// After a failed batch: the answer a concurrent request under the same key stored meanwhile,
/// if one did (then the failure was only that request winning the race).
pub async fn replay_after_failure(
    db: &D1Database,
    key: Option<&IdempotencyKey>,
    failure: ApiError,
) -> ApiResult<Answer> {
    if key.is_some() {
        if let Prior::Answered(answer) = prior(db, key).await? {
            return Ok(answer);
        }
    }
    Err(failure)
}

/// The statement storing `answer` under the key, for the batch of the change it answers.
pub fn answer_statement(
    db: &D1Database,
    key: &IdempotencyKey,
    answer: &Answer,
    now: &str,
) -> ApiResult<D1PreparedStatement> {
    Ok(idempotency_keys::answer(
        db,
        &key.scope(),
        answer.status,
        &answer.body,
        now,
    )?)
}

/// The statement marking a two-batch write as begun, for its first batch.
pub fn begin_statement(
    db: &D1Database,
    key: &IdempotencyKey,
    now: &str,
) -> ApiResult<D1PreparedStatement> {
    Ok(idempotency_keys::begin(db, &key.scope(), now)?)
}
