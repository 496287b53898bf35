//! Reading the QR of a receipt or status page with the tablet camera: video frames are drawn to a
//! canvas, reduced to luma and decoded in the staff Web Worker (pure-Rust `rqrr`), a few times a
//! second, until a code is found. The camera is released when the scanner closes or unmounts.

use crate::extraction::{self, JobInput, JobOutput};
use crate::i18n::t;
use crate::kecamatan::strings::*;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream,
    MediaStreamConstraints,
};

/// Frames are scaled to this width before decoding: enough for a receipt QR at arm's length.
const FRAME_WIDTH_PX: u32 = 640;
/// Pause between decode attempts, so the tablet stays cool and responsive.
const FRAME_INTERVAL_MS: i32 = 250;

/// The registration code in a scanned text: the last path segment after `/s/`, or the text.
pub fn code_from_scan(text: &str) -> String {
    let text = text.trim();
    match text.rfind("/s/") {
        Some(i) => text[i + 3..].trim_end_matches('/').to_string(),
        None => text.to_string(),
    }
}

/// The scan button and, while open, the camera view.
#[component]
pub fn QrScanner(on_code: Callback<String>) -> impl IntoView {
    let open = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let video = NodeRef::<leptos::html::Video>::new();
    let stream: Rc<RefCell<Option<MediaStream>>> = Rc::new(RefCell::new(None));
    let generation = RwSignal::new(0u32);

    let stop = {
        let stream = stream.clone();
        move || {
            if let Some(s) = stream.borrow_mut().take() {
                for track in s.get_tracks().iter() {
                    if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
                        track.stop();
                    }
                }
            }
            generation.update(|g| *g += 1);
            open.set(false);
        }
    };
    let stop_on_cleanup = send_wrapper::SendWrapper::new(stop.clone());
    on_cleanup(move || (stop_on_cleanup.take())());

    let start = {
        let stream = stream.clone();
        let stop = stop.clone();
        move |_| {
            failed.set(false);
            open.set(true);
            let stream = stream.clone();
            let stop = stop.clone();
            leptos::task::spawn_local(async move {
                extraction::warm_up();
                let Some(media) = camera().await else {
                    failed.set(true);
                    open.set(false);
                    return;
                };
                let Some(el) = video.get_untracked() else {
                    return;
                };
                let el: HtmlVideoElement = el;
                el.set_src_object(Some(&media));
                let _ = el.play().map(JsFuture::from);
                *stream.borrow_mut() = Some(media);
                let mine = generation.get_untracked();
                while generation.get_untracked() == mine {
                    sleep(FRAME_INTERVAL_MS).await;
                    if generation.get_untracked() != mine {
                        break;
                    }
                    let Some((width, height, luma)) = frame(&el) else {
                        continue;
                    };
                    if let JobOutput::Qr { text: Some(text) } = extraction::run(JobInput::ScanQr {
                        width,
                        height,
                        luma,
                    })
                    .await
                    {
                        stop();
                        on_code.run(code_from_scan(&text));
                        break;
                    }
                }
            });
        }
    };

    view! {
        <div class="qr-scanner">
            <button type="button" hidden=move || open.get() on:click=start>{t(SCAN_QR)}</button>
            <button type="button" hidden=move || !open.get() on:click={
                let stop = stop.clone();
                move |_| stop()
            }>{t(STOP_SCAN)}</button>
            <p class="field-error" role="alert" hidden=move || !failed.get()>{t(CAMERA_UNAVAILABLE)}</p>
            <div hidden=move || !open.get()>
                <p>{t(SCAN_HINT)}</p>
                <video node_ref=video class="qr-video" autoplay muted playsinline></video>
            </div>
        </div>
    }
}

/// The rear camera, if the tablet has one and the operator allows it.
async fn camera() -> Option<MediaStream> {
    let devices = web_sys::window()?.navigator().media_devices().ok()?;
    let constraints = MediaStreamConstraints::new();
    let video = js_sys::Object::new();
    js_sys::Reflect::set(&video, &"facingMode".into(), &"environment".into()).ok()?;
    constraints.set_video(&video);
    let promise = devices.get_user_media_with_constraints(&constraints).ok()?;
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}

/// The current video frame as luma, scaled to [`FRAME_WIDTH_PX`] wide.
fn frame(video: &HtmlVideoElement) -> Option<(u32, u32, Vec<u8>)> {
    let (vw, vh) = (video.video_width(), video.video_height());
    if vw == 0 || vh == 0 {
        return None;
    }
    let width = vw.min(FRAME_WIDTH_PX);
    let height = (f64::from(vh) * f64::from(width) / f64::from(vw)).round() as u32;
    let doc = web_sys::window()?.document()?;
    let canvas: HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(width);
    canvas.set_height(height);
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.draw_image_with_html_video_element_and_dw_and_dh(
        video,
        0.0,
        0.0,
        f64::from(width),
        f64::from(height),
    )
    .ok()?;
    let rgba = ctx
        .get_image_data(0.0, 0.0, f64::from(width), f64::from(height))
        .ok()?
        .data();
    let luma = rgba
        .chunks_exact(4)
        .map(|p| ((u32::from(p[0]) * 77 + u32::from(p[1]) * 150 + u32::from(p[2]) * 29) >> 8) as u8)
        .collect();
    Some((width, height, luma))
}

/// Waits `ms` milliseconds without blocking the page.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        } else {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scanned_status_urls_give_their_code() {
        assert_eq!(
            code_from_scan("https://ktp.example/s/K7Q4-9XMT-2HCE-8"),
            "K7Q4-9XMT-2HCE-8"
        );
        assert_eq!(code_from_scan(" K7Q4-9XMT-2HCE-8 "), "K7Q4-9XMT-2HCE-8");
    }
}
