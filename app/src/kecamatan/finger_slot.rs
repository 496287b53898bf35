//! One finger's box on the recording screen: its name, a file picker and drop zone for the
//! scanner's image, the reading state, the quality with a recapture prompt, and the reason when
//! the finger cannot be recorded.

use super::recording_draft::{Finger, FINGER_NAMES};
use crate::extraction::Preview;
use crate::i18n::{t, use_lang};
use crate::kecamatan::strings::*;
use leptos::prelude::*;
use shared::api::{LowQualityReason, MissingFingerReason};

/// Scanner formats the engine reads.
pub const ACCEPT: &str =
    ".png,.bmp,.tif,.tiff,.jpg,.jpeg,.wsq,image/png,image/bmp,image/tiff,image/jpeg";

/// A finger slot for ISO `position` (1-10).
#[component]
pub fn FingerSlot(
    position: u8,
    state: Signal<Finger>,
    /// The print's thumbnail while the page holds it (a reload shows none).
    preview: Signal<Option<Preview>>,
    on_file: Callback<web_sys::File>,
    on_missing: Callback<Option<MissingFingerReason>>,
    /// The operator keeps a print below the recapture threshold for this reason (or takes the
    /// choice back with `None`).
    on_keep: Callback<Option<LowQualityReason>>,
    /// The server's or the form's complaint about this finger, if any.
    problem: Signal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let (id_name, en_name) = FINGER_NAMES[usize::from(position - 1)];
    let name = move || format!("{position}. {}", lang.get().pick(id_name, en_name));
    let input_id = format!("finger-{position}");
    let reason_id = format!("finger-{position}-reason");
    let keep_id = format!("finger-{position}-keep");
    let kept = move || match state.get() {
        Finger::Captured { kept, .. } => kept,
        _ => None,
    };
    let rescan = {
        let input_id = input_id.clone();
        move |_| {
            if let Some(input) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&input_id))
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            {
                input.click();
            }
        }
    };
    let dragging = RwSignal::new(false);
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    Effect::new(move |_| {
        if let (Some(p), Some(c)) = (preview.get(), canvas.get()) {
            draw(&c, &p);
        }
    });
    let has_preview =
        move || preview.with(Option::is_some) && matches!(state.get(), Finger::Captured { .. });
    let take = move |files: Option<web_sys::FileList>| {
        if let Some(file) = files.and_then(|f| f.get(0)) {
            on_file.run(file);
        }
    };
    let status = move || match state.get() {
        Finger::Empty => String::new(),
        Finger::Extracting => t(EXTRACTING)().to_string(),
        Finger::Captured {
            quality,
            minutiae,
            kept,
            ..
        } => {
            let shown = format!("{} {quality}/100 · {minutiae} minutiae", t(QUALITY)());
            match kept {
                Some(r) => format!("{shown} · {}: {}", t(KEPT_BECAUSE)(), r.label(lang.get())),
                None => shown,
            }
        }
        Finger::Unreadable => t(UNREADABLE)().to_string(),
        Finger::Missing(reason) => reason.label(lang.get()).to_string(),
    };
    let class = move || {
        let s = state.get();
        let mut c = String::from("finger-slot");
        c.push_str(match s {
            Finger::Empty => "",
            Finger::Extracting => " busy",
            Finger::Captured { .. } if s.awaits_choice() => " low",
            Finger::Captured { .. } if s.needs_recapture() => " kept",
            Finger::Captured { .. } => " ok",
            Finger::Unreadable => " bad",
            Finger::Missing(_) => " missing",
        });
        if dragging.get() {
            c.push_str(" drop");
        }
        c
    };
    let quality = move || match state.get() {
        Finger::Captured { quality, .. } => Some(quality),
        _ => None,
    };
    let millis = move || match state.get() {
        Finger::Captured { millis, .. } => Some(format!("{millis:.0}")),
        _ => None,
    };
    view! {
        <li
            class=class
            aria-busy=move || (state.get() == Finger::Extracting).to_string()
            data-position=position.to_string()
            data-extract-ms=millis
            on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                take(ev.data_transfer().and_then(|d| d.files()));
            }
        >
            <label for=input_id.clone() class="finger-name">{name}</label>
            // The whole zone is the picker (tap) and the drop target (a scanner's file dragged
            // in): the browser's own small file button is invisible over it.
            <div class="drop-zone">
                <input id=input_id type="file" accept=ACCEPT
                    aria-label=move || format!("{}: {}", t(CHOOSE_FILE)(), name())
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        take(input.files());
                        // Clear the picker so choosing the same file again (a rescan) still fires.
                        input.set_value("");
                    }/>
                <canvas node_ref=canvas class="print-thumb" aria-hidden="true" hidden=move || !has_preview()></canvas>
                <span class="drop-hint" aria-hidden="true">{move || match state.get() {
                    Finger::Empty | Finger::Unreadable => t(DROP_OR_CHOOSE)(),
                    _ => t(REPLACE_FILE)(),
                }}</span>
            </div>
            <meter min="0" max="100" low=super::recording_draft::RECAPTURE_BELOW_QUALITY.to_string() optimum="90"
                value=move || quality().unwrap_or(0).to_string() hidden=move || quality().is_none()
                aria-label=t(QUALITY)></meter>
            <span class="finger-status" role="status">{status}</span>
            // Below the threshold the print counts only by an explicit choice: scan again, or
            // keep it with one of the listed reasons (sent and stored with the recording).
            <div class="recapture" role="group" aria-label=move || format!("{}: {}", t(RECAPTURE)(), name())
                hidden=move || !state.get().needs_recapture()>
                <p class="field-error" role="alert" hidden=move || !state.get().awaits_choice()>{t(RECAPTURE)}</p>
                <button type="button" on:click=rescan>{t(RESCAN)}</button>
                <label for=keep_id.clone() class="small">{t(KEEP_WITH_REASON)}</label>
                <select id=keep_id on:change=move |ev| {
                    let v = event_target_value(&ev);
                    on_keep.run(LowQualityReason::ALL.into_iter().find(|r| serde_json::to_value(r).ok().and_then(|j| j.as_str().map(|s| s == v)).unwrap_or(false)));
                }>
                    <option value="" selected=move || kept().is_none()>{t(CHOOSE_REASON)}</option>
                    {LowQualityReason::ALL.into_iter().map(|r| {
                        let value = serde_json::to_value(r).ok().and_then(|j| j.as_str().map(str::to_string)).unwrap_or_default();
                        view! {
                            <option value=value selected=move || kept() == Some(r)>{move || r.label(lang.get())}</option>
                        }
                    }).collect_view()}
                </select>
            </div>
            <label for=reason_id.clone() class="small">{t(MISSING_FINGER)}</label>
            <select id=reason_id on:change=move |ev| {
                let v = event_target_value(&ev);
                on_missing.run(MissingFingerReason::ALL.into_iter().find(|r| serde_json::to_value(r).ok().and_then(|j| j.as_str().map(|s| s == v)).unwrap_or(false)));
            }>
                <option value="" selected=move || !matches!(state.get(), Finger::Missing(_))>{t(NO_EXCEPTION)}</option>
                {MissingFingerReason::ALL.into_iter().map(|r| {
                    let value = serde_json::to_value(r).ok().and_then(|j| j.as_str().map(str::to_string)).unwrap_or_default();
                    view! {
                        <option value=value selected=move || state.get() == Finger::Missing(r)>{move || r.label(lang.get())}</option>
                    }
                }).collect_view()}
            </select>
            <p class="field-error" role="alert">{move || problem.get()}</p>
        </li>
    }
}

/// Paints a gray thumbnail onto `canvas` at its own size (CSS scales it into the slot).
fn draw(canvas: &web_sys::HtmlCanvasElement, p: &Preview) {
    canvas.set_width(p.width);
    canvas.set_height(p.height);
    let rgba: Vec<u8> = p.gray.iter().flat_map(|&g| [g, g, g, 255]).collect();
    let Ok(image) = web_sys::ImageData::new_with_u8_clamped_array_and_sh(
        wasm_bindgen::Clamped(&rgba),
        p.width,
        p.height,
    ) else {
        return;
    };
    if let Some(ctx) =
        canvas.get_context("2d").ok().flatten().and_then(|c| {
            wasm_bindgen::JsCast::dyn_into::<web_sys::CanvasRenderingContext2d>(c).ok()
        })
    {
        let _ = ctx.put_image_data(&image, 0.0, 0.0);
    }
}
