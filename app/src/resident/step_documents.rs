//! Step 4: the documents this application type needs (from `shared::api::required_attachments`).

use super::document_input::DocumentInput;
use super::draft::{Prefill, STEP_TYPE_REGION};
use crate::i18n::{t, DOCS_INTRO, DOCS_NEED_TYPE, MISSING_DOCUMENTS};
use leptos::prelude::*;
use shared::api::required_attachments;
use shared::domain::ApplicationType;
use shared::i18n::Lang;

/// One picker per required document, or a pointer back to step 1 if no type is chosen yet.
#[component]
pub fn StepDocuments() -> impl IntoView {
    let state = expect_context::<Prefill>();
    let kind = Memo::new(move |_| {
        state
            .form
            .with(|f| ApplicationType::parse(&f.application_type))
    });
    move || {
        match kind.get() {
        Some(kind) => view! {
            <p class="lead">{t(DOCS_INTRO)}</p>
            {required_attachments(kind).iter().map(|k| view! { <DocumentInput kind=*k/> }).map(IntoAny::into_any).collect_view()}
        }
        .into_any(),
        None => view! {
            <p class="notice">
                <button type="button" class="button link" on:click=move |_| state.step.set(STEP_TYPE_REGION)>
                    {t(DOCS_NEED_TYPE)}
                </button>
            </p>
        }
        .into_any(),
    }
    }
}

/// Required documents not yet saved in the draft (tracked: a message built on it goes away
/// once the last one is added).
pub fn missing_documents(state: &Prefill) -> Vec<shared::api::AttachmentKind> {
    let Some(t) = state
        .form
        .with(|f| ApplicationType::parse(&f.application_type))
    else {
        return Vec::new();
    };
    state.attachments.with(|saved| {
        required_attachments(t)
            .iter()
            .copied()
            .filter(|k| !saved.iter().any(|m| m.kind == *k))
            .collect()
    })
}

/// The message naming the documents still missing, or `None` once none is.
pub fn missing_documents_text(state: &Prefill, lang: Lang) -> Option<String> {
    let missing = missing_documents(state);
    (!missing.is_empty()).then(|| {
        let names: Vec<&str> = missing.iter().map(|k| k.label(lang)).collect();
        MISSING_DOCUMENTS
            .get(lang)
            .replace("{docs}", &names.join(", "))
    })
}
