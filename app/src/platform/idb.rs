//! IndexedDB access for the draft's attachments: binary blobs too large for `localStorage`
//! (which holds text only, about 5 MB, and would need base64's extra third).
//!
//! One database `rekam`, one object store `attachments`, keyed by the draft's prefix and the
//! attachment kind's wire name (`photo_3x4`), so saving a kind again replaces the old file.

use js_sys::{Function, Promise};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB_NAME: &str = "rekam";
const DB_VERSION: u32 = 1;
const STORE: &str = "attachments";

/// A browser-side storage failure, kept as the browser's own text for the log; the UI only
/// needs to know that saving failed.
#[derive(Debug, Clone)]
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

/// Resolves when `target` fires `on_ok`, rejects on `on_err`; `setup` installs the two handlers.
async fn event_future(setup: impl FnOnce(Function, Function)) -> Result<(), JsValue> {
    let mut setup = Some(setup);
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        if let Some(setup) = setup.take() {
            setup(resolve, reject);
        }
    });
    JsFuture::from(promise).await.map(|_| ())
}

/// Waits for a request's success (its result) or failure.
async fn request(req: &IdbRequest) -> Result<JsValue, IdbError> {
    let r = req.clone();
    event_future(|resolve, reject| {
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let err = Closure::once_into_js(move |event: web_sys::Event| {
            let _ = reject.call1(&JsValue::NULL, &event);
        });
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
async fn committed(tx: &IdbTransaction) -> Result<(), IdbError> {
    let t = tx.clone();
    event_future(|resolve, reject| {
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let err = Closure::once_into_js(move |event: web_sys::Event| {
            let _ = reject.call1(&JsValue::NULL, &event);
        });
        let abort = err.clone();
        t.set_oncomplete(Some(ok.unchecked_ref()));
        t.set_onerror(Some(err.unchecked_ref()));
        t.set_onabort(Some(abort.unchecked_ref()));
    })
    .await
    .map_err(|_| IdbError::from(tx.error().map(JsValue::from).unwrap_or(JsValue::NULL)))
}

async fn open() -> Result<IdbDatabase, IdbError> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| IdbError("IndexedDB unavailable".into()))?;
    let req = factory.open_with_u32(DB_NAME, DB_VERSION)?;
    let for_upgrade = req.clone();
    let upgrade = Closure::once_into_js(move || {
        if let Ok(db) = for_upgrade.result() {
            let db: IdbDatabase = db.unchecked_into();
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    Ok(request(&req).await?.unchecked_into())
}

fn store(
    db: &IdbDatabase,
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, web_sys::IdbObjectStore), IdbError> {
    let tx = db.transaction_with_str_and_mode(STORE, mode)?;
    let store = tx.object_store(STORE)?;
    Ok((tx, store))
}

/// Saves (or replaces) the blob under `key`.
pub async fn put(key: &str, blob: &Blob) -> Result<(), IdbError> {
    let db = open().await?;
    let (tx, store) = store(&db, IdbTransactionMode::Readwrite)?;
    store.put_with_key(blob, &JsValue::from_str(key))?;
    committed(&tx).await
}

/// The blob under `key`, or `None` if nothing is saved there.
pub async fn get(key: &str) -> Result<Option<Blob>, IdbError> {
    let db = open().await?;
    let (_tx, store) = store(&db, IdbTransactionMode::Readonly)?;
    let value = request(&store.get(&JsValue::from_str(key))?).await?;
    Ok(value.dyn_into::<Blob>().ok())
}

/// Removes the blob under `key`.
pub async fn delete(key: &str) -> Result<(), IdbError> {
    let db = open().await?;
    let (tx, store) = store(&db, IdbTransactionMode::Readwrite)?;
    store.delete(&JsValue::from_str(key))?;
    committed(&tx).await
}

/// Removes the blobs under `keys` in one transaction (a draft's files, after it was sent or
/// started over). Other keys stay: two drafts may share the store.
pub async fn delete_all(keys: &[String]) -> Result<(), IdbError> {
    let db = open().await?;
    let (tx, store) = store(&db, IdbTransactionMode::Readwrite)?;
    for key in keys {
        store.delete(&JsValue::from_str(key))?;
    }
    committed(&tx).await
}
