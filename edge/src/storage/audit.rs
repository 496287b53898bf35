//! The append-only `audit_log`: every read and write of personal data by staff, and every
//! refused request. A row is written only by [`commit`]/[`record`], which put it and its hash
//! chain link (`audit_chain`) in the same D1 batch as the change it records.

use super::audit_chain;
use serde::Deserialize;
use shared::api::AuditRowView;
use shared::audit::{link_rows, AuditContent, StoredLink};
use std::time::Duration;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, D1Result, Delay, Result};

/// One audit row as its writer describes it (its id is given at commit).
#[derive(Clone, Copy)]
pub struct AuditEntry<'a> {
    pub at: &'a str,
    pub staff_id: Option<&'a str>,
    pub role: &'a str,
    pub action: &'a str,
    pub application_id: Option<&'a str>,
    pub client: &'a str,
    pub request_id: &'a str,
    pub detail_json: Option<&'a str>,
}

impl AuditEntry<'_> {
    /// The row to commit; its id (0 here) is assigned by [`commit`].
    pub fn row(&self) -> AuditContent {
        AuditContent {
            id: 0,
            at: self.at.to_string(),
            staff_id: self.staff_id.map(str::to_string),
            role: self.role.to_string(),
            action: self.action.to_string(),
            application_id: self.application_id.map(str::to_string),
            client: self.client.to_string(),
            request_id: self.request_id.to_string(),
            detail_json: self.detail_json.map(str::to_string),
        }
    }

    /// One row per application, all alike but for the application id (this entry's is
    /// ignored): the audit side of a change to many applications at once.
    pub fn for_each(&self, application_ids: &[&str]) -> Vec<AuditContent> {
        application_ids
            .iter()
            .map(|id| {
                AuditEntry {
                    application_id: Some(id),
                    ..*self
                }
                .row()
            })
            .collect()
    }
}

/// Attempts of a batch whose chain head another request moved first.
const COMMIT_ATTEMPTS: u32 = 16;
/// The longest pause before a retry, in ms (the n-th waits a random time up to 5 * 2^n ms).
const MAX_PAUSE_MS: u32 = 200;

/// Why [`commit`] wrote nothing.
#[derive(Debug)]
pub enum CommitError {
    /// Other writers moved the chain head before every attempt: busy, retry later.
    Contended,
    /// The batch itself was refused (a guard, a constraint) or the database failed.
    Refused(worker::Error),
}

impl From<worker::Error> for CommitError {
    fn from(e: worker::Error) -> Self {
        CommitError::Refused(e)
    }
}

impl std::fmt::Display for CommitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CommitError::Contended => f.write_str("audit chain head contended, nothing written"),
            CommitError::Refused(e) => e.fmt(f),
        }
    }
}

impl From<CommitError> for worker::Error {
    fn from(e: CommitError) -> Self {
        match e {
            CommitError::Refused(e) => e,
            contended => worker::Error::RustError(contended.to_string()),
        }
    }
}

/// Writes `statements` and the audit `rows` in one D1 batch, each row with its chain link: the
/// rows get the ids after the last row, their links are computed from the chain head read just
/// before (`shared::audit::link_rows`, as the verifiers check them), and the rows and links
/// follow the caller's statements in the batch. If another request wrote a row in between, the
/// log's and the chain's triggers abort the whole batch; the head is read again and the batch
/// retried, at most [`COMMIT_ATTEMPTS`] times. A failed batch after which the log did not grow
/// was refused for its own reasons: that error is returned as is. Returns the results of
/// `statements` (not of the audit inserts).
pub async fn commit(
    db: &D1Database,
    statements: Vec<D1PreparedStatement>,
    mut rows: Vec<AuditContent>,
) -> std::result::Result<Vec<D1Result>, CommitError> {
    let mine = statements.len();
    for attempt in 0..COMMIT_ATTEMPTS {
        let head = audit_chain::linked_head(db).await?;
        for (row, id) in rows.iter_mut().zip(head.id + 1..) {
            row.id = id;
        }
        let mut batch = statements.clone();
        if !rows.is_empty() {
            batch.push(insert_rows(db, &rows)?);
            batch.push(audit_chain::append_exact(
                db,
                &link_rows(&head.hash, &rows),
            )?);
        }
        match db.batch(batch).await {
            Ok(mut results) => {
                results.truncate(mine);
                return Ok(results);
            }
            Err(e) if rows.is_empty() => return Err(CommitError::Refused(e)),
            Err(e) => {
                if audit_chain::last_row(db).await? == head.id {
                    return Err(CommitError::Refused(e));
                }
                // Spread the retries of writers that collided, so they do not collide again.
                let bound = f64::from((5u32 << attempt).min(MAX_PAUSE_MS));
                let pause_us = js_sys::Math::random() * bound * 1000.0;
                Delay::from(Duration::from_micros(pause_us as u64)).await;
            }
        }
    }
    Err(CommitError::Contended)
}

/// Writes audit rows on their own (the audit of a read or of a refusal).
pub async fn record(
    db: &D1Database,
    rows: Vec<AuditContent>,
) -> std::result::Result<(), CommitError> {
    commit(db, Vec::new(), rows).await.map(drop)
}

