//! The append-only `audit_log`: every read and write of personal data by staff.

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
