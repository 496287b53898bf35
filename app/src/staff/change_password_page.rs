//! `/staf/ganti-sandi`: the signed-in person chooses their own password. Required after an
//! administrator created the account or reset its password (sign-in and the consoles send the
//! person here, and the edge refuses everything else until then); open to anyone signed in.
//! Afterwards the person goes on to their console.

use super::session;
use super::strings::*;
use crate::api::StaffApi;
use crate::dinas::FormErrors;
use crate::i18n::{t, use_lang};
use crate::nav::navigate;
use leptos::prelude::*;
use shared::api::ErrorCode;

/// The page's path.
pub const CHANGE_PASSWORD: &str = "/staf/ganti-sandi";

/// The change-password form.
#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    crate::staff::ensure_staff_css();
    crate::staff::install_panic_hook();
    let lang = use_lang();
    let api = StaffApi::for_view();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let required = session::remembered().is_some_and(|s| s.must_change_password);

    let send = Action::new_local(move |(cur, new): &(String, String)| {
        let (cur, new) = (cur.clone(), new.clone());
        async move { api.change_password(&cur, &new).await }
    });
    Effect::new(move |_| match send.value().get() {
        Some(Ok(info)) => {
            session::remember(&info);
            navigate(session::home_of(info.role));
        }
        Some(Err(e)) if e.code() == Some(ErrorCode::Unauthenticated) => {
            session::forget();
            navigate("/staf/masuk");
        }
        Some(Err(e)) => errors.set(FormErrors {
            local: vec![],
            server: Some(e),
        }),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if new.get_untracked() != repeat.get_untracked() {
            errors.set(FormErrors {
                local: vec![("repeat_password", PASSWORDS_DIFFER)],
                server: None,
            });
            return;
        }
        errors.set(FormErrors::default());
        send.dispatch((current.get_untracked(), new.get_untracked()));
    };
    let error = move |field: &'static str| move || errors.with(|e| e.field(field, lang.get()));
    view! {
        <section class="staff-signin">
            <h1>{t(CHANGE_PASSWORD_TITLE)}</h1>
            <p class="notice" role="status" hidden=!required>{t(MUST_CHANGE_NOTICE)}</p>
            <form on:submit=submit>
                <label for="pw-current">{t(CURRENT_PASSWORD)}</label>
                <input id="pw-current" type="password" autocomplete="current-password" required
                    bind:value=current aria-describedby="pw-current-error"/>
                <p id="pw-current-error" class="field-error">{error("current_password")}</p>
                <label for="pw-new">{t(NEW_PASSWORD)}</label>
                <input id="pw-new" type="password" autocomplete="new-password" required
                    bind:value=new aria-describedby="pw-new-hint pw-new-error"/>
                <p id="pw-new-hint" class="hint">{t(NEW_PASSWORD_HINT)}</p>
                <p id="pw-new-error" class="field-error">{error("new_password")}</p>
                <label for="pw-repeat">{t(REPEAT_PASSWORD)}</label>
                <input id="pw-repeat" type="password" autocomplete="new-password" required
                    bind:value=repeat aria-describedby="pw-repeat-error"/>
                <p id="pw-repeat-error" class="field-error">{error("repeat_password")}</p>
                <p class="field-error" role="alert">{move || errors.with(|e| e.form(lang.get()))}</p>
                <button type="submit" class="primary" disabled=move || send.pending().get()>{t(SAVE_PASSWORD)}</button>
            </form>
        </section>
    }
}
