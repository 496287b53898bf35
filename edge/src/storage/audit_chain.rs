//! The `audit_chain` table: one link per `audit_log` row, written in the row's own batch by
//! `audit::commit` (the table's triggers accept only the next row's link on top of the last
//! one), and the signed checkpoints of the chain head, kept in the files bucket under
//! `audit/checkpoints/`.

use super::decode::to_json;
use shared::audit::{link_rows, GENESIS};
use worker::{Bucket, D1Database, D1PreparedStatement, Result};

const CHECKPOINTS: &str = "audit/checkpoints/";

/// Rows linked per statement by [`link_unlinked`].
const LINK_BATCH: u32 = 500;
/// Rounds of reading the head and repairing before [`linked_head`] gives up.
const REPAIR_ROUNDS: usize = 3;

/// Appends `links` (`(id, prev_hash, hash)` in id order), every one of them: if any is not the
/// next link on top of the last, the trigger aborts the statement and its whole batch.
pub fn append_exact(
    db: &D1Database,
    links: &[(i64, String, String)],
) -> Result<D1PreparedStatement> {
    db.prepare(
        "INSERT INTO audit_chain (id, prev_hash, hash) \
         SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') \
         FROM json_each(?1) ORDER BY key",
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

/// The id of the last `audit_log` row (0 for none).
pub async fn last_row(db: &D1Database) -> Result<i64> {
    let last: Option<i64> = db
        .prepare("SELECT COALESCE(MAX(id), 0) AS id FROM audit_log")
        .first(Some("id"))
        .await?;
    Ok(last.unwrap_or(0))
}

/// The last row and the last link, read in one statement (ids 0 and [`GENESIS`] when empty).
#[derive(serde::Deserialize)]
struct Ends {
    last_row: i64,
    id: i64,
    hash: String,
}

/// The head of a chain that links every row. Rows without a link (written before links were
/// made in each row's batch) are linked first.
pub async fn linked_head(db: &D1Database) -> Result<Head> {
    for _ in 0..REPAIR_ROUNDS {
        let ends: Ends = db
            .prepare(
                "SELECT (SELECT COALESCE(MAX(id), 0) FROM audit_log) AS last_row, \
                        COALESCE((SELECT MAX(id) FROM audit_chain), 0) AS id, \
                        COALESCE((SELECT hash FROM audit_chain ORDER BY id DESC LIMIT 1), ?1) AS hash",
            )
            .bind(&[GENESIS.into()])?
            .first(None)
            .await?
            .ok_or_else(|| worker::Error::RustError("chain head: no row".into()))?;
        if ends.last_row == ends.id {
            return Ok(Head {
                id: ends.id,
                hash: ends.hash,
            });
        }
        let linked = link_unlinked(db).await?;
        worker::console_warn!("audit chain: linked {linked} rows written without a link");
    }
    Err(worker::Error::RustError(
        "audit chain: rows still unlinked after repair".into(),
    ))
}

/// The repair of rows written without a link (by the code before links were written in each
/// row's batch): links them in id order on top of the head. A concurrent repairer computes the
/// same links (a pure function of the rows); the later one's statement is refused by the
/// trigger and it reads again. Returns how many this call linked.
pub async fn link_unlinked(db: &D1Database) -> Result<usize> {
    let mut linked = 0;
    for _ in 0..REPAIR_ROUNDS * 100 {
        let rows = super::audit::unlinked(db, LINK_BATCH).await?;
        let Some(first) = rows.first().map(|r| r.id) else {
            return Ok(linked);
        };
        let head = head(db).await?;
        let prev = match &head {
            Some(h) if h.id >= first => continue,
            Some(h) => h.hash.clone(),
            None => GENESIS.to_string(),
        };
        let links = link_rows(&prev, &rows);
        match append_exact(db, &links)?.run().await {
            Ok(_) => linked += links.len(),
            // Refused while nobody else linked: not a race, a fault.
            Err(e) if self::head(db).await?.map(|h| h.id) == head.map(|h| h.id) => return Err(e),
            Err(_) => {}
        }
    }
    Ok(linked)
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
    super::files::keys(bucket, CHECKPOINTS).await
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
