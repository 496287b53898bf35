//! `/daftar/selesai/{code}`: the registration code after a successful submission, to read aloud,
//! scan, print or save, and what to do next.

use crate::components::{QrCode, RegistrationCodeDisplay};
use crate::i18n::{
    code_error, t, ts, use_lang, BACK_HOME, NEXT_STEPS_TITLE, NEXT_STEP_BRING, NEXT_STEP_CHECK,
    NEXT_STEP_GO, PRINT_SAVE, QR_LABEL, REGISTRATION_CODE, STATUS_LINK, SUBMITTED_KEEP_CODE,
    SUBMITTED_TITLE,
};
use leptos::prelude::*;
use shared::domain::RegistrationCode;

/// The receipt page. It reads the code from the URL only (nothing personal is on it), so it can
/// be reopened from history and printed again.
#[component]
pub fn SubmittedPage(code: String) -> impl IntoView {
    let lang = use_lang();
    let parsed = move || RegistrationCode::parse(&code);
    move || {
        match parsed() {
        Err(e) => view! { <p class="notice notice-error" role="alert">{move || code_error(e, lang.get())}</p> }.into_any(),
        Ok(code) => {
            let shown = code.to_string();
            let path = format!("/s/{shown}");
            let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
            let url = format!("{origin}{path}");
            view! {
                <h1>{t(SUBMITTED_TITLE)}</h1>
                <section class="receipt" aria-labelledby="receipt-code-label">
                    <h2 id="receipt-code-label">{t(REGISTRATION_CODE)}</h2>
                    <RegistrationCodeDisplay code=shown.clone() label=ts(REGISTRATION_CODE)/>
                    <p class="hint">{t(SUBMITTED_KEEP_CODE)}</p>
                    <QrCode text=url.clone() label=ts(QR_LABEL)/>
                    <p class="status-url">
                        {t(STATUS_LINK)} " " <a href=path.clone()>{url.clone()}</a>
                    </p>
                </section>
                <section aria-labelledby="next-steps">
                    <h2 id="next-steps">{t(NEXT_STEPS_TITLE)}</h2>
                    <ol class="next-steps">
                        <li>{t(NEXT_STEP_GO)}</li>
                        <li>{t(NEXT_STEP_BRING)}</li>
                        <li>{t(NEXT_STEP_CHECK)}</li>
                    </ol>
                </section>
                <div class="actions no-print">
                    <button type="button" class="button primary wide" on:click=move |_| {
                        if let Some(w) = web_sys::window() {
                            let _ = w.print();
                        }
                    }>{t(PRINT_SAVE)}</button>
                    <a href="/" class="button secondary wide">{t(BACK_HOME)}</a>
                </div>
            }
            .into_any()
        }
    }
    }
}
