//! The revocation list kept on this device: read from `localStorage` (checked again on every
//! read), replaced by a newer signed list from the edge when the page is online.

use crate::platform::{http, storage};
use shared::signed::{open_revocation_list, KeyRing, OpenError, RevocationList};

/// Where the list's base45 text is kept. Revocation data is about certificates (serial bits),
/// never about a person, so keeping it on any device is harmless.
const KEY: &str = "rekam.revocations";

/// The edge's current signed list (text, base45).
const URL: &str = "/api/certificates/revocations";

/// Why no newer list was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefreshError {
    /// Offline or the request failed.
    NoAnswer,
    /// The edge answered with another status (no list published yet: 404).
    Status(u16),
    /// The answer is not a list signed by a key of this page's ring.
    Refused(OpenError),
    /// Older than the list already on the device (a stale cache on the way).
    Older,
}

/// The list on this device, if one was stored and its signature still checks out.
pub fn cached(ring: &KeyRing) -> Option<RevocationList> {
    storage::get(KEY).and_then(|text| open_revocation_list(ring, &text).ok())
}

/// Fetches the edge's list and keeps it when it is signed and not older than `current`. The
/// request carries nothing about the certificate being checked.
pub async fn refresh(
    ring: &KeyRing,
    current: Option<&RevocationList>,
) -> Result<RevocationList, RefreshError> {
    // Past the browser's HTTP cache (the edge lets caches keep the list a few minutes): a page
    // that refreshes while online must see a revocation as soon as the office has published it.
    let headers = [("Accept", "text/plain"), ("Cache-Control", "no-cache")];
    let response = http::fetch("GET", URL, &headers, None, None)
        .await
        .map_err(|_| RefreshError::NoAnswer)?;
    if response.status() != 200 {
        return Err(RefreshError::Status(response.status()));
    }
    let text = http::text(&response)
        .await
        .map_err(|_| RefreshError::NoAnswer)?;
    let list = open_revocation_list(ring, &text).map_err(RefreshError::Refused)?;
    if current.is_some_and(|c| c.made_on() > list.made_on()) {
        return Err(RefreshError::Older);
    }
    // A full storage keeps the previous list; this visit still uses the fresh one.
    let _ = storage::set(KEY, text.trim_matches(['\r', '\n']));
    Ok(list)
}
