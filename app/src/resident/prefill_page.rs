//! `/daftar`: the resident's pre-fill. After sending, the code is remembered on the device (the
//! landing page shows it) and the receipt page opens in place of the form: Back then never
//! brings the filled form (a shared phone) or its send button back.

use super::draft::{LAST_CODE_KEY, RESIDENT};
use super::IntakeForm;
use crate::i18n::PREFILL_TITLE;
use crate::platform::storage;
use leptos::prelude::*;
use shared::api::SubmitResponse;

/// The resident's form.
#[component]
pub fn PrefillPage() -> impl IntoView {
    let on_submitted = Callback::new(move |answer: SubmitResponse| {
        let _ = storage::set(LAST_CODE_KEY, &answer.registration_code);
        // The receipt is another bundle (a page load): it replaces the form's history entry.
        if let Some(w) = web_sys::window() {
            let _ = w
                .location()
                .replace(&format!("/daftar/selesai/{}", answer.registration_code));
        }
    });
    view! { <IntakeForm intake=RESIDENT title=PREFILL_TITLE on_submitted=on_submitted/> }
}
