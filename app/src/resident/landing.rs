//! `/`: what the service is, what to bring, and the two ways in (pre-fill, check status).

use super::draft::{Draft, LAST_CODE_KEY, RESIDENT};
use crate::i18n::{
    t, use_lang, BRING_ORIGINALS, CHECK_STATUS, CONTINUE_PREFILL, FREE_OF_CHARGE, LANDING_INTRO,
    LANDING_TITLE, LAST_CODE, START_PREFILL, WHAT_TO_BRING,
};
use crate::platform::storage;
use leptos::prelude::*;
use shared::api::required_attachments;
use shared::domain::ApplicationType;

/// The landing page.
#[component]
pub fn Landing() -> impl IntoView {
    let lang = use_lang();
    let has_draft = Draft::exists(RESIDENT);
    let last_code = storage::get(LAST_CODE_KEY);
    view! {
        <h1>{t(LANDING_TITLE)}</h1>
        <p class="lead">{t(LANDING_INTRO)}</p>
        <div class="actions">
            <a href="/daftar" class="button primary wide">
                {move || if has_draft { CONTINUE_PREFILL.get(lang.get()) } else { START_PREFILL.get(lang.get()) }}
            </a>
            <a href="/s" class="button secondary wide">{t(CHECK_STATUS)}</a>
        </div>
        {last_code.map(|code| {
            let href = format!("/s/{code}");
            view! {
                <p class="last-code">
                    {t(LAST_CODE)} " " <a href=href><strong>{code}</strong></a>
                </p>
            }
        })}
        <h2>{t(WHAT_TO_BRING)}</h2>
        {ApplicationType::ALL.iter().map(|&t| view! {
            <details class="bring">
                <summary>{move || t.label(lang.get())}</summary>
                <ul>
                    {required_attachments(t).iter().map(|&k| view! { <li>{move || k.label(lang.get())}</li> }).map(IntoAny::into_any).collect_view()}
                </ul>
            </details>
        }).map(IntoAny::into_any).collect_view()}
        <p>{t(BRING_ORIGINALS)}</p>
        <p class="hint">{t(FREE_OF_CHARGE)}</p>
    }
}
