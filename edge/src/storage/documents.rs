//! The `documents` table: an index of each application's files in R2 (kinds decoded here).

use shared::api::AttachmentKind;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Result};

pub struct NewDocument<'a> {
    pub application_id: &'a str,
    pub kind: AttachmentKind,
    pub r2_key: &'a str,
    pub content_type: &'a str,
    pub bytes: usize,
    pub sha256: &'a str,
}

pub fn insert(db: &D1Database, d: &NewDocument<'_>) -> Result<D1PreparedStatement> {
    let row: [JsValue; 6] = [
        d.application_id.into(),
        d.kind.as_str().into(),
        d.r2_key.into(),
        d.content_type.into(),
        (d.bytes as f64).into(),
        d.sha256.into(),
    ];
    db.prepare(
        "INSERT INTO documents (application_id, kind, r2_key, content_type, bytes, sha256) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )
    .bind(&row)
}

#[derive(Debug, serde::Deserialize)]
pub struct DocumentRow {
    pub kind: AttachmentKind,
    pub r2_key: String,
    pub content_type: String,
    pub bytes: u64,
}

pub async fn list(db: &D1Database, application_id: &str) -> Result<Vec<DocumentRow>> {
    db.prepare("SELECT kind, r2_key, content_type, bytes FROM documents WHERE application_id = ?1 ORDER BY kind")
        .bind(&[application_id.into()])?
        .all()
        .await?
        .results()
}
