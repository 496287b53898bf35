//! Harness for Rekam's system and browser tests: starts the real Workers runtime (wrangler dev +
//! workerd with local D1/R2/Durable Objects/Queues state) and real headless Chromium, holds the
//! steps browser journeys are written in, and runs suites whose cases share both (`suite`).

pub mod audit_chain;
pub mod browser;
mod d1_file;
pub mod fingerprints;
pub mod fixtures;
mod local_files;
pub mod matcher_wait;
pub mod printing;
pub mod process_cpu;
mod process_group;
mod runtime;
pub mod seed;
pub mod suite;

pub use browser::Browser;
pub use runtime::{Runtime, StaffClient};

/// The repository root (tests run from `tests/`).
pub fn repo_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Where tests keep screenshots and other artifacts for people to look at.
pub fn artifacts_dir(test: &str) -> std::path::PathBuf {
    let dir = repo_root().join("tests/artifacts").join(test);
    std::fs::create_dir_all(&dir).expect("create artifacts dir");
    dir
}

/// A free loopback port, chosen by the OS.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// An HTTP client for the local runtime. Connections are not reused: workerd behind wrangler dev
/// may close an idle keep-alive connection just as a request is sent on it (seen as hyper's
/// `IncompleteMessage`), which would make tests flaky for a reason no user meets.
pub fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .expect("http client")
}

/// A plain GET through [`http_client`].
pub async fn get(url: String) -> reqwest::Response {
    http_client().get(url).send().await.expect("GET request")
}
