//! The page's network as a test sees and shapes it: cutting the line with DevTools network
//! emulation, and recording every request body the page sends.

use super::Browser;
use serde_json::{json, Value};

/// chromedriver's CDP passthrough: `POST /session/{id}/goog/cdp/execute`.
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _url: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params }).to_string();
        (http::Method::POST, Some(body))
    }
}

/// Cuts or restores the page's network with DevTools network emulation: while offline, Chromium
/// fails every request of the page at the network layer (and fires `offline`/`online`).
pub async fn set_offline(b: &Browser, offline: bool) {
    b.client
        .issue_cmd(Cdp {
            cmd: "Network.enable",
            params: json!({}),
        })
        .await
        .expect("Network.enable");
    b.client
        .issue_cmd(Cdp {
            cmd: "Network.emulateNetworkConditions",
            params: json!({
                "offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1
            }),
        })
        .await
        .expect("Network.emulateNetworkConditions");
}

/// The value of the cookie `name` that the browser would send to `url`, HttpOnly or not (a
/// cookie scoped to a path such as `/api` is invisible to WebDriver's cookie commands on a page
/// outside that path, so this asks DevTools).
pub async fn cookie_for(b: &Browser, url: &str, name: &str) -> Option<String> {
    let found = b
        .client
        .issue_cmd(Cdp {
            cmd: "Network.getCookies",
            params: json!({ "urls": [url] }),
        })
        .await
        .expect("Network.getCookies");
    found["cookies"]
        .as_array()?
        .iter()
        .find(|c| c["name"] == name)
        .and_then(|c| c["value"].as_str())
        .map(str::to_string)
}

/// Records every request body the page sends (fetch, XHR, sendBeacon) in `window.__sent`: its
/// url, method, size, whether it holds TIFF magic bytes raw (`tiffRaw`) or base64-encoded
/// (`tiffB64`), and the text of JSON bodies (`text`).
const REQUEST_RECORDER: &str = r#"
window.__sent = [];
const tiffRaw = (u8) => { for (let i = 0; i + 3 < u8.length; i++) {
  if ((u8[i] === 0x49 && u8[i+1] === 0x49 && u8[i+2] === 0x2A && u8[i+3] === 0) ||
      (u8[i] === 0x4D && u8[i+1] === 0x4D && u8[i+2] === 0 && u8[i+3] === 0x2A)) return true; } return false; };
const note = (url, method, buf) => { const u8 = new Uint8Array(buf); const text = new TextDecoder().decode(u8);
  window.__sent.push({ url, method, size: u8.length, tiffRaw: tiffRaw(u8), tiffB64: text.includes('SUkqA') || text.includes('TU0AK'), text: text.startsWith('{') ? text : '' }); };
const origFetch = window.fetch.bind(window);
window.fetch = (input, init) => { const req = new Request(input, init);
  if (req.method !== 'GET' && req.method !== 'HEAD') { req.clone().arrayBuffer().then(b => note(req.url, req.method, b)); }
  return origFetch(req); };
const origSend = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.send = function (body) { if (body != null) { new Response(body).arrayBuffer().then(b => note('xhr', 'POST', b)); } return origSend.call(this, body); };
const origBeacon = navigator.sendBeacon.bind(navigator);
navigator.sendBeacon = (url, data) => { new Response(data).arrayBuffer().then(b => note(url, 'BEACON', b)); return origBeacon(url, data); };
return true;
"#;

/// Starts recording the running page's request bodies (see [`REQUEST_RECORDER`]); a page load
/// ends the recording, so install it once the app is a single page from here on.
pub async fn record_request_bodies(b: &Browser) {
    b.client.execute(REQUEST_RECORDER, vec![]).await.unwrap();
}

/// Renders the page as for printing (`@media print`) or, with `None`, for the screen again: a
/// print view's screenshot without a print dialog.
pub async fn emulate_media(b: &Browser, media: Option<&str>) {
    b.client
        .issue_cmd(Cdp {
            cmd: "Emulation.setEmulatedMedia",
            params: json!({ "media": media.unwrap_or("") }),
        })
        .await
        .expect("Emulation.setEmulatedMedia");
}
