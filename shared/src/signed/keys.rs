//! Signing keys by key id: one private key for the signer, a ring of public keys for verifiers,
//! so keys rotate while documents signed with an older key stay verifiable.

use std::fmt;

/// Names a key pair inside every signed document (2 bytes on the wire, shown as 4 hex digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyId(pub u16);

impl fmt::Display for KeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04X}", self.0)
    }
}

/// What a public key may vouch for. A test key's private half is public (it signs documents in
/// local runs and tests), so the verification page marks what it signed as not genuine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyRole {
    Production,
    Test,
}

/// A verifier's public key, with its id and role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublicKey {
    pub id: KeyId,
    pub role: KeyRole,
    pub(crate) key: ed25519_dalek::VerifyingKey,
}

impl PublicKey {
    /// A key from its 32-byte Ed25519 encoding; `None` if the bytes are not a curve point.
    pub fn from_bytes(id: KeyId, role: KeyRole, bytes: &[u8; 32]) -> Option<PublicKey> {
        let key = ed25519_dalek::VerifyingKey::from_bytes(bytes).ok()?;
        // A small-order point would accept forged signatures under some verifiers: never trust one.
        if key.is_weak() {
            return None;
        }
        Some(PublicKey { id, role, key })
    }

    pub fn to_bytes(&self) -> [u8; 32] {
        self.key.to_bytes()
    }
}

/// The signer's private key and its id. Built from 32 bytes that the caller draws from a CSPRNG
/// (`shared` has no RNG) or reads from its secret store.
pub struct Signer {
    pub(crate) id: KeyId,
    pub(crate) key: ed25519_dalek::SigningKey,
}

impl Signer {
    /// The key pair whose Ed25519 seed is `seed` (RFC 8032's 32-byte private key).
    pub fn from_seed(id: KeyId, seed: &[u8; 32]) -> Signer {
        Signer {
            id,
            key: ed25519_dalek::SigningKey::from_bytes(seed),
        }
    }

    pub fn key_id(&self) -> KeyId {
        self.id
    }

    /// The public half, for the verifiers' ring.
    pub fn public_key(&self, role: KeyRole) -> PublicKey {
        PublicKey {
            id: self.id,
            role,
            key: self.key.verifying_key(),
        }
    }
}

impl fmt::Debug for Signer {
    // Never print the private key.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signer").field("id", &self.id).finish()
    }
}

/// Why a key ring text is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyRingError {
    /// Line `line` (1-based) is not `<id hex4> <production|test> <public key hex64>`.
    Line { line: usize },
    /// The 32 bytes on line `line` are not a usable Ed25519 public key.
    BadKey { line: usize },
    /// Two keys with one id: a document naming it would be ambiguous.
    DuplicateId(KeyId),
}

impl fmt::Display for KeyRingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyRingError::Line { line } => write!(f, "key ring line {line} is malformed"),
            KeyRingError::BadKey { line } => write!(f, "key ring line {line} is not a public key"),
            KeyRingError::DuplicateId(id) => write!(f, "key id {id} appears twice"),
        }
    }
}

impl std::error::Error for KeyRingError {}

/// The public keys a verifier trusts, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyRing {
    keys: Vec<PublicKey>,
}

impl KeyRing {
    pub fn new() -> KeyRing {
        KeyRing::default()
    }

    /// Adds `key`; refuses a second key with the same id.
    pub fn insert(&mut self, key: PublicKey) -> Result<(), KeyRingError> {
        if self.find(key.id).is_some() {
            return Err(KeyRingError::DuplicateId(key.id));
        }
        self.keys.push(key);
        Ok(())
    }

    pub fn find(&self, id: KeyId) -> Option<&PublicKey> {
        self.keys.iter().find(|k| k.id == id)
    }

    pub fn keys(&self) -> &[PublicKey] {
        &self.keys
    }

