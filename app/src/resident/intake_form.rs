//! The multi-step application form, for a resident's pre-fill (`/daftar`) and for a walk-in typed
//! in at the kecamatan (`/kecamatan/baru`). Owns the draft state and the step navigation; the page
//! says whose draft it is, what the heading reads and what happens after sending.

use super::draft::{step_fields, Draft, Intake, Prefill, STEP_COUNT, STEP_DOCUMENTS, STEP_REVIEW};
use super::form_access::place_in_district;
use super::step_address::StepAddress;
use super::step_documents::{missing_documents, missing_documents_text, StepDocuments};
use super::step_identity::StepIdentity;
use super::step_review::StepReview;
use super::step_type_region::StepTypeRegion;
use super::submission::start_sending;
use crate::i18n::{
    step_title, t, use_lang, Tr, BACK, CONFIRM_START_OVER, DRAFT_NOT_SAVED, DRAFT_SAVED_NOTE,
    FIX_MARKED_FIELDS, NEXT, START_OVER, STEP_OF,
};
use crate::platform::idb;
use leptos::prelude::*;
use shared::api::SubmitResponse;
use wasm_bindgen::JsCast;
use web_sys::Url;

/// Moves keyboard focus (and the view) to the element with `id`, so screen-reader and keyboard
/// users land where the page changed.
fn focus(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
        el.scroll_into_view();
    }
}

/// Rebuilds thumbnail URLs of the saved files after a reload, and drops entries whose file the
/// browser no longer has (the resident is then asked for it again).
async fn restore_previews(state: Prefill) {
    for meta in state.attachments.get_untracked() {
        match idb::get(&state.intake.file_key(meta.kind)).await {
            Ok(Some(blob)) => {
                if meta.mime.starts_with("image/") {
                    if let Ok(url) = Url::create_object_url_with_blob(&blob) {
                        state.previews.update(|p| p.push((meta.kind, url)));
                    }
                }
            }
            _ => state
                .attachments
                .update(|a| a.retain(|m| m.kind != meta.kind)),
        }
    }
}

/// Why the form would not go on from a step. Its message shows only while the problem lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StepProblem {
    /// Fields of this step need correcting.
    Fields(u8),
    /// Required documents are missing.
    Documents,
}

/// Whether the device says it has a network (it can be wrong: a failed send tells).
fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// A fresh draft; with `district` (a walk-in at that kecamatan) its address starts there.
fn fresh_draft(district: Option<&str>) -> Draft {
    let mut draft = Draft::default();
    if let Some(d) = district {
        place_in_district(&mut draft.form, d);
    }
    draft
}

