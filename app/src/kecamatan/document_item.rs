//! One line of the document checklist: the kind, whether it was uploaded, a viewer to read it
//! (an image with zoom and rotation, a PDF in a new tab) fetched with the session as a blob URL
//! that is revoked when the line goes away, and the operator's confirmation, possible only once
//! the document was opened.

use crate::api::{ApiError, StaffApi};
use crate::i18n::{t, use_lang};
use crate::kecamatan::strings::*;
use leptos::prelude::*;
use shared::api::{AttachmentKind, DocumentInfo};

/// Zoom steps of the viewer, as CSS classes (the page allows no inline styles).
const ZOOMS: [&str; 4] = ["zoom-1", "zoom-2", "zoom-3", "zoom-4"];

/// A checklist line for `kind`; `info` is the stored document, if any. `on_confirm` receives
/// whether the operator confirmed it against the original.
#[component]
pub fn DocumentItem(
    application_id: String,
    kind: AttachmentKind,
    info: Option<DocumentInfo>,
    on_confirm: Callback<bool>,
) -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let url = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<ApiError>);
    let loading = RwSignal::new(false);
    // Opened: the image shown, or the PDF's tab opened. Only then can it be confirmed.
    let opened = RwSignal::new(false);
    let zoom = RwSignal::new(0usize);
    let quarter_turns = RwSignal::new(0u8);
    on_cleanup(move || {
        if let Some(u) = url.try_get_untracked().flatten() {
            let _ = web_sys::Url::revoke_object_url(&u);
        }
    });
    let is_pdf = info
        .as_ref()
        .is_some_and(|i| i.content_type == "application/pdf");
    let uploaded = info.is_some();
    let load = move |_| {
        let id = application_id.clone();
        loading.set(true);
        leptos::task::spawn_local(async move {
            match api.document_url(&id, kind).await {
                Ok(u) => {
                    url.set(Some(u));
                    error.set(None);
                    if !is_pdf {
                        opened.set(true);
                    }
                }
                Err(e) => error.set(Some(e)),
            }
            loading.set(false);
        });
    };
    let label = move || kind.label(lang.get());
    let image_class = move || {
        format!(
            "doc-image {} rot-{}",
            ZOOMS[zoom.get()],
            u16::from(quarter_turns.get()) * 90
        )
    };
    view! {
        <li class="doc-item" class:missing=!uploaded class:opened=move || opened.get()>
            <span class="doc-kind">{label}</span>
            {if uploaded {
                view! {
                    <button type="button" hidden=move || url.get().is_some() disabled=move || loading.get() on:click=load>
                        {move || format!("{} {}", t(VIEW_DOCUMENT)(), label())}
                    </button>
                }.into_any()
            } else {
                view! { <span class="doc-missing">{t(NOT_UPLOADED)}</span> }.into_any()
            }}
            {move || url.get().map(|u| if is_pdf {
                view! { <a href=u target="_blank" rel="noopener" on:click=move |_| opened.set(true)>{t(OPEN_PDF)}</a> }.into_any()
            } else {
                view! {
                    <div class="doc-viewer">
                        <div class="doc-tools" role="group" aria-label=label>
                            <button type="button" disabled=move || zoom.get() == 0
                                on:click=move |_| zoom.update(|z| *z = z.saturating_sub(1))>{t(ZOOM_OUT)}</button>
                            <button type="button" disabled=move || zoom.get() + 1 == ZOOMS.len()
                                on:click=move |_| zoom.update(|z| *z = (*z + 1).min(ZOOMS.len() - 1))>{t(ZOOM_IN)}</button>
                            <button type="button" on:click=move |_| quarter_turns.update(|q| *q = (*q + 1) % 4)>{t(ROTATE)}</button>
                        </div>
                        <div class="doc-frame">
                            <img class=image_class src=u alt=label/>
                        </div>
                    </div>
                }.into_any()
            })}
            {uploaded.then(|| view! {
                <label class="check doc-confirm">
                    <input type="checkbox" disabled=move || !opened.get()
                        on:change=move |ev| on_confirm.run(event_target_checked(&ev))/>
                    {t(MATCHES_ORIGINAL)}
                </label>
            })}
            <p class="field-error" role="alert">{move || error.get().map(|e| e.message(lang.get()))}</p>
        </li>
    }
}
