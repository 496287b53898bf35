//! `/staf/masuk`: staff sign-in. Wrong password and a locked account are said next to the form;
//! after signing in the operator goes to their role's console, or back to the page that asked;
//! one whose password an administrator set goes to change it first.

use crate::api::StaffApi;
use crate::i18n::{t, use_lang};
use crate::kecamatan::strings::*;
use crate::nav::{navigate, use_location};
use crate::staff::session;
use leptos::prelude::*;

/// The sign-in form.
#[component]
pub fn SignInPage() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    crate::staff::ensure_staff_css();
    crate::staff::install_panic_hook();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let api = StaffApi::for_view();
    let expired = location.query_param("sesi").is_some();

    let sign_in = Action::new_local(move |(user, pass): &(String, String)| {
        let (user, pass) = (user.clone(), pass.clone());
        async move { api.login(&user, &pass).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(info)) = sign_in.value().get() {
            session::remember(&info);
            let username = info.username.clone();
            leptos::task::spawn_local(async move {
                super::tablet_handover::after_sign_in(&username).await;
            });
            if info.must_change_password {
                navigate(super::CHANGE_PASSWORD);
                return;
            }
            navigate(&session::after_sign_in(
                info.role,
                location.query_param("lanjut"),
            ));
        }
    });
    let error = move || {
        sign_in
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| e.message(lang.get()))
    };

    view! {
        <section class="staff-signin">
            <h1>{t(SIGN_IN_TITLE)}</h1>
            <p class="notice" role="status" hidden=!expired>{t(SESSION_EXPIRED)}</p>
            <form on:submit=move |ev| {
                ev.prevent_default();
                sign_in.dispatch((username.get_untracked(), password.get_untracked()));
            }>
                <label for="staff-username">{t(USERNAME)}</label>
                <input id="staff-username" name="username" autocomplete="username" required
                    bind:value=username/>
                <label for="staff-password">{t(PASSWORD)}</label>
                <input id="staff-password" name="password" type="password" autocomplete="current-password" required
                    aria-describedby="signin-error" bind:value=password/>
                <p id="signin-error" class="field-error" role="alert">{error}</p>
                <button type="submit" class="primary" disabled=move || sign_in.pending().get()>
                    {move || if sign_in.pending().get() { t(SIGNING_IN)() } else { t(SIGN_IN)() }}
                </button>
            </form>
        </section>
    }
}
