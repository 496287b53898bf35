//! `/dinas/surat-keterangan`: find an application by its typed registration code, issue its
//! Surat Keterangan or bring back the latest one to reprint, print it on A4, and (supervisors)
//! revoke it with a reason.

use super::form_errors::{required, FormErrors};
use super::strings::*;
use super::{CertificateSheet, WriteKey};
use crate::api::{ApiError, StaffApi};
use crate::i18n::{format_timestamp, t, use_lang, Tr};
use crate::staff::session::use_session;
use leptos::prelude::*;
use shared::api::{ApplicationDetail, CertificateDocument, CertificateStanding, ErrorCode};
use shared::auth::StaffRole;

fn standing_label(s: CertificateStanding) -> Tr {
    match s {
        CertificateStanding::Valid => SK_STANDING_VALID,
        CertificateStanding::Expired => SK_STANDING_EXPIRED,
        CertificateStanding::Revoked => SK_STANDING_REVOKED,
        CertificateStanding::Ended => SK_STANDING_ENDED,
    }
}

/// The Surat Keterangan section.
#[component]
pub fn CertificatePage() -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let typed = RwSignal::new(String::new());
    let lookup = Action::new_local(move |code: &String| {
        let code = code.clone();
        async move { api.by_code(&code).await }
    });
    let found = move || lookup.value().get().and_then(|r| r.ok());
    let lookup_error = move || {
        lookup
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| e.message(lang.get()))
    };
    view! {
        <section class="certificate-page">
            <h1 class="no-print">{t(SK_TITLE)}</h1>
            <p class="no-print">{t(SK_INTRO)}</p>
            <form class="code-lookup no-print" role="search" on:submit=move |ev| {
                ev.prevent_default();
                lookup.dispatch(typed.get_untracked());
            }>
                <label for="sk-code">{t(SK_CODE)}</label>
                <input id="sk-code" class="code" autocomplete="off" required aria-describedby="sk-code-error" bind:value=typed/>
                <button type="submit" disabled=move || lookup.pending().get()>{t(SK_FIND)}</button>
                <p id="sk-code-error" class="field-error" role="alert">{lookup_error}</p>
            </form>
            {move || found().map(|d| view! { <Application detail=d/> })}
        </section>
    }
}

/// The found application: its certificate, if any, and what may be done with it.
#[component]
fn Application(detail: ApplicationDetail) -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let id = StoredValue::new(detail.id.clone());
    let stage = detail.stage;
    // The certificate on screen: the latest one read, replaced by what issuing or revoking gives.
    let doc = RwSignal::new(None::<Result<CertificateDocument, ApiError>>);
    leptos::task::spawn_local(async move {
        let answer = api.certificate(&id.get_value()).await;
        let _ = doc.try_set(Some(answer));
    });
    let key = WriteKey::new();
    let issue = Action::new_local(move |_: &()| async move {
        let Some(k) = key.get() else {
            return Err(ApiError::Unexpected { status: 0 });
        };
        let result = api.issue_certificate(&id.get_value(), &k).await;
        key.settle(&result);
        if let Ok(d) = &result {
            doc.set(Some(Ok(d.clone())));
        }
        result
    });
    let issue_error = move || {
        issue
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| e.message(lang.get()))
    };
    let current = move || doc.get().and_then(|d| d.ok());
    let none_yet =
        move || doc.with(|d| matches!(d, Some(Err(e)) if e.code() == Some(ErrorCode::NotFound)));
    let read_error = move || {
        doc.with(|d| match d {
            Some(Err(e)) if e.code() != Some(ErrorCode::NotFound) => Some(e.message(lang.get())),
            _ => None,
        })
    };
    let can_issue =
        move || none_yet() || current().is_some_and(|d| d.standing != CertificateStanding::Valid);
    view! {
        <section class="sk-application no-print" aria-labelledby="sk-app-h">
            <h2 id="sk-app-h">{detail.form.full_name.clone()}" · "<span class="code">{detail.registration_code.clone()}</span></h2>
            <p class="stage">{move || stage.label(lang.get())}</p>
            <p hidden=move || !none_yet()>{t(SK_NONE)}</p>
            <p class="field-error" role="alert">{read_error}</p>
            {move || current().map(|d| {
                let standing = d.standing;
                view! {
                    <p class="sk-standing">{t(SK_STANDING)}": "<strong>{t(standing_label(standing))}</strong>
                        {d.revoked_on.clone().map(|on| view! { " · "{t(SK_REVOKED_ON)}" "{move || format_timestamp(&on, lang.get())} })}
                    </p>
                }
            })}
            <div class="decision-actions">
                {move || can_issue().then(|| view! {
                    <button type="button" class="primary" disabled=move || issue.pending().get()
                        on:click=move |_| { issue.dispatch(()); }>{t(SK_ISSUE)}</button>
                })}
                {move || current().map(|_| view! {
                    <button type="button" on:click=move |_| {
                        if let Some(w) = web_sys::window() { let _ = w.print(); }
                    }>{t(SK_PRINT)}</button>
                })}
            </div>
            <p class="field-error" role="alert">{issue_error}</p>
            {move || current().filter(|d| d.standing == CertificateStanding::Valid).map(|d| view! {
                <RevokeForm number=d.number.clone() on_revoked=Callback::new(move |on: String| {
                    doc.update(|c| if let Some(Ok(c)) = c {
                        c.standing = CertificateStanding::Revoked;
                        c.revoked_on = Some(on);
                    });
                })/>
            })}
        </section>
        {move || current().map(|d| view! { <CertificateSheet doc=d/> })}
    }
}

