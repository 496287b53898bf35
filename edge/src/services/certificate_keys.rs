//! The certificate signing key and the public key ring, from the Worker's configuration.
//!
//! - `CERT_SIGNING_KEY` (a Workers secret in production; `tools/dev.sh` and the test runtime
//!   make a fresh development key): one line `<key id, 4 hex> <production|test> <Ed25519 seed,
//!   64 hex>`, the shape of a `public_keys.txt` line with the private seed in place of the public
//!   key. Make one with `printf '%s production %s\n' 0001 "$(openssl rand -hex 32)"` and store it
//!   with `wrangler secret put CERT_SIGNING_KEY`.
//! - `CERT_PUBLIC_KEYS` (a plain var, optional): more public keys in the ring's text form, lines
//!   separated by newlines or `;`. After a rotation the old key's public line goes here, so
//!   certificates it signed keep verifying.
//!
//! The ring served to verifiers is the bundled `public_keys.txt`, then `CERT_PUBLIC_KEYS`, then
//! the signer's own public key: whatever the edge signs is always verifiable with what it serves.

use shared::signed::{bundled_ring, KeyId, KeyRing, KeyRingError, KeyRole, PublicKey, Signer};
use std::fmt;

pub const SIGNING_KEY_VAR: &str = "CERT_SIGNING_KEY";
pub const PUBLIC_KEYS_VAR: &str = "CERT_PUBLIC_KEYS";

/// The configured signer, with the role its public key has in the ring.
pub struct SigningKey {
    pub signer: Signer,
    pub role: KeyRole,
}

impl SigningKey {
    pub fn public_key(&self) -> PublicKey {
        self.signer.public_key(self.role)
    }
}

/// Why the key configuration is refused. Never carries key material.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyConfigError {
    /// `CERT_SIGNING_KEY` is not `<id> <role> <seed>`.
    SigningKeyFormat,
    /// `CERT_PUBLIC_KEYS` does not parse.
    PublicKeys(KeyRingError),
    /// Two different keys under one id across the bundled ring, the var and the signer.
    ConflictingId(KeyId),
}

impl fmt::Display for KeyConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyConfigError::SigningKeyFormat => {
                write!(
                    f,
                    "{SIGNING_KEY_VAR} is not '<id hex4> <production|test> <seed hex64>'"
                )
            }
            KeyConfigError::PublicKeys(e) => write!(f, "{PUBLIC_KEYS_VAR}: {e}"),
            KeyConfigError::ConflictingId(id) => {
                write!(f, "key id {id} names two different public keys")
            }
        }
    }
}

/// Reads `CERT_SIGNING_KEY`'s value.
pub fn parse_signing_key(text: &str) -> Result<SigningKey, KeyConfigError> {
    let bad = KeyConfigError::SigningKeyFormat;
    let mut parts = text.split_whitespace();
    let (Some(id), Some(role), Some(seed), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad);
    };
    let id = (id.len() == 4 && id.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| u16::from_str_radix(id, 16).ok())
        .flatten()
        .ok_or(bad.clone())?;
    let role = match role {
        "production" => KeyRole::Production,
        "test" => KeyRole::Test,
        _ => return Err(bad),
    };
    let seed = hex_32(seed).ok_or(bad)?;
    Ok(SigningKey {
        signer: Signer::from_seed(KeyId(id), &seed),
        role,
    })
}

/// The ring verifiers get: bundled keys, then `extra` (`CERT_PUBLIC_KEYS`), then the signer's.
/// A key listed twice identically is kept once; one id with two keys is refused.
pub fn public_ring(
    extra: Option<&str>,
    signer: Option<&SigningKey>,
) -> Result<KeyRing, KeyConfigError> {
    let mut ring = bundled_ring();
    let extra = match extra {
        Some(text) => {
            KeyRing::parse(&text.replace(';', "\n")).map_err(KeyConfigError::PublicKeys)?
        }
        None => KeyRing::new(),
    };
    let own = signer.map(SigningKey::public_key);
    for key in extra.keys().iter().copied().chain(own) {
        match ring.find(key.id) {
            Some(known) if *known == key => {}
            Some(_) => return Err(KeyConfigError::ConflictingId(key.id)),
            None => ring
                .insert(key)
                .map_err(|_| KeyConfigError::ConflictingId(key.id))?,
        }
    }
    Ok(ring)
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

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn signing_key_line_parses_and_joins_the_ring() {
        let key = parse_signing_key(&format!("00A1 production {}\n", hex(&[3; 32]))).unwrap();
        assert_eq!(key.signer.key_id(), KeyId(0xA1));
        assert_eq!(key.role, KeyRole::Production);
        assert_eq!(
            key.public_key(),
            Signer::from_seed(KeyId(0xA1), &[3; 32]).public_key(KeyRole::Production)
        );
        let ring = public_ring(None, Some(&key)).unwrap();
        for bundled in bundled_ring().keys() {
            assert_eq!(
                ring.find(bundled.id),
                Some(bundled),
                "the bundled ring stays"
            );
        }
        assert_eq!(ring.find(KeyId(0xA1)), Some(&key.public_key()));
    }

    #[test]
    fn malformed_signing_keys_are_refused() {
        let seed = hex(&[3; 32]);
        for text in [
            String::new(),
            format!("A1 test {seed}"),
            format!("00A1 staging {seed}"),
            format!("00A1 test {}", &seed[2..]),
            format!("00A1 test {seed} extra"),
            format!("+0A1 test {seed}"),
        ] {
            assert_eq!(
                parse_signing_key(&text).err(),
                Some(KeyConfigError::SigningKeyFormat),
                "{text}"
            );
        }
    }

    #[test]
    fn old_keys_stay_in_the_ring_and_ids_never_name_two_keys() {
        let old = Signer::from_seed(KeyId(1), &[1; 32]).public_key(KeyRole::Production);
        let old_line = format!("0001 production {}", hex(&old.to_bytes()));
        let new = parse_signing_key(&format!("0002 production {}", hex(&[2; 32]))).unwrap();
        let ring = public_ring(Some(&format!("{old_line};")), Some(&new)).unwrap();
        assert_eq!(ring.find(KeyId(1)), Some(&old));
        assert!(ring.find(KeyId(2)).is_some());
        // The signer's own key listed again, identically: kept once.
        let dev = parse_signing_key(&format!("00DE test {}", hex(&[5; 32]))).unwrap();
        let mut listed = KeyRing::new();
        listed.insert(dev.public_key()).unwrap();
        assert_eq!(
            public_ring(Some(&listed.to_text()), Some(&dev))
                .unwrap()
                .keys()
                .len(),
            bundled_ring().keys().len() + 1
        );
        // A signer reusing a listed id with another seed is a configuration error.
        let clash = parse_signing_key(&format!("0001 production {}", hex(&[9; 32]))).unwrap();
        assert_eq!(
            public_ring(Some(&old_line), Some(&clash)).err(),
            Some(KeyConfigError::ConflictingId(KeyId(1)))
        );
        assert!(matches!(
            public_ring(Some("0003 nonsense"), None),
            Err(KeyConfigError::PublicKeys(_))
        ));
    }
}
