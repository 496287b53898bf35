//! `/s/{code}`: the public status of one application.

use super::code_form::CodeForm;
use super::status_view::StatusDetails;
use crate::api::{self, ApiError};
use crate::i18n::{
    code_error, t, use_lang, CHECKING, CODE_NOT_FOUND, REFRESH, REGISTRATION_CODE, STATUS_TITLE,
    TRY_ANOTHER_CODE,
};
use crate::loader::Loader;
use leptos::prelude::*;
use shared::api::ErrorCode;
use shared::domain::RegistrationCode;

/// The status page. The code is checked on the device first (its check character catches
/// typos), so a mistyped code never reaches the server.
#[component]
pub fn StatusPage(code: String) -> impl IntoView {
    let lang = use_lang();
    // The code is part of the path: a new code is a new page, so nothing here needs to follow it.
    let parsed = RegistrationCode::parse(&code);
    let status = Loader::new(
        move || parsed,
        move |code, requests| {
            let lang = lang.get_untracked();
            async move {
                match code {
                    Ok(code) => Some(api::get_status(code, lang, requests).await),
                    Err(_) => None,
                }
            }
        },
    );

    let body = match parsed {
        Err(e) => view! {
            <p class="notice notice-error" role="alert">{move || code_error(e, lang.get())}</p>
            <h2>{t(TRY_ANOTHER_CODE)}</h2>
            <CodeForm initial=code.clone()/>
        }
        .into_any(),
        Ok(code) => view! {
            <p class="status-code">{t(REGISTRATION_CODE)} ": " <strong>{code.to_string()}</strong></p>
            {move || match status.get() {
                None => view! { <p role="status">{t(CHECKING)}</p> }.into_any(),
                Some(Some(Ok(view))) => view! {
                    <StatusDetails status=view/>
                    <button type="button" class="button secondary" on:click=move |_| status.reload()>
                        {t(REFRESH)}
                    </button>
                }.into_any(),
                Some(Some(Err(e))) => failure(e, status).into_any(),
                Some(None) => ().into_any(),
            }}
        }
        .into_any(),
    };

    view! {
        <h1>{t(STATUS_TITLE)}</h1>
        {body}
    }
}

/// A failed lookup: not found and mistyped codes are explained; other failures offer a retry.
fn failure(
    e: ApiError,
    status: Loader<Option<Result<shared::api::StatusView, ApiError>>>,
) -> impl IntoView {
    let lang = use_lang();
    match e.code() {
        Some(ErrorCode::NotFound) => view! {
            <p class="notice notice-error" role="alert">{t(CODE_NOT_FOUND)}</p>
            <h2>{t(TRY_ANOTHER_CODE)}</h2>
            <CodeForm/>
        }
        .into_any(),
        Some(ErrorCode::InvalidRegistrationCode) => view! {
            <p class="notice notice-error" role="alert">
                {move || code_error(shared::domain::RegistrationCodeError::CheckFailed, lang.get())}
            </p>
            <CodeForm/>
        }
        .into_any(),
        _ => view! {
            <div class="notice notice-error" role="alert">
                <p>{move || e.message(lang.get())}</p>
                <button type="button" class="button" on:click=move |_| status.reload()>
                    {move || crate::i18n::RETRY.get(lang.get())}
                </button>
            </div>
        }
        .into_any(),
    }
}
