//! The staff console's own IndexedDB database (`rekam-staff`): the outbox and recording drafts,
//! stored as JSON text. Apart from the resident's `rekam` database so neither side's upgrades
//! can break the other; IndexedDB (not `localStorage`) because a recording with its face photo
//! is several hundred KB and the outbox must survive a closed tab.

use js_sys::{Array, Function, Promise};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB_NAME: &str = "rekam-staff";
const DB_VERSION: u32 = 1;

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

/// A storage failure in the browser's words (for the operator's screen and the log).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError(pub String);

impl From<JsValue> for StoreError {
    fn from(value: JsValue) -> StoreError {
        let text = value
            .dyn_ref::<web_sys::DomException>()
            .map(|e| format!("{}: {}", e.name(), e.message()))
            .or_else(|| value.as_string())
            .unwrap_or_else(|| "IndexedDB error".to_string());
        StoreError(text)
    }
}

/// Resolves on the `success`/`complete` event, rejects on `error`/`abort`.
async fn wait_events(install: impl FnOnce(JsValue, JsValue)) -> Result<(), JsValue> {
    let mut install = Some(install);
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let err = Closure::once_into_js(move |e: JsValue| {
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        if let Some(install) = install.take() {
            install(ok, err);
        }
    });
    JsFuture::from(promise).await.map(|_| ())
}

async fn request(req: &IdbRequest) -> Result<JsValue, StoreError> {
    let r = req.clone();
    wait_events(move |ok, err| {
        r.set_onsuccess(Some(ok.unchecked_ref()));
        r.set_onerror(Some(err.unchecked_ref()));
    })
    .await
    .map_err(|_| {
        StoreError::from(
            req.error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::NULL),
        )
    })?;
    Ok(req.result()?)
}

/// Waits for the commit, so a reload right after a write cannot lose it.
async fn committed(tx: &IdbTransaction) -> Result<(), StoreError> {
    let t = tx.clone();
    wait_events(move |ok, err| {
        t.set_oncomplete(Some(ok.unchecked_ref()));
        t.set_onerror(Some(err.unchecked_ref()));
        t.set_onabort(Some(err.unchecked_ref()));
    })
    .await
    .map_err(|_| StoreError::from(tx.error().map(JsValue::from).unwrap_or(JsValue::NULL)))
}

async fn open() -> Result<IdbDatabase, StoreError> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| StoreError("IndexedDB unavailable".into()))?;
    let req = factory.open_with_u32(DB_NAME, DB_VERSION)?;
    let for_upgrade = req.clone();
    let upgrade = Closure::once_into_js(move || {
        if let Ok(db) = for_upgrade.result() {
            let db: IdbDatabase = db.unchecked_into();
            for store in [Store::Outbox, Store::Drafts] {
                if !db.object_store_names().contains(store.name()) {
                    let _ = db.create_object_store(store.name());
                }
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    Ok(request(&req).await?.unchecked_into())
}

async fn object_store(
    store: Store,
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, IdbObjectStore), StoreError> {
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(store.name(), mode)?;
    let os = tx.object_store(store.name())?;
    Ok((tx, os))
}

/// Saves (or replaces) `value` under `key`, returning once it is committed to disk.
pub async fn put(store: Store, key: &str, value: &str) -> Result<(), StoreError> {
    let (tx, os) = object_store(store, IdbTransactionMode::Readwrite).await?;
    os.put_with_key(&JsValue::from_str(value), &JsValue::from_str(key))?;
    committed(&tx).await
}

/// The text under `key`, if any.
pub async fn get(store: Store, key: &str) -> Result<Option<String>, StoreError> {
    let (_tx, os) = object_store(store, IdbTransactionMode::Readonly).await?;
    Ok(request(&os.get(&JsValue::from_str(key))?)
        .await?
        .as_string())
}

/// Every value of the store, in key order.
pub async fn all(store: Store) -> Result<Vec<String>, StoreError> {
    let (_tx, os) = object_store(store, IdbTransactionMode::Readonly).await?;
    let values: Array = request(&os.get_all()?).await?.unchecked_into();
    Ok(values.iter().filter_map(|v| v.as_string()).collect())
}

/// Removes `key`.
pub async fn delete(store: Store, key: &str) -> Result<(), StoreError> {
    let (tx, os) = object_store(store, IdbTransactionMode::Readwrite).await?;
    os.delete(&JsValue::from_str(key))?;
    committed(&tx).await
}
