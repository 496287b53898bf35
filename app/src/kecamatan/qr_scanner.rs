//! Reading the QR of a receipt or status page with the tablet camera: video frames are drawn to a
//! canvas, reduced to luma and decoded in the staff Web Worker (pure-Rust `rqrr`), a few times a
//! second, until a code is found. The camera is released when the scanner closes or unmounts.

use crate::extraction::{self, JobInput, JobOutput};
use crate::i18n::t;
use crate::kecamatan::strings::*;
pub use crate::platform::camera::sleep;
use crate::platform::camera::{luma_frame, rear_camera};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlVideoElement, MediaStream};

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
                crate::platform::camera::stop(&s);
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
                let Some(media) = rear_camera().await else {
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
                    let Some((width, height, luma)) = luma_frame(&el, FRAME_WIDTH_PX) else {
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