/// The form: step indicator, the current step, and back/next. `district` fixes the kecamatan
/// (the operator's own, for a walk-in).
#[component]
pub fn IntakeForm(
    intake: Intake,
    title: Tr,
    on_submitted: Callback<SubmitResponse>,
    #[prop(optional_no_strip)] district: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let mut draft = Draft::load(intake);
    if district
        .as_ref()
        .is_some_and(|d| *d != draft.form.address.district)
    {
        // A draft begun at another kecamatan (another operator on this tablet) holds a person
        // this operator may not see: it and its files go, and a fresh one starts here.
        draft = fresh_draft(district.as_deref());
        leptos::task::spawn_local(async move {
            let _ = Draft::clear(intake).await;
        });
    }
    let state = Prefill::new(intake, draft, on_submitted);
    provide_context(state);
    leptos::task::spawn_local(restore_previews(state));
    let step_error = RwSignal::new(None::<StepProblem>);

    // A send asked for earlier (the line was down, then the page was closed) goes out now, or
    // when the signal returns; the draft's idempotency key makes it count once.
    if state.send_requested.get_untracked() {
        state.step.set(STEP_REVIEW);
        if online() {
            start_sending(state, lang.get_untracked());
        }
    }
    let on_online = window_event_listener(leptos::ev::online, move |_| {
        if state.send_requested.get_untracked() {
            start_sending(state, lang.get_untracked());
        }
    });
    on_cleanup(move || on_online.remove());

    let go = move |step: u8| {
        step_error.set(None);
        state.step.set(step);
        focus("step-heading");
    };
    let next = move |_| {
        let step = state.step.get_untracked();
        if let Some(field) = state.check_step(step) {
            step_error.set(Some(StepProblem::Fields(step)));
            focus(&super::draft::field_id(field));
            return;
        }
        if step == STEP_DOCUMENTS && !missing_documents(&state).is_empty() {
            step_error.set(Some(StepProblem::Documents));
            return;
        }
        go(step + 1);
    };
    let start_over = move |_| {
        let confirmed = web_sys::window()
            .and_then(|w| {
                w.confirm_with_message(CONFIRM_START_OVER.get(lang.get_untracked()))
                    .ok()
            })
            .unwrap_or(false);
        if !confirmed {
            return;
        }
        let district = district.clone();
        leptos::task::spawn_local(async move {
            let _ = Draft::clear(intake).await;
            let fresh = fresh_draft(district.as_deref());
            state.previews.update(|p| {
                for (_, url) in p.drain(..) {
                    let _ = Url::revoke_object_url(&url);
                }
            });
            state.touched.update(|t| t.clear());
            state.server_errors.set(Vec::new());
            state.send_requested.set(false);
            state.send.set(super::submission::SendState::Idle);
            state.attachments.set(fresh.attachments);
            state.idempotency_key.set(fresh.idempotency_key);
            state.form.set(fresh.form);
            go(1);
        });
    };

    view! {
        <h1>{t(title)}</h1>
        <nav class="steps" aria-label=t(title)>
            <ol>
                {(1..=STEP_COUNT).map(|s| view! {
                    <li class:current=move || state.step.get() == s class:done=move || { state.step.get() > s }>
                        <button type="button" class="step-link" disabled=move || state.step.get() < s
                            aria-current=move || (state.step.get() == s).then_some("step")
                            on:click=move |_| go(s)>
                            <span class="step-number">{s}</span>
                            <span class="step-name">{move || step_title(s).get(lang.get())}</span>
                        </button>
                    </li>
                }).map(IntoAny::into_any).collect_view()}
            </ol>
        </nav>
        <form class="prefill" novalidate=true on:submit=|ev| ev.prevent_default()>
            <h2 id="step-heading" tabindex="-1">
                <span class="step-of">{move || STEP_OF.get(lang.get()).replace("{n}", &state.step.get().to_string()).replace("{total}", &STEP_COUNT.to_string())}</span>
                {move || step_title(state.step.get()).get(lang.get())}
            </h2>
            {move || match state.step.get() {
                1 => view! { <StepTypeRegion/> }.into_any(),
                2 => view! { <StepIdentity/> }.into_any(),
                3 => view! { <StepAddress/> }.into_any(),
                4 => view! { <StepDocuments/> }.into_any(),
                _ => view! { <StepReview/> }.into_any(),
            }}
            {move || {
                // Gone as soon as the problem is fixed, not when the resident presses on again.
                let l = lang.get();
                let text = match step_error.get()? {
                    StepProblem::Fields(s) => step_fields(s)
                        .iter()
                        .any(|f| state.error_code(*f).is_some())
                        .then(|| FIX_MARKED_FIELDS.get(l).to_string()),
                    StepProblem::Documents => missing_documents_text(&state, l),
                }?;
                Some(view! { <p class="notice notice-error" role="alert">{text}</p> })
            }}
            <div class="step-nav">
                <button type="button" class="button secondary" hidden=move || state.step.get() == 1
                    on:click=move |_| go(state.step.get_untracked().saturating_sub(1).max(1))>
                    {t(BACK)}
                </button>
                <button type="button" class="button primary" hidden=move || state.step.get() == STEP_REVIEW on:click=next>
                    {t(NEXT)}
                </button>
            </div>
        </form>
        <p class="draft-note" role="status">
            {move || if state.save_failed.get() { DRAFT_NOT_SAVED.get(lang.get()) } else { DRAFT_SAVED_NOTE.get(lang.get()) }}
        </p>
        <button type="button" class="button link danger" on:click=start_over>{t(START_OVER)}</button>
    }
}
