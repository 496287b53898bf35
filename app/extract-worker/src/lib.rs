//! The one job type of the staff Web Worker: fingerprint template extraction (and QR reading), as
//! a gloo-worker oneshot. The app depends on this crate only to spawn the worker (it never calls
//! the body) and the worker binary registers it, so both sides agree on the messages by
//! construction.

use gloo_worker::oneshot::oneshot;
use serde::{Deserialize, Serialize};

/// Work sent to the worker.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum JobInput {
    /// A scanner image (PNG, BMP, TIFF, JPEG or WSQ). `ppi` is the scanner's resolution when the
    /// file does not say; the engine resamples to 500 ppi.
    Extract { image: Vec<u8>, ppi: u16 },
    /// One camera frame as 8-bit luma, row-major, for QR reading.
    ScanQr {
        width: u32,
        height: u32,
        luma: Vec<u8>,
    },
}

/// What the worker answers.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum JobOutput {
    /// The wire-form template (`biometrics::template::wire`), its quality 0-100, the number of
    /// minutiae, the time the engine took inside the worker, and a small picture of the print
    /// for the operator's eye (shown in the page only; never stored or sent).
    Template {
        wire: Vec<u8>,
        quality: u8,
        minutiae: u32,
        millis: f64,
        preview: Preview,
    },
    /// The file is not an image the engine reads (the codec's reason, for the log only).
    Unreadable { reason: String },
    /// The text of the first QR code found, if any.
    Qr { text: Option<String> },
}

/// A thumbnail of a print: 8-bit gray, row-major, at most [`PREVIEW_WIDTH`] pixels wide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preview {
    pub width: u32,
    pub height: u32,
    pub gray: Vec<u8>,
}

/// The widest thumbnail: enough to judge a smudge or a partial print at a glance.
pub const PREVIEW_WIDTH: usize = 120;

impl Preview {
    /// `gray` reduced by a whole step (nearest pixel), so the thumbnail keeps the print's shape.
    fn of(gray: &biometrics::GrayImage) -> Preview {
        let step = gray.width.div_ceil(PREVIEW_WIDTH).max(1);
        let (width, height) = (gray.width.div_ceil(step), gray.height.div_ceil(step));
        let pixels = (0..height)
            .flat_map(|y| (0..width).map(move |x| (x, y)))
            .map(|(x, y)| gray.pixels[(y * step) * gray.width + x * step])
            .collect();
        Preview {
            width: width as u32,
            height: height as u32,
            gray: pixels,
        }
    }
}

/// Runs one job. In the app this body is never reached (only the worker binary registers it), so
/// link-time dead-code elimination keeps the engine out of the main bundle.
#[oneshot]
pub async fn StaffJob(input: JobInput) -> JobOutput {
    match input {
        JobInput::Extract { image, ppi } => extract(&image, ppi),
        JobInput::ScanQr {
            width,
            height,
            luma,
        } => JobOutput::Qr {
            text: qr_decode::scan(width, height, &luma),
        },
    }
}

fn extract(image: &[u8], ppi: u16) -> JobOutput {
    let started = now_ms();
    match biometrics::codec::decode(image, ppi) {
        Ok(gray) => {
            let template = biometrics::extract(&gray);
            let wire = biometrics::template::wire::encode(&template);
            JobOutput::Template {
                quality: template.quality,
                minutiae: template.minutiae.len() as u32,
                wire,
                millis: now_ms() - started,
                preview: Preview::of(&gray),
            }
        }
        Err(e) => JobOutput::Unreadable {
            reason: format!("{e:?}"),
        },
    }
}

/// Milliseconds from the worker's performance clock (the engine itself reads no clock).
fn now_ms() -> f64 {
    use wasm_bindgen::JsCast;
    js_sys::global()
        .dyn_into::<web_sys::WorkerGlobalScope>()
        .ok()
        .and_then(|g| g.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}