    /// Parses the ring's text form: one key a line, `<id> <role> <key>` with the id as 4 hex
    /// digits, the role `production` or `test` and the key as 64 hex digits; blank lines and
    /// lines starting with `#` are skipped.
    pub fn parse(text: &str) -> Result<KeyRing, KeyRingError> {
        let mut ring = KeyRing::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let raw = raw.trim();
            if raw.is_empty() || raw.starts_with('#') {
                continue;
            }
            let bad = KeyRingError::Line { line };
            let mut parts = raw.split_whitespace();
            let (Some(id), Some(role), Some(key), None) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            else {
                return Err(bad);
            };
            // from_str_radix alone would also take a sign.
            let id = (id.len() == 4 && id.bytes().all(|b| b.is_ascii_hexdigit()))
                .then(|| u16::from_str_radix(id, 16).ok())
                .flatten()
                .ok_or(bad.clone())?;
            let role = match role {
                "production" => KeyRole::Production,
                "test" => KeyRole::Test,
                _ => return Err(bad),
            };
            let bytes = hex_32(key).ok_or(bad)?;
            let key = PublicKey::from_bytes(KeyId(id), role, &bytes)
                .ok_or(KeyRingError::BadKey { line })?;
            ring.insert(key)?;
        }
        Ok(ring)
    }

    /// The text form [`KeyRing::parse`] reads.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for k in &self.keys {
            let role = match k.role {
                KeyRole::Production => "production",
                KeyRole::Test => "test",
            };
            let hex: String = k.to_bytes().iter().map(|b| format!("{b:02x}")).collect();
            out.push_str(&format!("{} {role} {hex}\n", k.id));
        }
        out
    }
}

/// The ring every build embeds: `public_keys.txt` beside this file, production keys only (see
/// its header for how a key rotation reaches the verification page and the edge).
pub fn bundled_ring() -> KeyRing {
    KeyRing::parse(include_str!("public_keys.txt"))
        .expect("public_keys.txt is checked by a unit test")
}

fn hex_32(text: &str) -> Option<[u8; 32]> {
    let bytes = text.as_bytes();
    if bytes.len() != 64 {
        return None;
    }
    let nibble = |b: u8| char::from(b).to_digit(16).map(|d| d as u8);
    let mut out = [0u8; 32];
    for (o, pair) in out.iter_mut().zip(bytes.chunks_exact(2)) {
        *o = nibble(pair[0])? << 4 | nibble(pair[1])?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_ring_holds_production_keys_only() {
        // A test key's private half is known: a build that embedded one would show what anyone
        // signs with it as checked.
        for key in bundled_ring().keys() {
            assert_eq!(
                key.role,
                KeyRole::Production,
                "key {} in public_keys.txt",
                key.id
            );
        }
    }

    #[test]
    fn ring_text_round_trips() {
        let mut ring = KeyRing::new();
        for (id, seed, role) in [
            (1, [7u8; 32], KeyRole::Production),
            (2, [9u8; 32], KeyRole::Test),
        ] {
            ring.insert(Signer::from_seed(KeyId(id), &seed).public_key(role))
                .unwrap();
        }
        let text = ring.to_text();
        assert!(text.starts_with("0001 production "), "{text}");
        assert_eq!(KeyRing::parse(&text), Ok(ring));
    }

    #[test]
    fn malformed_rings_are_refused() {
        let key = Signer::from_seed(KeyId(1), &[7; 32]).public_key(KeyRole::Production);
        let hex: String = key.to_bytes().iter().map(|b| format!("{b:02x}")).collect();
        let check = |text: &str, expected: KeyRingError| {
            assert_eq!(KeyRing::parse(text), Err(expected), "{text}");
        };
        check(
            &format!("# ok\n0001 production {hex}\n0001 test {hex}"),
            KeyRingError::DuplicateId(KeyId(1)),
        );
        check(
            &format!("1 production {hex}"),
            KeyRingError::Line { line: 1 },
        );
        check(
            &format!("0001 staging {hex}"),
            KeyRingError::Line { line: 1 },
        );
        check(
            &format!("0001 test {}", &hex[2..]),
            KeyRingError::Line { line: 1 },
        );
        check(
            &format!("0001 test {hex} x"),
            KeyRingError::Line { line: 1 },
        );
        // The identity point is a small-order key: refused even though it decodes.
        let identity = format!("01{}", "0".repeat(62));
        check(
            &format!("\n0001 test {identity}"),
            KeyRingError::BadKey { line: 2 },
        );
    }
}
