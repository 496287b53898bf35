//! The staff Web Worker from the page's side: spawned on first use (the recording screen or the
//! QR scanner) and then kept for the page's life, so the next resident's recording starts at once
//! and recording carries on if the line drops later. The engine never runs on the main thread.

pub use extract_worker::{JobInput, JobOutput, Preview, StaffJob};
use gloo_worker::oneshot::OneshotBridge;
use gloo_worker::Spawnable;
use std::cell::RefCell;

/// The worker's wasm-bindgen module, built by `tools/build.sh` next to the app's.
pub const WORKER_SCRIPT: &str = "/pkg/extract_worker.js";

thread_local! {
    static BRIDGE: RefCell<Option<OneshotBridge<StaffJob>>> = const { RefCell::new(None) };
}

/// A bridge to the (single) worker; each caller gets its own fork so answers are not mixed.
fn bridge() -> OneshotBridge<StaffJob> {
    BRIDGE.with(|b| {
        let mut slot = b.borrow_mut();
        slot.get_or_insert_with(|| StaffJob::spawner().spawn(WORKER_SCRIPT))
            .fork()
    })
}

/// Starts the worker now (the recording screen calls this on mount, so the module is loading
/// while the operator picks the first file).
pub fn warm_up() {
    drop(bridge());
}

/// Runs one job in the worker.
pub async fn run(input: JobInput) -> JobOutput {
    bridge().run(input).await
}
