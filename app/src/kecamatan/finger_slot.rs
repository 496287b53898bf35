//! One finger's box on the recording screen: its name, a file picker and drop zone for the
//! scanner's image, the reading state, the quality with a recapture prompt, and the reason when
//! the finger cannot be recorded.

use super::recording_draft::{Finger, FINGER_NAMES};
use crate::i18n::{t, use_lang};
use crate::kecamatan::strings::*;
use leptos::prelude::*;
use shared::api::MissingFingerReason;

/// Scanner formats the engine reads.
pub const ACCEPT: &str =
    ".png,.bmp,.tif,.tiff,.jpg,.jpeg,.wsq,image/png,image/bmp,image/tiff,image/jpeg";

/// A finger slot for ISO `position` (1-10).
#[component]
pub fn FingerSlot(
    position: u8,
    state: Signal<Finger>,
    on_file: Callback<web_sys::File>,
    on_missing: Callback<Option<MissingFingerReason>>,
    /// The server's or the form's complaint about this finger, if any.
    problem: Signal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let (id_name, en_name) = FINGER_NAMES[usize::from(position - 1)];
    let name = move || format!("{position}. {}", lang.get().pick(id_name, en_name));
    let input_id = format!("finger-{position}");
    let reason_id = format!("finger-{position}-reason");
    let dragging = RwSignal::new(false);
    let take = move |files: Option<web_sys::FileList>| {
        if let Some(file) = files.and_then(|f| f.get(0)) {
            on_file.run(file);
        }
    };
    let status = move || match state.get() {
        Finger::Empty => String::new(),
        Finger::Extracting => t(EXTRACTING)().to_string(),
        Finger::Captured {
            quality, minutiae, ..
        } => {
            format!("{} {quality}/100 · {minutiae} minutiae", t(QUALITY)())
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
            Finger::Captured { .. } if s.needs_recapture() => " low",
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
            <input id=input_id type="file" accept=ACCEPT
                aria-label=move || format!("{}: {}", t(CHOOSE_FILE)(), name())
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    take(input.files());
                    // Clear the picker so choosing the same file again (a rescan) still fires.
                    input.set_value("");
                }/>
            <meter min="0" max="100" low=super::recording_draft::RECAPTURE_BELOW_QUALITY.to_string() optimum="90"
                value=move || quality().unwrap_or(0).to_string() hidden=move || quality().is_none()
                aria-label=t(QUALITY)></meter>
            <span class="finger-status" role="status">{status}</span>
            <p class="field-error" role="alert" hidden=move || !state.get().needs_recapture()>{t(RECAPTURE)}</p>
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
