//! The `idempotency_keys` table: the first answer to each staff write's client key.

use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Result};

/// Where a key lives and what it was sent with.
pub struct KeyScope<'a> {
    pub staff_id: &'a str,
    pub subject: &'a str,
    pub key_hash: &'a str,
    pub request_hash: &'a str,
}

#[derive(Debug, Deserialize)]
pub struct StoredKey {
    pub request_hash: String,
    /// `None` while the write is under way (a recording between its two batches).
    pub status: Option<u16>,
    pub response: Option<String>,
}

pub async fn find(db: &D1Database, k: &KeyScope<'_>) -> Result<Option<StoredKey>> {
    db.prepare(
        "SELECT request_hash, status, response FROM idempotency_keys \
         WHERE staff_id = ?1 AND subject = ?2 AND key_hash = ?3",
    )
    .bind(&[k.staff_id.into(), k.subject.into(), k.key_hash.into()])?
    .first(None)
    .await
}

/// Marks a multi-step write as begun (no answer yet); nothing if the key is already there.
pub fn begin(db: &D1Database, k: &KeyScope<'_>, now: &str) -> Result<D1PreparedStatement> {
    db.prepare(
        "INSERT INTO idempotency_keys (staff_id, subject, key_hash, request_hash, status, response, created_at) \
         VALUES (?1, ?2, ?3, ?4, NULL, NULL, ?5) ON CONFLICT DO NOTHING",
    )
    .bind(&[
        k.staff_id.into(),
        k.subject.into(),
        k.key_hash.into(),
        k.request_hash.into(),
        now.into(),
    ])
}

/// Stores the answer. A begun row of the same request gets it; an answered one keeps its first.
pub fn answer(
    db: &D1Database,
    k: &KeyScope<'_>,
    status: u16,
    response: &str,
    now: &str,
) -> Result<D1PreparedStatement> {
    db.prepare(
        "INSERT INTO idempotency_keys (staff_id, subject, key_hash, request_hash, status, response, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
         ON CONFLICT (staff_id, subject, key_hash) DO UPDATE SET status = excluded.status, response = excluded.response \
         WHERE idempotency_keys.request_hash = excluded.request_hash AND idempotency_keys.status IS NULL",
    )
    .bind(&[
        k.staff_id.into(),
        k.subject.into(),
        k.key_hash.into(),
        k.request_hash.into(),
        JsValue::from(status),
        response.into(),
        now.into(),
    ])
}
