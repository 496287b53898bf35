//! The extractor as a bare WebAssembly module for `tools/bench-engine-wasm.sh`: no wasm-bindgen,
//! just three C-ABI exports the Node.js harness calls (`alloc`, `extract_minutiae`, `dealloc`).

use biometrics::{extract, GrayImage};

/// Reserves `len` bytes in the module's memory for the harness to write pixels into.
#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let mut buffer = vec![0u8; len];
    let ptr = buffer.as_mut_ptr();
    std::mem::forget(buffer);
    ptr
}

/// Frees a buffer from [`alloc`].
///
/// # Safety
/// `ptr` and `len` must come from one earlier call of [`alloc`], not freed since.
#[no_mangle]
pub unsafe extern "C" fn dealloc(ptr: *mut u8, len: usize) {
    // SAFETY: the caller passes back exactly what `alloc` leaked.
    drop(unsafe { Vec::from_raw_parts(ptr, len, len) });
}

/// Extracts a template from `width x height` pixels at `ptr` and returns its minutiae count
/// (which the harness compares with the native run), or -1 for a bad size.
///
/// # Safety
/// `ptr` must point to `width * height` initialised bytes from [`alloc`].
#[no_mangle]
pub unsafe extern "C" fn extract_minutiae(ptr: *const u8, width: usize, height: usize) -> i32 {
    // SAFETY: the caller guarantees the buffer's extent.
    let pixels = unsafe { std::slice::from_raw_parts(ptr, width * height) }.to_vec();
    match GrayImage::new(width, height, pixels) {
        Some(image) => extract(&image).minutiae.len() as i32,
        None => -1,
    }
}

// Built natively (for `cargo test --examples`/clippy) it is only a library; nothing to run.
