//! IndexedDB plumbing (open a database, await a request or a commit) and, on top of it, the
//! draft's attachments: binary blobs too large for `localStorage` (which holds text only, about
//! 5 MB, and would need base64's extra third). The staff console's own database uses the same
//! plumbing (`staff::store`).
//!
//! Attachments: database `rekam`, object store `attachments`, keyed by the draft's prefix and the
//! attachment kind's wire name (`photo_3x4`), so saving a kind again replaces the old file.

use js_sys::{Function, Promise};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB_NAME: &str = "rekam";
const DB_VERSION: u32 = 1;
const STORE: &str = "attachments";

/// A browser-side storage failure, kept as the browser's own text for the log and the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdbError(pub String);

impl From<JsValue> for IdbError {
    fn from(value: JsValue) -> IdbError {
        let text = value
            .dyn_ref::<web_sys::DomException>()
            .map(|e| format!("{}: {}", e.name(), e.message()))
            .or_else(|| value.as_string())
            .unwrap_or_else(|| "IndexedDB error".to_string());
        IdbError(text)
    }
}

/// Resolves on the `success`/`complete` event, rejects on `error`/`abort`; `install` sets the
/// two handlers on the request or transaction.
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

/// Waits for a request's success (its result) or failure.
pub async fn request(req: &IdbRequest) -> Result<JsValue, IdbError> {
    let r = req.clone();
    wait_events(move |ok, err| {
        r.set_onsuccess(Some(ok.unchecked_ref()));
        r.set_onerror(Some(err.unchecked_ref()));
    })
    .await
    .map_err(|_| {
        IdbError::from(
            req.error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::NULL),
        )
    })?;
    Ok(req.result()?)
}

/// Waits until a write transaction is committed, so a reload right after cannot lose it.
pub async fn committed(tx: &IdbTransaction) -> Result<(), IdbError> {
    let t = tx.clone();
    wait_events(move |ok, err| {
        t.set_oncomplete(Some(ok.unchecked_ref()));
        t.set_onerror(Some(err.unchecked_ref()));
        t.set_onabort(Some(err.unchecked_ref()));
    })
    .await
    .map_err(|_| IdbError::from(tx.error().map(JsValue::from).unwrap_or(JsValue::NULL)))
}

/// Opens database `name` at `version`, creating any of `stores` it lacks.
pub async fn open(
    name: &str,
    version: u32,
    stores: &'static [&'static str],
) -> Result<IdbDatabase, IdbError> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| IdbError("IndexedDB unavailable".into()))?;
    let req = factory.open_with_u32(name, version)?;
    let for_upgrade = req.clone();
    let upgrade = Closure::once_into_js(move || {
        if let Ok(db) = for_upgrade.result() {
            let db: IdbDatabase = db.unchecked_into();
            for store in stores {
                if !db.object_store_names().contains(store) {
                    let _ = db.create_object_store(store);
                }
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    Ok(request(&req).await?.unchecked_into())
}

/// A transaction over one object store of `db`, and that store.
pub fn object_store(
    db: &IdbDatabase,
    name: &str,
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, IdbObjectStore), IdbError> {
    let tx = db.transaction_with_str_and_mode(name, mode)?;
    let store = tx.object_store(name)?;
    Ok((tx, store))
}

/// The attachments store of the resident's database.
async fn store(mode: IdbTransactionMode) -> Result<(IdbTransaction, IdbObjectStore), IdbError> {
    let db = open(DB_NAME, DB_VERSION, &[STORE]).await?;
    object_store(&db, STORE, mode)
}

/// Saves (or replaces) the blob under `key`.
pub async fn put(key: &str, blob: &Blob) -> Result<(), IdbError> {
    let (tx, store) = store(IdbTransactionMode::Readwrite).await?;
    store.put_with_key(blob, &JsValue::from_str(key))?;
    committed(&tx).await
}

/// The blob under `key`, or `None` if nothing is saved there.
pub async fn get(key: &str) -> Result<Option<Blob>, IdbError> {
    let (_tx, store) = store(IdbTransactionMode::Readonly).await?;
    let value = request(&store.get(&JsValue::from_str(key))?).await?;
    Ok(value.dyn_into::<Blob>().ok())
}

/// Removes the blob under `key`.
pub async fn delete(key: &str) -> Result<(), IdbError> {
    let (tx, store) = store(IdbTransactionMode::Readwrite).await?;
    store.delete(&JsValue::from_str(key))?;
    committed(&tx).await
}

/// Removes the blobs under `keys` in one transaction (a draft's files, after it was sent or
/// started over). Other keys stay: two drafts may share the store.
pub async fn delete_all(keys: &[String]) -> Result<(), IdbError> {
    let (tx, store) = store(IdbTransactionMode::Readwrite).await?;
    for key in keys {
        store.delete(&JsValue::from_str(key))?;
    }
    committed(&tx).await
}
