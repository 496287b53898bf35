//! The villages (desa/kelurahan) of a kecamatan: fetched from the API once, then kept on the
//! device so the form works offline after a first visit. Villages are not bundled in the app
//! (83,000 names would triple its size).

use crate::api::{self, ApiError};
use crate::platform::storage;
use shared::api::RegionEntry;
use shared::i18n::Lang;

const CACHE_PREFIX: &str = "rekam.regions.v1.";

/// The villages of `district` (a dotted kecamatan code): from the device cache, else the API.
pub async fn villages_of(district: String, lang: Lang) -> Result<Vec<RegionEntry>, ApiError> {
    let key = format!("{CACHE_PREFIX}{district}");
    if let Some(list) =
        storage::get(&key).and_then(|t| serde_json::from_str::<Vec<RegionEntry>>(&t).ok())
    {
        return Ok(list);
    }
    let list = api::get_region_children(&district, lang).await?;
    if let Ok(text) = serde_json::to_string(&list) {
        // A full storage only costs the offline copy; the list is still shown.
        let _ = storage::set(&key, &text);
    }
    Ok(list)
}

/// The name of `village` from the device cache of its kecamatan's list (for the review screen).
pub fn cached_village_name(district: &str, village: &str) -> Option<String> {
    let list: Vec<RegionEntry> =
        serde_json::from_str(&storage::get(&format!("{CACHE_PREFIX}{district}"))?).ok()?;
    list.into_iter().find(|e| e.code == village).map(|e| e.name)
}
