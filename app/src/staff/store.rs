//! The staff console's own IndexedDB database, one per staff member (`rekam-staff.<username>`,
//! so that on a shared tablet nobody sees or sends another's work): the outbox and recording
//! drafts, stored as JSON text. Apart from the resident's `rekam` database so neither side's upgrades
//! can break the other; IndexedDB (not `localStorage`) because a recording with its face photo
//! is several hundred KB and the outbox must survive a closed tab.

use crate::platform::idb;
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbObjectStore, IdbTransaction, IdbTransactionMode};

/// A storage failure in the browser's words (for the operator's screen and the log).
pub use crate::platform::idb::IdbError as StoreError;

const DB_NAME: &str = "rekam-staff";
const DB_VERSION: u32 = 1;
const STORES: &[&str] = &[Store::Outbox.name(), Store::Drafts.name()];

/// The object stores: one per kind of thing kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Store {
    /// Writes waiting for (or done by) the network, keyed by idempotency key.
    Outbox,
    /// Recording drafts (templates, face, signature), keyed by application id.
    Drafts,
}

impl Store {
    const fn name(self) -> &'static str {
        match self {
            Store::Outbox => "outbox",
            Store::Drafts => "drafts",
        }
    }
}

async fn object_store(
    store: Store,
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, IdbObjectStore), StoreError> {
    let who = super::session::remembered()
        .ok_or_else(|| StoreError("no staff member is signed in on this device".into()))?;
    let db = idb::open(&format!("{DB_NAME}.{}", who.username), DB_VERSION, STORES).await?;
    idb::object_store(&db, store.name(), mode)
}

/// Saves (or replaces) `value` under `key`, returning once it is committed to disk.
pub async fn put(store: Store, key: &str, value: &str) -> Result<(), StoreError> {
    let (tx, os) = object_store(store, IdbTransactionMode::Readwrite).await?;
    os.put_with_key(&JsValue::from_str(value), &JsValue::from_str(key))?;
    idb::committed(&tx).await
}

/// The text under `key`, if any.
pub async fn get(store: Store, key: &str) -> Result<Option<String>, StoreError> {
    let (_tx, os) = object_store(store, IdbTransactionMode::Readonly).await?;
    Ok(idb::request(&os.get(&JsValue::from_str(key))?)
        .await?
        .as_string())
}

/// Every value of the store, in key order.
pub async fn all(store: Store) -> Result<Vec<String>, StoreError> {
    let (_tx, os) = object_store(store, IdbTransactionMode::Readonly).await?;
    let values: Array = idb::request(&os.get_all()?).await?.unchecked_into();
    Ok(values.iter().filter_map(|v| v.as_string()).collect())
}

/// Removes `key`.
pub async fn delete(store: Store, key: &str) -> Result<(), StoreError> {
    let (tx, os) = object_store(store, IdbTransactionMode::Readwrite).await?;
    os.delete(&JsValue::from_str(key))?;
    idb::committed(&tx).await
}
