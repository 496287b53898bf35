//! `/s`: type a registration code to see its status.

use super::code_form::CodeForm;
use crate::i18n::{t, STATUS_LOOKUP_INTRO, STATUS_TITLE};
use leptos::prelude::*;

/// The lookup page.
#[component]
pub fn StatusLookup() -> impl IntoView {
    view! {
        <h1>{t(STATUS_TITLE)}</h1>
        <p class="lead">{t(STATUS_LOOKUP_INTRO)}</p>
        <CodeForm/>
    }
}
