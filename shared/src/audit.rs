//! The audit log's hash chain: how a row is linked to the one before, how a walk over the rows in
//! id order finds the first broken link, and the body of a signed checkpoint of the chain head.
//! Pure: the edge links and verifies with it, and so does the offline `audit-verify` command.

use crate::signed::{DocumentKind, KeyRing, OpenError, Signer};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The link before the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One audit row's content, every column, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct AuditContent {
    pub id: i64,
    pub at: String,
    pub staff_id: Option<String>,
    pub role: String,
    pub action: String,
    pub application_id: Option<String>,
    pub client: String,
    pub request_id: String,
    pub detail_json: Option<String>,
}

/// `hex(SHA-256(prev_hash ‖ content))`. Each field is length-prefixed (and an absent one marked
/// apart from an empty one), so no two different rows encode alike.
pub fn link_hash(prev_hash: &str, row: &AuditContent) -> String {
    let mut h = Sha256::new();
    h.update(b"rekam-audit-v1\n");
    h.update(prev_hash.as_bytes());
    h.update(row.id.to_be_bytes());
    let fields = [
        Some(row.at.as_str()),
        row.staff_id.as_deref(),
        Some(row.role.as_str()),
        Some(row.action.as_str()),
        row.application_id.as_deref(),
        Some(row.client.as_str()),
        Some(row.request_id.as_str()),
        row.detail_json.as_deref(),
    ];
    for field in fields {
        match field {
            None => h.update([0u8]),
            Some(text) => {
                h.update([1u8]);
                h.update((text.len() as u64).to_be_bytes());
                h.update(text.as_bytes());
            }
        }
    }
    to_hex(&h.finalize())
}

/// Lower-case hex.
fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn from_hex_32(text: &str) -> Option<[u8; 32]> {
    if text.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (b, pair) in out.iter_mut().zip(text.as_bytes().chunks_exact(2)) {
        *b = u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok()?;
    }
    Some(out)
}

/// A row's stored link, as read beside its content (`None`: not linked yet).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct StoredLink {
    pub prev_hash: String,
    pub hash: String,
}

/// Why a link is broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkFault {
    /// The row's content does not give its stored hash: the row (or its hash) was altered.
    ContentAltered,
    /// The stored previous hash is not the link before: a row was removed, inserted or reordered.
    ChainBroken,
    /// A linked row follows an unlinked one.
    LinkMissing,
    /// A signed checkpoint names another hash for this row, or its row is gone.
    CheckpointMismatch,
}

/// A walk over the rows in id order.
#[derive(Debug, Clone)]
pub struct ChainWalk {
    prev: String,
    /// The id of the last row walked, and of the last linked one.
    last_id: Option<i64>,
    head_id: Option<i64>,
    linked: u64,
    pending: u64,
}

impl Default for ChainWalk {
    fn default() -> Self {
        ChainWalk {
            prev: GENESIS.to_string(),
            last_id: None,
            head_id: None,
            linked: 0,
            pending: 0,
        }
    }
}

impl ChainWalk {
    /// Checks the next row. Unlinked rows are allowed only at the end (written, not yet linked).
    pub fn step(&mut self, row: &AuditContent, link: Option<&StoredLink>) -> Result<(), LinkFault> {
        self.last_id = Some(row.id);
        let Some(link) = link else {
            self.pending += 1;
            return Ok(());
        };
        if self.pending > 0 {
            return Err(LinkFault::LinkMissing);
        }
        if link.prev_hash != self.prev {
            return Err(LinkFault::ChainBroken);
        }
        if link_hash(&link.prev_hash, row) != link.hash {
            return Err(LinkFault::ContentAltered);
        }
        self.prev = link.hash.clone();
        self.head_id = Some(row.id);
        self.linked += 1;
        Ok(())
    }

    /// The hash of the last linked row (the head), or [`GENESIS`].
    pub fn head(&self) -> &str {
        &self.prev
    }

    pub fn linked(&self) -> u64 {
        self.linked
    }

    pub fn pending(&self) -> u64 {
        self.pending
    }

    pub fn last_id(&self) -> Option<i64> {
        self.last_id
    }

    pub fn head_id(&self) -> Option<i64> {
        self.head_id
    }
}

/// Links for `rows` (in id order, all unlinked), on top of `prev` (the head's hash or
/// [`GENESIS`]): `(id, prev_hash, hash)` each.
pub fn link_rows(prev: &str, rows: &[AuditContent]) -> Vec<(i64, String, String)> {
    let mut prev = prev.to_string();
    rows.iter()
        .map(|row| {
            let hash = link_hash(&prev, row);
            (row.id, std::mem::replace(&mut prev, hash.clone()), hash)
        })
        .collect()
}

/// Version of a checkpoint's body (its first byte).
pub const CHECKPOINT_VERSION: u8 = 1;

/// A signed statement "the chain's row `id` has link `hash`", made at `made_at` (ISO UTC).
///
/// Body layout, version 1: version (1 byte), row id (8 bytes, big-endian), hash (32 bytes), then
/// the ISO time it was made as UTF-8 to the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    pub id: i64,
    pub hash: String,
    pub made_at: String,
}

