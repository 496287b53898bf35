//! The signed envelope every document travels in: a small header naming the format version, the
//! document kind and the key id, the body, and an Ed25519 signature over all of it.

use super::keys::{KeyId, KeyRing, PublicKey, Signer};
use ed25519_dalek::Signer as _;
use std::fmt;

/// Version of the envelope layout (byte 0).
pub const ENVELOPE_VERSION: u8 = 1;

/// Header bytes before the body: version, kind, key id (2).
pub const HEADER_BYTES: usize = 4;

/// An Ed25519 signature's size.
pub const SIGNATURE_BYTES: usize = 64;

/// What a signed body is (byte 1). Signed with the header, so one kind's body can never be
/// passed off as another's, even with the same key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// The Surat Keterangan's QR payload.
    Certificate,
    /// The list of revoked certificates.
    RevocationList,
    /// The card chip's data file (`chip_data.rs`).
    CardChipData,
    /// A checkpoint of the audit log's hash chain (`crate::audit::Checkpoint`).
    AuditCheckpoint,
}

impl DocumentKind {
    pub const fn code(self) -> u8 {
        match self {
            DocumentKind::Certificate => 1,
            DocumentKind::RevocationList => 2,
            DocumentKind::CardChipData => 3,
            DocumentKind::AuditCheckpoint => 4,
        }
    }

    pub const fn from_code(code: u8) -> Option<DocumentKind> {
        match code {
            1 => Some(DocumentKind::Certificate),
            2 => Some(DocumentKind::RevocationList),
            3 => Some(DocumentKind::CardChipData),
            4 => Some(DocumentKind::AuditCheckpoint),
            _ => None,
        }
    }
}

/// Why signed bytes are not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenError {
    /// Shorter than a header and a signature, or not base45 where text was expected.
    Malformed,
    /// An envelope version this build does not know (a newer signer, or garbage).
    UnsupportedVersion(u8),
    /// A different document kind than the caller expects (or an unknown kind code).
    WrongKind(u8),
    /// No key with this id in the verifier's ring: forged, or signed with a key this build has
    /// not been given yet.
    UnknownKey(KeyId),
    /// The signature does not match the bytes: changed or forged.
    BadSignature,
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::Malformed => f.write_str("not a signed document"),
            OpenError::UnsupportedVersion(v) => write!(f, "unsupported envelope version {v}"),
            OpenError::WrongKind(k) => write!(f, "unexpected document kind {k}"),
            OpenError::UnknownKey(id) => write!(f, "unknown key id {id}"),
            OpenError::BadSignature => f.write_str("signature does not match"),
        }
    }
}

impl std::error::Error for OpenError {}

/// A verified envelope: the body is exactly what the key's holder signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opened<'a> {
    pub key: PublicKey,
    pub body: &'a [u8],
}

impl Signer {
    /// Signs `body` as a document of `kind` with this key: header, body, signature.
    pub fn seal(&self, kind: DocumentKind, body: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER_BYTES + body.len() + SIGNATURE_BYTES);
        out.push(ENVELOPE_VERSION);
        out.push(kind.code());
        out.extend_from_slice(&self.id.0.to_be_bytes());
        out.extend_from_slice(body);
        let signature = self.key.sign(&out);
        out.extend_from_slice(&signature.to_bytes());
        out
    }
}

