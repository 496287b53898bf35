//! The public API: an application's status and the region lists of the pickers.

use super::request::Call;
use super::{paths, ApiError, ViewRequests};
use shared::api::{RegionEntry, StatusView};
use shared::domain::RegistrationCode;
use shared::i18n::Lang;

/// `GET /api/status/{code}`: the public status of an application.
pub async fn get_status(
    code: RegistrationCode,
    lang: Lang,
    requests: ViewRequests,
) -> Result<StatusView, ApiError> {
    Call::get(&paths::status(code), lang, requests)
        .decode()
        .await
}

/// `GET /api/regions/{code}`: the children of a region; `GET /api/regions` for `code` "": the
/// provinces. Region names are not bundled in the app.
pub async fn get_region_children(
    code: &str,
    lang: Lang,
    requests: ViewRequests,
) -> Result<Vec<RegionEntry>, ApiError> {
    Call::get(&paths::region_children(code), lang, requests)
        .decode()
        .await
}