/// A supervisor's revocation with its reason (others see why they cannot).
#[component]
fn RevokeForm(number: String, on_revoked: Callback<String>) -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let session = use_session();
    let key = WriteKey::new();
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let number = StoredValue::new(number);
    let is_supervisor = move || {
        session
            .0
            .with(|s| s.as_ref().map(|s| s.role) == Some(StaffRole::DinasSupervisor))
    };
    let send = Action::new_local(move |text: &String| {
        let text = text.clone();
        async move {
            let Some(k) = key.get() else {
                return Err(ApiError::Unexpected { status: 0 });
            };
            let result = api.revoke_certificate(&number.get_value(), &text, &k).await;
            key.settle(&result);
            result
        }
    });
    Effect::new(move |_| match send.value().get() {
        Some(Ok(answer)) => on_revoked.run(answer.revoked_on),
        Some(Err(e)) => errors.set(FormErrors {
            local: vec![],
            server: Some(e),
        }),
        None => {}
    });
    view! {
        <details class="sk-revoke">
            <summary>{t(SK_REVOKE_TITLE)}</summary>
            <p class="notice" role="note" hidden=is_supervisor>{t(SK_ONLY_SUPERVISOR_REVOKES)}</p>
            <form on:submit=move |ev| {
                ev.prevent_default();
                let text = reason.get_untracked();
                if let Some(problem) = required("reason", &text, REASON_REQUIRED) {
                    errors.set(FormErrors { local: vec![problem], server: None });
                    return;
                }
                errors.set(FormErrors::default());
                send.dispatch(text.trim().to_string());
            } novalidate>
                <label for="sk-revoke-reason">{t(SK_REVOKE_REASON)}</label>
                <textarea id="sk-revoke-reason" rows="2" maxlength=shared::api::MAX_REVOKE_REASON_CHARS.to_string()
                    aria-describedby="sk-revoke-error" disabled=move || !is_supervisor() bind:value=reason></textarea>
                <p id="sk-revoke-error" class="field-error">{move || errors.with(|e| e.field("reason", lang.get()))}</p>
                <p class="field-error" role="alert">{move || errors.with(|e| e.form(lang.get()))}</p>
                <button type="submit" class="danger" disabled=move || !is_supervisor() || send.pending().get()>{t(SK_REVOKE)}</button>
            </form>
        </details>
    }
}