/// Why a stored checkpoint is not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckpointError {
    Malformed,
    Signature(OpenError),
}

impl Checkpoint {
    /// The signed envelope. `None` if `hash` is not 64 hex digits.
    pub fn sign(&self, signer: &Signer) -> Option<Vec<u8>> {
        let mut body = vec![CHECKPOINT_VERSION];
        body.extend_from_slice(&self.id.to_be_bytes());
        body.extend_from_slice(&from_hex_32(&self.hash)?);
        body.extend_from_slice(self.made_at.as_bytes());
        Some(signer.seal(DocumentKind::AuditCheckpoint, &body))
    }

    /// Opens a signed checkpoint with a key of `ring`.
    pub fn open(ring: &KeyRing, bytes: &[u8]) -> Result<Checkpoint, CheckpointError> {
        let opened = ring
            .open(DocumentKind::AuditCheckpoint, bytes)
            .map_err(CheckpointError::Signature)?;
        let body = opened.body;
        if body.len() < 41 || body[0] != CHECKPOINT_VERSION {
            return Err(CheckpointError::Malformed);
        }
        let id = i64::from_be_bytes(
            body[1..9]
                .try_into()
                .map_err(|_| CheckpointError::Malformed)?,
        );
        let made_at = std::str::from_utf8(&body[41..])
            .map_err(|_| CheckpointError::Malformed)?
            .to_string();
        Ok(Checkpoint {
            id,
            hash: to_hex(&body[9..41]),
            made_at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signed::{KeyId, KeyRole};

    fn row(id: i64, action: &str) -> AuditContent {
        AuditContent {
            id,
            at: "2026-12-07T10:00:00.000Z".into(),
            staff_id: Some("staff-dinas-supervisor".into()),
            role: "dinas_supervisor".into(),
            action: action.into(),
            application_id: None,
            client: "local".into(),
            request_id: format!("r{id}"),
            detail_json: None,
        }
    }

    fn walk(
        rows: &[AuditContent],
        links: &[Option<StoredLink>],
    ) -> Result<ChainWalk, (i64, LinkFault)> {
        let mut w = ChainWalk::default();
        for (r, l) in rows.iter().zip(links) {
            w.step(r, l.as_ref()).map_err(|f| (r.id, f))?;
        }
        Ok(w)
    }

    fn linked(rows: &[AuditContent]) -> Vec<Option<StoredLink>> {
        link_rows(GENESIS, rows)
            .into_iter()
            .map(|(_, prev_hash, hash)| Some(StoredLink { prev_hash, hash }))
            .collect()
    }

    #[test]
    fn a_linked_chain_verifies_and_pending_rows_may_only_trail() {
        let rows: Vec<_> = (1..=5).map(|i| row(i, "application.read")).collect();
        let mut links = linked(&rows);
        let w = walk(&rows, &links).unwrap();
        assert_eq!((w.linked(), w.pending(), w.last_id()), (5, 0, Some(5)));
        assert_eq!(w.head(), links[4].as_ref().unwrap().hash);
        links[4] = None;
        assert_eq!(walk(&rows, &links).unwrap().pending(), 1);
        links[2] = None;
        assert_eq!(
            walk(&rows, &links).unwrap_err(),
            (4, LinkFault::LinkMissing)
        );
    }

    #[test]
    fn an_altered_row_is_found_at_its_own_link() {
        let mut rows: Vec<_> = (1..=4).map(|i| row(i, "application.read")).collect();
        let links = linked(&rows);
        rows[2].action = "application.verify".into();
        assert_eq!(
            walk(&rows, &links).unwrap_err(),
            (3, LinkFault::ContentAltered)
        );
        // NULL and empty are different contents.
        let mut rows: Vec<_> = (1..=2).map(|i| row(i, "x")).collect();
        let links = linked(&rows);
        rows[1].detail_json = Some(String::new());
        assert_eq!(
            walk(&rows, &links).unwrap_err(),
            (2, LinkFault::ContentAltered)
        );
    }

    #[test]
    fn a_removed_row_breaks_the_next_link() {
        let mut rows: Vec<_> = (1..=4).map(|i| row(i, "application.read")).collect();
        let mut links = linked(&rows);
        rows.remove(1);
        links.remove(1);
        assert_eq!(
            walk(&rows, &links).unwrap_err(),
            (3, LinkFault::ChainBroken)
        );
    }

    #[test]
    fn a_checkpoint_round_trips_and_refuses_other_kinds() {
        let signer = Signer::from_seed(KeyId(7), &[9u8; 32]);
        let mut ring = KeyRing::new();
        ring.insert(signer.public_key(KeyRole::Test)).unwrap();
        let cp = Checkpoint {
            id: 42,
            hash: link_hash(GENESIS, &row(42, "a")),
            made_at: "2026-12-07T10:00:00.000Z".into(),
        };
        let sealed = cp.sign(&signer).unwrap();
        assert_eq!(Checkpoint::open(&ring, &sealed), Ok(cp));
        let other = signer.seal(DocumentKind::RevocationList, &sealed[4..sealed.len() - 64]);
        assert!(Checkpoint::open(&ring, &other).is_err());
    }
}
