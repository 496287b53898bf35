//! The public keys the `/v` page trusts: the ring embedded in the bundle (the offline baseline,
//! which nothing fetched can override) and the ring the page's own origin serves at
//! `/api/certificates/keys`, kept on the device so a key added after this bundle was built
//! verifies offline too. Trusting the origin's ring is no weaker than trusting the page's code,
//! which comes from the same origin.

use crate::platform::{http, storage};
use shared::signed::{bundled_ring, KeyId, KeyRing, KeyRingError};

/// Where the served ring's text is kept (public keys only: harmless on any device).
const KEY: &str = "rekam.keys";

const URL: &str = "/api/certificates/keys";

/// Where the page got the key that signed a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeySource {
    /// Built into this page.
    Bundled,
    /// Served by the office's site (now or on an earlier visit).
    Served,
}

/// The keys in use and where each came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedKeys {
    pub ring: KeyRing,
    served: Vec<KeyId>,
}

impl TrustedKeys {
    pub fn source(&self, id: KeyId) -> Option<KeySource> {
        self.ring.find(id)?;
        Some(if self.served.contains(&id) {
            KeySource::Served
        } else {
            KeySource::Bundled
        })
    }
}

/// `bundled` plus the keys of `served` under ids it lacks: a served key never replaces an
/// embedded one.
pub fn merge(bundled: KeyRing, served: &KeyRing) -> TrustedKeys {
    let mut ring = bundled;
    let mut added = Vec::new();
    for key in served.keys() {
        if ring.find(key.id).is_none() && ring.insert(*key).is_ok() {
            added.push(key.id);
        }
    }
    TrustedKeys {
        ring,
        served: added,
    }
}

/// The bundled ring and the ring kept from an earlier visit, if any.
pub fn cached() -> TrustedKeys {
    let served = storage::get(KEY)
        .and_then(|text| KeyRing::parse(&text).ok())
        .unwrap_or_default();
    merge(bundled_ring(), &served)
}

/// Why the served ring was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefreshError {
    NoAnswer,
    Status(u16),
    Refused(KeyRingError),
}

/// Fetches the origin's ring and keeps it; the trusted keys with it merged.
pub async fn refresh() -> Result<TrustedKeys, RefreshError> {
    let response = http::fetch("GET", URL, &[("Accept", "text/plain")], None, None)
        .await
        .map_err(|_| RefreshError::NoAnswer)?;
    if response.status() != 200 {
        return Err(RefreshError::Status(response.status()));
    }
    let text = http::text(&response)
        .await
        .map_err(|_| RefreshError::NoAnswer)?;
    let served = KeyRing::parse(&text).map_err(RefreshError::Refused)?;
    // A full storage keeps the previous ring; this visit still uses the fresh one.
    let _ = storage::set(KEY, &text);
    Ok(merge(bundled_ring(), &served))
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::signed::{KeyRole, Signer};

    #[test]
    fn served_keys_join_but_never_replace_bundled_ones() {
        let embedded_id = KeyId(0x0E01);
        let mut bundled = KeyRing::new();
        let embedded = Signer::from_seed(embedded_id, &[3; 32]).public_key(KeyRole::Production);
        bundled.insert(embedded).unwrap();
        let mut served = KeyRing::new();
        let impostor = Signer::from_seed(embedded_id, &[1; 32]).public_key(KeyRole::Production);
        let new = Signer::from_seed(KeyId(0x0001), &[2; 32]).public_key(KeyRole::Production);
        served.insert(impostor).unwrap();
        served.insert(new).unwrap();
        let trusted = merge(bundled, &served);
        assert_eq!(trusted.ring.find(embedded_id), Some(&embedded));
        assert_eq!(trusted.source(embedded_id), Some(KeySource::Bundled));
        assert_eq!(trusted.ring.find(KeyId(1)), Some(&new));
        assert_eq!(trusted.source(KeyId(1)), Some(KeySource::Served));
        assert_eq!(trusted.source(KeyId(2)), None);
    }
}