impl KeyRing {
    /// Checks `bytes` as a document of `kind` signed by a key in this ring and returns its body.
    /// The version and kind are checked before the signature so a newer format says so instead
    /// of looking forged.
    pub fn open<'a>(&self, kind: DocumentKind, bytes: &'a [u8]) -> Result<Opened<'a>, OpenError> {
        if bytes.len() < HEADER_BYTES + SIGNATURE_BYTES {
            return Err(OpenError::Malformed);
        }
        let (signed, signature) = bytes.split_at(bytes.len() - SIGNATURE_BYTES);
        if signed[0] != ENVELOPE_VERSION {
            return Err(OpenError::UnsupportedVersion(signed[0]));
        }
        if signed[1] != kind.code() {
            return Err(OpenError::WrongKind(signed[1]));
        }
        let id = KeyId(u16::from_be_bytes([signed[2], signed[3]]));
        let key = *self.find(id).ok_or(OpenError::UnknownKey(id))?;
        let signature =
            ed25519_dalek::Signature::from_slice(signature).map_err(|_| OpenError::BadSignature)?;
        // Strict: refuses non-canonical signatures, so one document has one valid encoding.
        key.key
            .verify_strict(signed, &signature)
            .map_err(|_| OpenError::BadSignature)?;
        Ok(Opened {
            key,
            body: &signed[HEADER_BYTES..],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signed::keys::KeyRole;

    fn ring_of(signers: &[&Signer]) -> KeyRing {
        let mut ring = KeyRing::new();
        for s in signers {
            ring.insert(s.public_key(KeyRole::Production)).unwrap();
        }
        ring
    }

    #[test]
    fn sealed_bytes_open_to_the_same_body() {
        let signer = Signer::from_seed(KeyId(7), &[1; 32]);
        let sealed = signer.seal(DocumentKind::CardChipData, b"chip");
        assert_eq!(sealed.len(), HEADER_BYTES + 4 + SIGNATURE_BYTES);
        let opened = ring_of(&[&signer])
            .open(DocumentKind::CardChipData, &sealed)
            .unwrap();
        assert_eq!(opened.body, b"chip");
        assert_eq!(opened.key.id, KeyId(7));
    }

    #[test]
    fn any_changed_bit_is_caught() {
        let signer = Signer::from_seed(KeyId(7), &[1; 32]);
        let ring = ring_of(&[&signer]);
        let sealed = signer.seal(DocumentKind::Certificate, b"some body bytes");
        for i in 0..sealed.len() {
            for bit in [0x01, 0x80] {
                let mut bad = sealed.clone();
                bad[i] ^= bit;
                assert!(
                    ring.open(DocumentKind::Certificate, &bad).is_err(),
                    "byte {i} bit {bit:#x}"
                );
            }
        }
    }

    #[test]
    fn kind_version_key_and_length_are_checked() {
        let signer = Signer::from_seed(KeyId(7), &[1; 32]);
        let other = Signer::from_seed(KeyId(8), &[2; 32]);
        let ring = ring_of(&[&signer]);
        let sealed = signer.seal(DocumentKind::RevocationList, b"list");
        assert_eq!(
            ring.open(DocumentKind::Certificate, &sealed),
            Err(OpenError::WrongKind(2))
        );
        let mut newer = sealed.clone();
        newer[0] = 2;
        assert_eq!(
            ring.open(DocumentKind::RevocationList, &newer),
            Err(OpenError::UnsupportedVersion(2))
        );
        assert_eq!(
            ring.open(
                DocumentKind::RevocationList,
                &other.seal(DocumentKind::RevocationList, b"list")
            ),
            Err(OpenError::UnknownKey(KeyId(8)))
        );
        // Same id, another key: the id alone proves nothing.
        let impostor = Signer::from_seed(KeyId(7), &[3; 32]);
        assert_eq!(
            ring.open(
                DocumentKind::RevocationList,
                &impostor.seal(DocumentKind::RevocationList, b"list")
            ),
            Err(OpenError::BadSignature)
        );
        assert_eq!(
            ring.open(DocumentKind::RevocationList, &sealed[..HEADER_BYTES + 63]),
            Err(OpenError::Malformed)
        );
    }

    #[test]
    fn old_keys_stay_verifiable_after_rotation() {
        let old = Signer::from_seed(KeyId(1), &[1; 32]);
        let new = Signer::from_seed(KeyId(2), &[2; 32]);
        let old_doc = old.seal(DocumentKind::Certificate, b"2025");
        let ring = ring_of(&[&old, &new]);
        assert!(ring.open(DocumentKind::Certificate, &old_doc).is_ok());
        assert!(ring
            .open(
                DocumentKind::Certificate,
                &new.seal(DocumentKind::Certificate, b"2026")
            )
            .is_ok());
    }
}
