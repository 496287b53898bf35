//! The audit log's hash chain: linking rows, walking the chain, signed checkpoints.
//!
//! Design (ARCHITECTURE.md, "Audit chain"). Every audit row is inserted in the SAME D1 batch as
//! the change it records, by the unchanged `storage::audit::insert`/`insert_for_each`, so a
//! change never commits without its row. SQLite has no SHA-256, so the row's link (its hash over
//! the previous link and its content, `shared::audit::link_hash`) is computed here and appended
//! to `audit_chain` right after: by the router at the end of every request that may have written
//! a row, and by the cron before each checkpoint. Linking reads the unlinked rows in id order
//! (D1 commits batches one at a time, so ids are gapless and final when read) and writes their
//! links in one statement; the table's trigger accepts only the next row's link on top of the
//! last one, so the chain stays linear, and two concurrent linkers compute the same links (a
//! pure function of the rows), the later one's being left out.
//!
//! Why not hash inside the change's batch: that needs the chain head read before the batch, a
//! guard on it and a retry of the caller's whole batch on every concurrent write (every staff
//! request writes a row), and every call site changed. It would not be stronger: whoever can
//! write the database directly can recompute every hash after the last signed checkpoint either
//! way; what fixes history is the checkpoint signed with the regency key and kept in R2, and a
//! row is linked milliseconds after its batch, long before the next checkpoint.

use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::certificates;
use crate::storage::{audit, audit_chain};
use shared::api::{BrokenLink, ChainReport};
use shared::audit::{link_rows, ChainWalk, Checkpoint, LinkFault, GENESIS};
use std::collections::BTreeMap;
use worker::{D1Database, Env};

/// Rows linked per statement (a JSON text of ~150 bytes a row).
const LINK_BATCH: u32 = 500;
/// Rows read per page while walking.
const WALK_PAGE: u32 = 1000;
/// Rounds of [`LINK_BATCH`] one call links at most (a backlog beyond is left to the next).
const LINK_ROUNDS: usize = 200;

/// Links every unlinked row. Returns how many this call linked.
pub async fn link_pending(db: &D1Database) -> worker::Result<usize> {
    let mut linked = 0;
    for _ in 0..LINK_ROUNDS {
        let rows = audit::unlinked(db, LINK_BATCH).await?;
        if rows.is_empty() {
            return Ok(linked);
        }
        let head = audit_chain::head(db).await?;
        // The head read after the rows: if another linker moved it past them, they are done.
        let prev = match head {
            Some(h) if h.id >= rows[0].id => continue,
            Some(h) => h.hash,
            None => GENESIS.to_string(),
        };
        let links = link_rows(&prev, &rows);
        audit_chain::append(db, &links)?.run().await?;
        linked += links.len();
        if rows.len() < LINK_BATCH as usize {
            return Ok(linked);
        }
    }
    Ok(linked)
}

/// Links the rows this request wrote (and any left by others). A failure is logged: the rows
/// are written and the next request or checkpoint links them.
pub async fn link_after_request(ctx: &RequestContext) {
    let linked = async { link_pending(&ctx.env.d1(bindings::DB)?).await };
    if let Err(e) = linked.await {
        worker::console_error!("request {}: audit rows not linked yet: {e}", ctx.request_id);
    }
}

/// Links what is pending, then signs the head and stores it in R2 unless the newest checkpoint
/// already names it. Run by the cron trigger.
pub async fn checkpoint(ctx: &RequestContext) -> ApiResult<Option<i64>> {
    let db = ctx.env.d1(bindings::DB)?;
    link_pending(&db).await?;
    let Some(head) = audit_chain::head(&db).await? else {
        return Ok(None);
    };
    let bucket = ctx.env.bucket(bindings::FILES)?;
    if audit_chain::last_checkpoint_id(&bucket).await? >= Some(head.id) {
        return Ok(None);
    }
    let key = certificates::signing_key(ctx)?;
    let signed = Checkpoint {
        id: head.id,
        hash: head.hash,
        made_at: ctx.now.clone(),
    }
    .sign(&key.signer)
    .ok_or_else(|| ApiError::Internal("stored chain hash is not 64 hex digits".into()))?;
    audit_chain::put_checkpoint(&bucket, head.id, signed).await?;
    Ok(Some(head.id))
}

/// Walks the whole chain from its first row and checks every signed checkpoint against it.
pub async fn verify(ctx: &RequestContext) -> ApiResult<ChainReport> {
    let db = ctx.env.d1(bindings::DB)?;
    link_pending(&db).await?;
    let ring = certificates::public_ring(ctx)?;
    let bucket = ctx.env.bucket(bindings::FILES)?;
    // Checkpoints by row id; one that does not open with the ring is itself a broken link.
    let mut expected: BTreeMap<i64, String> = BTreeMap::new();
    let stored = audit_chain::checkpoints(&bucket).await?;
    let count = stored.len() as u64;
    for bytes in stored {
        if let Ok(cp) = Checkpoint::open(&ring, &bytes) {
            expected.insert(cp.id, cp.hash);
        }
    }
    let last_checkpoint_id = expected.keys().next_back().copied();
    let bad_checkpoint = (expected.len() as u64) < count;
    let mut walk = ChainWalk::default();
    let mut broken = None;
    let mut after = 0;
    'pages: loop {
        let page = audit::chain_page(&db, after, WALK_PAGE).await?;
        let full = page.len() == WALK_PAGE as usize;
        for (content, link) in page {
            let id = content.id;
            after = id;
            let fault = match walk.step(&content, link.as_ref()) {
                Err(fault) => Some(fault),
                Ok(()) => match expected.remove(&id) {
                    Some(want) if link.map(|l| l.hash).as_ref() != Some(&want) => {
                        Some(LinkFault::CheckpointMismatch)
                    }
                    _ => None,
                },
            };
            if let Some(fault) = fault {
                broken = Some(BrokenLink { id, fault });
                break 'pages;
            }
        }
        if !full {
            break;
        }
    }
    // A checkpoint of a row that is no longer there (rows cut off the end), or one that did not
    // open (forged or of an unknown key): the chain cannot be vouched for from there.
    if broken.is_none() {
        if let Some((&id, _)) = expected.iter().next() {
            broken = Some(BrokenLink {
                id,
                fault: LinkFault::CheckpointMismatch,
            });
        } else if bad_checkpoint {
            broken = Some(BrokenLink {
                id: walk.last_id().unwrap_or(0),
                fault: LinkFault::CheckpointMismatch,
            });
        }
    }
    let linked = walk.linked();
    Ok(ChainReport {
        rows: linked + walk.pending(),
        linked,
        pending: walk.pending(),
        head_id: walk.head_id(),
        head_hash: (linked > 0).then(|| walk.head().to_string()),
        checkpoints: count,
        last_checkpoint_id,
        first_broken: broken,
    })
}

/// The scheduled event: a checkpoint of the chain head. Failures go to the log; the next run
/// tries again.
pub async fn scheduled(env: Env) {
    // A context without a request: the checkpoint writes no audit row, it needs the clock and keys.
    let ctx = RequestContext::for_queue(env);
    match checkpoint(&ctx).await {
        Ok(Some(id)) => worker::console_log!("audit checkpoint at row {id}"),
        Ok(None) => {}
        Err(ApiError::Internal(detail)) => worker::console_error!("audit checkpoint: {detail}"),
        Err(_) => worker::console_error!("audit checkpoint refused"),
    }
}
