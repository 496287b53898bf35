//! One line of the document checklist: the kind, whether it was uploaded, and a way to look at
//! it — an image inline, a PDF in a new tab — fetched with the session as a blob URL that is
//! revoked when the line goes away.

use crate::api::{ApiError, StaffApi};
use crate::i18n::{t, use_lang};
use crate::kecamatan::strings::*;
use leptos::prelude::*;
use shared::api::{AttachmentKind, DocumentInfo};

/// A checklist line for `kind`; `info` is the stored document, if any.
#[component]
pub fn DocumentItem(
    application_id: String,
    kind: AttachmentKind,
    info: Option<DocumentInfo>,
) -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let url = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<ApiError>);
    let loading = RwSignal::new(false);
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
                }
                Err(e) => error.set(Some(e)),
            }
            loading.set(false);
        });
    };
    let label = move || kind.label(lang.get());
    view! {
        <li class="doc-item" class:missing=!uploaded>
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
                view! { <a href=u target="_blank" rel="noopener">{t(OPEN_PDF)}</a> }.into_any()
            } else {
                view! { <img class="doc-image" src=u alt=label/> }.into_any()
            })}
            <p class="field-error" role="alert">{move || error.get().map(|e| e.message(lang.get()))}</p>
        </li>
    }
}
