//! Headless Chromium driven through chromedriver (WebDriver), one private instance per test.

use crate::process_group::GroupChild;
use fantoccini::{Client, ClientBuilder, Locator};
use std::time::{Duration, Instant};

pub struct Browser {
    pub client: Client,
    _driver: GroupChild,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Starts chromedriver and a headless Chromium with a fresh profile at the given viewport.
    pub async fn start(width: u32, height: u32) -> Self {
        Self::start_with_args(width, height, &[]).await
    }

    /// As [`Browser::start`], with further Chromium switches (e.g. a fake camera fed from a file).
    pub async fn start_with_args(width: u32, height: u32, extra: &[String]) -> Self {
        let port = crate::free_port();
        let profile = tempfile::tempdir().unwrap();
        let log = profile.path().join("chromedriver.log");
        let driver_bin =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let driver = GroupChild::spawn(&driver_bin, &[format!("--port={port}")], &[], &log);
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
        let deadline = Instant::now() + Duration::from_secs(30);
        let client = loop {
            match ClientBuilder::native()
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(c) => break c,
                Err(e) if Instant::now() < deadline => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => panic!(
                    "chromedriver: {e}\n{}",
                    std::fs::read_to_string(&log).unwrap_or_default()
                ),
            }
        };
        Self {
            client,
            _driver: driver,
            _profile: profile,
        }
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
}
