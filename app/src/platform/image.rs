//! In-browser image preparation with a canvas: the 3x4 photo cropped and compressed to JPEG, and
//! document photos scaled down to a readable size. Phones take 3-12 MB pictures; the upload
//! limits (photo 200 KB, other images 1 MiB) and weak connections make shrinking them here, before
//! anything is sent or stored, the only workable choice.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement, HtmlImageElement, Url};

/// Output size of the 3x4 photo: 3:4 at about 400 dpi of a 3x4 cm print, comfortably above
/// what the card prints and small enough to fit the photo limit at good quality.
pub const PHOTO_WIDTH_PX: u32 = 450;
pub const PHOTO_HEIGHT_PX: u32 = 600;
/// Longest side of a document image: small print on an A4 letter stays legible.
pub const DOCUMENT_MAX_SIDE_PX: u32 = 1600;
/// JPEG qualities tried in turn until the result fits its limit.
const QUALITIES: [f64; 5] = [0.85, 0.75, 0.65, 0.55, 0.45];
/// If no quality fits, the image is scaled by this factor and tried again, a few times.
const RESCALE: f64 = 0.75;
const MAX_RESCALES: u32 = 4;

/// Why an image could not be prepared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageError {
    /// The browser could not decode the file as an image.
    NotAnImage,
    /// Even the smallest version is over the limit (a pathological image).
    TooLarge,
    /// No canvas (an old browser); the app asks for another browser.
    Canvas,
}

/// Decodes the image in `file`.
async fn load(file: &Blob) -> Result<HtmlImageElement, ImageError> {
    let url = Url::create_object_url_with_blob(file).map_err(|_| ImageError::NotAnImage)?;
    let img = HtmlImageElement::new().map_err(|_| ImageError::Canvas)?;
    img.set_src(&url);
    let decoded = JsFuture::from(img.decode()).await;
    let _ = Url::revoke_object_url(&url);
    decoded.map_err(|_| ImageError::NotAnImage)?;
    if img.natural_width() == 0 || img.natural_height() == 0 {
        return Err(ImageError::NotAnImage);
    }
    Ok(img)
}

/// Encodes the canvas as JPEG at `quality`.
async fn encode(canvas: &HtmlCanvasElement, quality: f64) -> Result<Blob, ImageError> {
    let promise = js_sys::Promise::new(&mut |resolve: js_sys::Function, _reject| {
        let on_fail = resolve.clone();
        let callback = Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        let started = canvas.to_blob_with_type_and_encoder_options(
            callback.unchecked_ref(),
            "image/jpeg",
            &JsValue::from_f64(quality),
        );
        if started.is_err() {
            // Resolve with null so the caller gets an error instead of waiting forever.
            let _ = on_fail.call1(&JsValue::NULL, &JsValue::NULL);
        }
    });
    let value = JsFuture::from(promise)
        .await
        .map_err(|_| ImageError::Canvas)?;
    value.dyn_into::<Blob>().map_err(|_| ImageError::Canvas)
}

/// Draws the source rectangle `(sx, sy, sw, sh)` of `img` onto a fresh `w` x `h` canvas.
fn draw(
    img: &HtmlImageElement,
    src: (f64, f64, f64, f64),
    w: u32,
    h: u32,
) -> Result<HtmlCanvasElement, ImageError> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(ImageError::Canvas)?;
    let canvas: HtmlCanvasElement = doc
        .create_element("canvas")
        .map_err(|_| ImageError::Canvas)?
        .dyn_into()
        .map_err(|_| ImageError::Canvas)?;
    canvas.set_width(w.max(1));
    canvas.set_height(h.max(1));
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or(ImageError::Canvas)?;
    // JPEG has no transparency: paint white first so transparent PNGs do not turn black.
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, f64::from(w), f64::from(h));
    ctx.draw_image_with_html_image_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
        img,
        src.0,
        src.1,
        src.2,
        src.3,
        0.0,
        0.0,
        f64::from(w),
        f64::from(h),
    )
    .map_err(|_| ImageError::Canvas)?;
    Ok(canvas)
}

/// Draws at decreasing sizes and qualities until the JPEG fits `max_bytes`.
async fn fit(
    img: &HtmlImageElement,
    src: (f64, f64, f64, f64),
    (w, h): (u32, u32),
    max_bytes: u32,
) -> Result<Blob, ImageError> {
    let mut scale = 1.0;
    for _ in 0..=MAX_RESCALES {
        let (sw, sh) = (
            (f64::from(w) * scale).round() as u32,
            (f64::from(h) * scale).round() as u32,
        );
        let canvas = draw(img, src, sw, sh)?;
        for quality in QUALITIES {
            let blob = encode(&canvas, quality).await?;
            if blob.size() <= f64::from(max_bytes) {
                return Ok(blob);
            }
        }
        scale *= RESCALE;
    }
    Err(ImageError::TooLarge)
}

/// The 3x4 photo: the largest centred 3:4 crop of the picture, as a JPEG of at most `max_bytes`.
pub async fn photo_3x4(file: &Blob, max_bytes: u32) -> Result<Blob, ImageError> {
    let img = load(file).await?;
    let (w, h) = (
        f64::from(img.natural_width()),
        f64::from(img.natural_height()),
    );
    let crop = crop_3x4(w, h);
    fit(&img, crop, (PHOTO_WIDTH_PX, PHOTO_HEIGHT_PX), max_bytes).await
}

/// A document picture: scaled so the longest side is at most [`DOCUMENT_MAX_SIDE_PX`], as a
/// JPEG of at most `max_bytes`.
pub async fn document(file: &Blob, max_bytes: u32) -> Result<Blob, ImageError> {
    let img = load(file).await?;
    let (w, h) = (img.natural_width(), img.natural_height());
    let size = scaled_within(w, h, DOCUMENT_MAX_SIDE_PX);
    fit(
        &img,
        (0.0, 0.0, f64::from(w), f64::from(h)),
        size,
        max_bytes,
    )
    .await
}

/// The largest centred rectangle of aspect 3:4 (width:height) inside `w` x `h`.
pub fn crop_3x4(w: f64, h: f64) -> (f64, f64, f64, f64) {
    if w * 4.0 > h * 3.0 {
        let cw = h * 3.0 / 4.0;
        ((w - cw) / 2.0, 0.0, cw, h)
    } else {
        let ch = w * 4.0 / 3.0;
        (0.0, (h - ch) / 2.0, w, ch)
    }
}

/// `w` x `h` scaled down (never up) so the longest side is at most `max_side`.
pub fn scaled_within(w: u32, h: u32, max_side: u32) -> (u32, u32) {
    let longest = w.max(h);
    if longest <= max_side {
        return (w, h);
    }
    let f = f64::from(max_side) / f64::from(longest);
    (
        (f64::from(w) * f).round().max(1.0) as u32,
        (f64::from(h) * f).round().max(1.0) as u32,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crop_is_centred_and_three_by_four() {
        assert_eq!(crop_3x4(400.0, 400.0), (50.0, 0.0, 300.0, 400.0));
        assert_eq!(crop_3x4(1200.0, 800.0), (300.0, 0.0, 600.0, 800.0));
        assert_eq!(crop_3x4(600.0, 1200.0), (0.0, 200.0, 600.0, 800.0));
    }

    #[test]
    fn documents_scale_down_but_never_up() {
        assert_eq!(scaled_within(4000, 3000, 1600), (1600, 1200));
        assert_eq!(scaled_within(3000, 4000, 1600), (1200, 1600));
        assert_eq!(scaled_within(800, 600, 1600), (800, 600));
    }
}
