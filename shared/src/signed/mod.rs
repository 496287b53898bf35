//! Signed documents that anyone can check offline: the Surat Keterangan's QR payload and the
//! revocation list, and the card's chip data file (`chip_data.rs`), in one envelope.
//!
//! # Format
//!
//! Every document is an **envelope** (version 1), a compact layout in the spirit of COSE_Sign1
//! (a protected header, a payload, a signature) without CBOR's generality, which a fixed set of
//! fields does not need:
//!
//! | offset | size | field |
//! | --- | --- | --- |
//! | 0 | 1 | envelope version (1) |
//! | 1 | 1 | document kind: 1 Surat Keterangan, 2 revocation list, 3 card chip data |
//! | 2 | 2 | key id (big-endian) |
//! | 4 | n | body, laid out by kind, its first byte the body's own version |
//! | 4 + n | 64 | Ed25519 signature (RFC 8032, `ed25519-dalek`) over bytes 0 .. 4 + n |
//!
//! The kind and key id are signed, so a body cannot be replayed as another kind and a key id
//! cannot be swapped. Verification is strict (non-canonical signatures and small-order keys are
//! refused). The Surat Keterangan body (29 bytes + names, see [`encode_claims`]) packs names and
//! places six bits a character. Its QR text is [`QR_PREFIX`] then the envelope in base45
//! (RFC 9285), which QR alphanumeric mode stores at 5.5 bits a character: a typical certificate
//! (a 15-character name, an 8-character place) is 117 bytes, 180 characters, QR version 8 at
//! level M; the longest name and place the form accepts (60 and 50 characters) 182 bytes, 277
//! characters, version 10 (`tests.rs` checks both).
//! The revocation list's body is in [`RevocationList`]; its text form is base45 without prefix.
//!
//! # Keys
//!
//! A [`Signer`] holds one private key and its [`KeyId`]; verifiers hold a [`KeyRing`] of public
//! keys by id, so keys rotate while older documents stay verifiable ([`bundled_ring`] and its
//! `public_keys.txt` say how a rotation reaches the page). `shared` draws no random numbers: a
//! signer is built from 32 seed bytes that the caller takes from its CSPRNG or secret store.

mod base45;
mod certificate_payload;
mod chip_data;
mod envelope;
mod keys;
mod revocation;
mod verification;
mod wire;

#[cfg(test)]
mod tests;

pub use base45::{decode as base45_decode, encode as base45_encode, Base45Error};
pub use certificate_payload::{
    decode_claims, encode_claims, open_certificate, sign_certificate, CertificateClaims,
    CertificateError, ClaimsError, Issuer, PayloadError, SignedCertificate, PAYLOAD_VERSION,
    QR_PREFIX,
};
pub use chip_data::{
    open_chip_data, sign_chip_data, ChipData, ChipDataError, ChipFinger, CHIP_DATA_VERSION,
};
pub use envelope::{
    DocumentKind, OpenError, Opened, ENVELOPE_VERSION, HEADER_BYTES, SIGNATURE_BYTES,
};
pub use keys::{
    bundled_ring, KeyId, KeyRing, KeyRingError, KeyRole, PublicKey, Signer, TEST_KEY_ID, TEST_SEED,
};
pub use revocation::{
    open_revocation_list, sign_revocation_list, status_of, RevocationList, RevocationStatus,
    SerialNotCovered, REVOCATION_LIST_VERSION,
};
pub use verification::{verify_certificate, RevocationCheck, Verdict, Verification};
pub use wire::Malformed;
