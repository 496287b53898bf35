//! The append-only `audit_log`: every read and write of personal data by staff, and every
//! refused request. Rows are linked into a hash chain by `audit_chain` (services/audit_chain.rs).

use serde::Deserialize;
use shared::api::AuditRowView;
use shared::audit::{AuditContent, StoredLink};
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Result};

/// `application_id` is ignored by [`insert_for_each`], which names each application itself.
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

/// The insert statement, so writes can put it in the same batch as the change they record.
pub fn insert(db: &D1Database, e: &AuditEntry<'_>) -> Result<D1PreparedStatement> {
    let opt = |v: Option<&str>| v.map(JsValue::from).unwrap_or(JsValue::NULL);
    let row: [JsValue; 8] = [
        e.at.into(),
        opt(e.staff_id),
        e.role.into(),
        e.action.into(),
        opt(e.application_id),
        e.client.into(),
        e.request_id.into(),
        opt(e.detail_json),
    ];
    db.prepare(
        "INSERT INTO audit_log (at, staff_id, role, action, application_id, client, request_id, detail_json) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )
    .bind(&row)
}

/// One entry per application, all alike but for the application id: the audit side of a
/// transition that moves many applications at once. One statement, the ids as one JSON text.
pub fn insert_for_each(
    db: &D1Database,
    e: &AuditEntry<'_>,
    application_ids: &[&str],
) -> Result<D1PreparedStatement> {
    let opt = |v: Option<&str>| v.map(JsValue::from).unwrap_or(JsValue::NULL);
    let row: [JsValue; 8] = [
        e.at.into(),
        opt(e.staff_id),
        e.role.into(),
        e.action.into(),
        e.client.into(),
        e.request_id.into(),
        opt(e.detail_json),
        super::decode::to_json(&application_ids)?.into(),
    ];
    db.prepare(
        "INSERT INTO audit_log (at, staff_id, role, action, application_id, client, request_id, detail_json) \
         SELECT ?1, ?2, ?3, ?4, value, ?5, ?6, ?7 FROM json_each(?8) ORDER BY key",
    )
    .bind(&row)
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
