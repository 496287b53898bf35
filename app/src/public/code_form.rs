//! The box to type a registration code, checked on the device (check character) before any request.

use crate::components::TextField;
use crate::i18n::{code_error, t, ts, use_lang, CHECK, CODE_HINT, REGISTRATION_CODE};
use crate::nav::navigate;
use leptos::prelude::*;
use shared::domain::RegistrationCode;

/// A code input and a button; a valid code opens `/s/{code}`, a mistyped one is explained here.
#[component]
pub fn CodeForm(#[prop(into, optional)] initial: String) -> impl IntoView {
    let lang = use_lang();
    let text = RwSignal::new(initial);
    let problem = RwSignal::new(None::<shared::domain::RegistrationCodeError>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match RegistrationCode::parse(&text.get_untracked()) {
            Ok(code) => {
                problem.set(None);
                navigate(&format!("/s/{code}"));
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <form class="code-form" on:submit=on_submit novalidate=true>
            <TextField
                id="registration-code"
                label=ts(REGISTRATION_CODE)
                value=text
                on_input=Callback::new(move |v: String| {
                    text.set(v);
                    problem.set(None);
                })
                error=Signal::derive(move || problem.get().map(|e| code_error(e, lang.get())))
                hint=Some(ts(CODE_HINT))
                autocomplete="off"
                maxlength=20
                required=true
                uppercase=true
            />
            <button type="submit" class="button primary wide">{t(CHECK)}</button>
        </form>
    }
}