/// The rows with their given ids, in order, as one statement (one JSON text).
fn insert_rows(db: &D1Database, rows: &[AuditContent]) -> Result<D1PreparedStatement> {
    let json: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            serde_json::json!([
                r.id,
                r.at,
                r.staff_id,
                r.role,
                r.action,
                r.application_id,
                r.client,
                r.request_id,
                r.detail_json
            ])
        })
        .collect();
    db.prepare(
        "INSERT INTO audit_log (id, at, staff_id, role, action, application_id, client, request_id, detail_json) \
         SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), \
                json_extract(value, '$[3]'), json_extract(value, '$[4]'), json_extract(value, '$[5]'), \
                json_extract(value, '$[6]'), json_extract(value, '$[7]'), json_extract(value, '$[8]') \
         FROM json_each(?1) ORDER BY key",
    )
    .bind(&[super::decode::to_json(&json)?.into()])
}

/// Columns of a row's content, in `shared::audit::AuditContent`'s order.
const CONTENT: &str = "l.id, l.at, l.staff_id, l.role, l.action, l.application_id, l.client, l.request_id, l.detail_json";

/// An `audit_chain` row.
#[derive(Deserialize)]
struct LinkRow {
    id: i64,
    prev_hash: String,
    hash: String,
}

/// Rows after `after_id`, in id order, at most `limit`, each with its link (`None`: not linked
/// yet).
pub async fn chain_page(
    db: &D1Database,
    after_id: i64,
    limit: u32,
) -> Result<Vec<(AuditContent, Option<StoredLink>)>> {
    let rows: Vec<AuditContent> = db
        .prepare(format!(
            "SELECT {CONTENT} FROM audit_log l WHERE l.id > ?1 ORDER BY l.id LIMIT ?2"
        ))
        .bind(&[(after_id as f64).into(), limit.into()])?
        .all()
        .await?
        .results()?;
    let Some(last) = rows.last().map(|r| r.id) else {
        return Ok(Vec::new());
    };
    let links: Vec<LinkRow> = db
        .prepare(
            "SELECT id, prev_hash, hash FROM audit_chain WHERE id > ?1 AND id <= ?2 ORDER BY id",
        )
        .bind(&[(after_id as f64).into(), (last as f64).into()])?
        .all()
        .await?
        .results()?;
    let mut links: std::collections::HashMap<i64, StoredLink> = links
        .into_iter()
        .map(|l| {
            let link = StoredLink {
                prev_hash: l.prev_hash,
                hash: l.hash,
            };
            (l.id, link)
        })
        .collect();
    Ok(rows
        .into_iter()
        .map(|row| {
            let link = links.remove(&row.id);
            (row, link)
        })
        .collect())
}

/// Rows not linked yet (after the last link), in id order, at most `limit`.
pub async fn unlinked(db: &D1Database, limit: u32) -> Result<Vec<AuditContent>> {
    db.prepare(format!(
        "SELECT {CONTENT} FROM audit_log l \
         WHERE l.id > (SELECT COALESCE(MAX(id), 0) FROM audit_chain) ORDER BY l.id LIMIT ?1"
    ))
    .bind(&[limit.into()])?
    .all()
    .await?
    .results()
}

/// The viewer's filters, decoded (a person already resolved to their applications).
pub struct Filter<'a> {
    /// JSON array of application ids, or `None` for any.
    pub application_ids_json: Option<&'a str>,
    pub staff_username: Option<&'a str>,
    pub action: Option<&'a str>,
    pub district_code: Option<&'a str>,
    /// ISO UTC bounds: `at >= from`, `at < to`.
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub before_id: Option<i64>,
}

/// Columns of the viewer's row (`shared::api::AuditRowView`).
const VIEW: &str =
    "l.id, l.at, s.username AS staff_username, s.display_name AS staff_name, l.role, \
     l.action, a.registration_code, a.district_code, l.client, l.request_id, l.detail_json \
     FROM audit_log l LEFT JOIN staff s ON s.id = l.staff_id \
     LEFT JOIN applications a ON a.id = l.application_id";

/// One page of rows matching `f`, newest first (by id), at most `limit`.
pub async fn search(db: &D1Database, f: &Filter<'_>, limit: u32) -> Result<Vec<AuditRowView>> {
    let opt = |v: Option<&str>| v.map(JsValue::from).unwrap_or(JsValue::NULL);
    let row: [JsValue; 8] = [
        opt(f.application_ids_json),
        opt(f.staff_username),
        opt(f.action),
        opt(f.district_code),
        opt(f.from),
        opt(f.to),
        f.before_id
            .map(|id| JsValue::from(id as f64))
            .unwrap_or(JsValue::NULL),
        limit.into(),
    ];
    db.prepare(format!(
        "SELECT {VIEW} WHERE (?1 IS NULL OR l.application_id IN (SELECT value FROM json_each(?1))) \
         AND (?2 IS NULL OR s.username = ?2) AND (?3 IS NULL OR l.action = ?3) \
         AND (?4 IS NULL OR a.district_code = ?4) AND (?5 IS NULL OR l.at >= ?5) \
         AND (?6 IS NULL OR l.at < ?6) AND (?7 IS NULL OR l.id < ?7) \
         ORDER BY l.id DESC LIMIT ?8"
    ))
    .bind(&row)?
    .all()
    .await?
    .results()
}

/// Every row about any of these applications, oldest first.
pub async fn for_applications(
    db: &D1Database,
    application_ids: &[&str],
) -> Result<Vec<AuditRowView>> {
    db.prepare(format!(
        "SELECT {VIEW} WHERE l.application_id IN (SELECT value FROM json_each(?1)) ORDER BY l.id"
    ))
    .bind(&[super::decode::to_json(&application_ids)?.into()])?
    .all()
    .await?
    .results()
}
