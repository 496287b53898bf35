//! Headless Chromium driven through chromedriver (WebDriver): one chromedriver process can serve
//! many sessions, and each session is its own Chromium with a fresh profile.

use crate::process_group::GroupChild;
use fantoccini::{Client, ClientBuilder, Locator};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::task::JoinHandle;

/// A running chromedriver. Sessions opened on it close when their [`Browser`] drops; [`stop`]
/// waits for those closings before the process ends.
///
/// [`stop`]: Chromedriver::stop
pub struct Chromedriver {
    // Fields drop in this order: the process ends before its log folder goes.
    _process: GroupChild,
    url: String,
    dir: tempfile::TempDir,
    closing: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl Chromedriver {
    /// Starts chromedriver on a free port (`CHROMEDRIVER` names the binary).
    pub fn start() -> Self {
        let port = crate::free_port();
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("chromedriver.log");
        let bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let process = GroupChild::spawn(&bin, &[format!("--port={port}")], &[], &log);
        Self {
            url: format!("http://127.0.0.1:{port}"),
            dir,
            closing: Arc::default(),
            _process: process,
        }
    }

    /// A new Chromium with a fresh profile at the given viewport, plus further Chromium switches
    /// (e.g. a fake camera fed from a file). `label` names its failure screenshots' folder.
    pub async fn open(&self, label: &str, width: u32, height: u32, extra: &[String]) -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let mut args = vec![
            "--headless".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--disable-dev-shm-usage".into(),
            format!("--window-size={width},{height}"),
            format!(
                "--user-data-dir={}",
                profile.path().join("chrome").display()
            ),
        ];
        args.extend_from_slice(extra);
        let caps: serde_json::Map<String, serde_json::Value> =
            serde_json::from_value(serde_json::json!({
                "goog:chromeOptions": { "binary": "/usr/bin/chromium", "args": args },
                "goog:loggingPrefs": { "browser": "ALL" }
            }))
            .unwrap();
        // chromedriver takes a moment to listen after it started.
        let deadline = Instant::now() + Duration::from_secs(30);
        let client = loop {
            match ClientBuilder::native()
                .capabilities(caps.clone())
                .connect(&self.url)
                .await
            {
                Ok(c) => break c,
                Err(_) if Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => panic!(
                    "chromedriver: {e}\n{}",
                    std::fs::read_to_string(self.dir.path().join("chromedriver.log"))
                        .unwrap_or_default()
                ),
            }
        };
        Browser {
            client,
            label: label.to_string(),
            profile: Some(profile),
            closing: Some(self.closing.clone()),
            own_driver: None,
        }
    }

    /// Waits until every session opened here has closed, then ends chromedriver.
    pub async fn stop(self) {
        let pending: Vec<_> = std::mem::take(&mut *self.closing.lock().unwrap());
        for closing in pending {
            let _ = closing.await;
        }
    }
}

/// One Chromium session.
pub struct Browser {
    pub client: Client,
    label: String,
    /// A private chromedriver: ending it ends Chromium with it (before the profile goes).
    own_driver: Option<Chromedriver>,
    profile: Option<tempfile::TempDir>,
    /// Where a session on a shared chromedriver registers its closing.
    closing: Option<Arc<Mutex<Vec<JoinHandle<()>>>>>,
}

impl Browser {
    /// Starts a private chromedriver and a headless Chromium with a fresh profile at the given
    /// viewport; both end when the browser drops.
    pub async fn start(width: u32, height: u32) -> Self {
        Self::start_with_args(width, height, &[]).await
    }

    /// As [`Browser::start`], with further Chromium switches.
    pub async fn start_with_args(width: u32, height: u32, extra: &[String]) -> Self {
        let driver = Chromedriver::start();
        let mut browser = driver.open("browser", width, height, extra).await;
        browser.closing = None;
        browser.own_driver = Some(driver);
        browser
    }

    /// Waits up to 15 s for an element, which is what a person would also tolerate.
    pub async fn find(&self, locator: Locator<'_>) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(locator)
            .await
            .unwrap_or_else(|e| panic!("element {locator:?} not found: {e}"))
    }

    /// Saves a PNG screenshot as a test artifact.
    pub async fn screenshot(&self, test: &str, name: &str) {
        let png = self.client.screenshot().await.expect("screenshot");
        std::fs::write(crate::artifacts_dir(test).join(format!("{name}.png")), png).unwrap();
    }

    /// Saves a screenshot of what the page showed when a step gave up waiting.
    pub async fn screenshot_failure(&self, name: &str) {
        self.screenshot(&format!("failures/{}", self.label), name)
            .await;
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // The profile must outlive the Chromium that writes to it: on a shared chromedriver the
        // session is closed first (WebDriver has no synchronous close), and chromedriver's
        // `stop` waits for it. A private chromedriver takes its Chromium down when it drops.
        let (Some(closing), Ok(handle)) = (&self.closing, tokio::runtime::Handle::try_current())
        else {
            return;
        };
        let client = self.client.clone();
        let profile = self.profile.take();
        let task = handle.spawn(async move {
            let _ = client.close().await;
            drop(profile);
        });
        closing.lock().unwrap().push(task);
    }
}
