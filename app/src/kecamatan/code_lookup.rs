//! Opening an application by its registration code, typed from the receipt or the resident's
//! phone; the error (unknown code, malformed code, offline) is shown under the field.

use crate::api::ApiError;
use crate::i18n::{t, use_lang};
use crate::kecamatan::strings::*;
use leptos::prelude::*;
use shared::api::ApplicationDetail;

/// The code field and its button; `lookup` is the queue page's by-code action.
#[component]
pub fn CodeLookup(lookup: Action<String, Result<ApplicationDetail, ApiError>>) -> impl IntoView {
    let lang = use_lang();
    let code = RwSignal::new(String::new());
    let error = move || {
        lookup
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| e.message(lang.get()))
    };
    view! {
        <form class="code-lookup" on:submit=move |ev| {
            ev.prevent_default();
            lookup.dispatch(code.get_untracked());
        }>
            <label for="lookup-code">{t(FIND_BY_CODE)}</label>
            <input id="lookup-code" autocomplete="off" autocapitalize="characters" spellcheck="false"
                aria-describedby="lookup-error" bind:value=code/>
            <button type="submit" disabled=move || lookup.pending().get()>{t(OPEN)}</button>
            <p id="lookup-error" class="field-error" role="alert">{error}</p>
        </form>
    }
}
