//! The `audit_chain` table: one link per `audit_log` row (services/audit_chain.rs computes them;
//! the table's triggers accept only the next row's link on top of the last one), and the signed
//! checkpoints of the chain head, kept in the files bucket under `audit/checkpoints/`.

use super::decode::to_json;
use worker::{Bucket, D1Database, D1PreparedStatement, Result};

const CHECKPOINTS: &str = "audit/checkpoints/";

/// Appends `links` (`(id, prev_hash, hash)` in id order), leaving out any a concurrent linker
/// already wrote: links are a function of the rows, so both computed the same ones.
pub fn append(db: &D1Database, links: &[(i64, String, String)]) -> Result<D1PreparedStatement> {
    db.prepare(
        "INSERT INTO audit_chain (id, prev_hash, hash) \
         SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') \
         FROM json_each(?1) \
         WHERE json_extract(value, '$[0]') > (SELECT COALESCE(MAX(id), 0) FROM audit_chain) \
         ORDER BY key",
    )
    .bind(&[to_json(&links)?.into()])
}

#[derive(serde::Deserialize)]
pub struct Head {
    pub id: i64,
    pub hash: String,
}

/// The last link.
pub async fn head(db: &D1Database) -> Result<Option<Head>> {
    db.prepare("SELECT id, hash FROM audit_chain ORDER BY id DESC LIMIT 1")
        .first(None)
        .await
}

/// The key of the checkpoint of row `id`: zero-padded, so keys list in id order.
fn checkpoint_key(id: i64) -> String {
    format!("{CHECKPOINTS}{id:020}")
}

pub async fn put_checkpoint(bucket: &Bucket, id: i64, signed: Vec<u8>) -> Result<()> {
    super::files::put(
        bucket,
        &checkpoint_key(id),
        signed,
        "application/octet-stream",
    )
    .await
}

/// The keys of every stored checkpoint, in id order.
async fn checkpoint_keys(bucket: &Bucket) -> Result<Vec<String>> {
    let mut keys = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut list = bucket.list().prefix(CHECKPOINTS);
        if let Some(c) = cursor.take() {
            list = list.cursor(c);
        }
        let page = list.execute().await?;
        keys.extend(page.objects().iter().map(|o| o.key()));
        match page.cursor() {
            Some(c) if page.truncated() => cursor = Some(c),
            _ => return Ok(keys),
        }
    }
}

/// Every stored checkpoint's bytes, in id order.
pub async fn checkpoints(bucket: &Bucket) -> Result<Vec<Vec<u8>>> {
    let mut out = Vec::new();
    for key in checkpoint_keys(bucket).await? {
        if let Some(found) = bucket.get(&key).execute().await? {
            if let Some(body) = found.body() {
                out.push(body.bytes().await?);
            }
        }
    }
    Ok(out)
}

/// The id of the newest checkpoint, from its key.
pub async fn last_checkpoint_id(bucket: &Bucket) -> Result<Option<i64>> {
    Ok(checkpoint_keys(bucket)
        .await?
        .last()
        .and_then(|k| k.strip_prefix(CHECKPOINTS)?.parse().ok()))
}
