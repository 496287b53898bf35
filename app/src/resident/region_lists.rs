//! The region lists of the pickers (provinces, regencies, kecamatan, desa/kelurahan): fetched from
//! the API once per parent, then kept on the device so the form works offline after a first visit.
//! The app bundles region codes only (validation checks them); the names would add about 34 KB
//! (gzip) to every first load, and a resident needs just four short lists of them.

use crate::api::{self, ApiError, ViewRequests};
use crate::platform::storage;
use shared::api::RegionEntry;
use shared::i18n::Lang;

const CACHE_PREFIX: &str = "rekam.regions.v1.";

/// The device-cache key of the list inside `parent` ("" for the provinces).
fn cache_key(parent: &str) -> String {
    format!("{CACHE_PREFIX}{parent}")
}

/// The regions directly inside `parent` (a dotted code; "" for the provinces): from the device
/// cache, else the API (aborted with `requests`).
pub async fn children_of(
    parent: String,
    lang: Lang,
    requests: ViewRequests,
) -> Result<Vec<RegionEntry>, ApiError> {
    let key = cache_key(&parent);
    if let Some(list) =
        storage::get(&key).and_then(|t| serde_json::from_str::<Vec<RegionEntry>>(&t).ok())
    {
        return Ok(list);
    }
    let list = api::get_region_children(&parent, lang, requests).await?;
    if let Ok(text) = serde_json::to_string(&list) {
        // A full storage only costs the offline copy; the list is still shown.
        let _ = storage::set(&key, &text);
    }
    Ok(list)
}

/// The name of `code` from the device cache of its parent's list (for the review screen).
pub fn cached_name(parent: &str, code: &str) -> Option<String> {
    let list: Vec<RegionEntry> = serde_json::from_str(&storage::get(&cache_key(parent))?).ok()?;
    list.into_iter().find(|e| e.code == code).map(|e| e.name)
}
