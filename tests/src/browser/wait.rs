//! Waiting for the page to reach a state, with a deadline and, on timeout, a screenshot and the
//! page's text in the failure.

use super::find::lit;
use super::Browser;
use fantoccini::Locator;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// Waits until `script` (a JS expression) is truthy, up to `secs`; returns its value.
pub async fn wait_js(b: &Browser, script: &str, secs: u64, what: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        let v = b
            .client
            .execute(&format!("return ({script});"), vec![])
            .await
            .expect("execute");
        if !(v.is_null() || v == json!(false) || v == json!(0)) {
            return v;
        }
        if Instant::now() > deadline {
            b.screenshot_failure("timeout").await;
            let page = b
                .client
                .execute("return [location.href, document.body.innerText];", vec![])
                .await
                .unwrap_or_default();
            panic!("timed out waiting for {what}: {script}\npage: {page}");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Waits until the page's text contains `text`, up to `secs`.
pub async fn wait_text(b: &Browser, text: &str, secs: u64) {
    let script = format!(
        "document.body && document.body.innerText.includes({})",
        serde_json::to_string(text).unwrap()
    );
    wait_js(b, &script, secs, text).await;
}

/// Waits (as [`Browser::find`] does) until `xpath` matches an element whose text contains `text`.
pub async fn wait_text_in(b: &Browser, xpath: &str, text: &str) {
    let full = format!("{xpath}[contains(normalize-space(.), {})]", lit(text));
    b.find(Locator::XPath(&full)).await;
}

/// Whether the promise that the JS expression `script` gives resolves truthy.
pub async fn promise_holds(b: &Browser, script: &str) -> bool {
    let run = format!(
        "const done = arguments[arguments.length - 1]; Promise.resolve().then(() => ({script})).then(v => done(!!v), () => done(false));"
    );
    b.client.execute_async(&run, vec![]).await.unwrap() == json!(true)
}

/// Waits until the promise `script` gives resolves truthy, up to `secs`.
pub async fn wait_promise(b: &Browser, script: &str, secs: u64, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while !promise_holds(b, script).await {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

/// Waits until the service worker controls the page (it installed and precached the shell), so
/// the app opens again without a network.
pub async fn sw_in_control(b: &Browser) {
    wait_js(
        b,
        "navigator.serviceWorker && navigator.serviceWorker.controller !== null",
        30,
        "service worker in control",
    )
    .await;
}

/// Waits until the service worker's caches hold `path`, so the page can load it offline.
pub async fn wait_cached(b: &Browser, path: &str, secs: u64) {
    wait_promise(
        b,
        &format!("caches.match({}).then((r) => !!r)", serde_json::json!(path)),
        secs,
        &format!("{path} cached by the service worker"),
    )
    .await;
}
