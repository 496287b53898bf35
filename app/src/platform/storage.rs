//! `localStorage` access: small text values (the draft's fields, cached region lists, settings).

/// Why a value could not be stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageError {
    /// No `localStorage` (private mode in some browsers, or storage disabled).
    Unavailable,
    /// The origin's quota is full.
    Full,
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The value under `key`, if any.
pub fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`.
pub fn set(key: &str, value: &str) -> Result<(), StorageError> {
    let store = local().ok_or(StorageError::Unavailable)?;
    // The only failure `setItem` reports is QuotaExceededError.
    store.set_item(key, value).map_err(|_| StorageError::Full)
}

/// Removes `key`; a missing key or storage is already the wanted state.
pub fn remove(key: &str) {
    if let Some(store) = local() {
        let _ = store.remove_item(key);
    }
}
