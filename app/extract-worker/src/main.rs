//! The staff Web Worker binary: registers the extraction/QR job. Bundled separately
//! (`wasm-bindgen --target web`) and loaded only by the recording screen and the QR scanner, so
//! the resident's download never carries the fingerprint engine.

fn main() {
    // Natively (clippy, tests) there is no worker scope; the job itself is checked through the lib.
    #[cfg(target_arch = "wasm32")]
    {
        use gloo_worker::Registrable;
        extract_worker::StaffJob::registrar().register();
    }
}
