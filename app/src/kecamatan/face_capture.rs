//! The face photo: from the tablet camera or a file, cropped to 3:4 and compressed to a JPEG
//! within the server's limit (300 KB) on the tablet, shown before it is sent.

use crate::i18n::{t, use_lang};
use crate::kecamatan::qr_scanner::sleep;
use crate::kecamatan::strings::*;
use base64::Engine as _;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, HtmlCanvasElement, HtmlVideoElement, MediaStream, MediaStreamConstraints};

/// The base64 bytes of a blob.
pub async fn blob_base64(blob: &Blob) -> Option<String> {
    let buffer = JsFuture::from(blob.array_buffer()).await.ok()?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Some(base64::engine::general_purpose::STANDARD.encode(bytes))
}

/// Compresses a picture to the face photo and stores it in `face`.
async fn use_picture(blob: Blob, face: RwSignal<Option<String>>, error: RwSignal<bool>) {
    let max = shared::validation::FACE_MAX_BYTES as u32;
    match crate::platform::image::photo_3x4(&blob, max).await {
        Ok(jpeg) => {
            face.set(blob_base64(&jpeg).await);
            error.set(false);
        }
        Err(_) => error.set(true),
    }
}

/// The face photo control.
#[component]
pub fn FaceCapture(
    face: RwSignal<Option<String>>,
    problem: Signal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let error = RwSignal::new(false);
    let camera_on = RwSignal::new(false);
    let camera_failed = RwSignal::new(false);
    let video = NodeRef::<leptos::html::Video>::new();
    let stream: Rc<RefCell<Option<MediaStream>>> = Rc::new(RefCell::new(None));
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
            camera_on.set(false);
        }
    };
    let stop_later = send_wrapper::SendWrapper::new(stop.clone());
    on_cleanup(move || (stop_later.take())());

    let open_camera = {
        let stream = stream.clone();
        move |_| {
            let stream = stream.clone();
            camera_failed.set(false);
            camera_on.set(true);
            leptos::task::spawn_local(async move {
                let media = async {
                    let devices = web_sys::window()?.navigator().media_devices().ok()?;
                    let constraints = MediaStreamConstraints::new();
                    let v = js_sys::Object::new();
                    js_sys::Reflect::set(&v, &"facingMode".into(), &"user".into()).ok()?;
                    constraints.set_video(&v);
                    let p = devices.get_user_media_with_constraints(&constraints).ok()?;
                    JsFuture::from(p).await.ok()?.dyn_into::<MediaStream>().ok()
                }
                .await;
                match (media, video.get_untracked()) {
                    (Some(media), Some(el)) => {
                        let el: HtmlVideoElement = el;
                        el.set_src_object(Some(&media));
                        let _ = el.play();
                        *stream.borrow_mut() = Some(media);
                    }
                    _ => {
                        camera_failed.set(true);
                        camera_on.set(false);
                    }
                }
            });
        }
    };
    let take_photo = {
        let stop = stop.clone();
        move |_| {
            let Some(el) = video.get_untracked() else {
                return;
            };
            let el: HtmlVideoElement = el;
            let stop = stop.clone();
            leptos::task::spawn_local(async move {
                // The first frames after opening may still be black: wait for real dimensions.
                for _ in 0..20 {
                    if el.video_width() > 0 {
                        break;
                    }
                    sleep(100).await;
                }
                let Some(blob) = snapshot(&el).await else {
                    error.set(true);
                    return;
                };
                stop();
                use_picture(blob, face, error).await;
            });
        }
    };
    view! {
        <section class="face-capture" aria-labelledby="face-h">
            <h3 id="face-h">{t(FACE)}</h3>
            <div class="face-row">
                <div class="face-preview">
                    {move || face.get().map(|b64| view! {
                        <img src=format!("data:image/jpeg;base64,{b64}") alt=t(FACE_PREVIEW)/>
                    })}
                    <video node_ref=video class="face-video" autoplay muted playsinline hidden=move || !camera_on.get()></video>
                </div>
                <div class="face-controls">
                    <button type="button" hidden=move || camera_on.get() on:click=open_camera>{t(OPEN_CAMERA)}</button>
                    <button type="button" class="primary" hidden=move || !camera_on.get() on:click=take_photo>{t(TAKE_PHOTO)}</button>
                    <label for="face-file">{t(FACE_FILE)}</label>
                    <input id="face-file" type="file" accept="image/jpeg,image/png" on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        if let Some(file) = input.files().and_then(|f| f.get(0)) {
                            leptos::task::spawn_local(use_picture(file.into(), face, error));
                        }
                    }/>
                    <p class="field-error" role="alert" hidden=move || !camera_failed.get()>{t(FACE_CAMERA_UNAVAILABLE)}</p>
                    <p class="field-error" role="alert" hidden=move || !error.get()>{t(NOT_AN_IMAGE)}</p>
                    <p class="field-error" role="alert">{move || { let _ = lang.get(); problem.get() }}</p>
                </div>
            </div>
        </section>
    }
}

/// The video's current frame as a JPEG blob.
async fn snapshot(video: &HtmlVideoElement) -> Option<Blob> {
    let doc = web_sys::window()?.document()?;
    let canvas: HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(video.video_width());
    canvas.set_height(video.video_height());
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.draw_image_with_html_video_element(video, 0.0, 0.0)
        .ok()?;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let cb = wasm_bindgen::closure::Closure::once_into_js(move |b: wasm_bindgen::JsValue| {
            let _ = resolve.call1(&wasm_bindgen::JsValue::NULL, &b);
        });
        let _ = canvas.to_blob_with_type(cb.unchecked_ref(), "image/jpeg");
    });
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}
