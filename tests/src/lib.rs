//! Harness for Rekam's system and browser tests: starts the real Workers runtime (wrangler dev +
//! workerd with local D1/R2/Durable Objects/Queues state) and real headless Chromium.

mod browser;
mod process_group;
mod runtime;
pub mod seed;

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
