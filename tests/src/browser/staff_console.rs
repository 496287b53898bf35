//! Steps of the kecamatan staff console as an operator takes them: signing in, opening an
//! application, recording biometrics, reading the outbox; and the server ending a session.

use super::act::choose_file;
use super::find::{button, field, heading};
use super::network::cookie_for;
use super::wait::{wait_js, wait_text};
use super::Browser;
use crate::fingerprints::{finger_image, finger_name};
use crate::Runtime;
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::Locator;
use serde_json::json;
use sha2::{Digest, Sha256};
use std::time::{Duration, Instant};

/// The heading of the screen a kecamatan operator lands on after signing in.
const QUEUE: &str = "Antrean permohonan";
/// The heading of an application's document check screen.
const CHECK: &str = "Pemeriksaan berkas";

/// Opens the sign-in page, signs in as `username` (the demo password) and waits for the queue.
/// The page's errors and warnings are kept in `window.__errs` for the failure message.
pub async fn sign_in(b: &Browser, base: &str, username: &str) {
    b.client.goto(&format!("{base}/staf/masuk")).await.unwrap();
    b.client
        .execute(
            "window.__errs = []; addEventListener('error', e => __errs.push(String(e.message))); \
             const ce = console.error; console.error = (...a) => { __errs.push(a.join(' ')); ce(...a); }; \
             const cw = console.warn; console.warn = (...a) => { __errs.push(a.join(' ')); cw(...a); };",
            vec![],
        )
        .await
        .unwrap();
    fill_sign_in(b, username).await;
    let deadline = Instant::now() + Duration::from_secs(45);
    let on_queue = format!(
        "return !!Array.from(document.querySelectorAll('h1')).find(h => h.innerText.trim() === '{QUEUE}');"
    );
    while Instant::now() < deadline {
        if b.client.execute(&on_queue, vec![]).await.unwrap() == json!(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    b.screenshot_failure("sign-in").await;
    let text = b
        .client
        .execute(
            "return [location.href, document.body.innerText, window.__errs];",
            vec![],
        )
        .await
        .unwrap();
    panic!("no queue after signing in; page says: {text}");
}

/// Types `username` and the demo password into the sign-in form on screen and sends it.
pub async fn fill_sign_in(b: &Browser, username: &str) {
    field(b, "Nama pengguna")
        .await
        .send_keys(username)
        .await
        .unwrap();
    field(b, "Kata sandi")
        .await
        .send_keys(crate::seed::DEMO_PASSWORD)
        .await
        .unwrap();
    button(b, "Masuk").await.click().await.unwrap();
}

/// The server forgets this browser's session (as on expiry, or an administrator signing the
/// operator out), leaving every other session on the runtime alone.
pub async fn end_session(b: &Browser, rt: &Runtime) {
    let token = cookie_for(b, &rt.url("/api/"), "rekam_session")
        .await
        .expect("the browser holds a session cookie");
    // The server keeps only the token's SHA-256 (hex), never the token.
    let hash: String = Sha256::digest(token.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let gone = rt.d1_query(&format!(
        "DELETE FROM sessions WHERE token_hash = '{hash}' RETURNING token_hash"
    ));
    assert_eq!(
        gone.as_array().map(Vec::len),
        Some(1),
        "the session was on the server"
    );
}

/// Waits until the document check screen is on show, up to `secs`.
async fn wait_check_screen(b: &Browser, secs: u64) {
    wait_js(
        b,
        &format!(
            "Array.from(document.querySelectorAll('h1')).some(h => h.innerText.trim() === '{CHECK}')"
        ),
        secs,
        "the document check screen",
    )
    .await;
}

/// Opens an application from the queue screen by typing its registration code.
pub async fn open_by_code(b: &Browser, code: &str) {
    let input = field(b, "Kode pendaftaran").await;
    input.clear().await.unwrap();
    input.send_keys(code).await.unwrap();
    button(b, "Buka").await.click().await.unwrap();
    // Generous: browsers and runtimes share two cores when suites run in parallel.
    wait_check_screen(b, 45).await;
    wait_text(b, code, 30).await;
}

/// Waits for the document check screen of application `id` (opened by any way).
pub async fn on_check_page(b: &Browser, id: &str) {
    wait_check_screen(b, 60).await;
    let path = b.client.current_url().await.unwrap().path().to_string();
    assert!(
        path.ends_with(&format!("/kecamatan/permohonan/{id}")),
        "{path}"
    );
}

/// The recording screen's file input for ISO finger `position` (1-10).
pub fn finger_field(position: u8) -> String {
    format!("Berkas sidik jari: {position}. {}", finger_name(position))
}

/// Chooses the scanner images of fingers `positions` on the recording screen.
pub async fn scan_fingers(b: &Browser, positions: impl IntoIterator<Item = u8>) {
    for position in positions {
        let path = finger_image(position);
        assert!(path.exists(), "missing {}", path.display());
        choose_file(b, &finger_field(position), &path).await;
    }
}

/// Waits until `n` fingers have a template on the recording screen, up to `secs`.
pub async fn wait_templates(b: &Browser, n: usize, secs: u64, what: &str) {
    let script =
        format!("document.querySelectorAll('.finger-slot[data-extract-ms]').length === {n}");
    wait_js(b, &script, secs, what).await;
}

/// One recording's ten extractions at a time in this process. Extraction keeps a core busy per
/// browser; two cases of a suite extracting at once on a 2-core machine starve each other's page
/// thread, and the freeze check below would measure that contention instead of our page.
static EXTRACTING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Waits for this case's turn to extract ten prints (see `EXTRACTING`); hold it while they
/// are read.
pub async fn extraction_turn() -> tokio::sync::MutexGuard<'static, ()> {
    EXTRACTING.lock().await
}

/// Uploads the ten FVC images, the face and a drawn signature on the recording screen; returns
/// the per-finger extraction times (ms, measured inside the Web Worker) and the wall time.
/// Fails if the page froze while the images were read, or extraction ran outside the worker.
pub async fn record_biometrics(b: &Browser, face: &std::path::Path) -> (Vec<f64>, Duration) {
    heading(b, "Perekaman biometrik").await;
    let _turn = extraction_turn().await;
    // The main thread's longest pause while the ten images are read: a 50 ms timer keeps
    // ticking unless something (extraction on the main thread would) blocks the page.
    b.client
        .execute(
            "let last = performance.now(); window.__maxGap = 0; \
             window.__gapTimer = setInterval(() => { const n = performance.now(); \
             window.__maxGap = Math.max(window.__maxGap, n - last); last = n; }, 50);",
            vec![],
        )
        .await
        .unwrap();
    let started = Instant::now();
    scan_fingers(b, 1..=10).await;
    wait_templates(b, 10, 120, "ten templates").await;
    let wall = started.elapsed();
    let max_gap = b
        .client
        .execute(
            "clearInterval(window.__gapTimer); return window.__maxGap;",
            vec![],
        )
        .await
        .unwrap()
        .as_f64()
        .unwrap();
    eprintln!("longest main-thread pause while extracting: {max_gap:.0} ms");
    // Generous for two shared cores, yet below what a blocked page shows.
    assert!(max_gap < 250.0, "the page froze for {max_gap:.0} ms");
    let times: Vec<f64> = serde_json::from_value(
        b.client
            .execute(
                "return Array.from(document.querySelectorAll('.finger-slot')).map(e => Number(e.dataset.extractMs));",
                vec![],
            )
            .await
            .unwrap(),
    )
    .unwrap();
    // The engine's clock is the worker scope's `performance`: a time above zero shows the
    // extraction ran inside the Web Worker (on the main thread it would read 0).
    assert!(
        times.iter().all(|t| *t > 0.0),
        "extraction ran outside the worker: {times:?}"
    );

    choose_file(b, "Berkas foto wajah", face).await;
    b.find(Locator::Css("img[alt='Foto wajah yang akan dikirim']"))
        .await;
    sign_on_pad(b).await;
    (times, wall)
}

/// Draws a signature stroke on the signature pad with the mouse.
pub async fn sign_on_pad(b: &Browser) {
    let pad = b
        .find(Locator::Css(
            "canvas[aria-label='Bidang tanda tangan: minta pemohon menandatangani di sini']",
        ))
        .await;
    let stroke = MouseActions::new("signer".into())
        .then(PointerAction::MoveToElement {
            element: pad,
            duration: None,
            x: -200.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveBy {
            duration: Some(Duration::from_millis(100)),
            x: 80.0,
            y: 30.0,
        })
        .then(PointerAction::MoveBy {
            duration: Some(Duration::from_millis(100)),
            x: 80.0,
            y: -40.0,
        })
        .then(PointerAction::MoveBy {
            duration: Some(Duration::from_millis(100)),
            x: 120.0,
            y: 25.0,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    b.client.perform_actions(stroke).await.unwrap();
}

/// The outbox states shown on the page, in order.
pub async fn outbox_states(b: &Browser) -> Vec<String> {
    let v = b
        .client
        .execute(
            "return Array.from(document.querySelectorAll('.outbox-item .outbox-state')).map(e => e.innerText.trim());",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(v).unwrap()
}

/// On the document check: opens every uploaded document (an image in the viewer, a PDF in its
/// tab) and ticks it as matching the original, which accepting needs.
pub async fn check_every_document(b: &Browser) {
    let items = "//li[contains(@class,'doc-item') and not(contains(@class,'missing'))]";
    // The checklist is on screen once its first line is.
    b.find(Locator::XPath(items)).await;
    let n = b
        .client
        .execute(
            "return document.querySelectorAll('.doc-item:not(.missing)').length;",
            vec![],
        )
        .await
        .unwrap()
        .as_u64()
        .unwrap();
    for i in 1..=n {
        let item = format!("({items})[{i}]");
        b.find(Locator::XPath(&format!(
            "{item}//button[starts-with(normalize-space(.),'Lihat')]"
        )))
        .await
        .click()
        .await
        .unwrap();
        let shown = b
            .find(Locator::XPath(&format!(
                "{item}//*[self::img or self::a[normalize-space(.)='Buka PDF']]"
            )))
            .await;
        if shown.tag_name().await.unwrap() == "a" {
            shown.click().await.unwrap();
        }
        b.find(Locator::XPath(&format!(
            "{item}//input[@type='checkbox' and not(@disabled)]"
        )))
        .await
        .click()
        .await
        .unwrap();
    }
    wait_js(
        b,
        "Array.from(document.querySelectorAll('.doc-confirm input')).every(e => e.checked)",
        10,
        "every document ticked",
    )
    .await;
}
