//! Step 5: everything on one screen with links back to each step, and the submit button with
//! progress, failure and retry.

use super::draft::{Prefill, STEP_ADDRESS, STEP_DOCUMENTS, STEP_IDENTITY, STEP_TYPE_REGION};
use super::form_access::get_text;
use super::region_lists::cached_name;
use super::step_documents::missing_documents_text;
use super::submission::{start_sending, SendState, SubmitFailure};
use crate::api::ApiError;
use crate::i18n::{
    field_label, file_size, format_timestamp, step_title, t, use_lang, DRAFT_KEPT, EDIT,
    FIX_MARKED_FIELDS, NOT_FILLED, RETRY, SENDING, SEND_WHEN_ONLINE, SUBMIT,
};
use leptos::prelude::*;
use shared::api::ApplicationForm;
use shared::domain::{
    ApplicationType, BloodType, Citizenship, MaritalStatus, Occupation, Religion, Sex,
};
use shared::i18n::Lang;
use shared::validation::Field;

/// A field's value as the resident should recognise it: list labels, region names, a readable date.
fn shown_value(form: &ApplicationForm, field: Field, lang: Lang) -> String {
    let raw = get_text(form, field);
    let shown = match field {
        Field::ApplicationType => ApplicationType::parse(&raw).map(|v| v.label(lang).to_string()),
        Field::Sex => Sex::parse(&raw).map(|v| v.label(lang).to_string()),
        Field::BloodType => BloodType::parse(&raw).map(|v| v.label(lang).to_string()),
        Field::Religion => Religion::parse(&raw).map(|v| v.label(lang).to_string()),
        Field::MaritalStatus => MaritalStatus::parse(&raw).map(|v| v.label(lang).to_string()),
        Field::Occupation => Occupation::parse(&raw).map(|v| v.label(lang).to_string()),
        Field::Citizenship => Citizenship::parse(&raw).map(|v| v.label(lang).to_string()),
        Field::AddressProvince => cached_name("", &raw),
        Field::AddressRegency => cached_name(&form.address.province, &raw),
        Field::AddressDistrict => cached_name(&form.address.regency, &raw),
        Field::AddressVillage => cached_name(&form.address.district, &raw),
        Field::BirthDate if !raw.is_empty() => Some(format_timestamp(&raw, lang)),
        // The card prints the name in capitals; show it as it will appear.
        Field::FullName => Some(shared::domain::latin_uppercase(&raw)),
        _ => None,
    };
    shown.unwrap_or(raw)
}

/// The summary of one step: its fields as a description list, with an edit link.
#[component]
fn ReviewSection(step: u8, fields: &'static [Field]) -> impl IntoView {
    let state = expect_context::<Prefill>();
    let lang = use_lang();
    view! {
        <section class="review-section" aria-labelledby=format!("review-{step}")>
            <div class="review-head">
                <h3 id=format!("review-{step}")>{move || step_title(step).get(lang.get())}</h3>
                <button type="button" class="button link" on:click=move |_| state.step.set(step)
                    aria-label=move || format!("{} {}", EDIT.get(lang.get()), step_title(step).get(lang.get()))>
                    {t(EDIT)}
                </button>
            </div>
            <dl>
                {fields.iter().map(|&field| view! {
                    <div class="review-row" class:invalid=move || state.error_code(field).is_some()>
                        <dt>{move || field_label(field).get(lang.get())}</dt>
                        <dd>{move || {
                            let l = lang.get();
                            let v = state.form.with(|f| shown_value(f, field, l));
                            if v.trim().is_empty() { NOT_FILLED.get(l).to_string() } else { v }
                        }}</dd>
                        {move || state.error_code(field).map(|c| view! { <dd class="error">{c.message(lang.get())}</dd> })}
                    </div>
                }).map(IntoAny::into_any).collect_view()}
            </dl>
        </section>
    }
}

/// The review screen and the submit button.
#[component]
pub fn StepReview() -> impl IntoView {
    let state = expect_context::<Prefill>();
    let lang = use_lang();
    let send = state.send;
    let start = move || start_sending(state, lang.get_untracked());

    let documents = move || {
        let l = lang.get();
        state
            .attachments
            .get()
            .into_iter()
            .map(|m| view! { <li>{m.kind.label(l)} " · " {file_size(m.size)}</li> })
            .map(IntoAny::into_any)
            .collect_view()
    };

    view! {
        <ReviewSection step=STEP_TYPE_REGION fields=super::draft::step_fields(STEP_TYPE_REGION)/>
        <ReviewSection step=STEP_IDENTITY fields=super::draft::step_fields(STEP_IDENTITY)/>
        <ReviewSection step=STEP_ADDRESS fields=super::draft::step_fields(STEP_ADDRESS)/>
        <section class="review-section" aria-labelledby="review-4">
            <div class="review-head">
                <h3 id="review-4">{move || step_title(STEP_DOCUMENTS).get(lang.get())}</h3>
                <button type="button" class="button link" on:click=move |_| state.step.set(STEP_DOCUMENTS)>
                    {t(EDIT)}
                </button>
            </div>
            <ul class="review-docs">{documents}</ul>
        </section>

        <div class="submit-area">
            {move || match send.get() {
                SendState::Sending(f) => view! {
                    <p role="status">{t(SENDING)}</p>
                    <progress max="100" value=((f * 100.0) as u32).to_string() aria-label=t(SENDING)></progress>
                }.into_any(),
                SendState::Failed(failure) => {
                    let waits_for_signal = matches!(failure, SubmitFailure::Api(ApiError::Network));
                    // A message about the form stays only while its problem does.
                    let message = move || {
                        let l = lang.get();
                        match &failure {
                            SubmitFailure::Invalid { .. } => state
                                .problems
                                .with(|p| !p.errors.is_empty())
                                .then(|| FIX_MARKED_FIELDS.get(l).to_string()),
                            SubmitFailure::MissingDocuments => missing_documents_text(&state, l),
                            SubmitFailure::Api(e) => Some(e.message(l)),
                        }
                    };
                    (move || message().map(|m| view! {
                        <div class="notice notice-error" role="alert">
                            <p>{m}</p>
                            {if waits_for_signal && state.send_requested.get() {
                                view! { <p class="send-when-online">{t(SEND_WHEN_ONLINE)}</p> }.into_any()
                            } else {
                                view! { <p>{t(DRAFT_KEPT)}</p> }.into_any()
                            }}
                        </div>
                    })).into_any()
                }
                SendState::Idle => ().into_any(),
            }}
            <button
                type="button"
                class="button primary wide"
                disabled=move || matches!(send.get(), SendState::Sending(_))
                on:click=move |_| start()
            >
                {move || match send.get() {
                    SendState::Failed(SubmitFailure::Api(_)) => RETRY.get(lang.get()),
                    _ => SUBMIT.get(lang.get()),
                }}
            </button>
        </div>
    }
}
