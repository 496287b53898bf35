//! The offline check of the audit chain: reads `audit_log` and `audit_chain` straight from a
//! local D1 state directory (not through the edge it checks) and walks the rows in id order with
//! `shared::audit`, the code the edge links with. Used by the `audit-verify` command and the
//! system tests.

use shared::audit::{AuditContent, ChainWalk, LinkFault, StoredLink};
use std::path::Path;

/// Rows read per query.
const PAGE: i64 = 2000;

/// What a walk found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfflineReport {
    pub linked: u64,
    pub pending: u64,
    /// The last linked row and its hash.
    pub head: Option<(i64, String)>,
    pub first_broken: Option<(i64, LinkFault)>,
}

/// Walks the chain in the D1 database under `state_dir`.
pub fn verify_state(state_dir: &Path) -> Result<OfflineReport, String> {
    let mut walk = ChainWalk::default();
    let mut after = 0i64;
    loop {
        let rows = crate::d1_file::execute(
            state_dir,
            &format!(
                "SELECT l.id, l.at, l.staff_id, l.role, l.action, l.application_id, l.client, \
                 l.request_id, l.detail_json, c.prev_hash, c.hash FROM audit_log l \
                 LEFT JOIN audit_chain c ON c.id = l.id WHERE l.id > {after} ORDER BY l.id LIMIT {PAGE}"
            ),
        )?;
        let rows = rows.as_array().cloned().unwrap_or_default();
        for row in &rows {
            let content: AuditContent =
                serde_json::from_value(row.clone()).map_err(|e| format!("row {row}: {e}"))?;
            let link: Option<StoredLink> = serde_json::from_value(row.clone()).ok();
            after = content.id;
            if let Err(fault) = walk.step(&content, link.as_ref()) {
                return Ok(report(&walk, Some((content.id, fault))));
            }
        }
        if (rows.len() as i64) < PAGE {
            return Ok(report(&walk, None));
        }
    }
}

fn report(walk: &ChainWalk, first_broken: Option<(i64, LinkFault)>) -> OfflineReport {
    OfflineReport {
        linked: walk.linked(),
        pending: walk.pending(),
        head: walk.head_id().map(|id| (id, walk.head().to_string())),
        first_broken,
    }
}
