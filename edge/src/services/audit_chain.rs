//! The audit log's hash chain: walking it, signed checkpoints of its head, and what a write
//! that lost the race for the head answers.
//!
//! Design (ARCHITECTURE.md, "Audit chain"). Every audit row and its link are written in the SAME
//! D1 batch as the change they record, by `storage::audit::commit` (or `record` for a row on
//! its own): it reads the chain head, gives the rows the next ids, computes their links with
//! `shared::audit::link_rows` (SQLite has no SHA-256; the offline `audit-verify` checks with
//! the same code) and appends both after the caller's statements. The triggers of migration
//! 0010 refuse a row id at or below the last one and a link that is not on top of the head, so
//! when another request wrote a row in between, the whole batch aborts, nothing of it written,
//! and `commit` reads the head again and retries (a few times, then 503 `unavailable`). So no
//! change commits without its row, and no row without its link. Rows left unlinked by the
//! code before this (links used to be appended after the request) are linked by the next
//! write or checkpoint (`storage::audit_chain::link_unlinked`); the verifier reports any row
//! without a link it meets as pending, after the last link.
//!
//! A signed checkpoint of the head, kept in R2, is what fixes history against whoever can write
//! the database directly (they could recompute every hash after it).

use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::certificates;
use crate::storage::audit::CommitError;
use crate::storage::{audit, audit_chain};
use shared::api::{BrokenLink, ChainReport, ErrorCode};
use shared::audit::{ChainWalk, Checkpoint, LinkFault};
use std::collections::BTreeMap;
use worker::Env;

/// Rows read per page while walking.
const WALK_PAGE: u32 = 1000;

/// A batch that kept losing the race for the chain head is 503 `unavailable` (retry later;
/// nothing was written, so a retry is safe, with or without an idempotency key).
impl From<CommitError> for ApiError {
    fn from(e: CommitError) -> Self {
        match e {
            CommitError::Contended => ApiError::Code(ErrorCode::Unavailable),
            CommitError::Refused(e) => e.into(),
        }
    }
}

/// Signs the chain head (linking any legacy unlinked rows first) and stores it in R2 unless the
/// newest checkpoint already names it. Run by the cron trigger.
pub async fn checkpoint(ctx: &RequestContext) -> ApiResult<Option<i64>> {
    let db = ctx.env.d1(bindings::DB)?;
    let head = audit_chain::linked_head(&db).await?;
    if head.id == 0 {
        return Ok(None);
    }
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
