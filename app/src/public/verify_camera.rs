//! Scanning a Surat Keterangan's QR with the phone camera on `/v`. Frames are reduced to luma on
//! the page and read in a Web Worker (`static/qr-worker.js`) that loads the small QR decoder
//! (`pkg/qr_decode`, rqrr) only when the camera is first opened, so the page's first load does
//! not carry it; the service worker keeps both for offline use. The text read never leaves the
//! device: it is handed to the page, which checks the signature itself.

use super::verify_texts::{CAMERA_UNAVAILABLE, SCAN_HINT, SCAN_WITH_CAMERA, STOP_SCAN};
use crate::i18n::t;
use crate::platform::camera::{self, luma_frame, rear_camera};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlVideoElement, MediaStream, MessageEvent, Worker, WorkerOptions, WorkerType};

/// The worker script; it imports the decoder's glue and wasm from `/pkg`.
const WORKER_SCRIPT: &str = "/qr-worker.js";
/// Frames are scaled to this width: a certificate QR (version 8-10) fills a good part of the
/// picture at arm's length.
const FRAME_WIDTH_PX: u32 = 640;
/// Pause between decode attempts.
const FRAME_INTERVAL_MS: i32 = 150;

/// A QR text read by the camera and how long the decoder took on the frame that held it.
#[derive(Debug, Clone, PartialEq)]
pub struct Scanned {
    pub text: String,
    pub decode_ms: f64,
}

thread_local! {
    /// One worker per page, started on the first scan and kept for the next.
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

fn worker() -> Option<Worker> {
    WORKER.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            let options = WorkerOptions::new();
            options.set_type(WorkerType::Module);
            *slot = Worker::new_with_options(WORKER_SCRIPT, &options).ok();
        }
        slot.clone()
    })
}

/// Sends one frame to the worker and waits for its answer: the text found (if any) and the
/// decoder's time. `None` when the worker cannot be reached (it failed to load).
async fn decode(
    worker: &Worker,
    width: u32,
    height: u32,
    luma: Vec<u8>,
) -> Option<(Option<String>, f64)> {
    // One frame in flight at a time, so the answer is this frame's.
    let answer = js_sys::Promise::new(&mut |resolve, reject| {
        worker.set_onmessage(Some(&resolve));
        worker.set_onerror(Some(&reject));
    });
    let pixels = js_sys::Uint8Array::from(luma.as_slice());
    let message = js_sys::Object::new();
    for (key, value) in [
        ("width", wasm_bindgen::JsValue::from(width)),
        ("height", height.into()),
        ("luma", pixels.clone().into()),
    ] {
        js_sys::Reflect::set(&message, &key.into(), &value).ok()?;
    }
    worker
        .post_message_with_transfer(&message, &js_sys::Array::of1(&pixels.buffer()))
        .ok()?;
    let event: MessageEvent = JsFuture::from(answer).await.ok()?.dyn_into().ok()?;
    let data = event.data();
    let text = js_sys::Reflect::get(&data, &"text".into())
        .ok()?
        .as_string();
    let millis = js_sys::Reflect::get(&data, &"millis".into())
        .ok()?
        .as_f64()
        .unwrap_or(0.0);
    Some((text, millis))
}

/// The scan button and, while open, the camera's picture; `on_scan` gets the first text read.
#[component]
pub fn CameraScan(on_scan: Callback<Scanned>) -> impl IntoView {
    let open = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let video = NodeRef::<leptos::html::Video>::new();
    let stream: Rc<RefCell<Option<MediaStream>>> = Rc::new(RefCell::new(None));
    // Bumped by every stop, so a scanning loop of an earlier opening ends.
    let generation = RwSignal::new(0u32);

    let stop = {
        let stream = stream.clone();
        move || {
            if let Some(s) = stream.borrow_mut().take() {
                camera::stop(&s);
            }
            generation.update(|g| *g += 1);
            open.set(false);
        }
    };
    let stop_on_cleanup = send_wrapper::SendWrapper::new(stop.clone());
    on_cleanup(move || (stop_on_cleanup.take())());

    let start = {
        let stop = stop.clone();
        move |_| {
            failed.set(false);
            open.set(true);
            let (stream, stop) = (stream.clone(), stop.clone());
            leptos::task::spawn_local(async move {
                let give_up = || {
                    failed.set(true);
                    open.set(false);
                };
                let (Some(qr), Some(media)) = (worker(), rear_camera().await) else {
                    return give_up();
                };
                let Some(el) = video.get_untracked() else {
                    return camera::stop(&media);
                };
                let el: HtmlVideoElement = el;
                el.set_src_object(Some(&media));
                let _ = el.play().map(JsFuture::from);
                *stream.borrow_mut() = Some(media);
                let mine = generation.get_untracked();
                while generation.get_untracked() == mine {
                    camera::sleep(FRAME_INTERVAL_MS).await;
                    if generation.get_untracked() != mine {
                        break;
                    }
                    let Some((width, height, luma)) = luma_frame(&el, FRAME_WIDTH_PX) else {
                        continue;
                    };
                    match decode(&qr, width, height, luma).await {
                        Some((Some(text), decode_ms)) => {
                            stop();
                            on_scan.run(Scanned { text, decode_ms });
                            break;
                        }
                        Some((None, _)) => {}
                        None => {
                            stop();
                            give_up();
                            break;
                        }
                    }
                }
            });
        }
    };

    view! {
        <div class="camera-scan">
            <button type="button" class="button wide" hidden=move || open.get() on:click=start>
                {t(SCAN_WITH_CAMERA)}
            </button>
            <p class="error" role="alert" hidden=move || !failed.get()>{t(CAMERA_UNAVAILABLE)}</p>
            <div class="camera-view" hidden=move || !open.get()>
                <p>{t(SCAN_HINT)}</p>
                <video node_ref=video class="qr-video" autoplay muted playsinline></video>
                <button type="button" class="button wide" on:click={
                    let stop = stop.clone();
                    move |_| stop()
                }>{t(STOP_SCAN)}</button>
            </div>
        </div>
    }
}
