//! Returning an application for correction: the shared list of reasons as checkboxes, at least
//! one required; the return goes through the outbox like every write.

use crate::i18n::{t, use_lang};
use crate::kecamatan::strings::*;
use leptos::prelude::*;
use shared::lifecycle::ReturnReason;

/// The reasons and the send button; `on_return` receives the chosen reasons.
#[component]
pub fn ReturnForm(on_return: Callback<Vec<ReturnReason>>) -> impl IntoView {
    let lang = use_lang();
    let chosen = RwSignal::new(Vec::<ReturnReason>::new());
    let missing = RwSignal::new(false);
    view! {
        <form class="return-form" on:submit=move |ev| {
            ev.prevent_default();
            let reasons = chosen.get_untracked();
            missing.set(reasons.is_empty());
            if !reasons.is_empty() {
                on_return.run(reasons);
            }
        }>
            <fieldset aria-describedby="return-error">
                <legend>{t(RETURN_REASONS)}</legend>
                {ReturnReason::ALL.into_iter().map(|reason| view! {
                    <label class="check">
                        <input type="checkbox" on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            chosen.update(|c| {
                                c.retain(|r| *r != reason);
                                if on { c.push(reason); }
                            });
                        }/>
                        {move || reason.message(lang.get())}
                    </label>
                }).collect_view()}
            </fieldset>
            <p id="return-error" class="field-error" role="alert" hidden=move || !missing.get()>{t(RETURN_NEEDS_REASON)}</p>
            <button type="submit" class="danger">{t(RETURN_SEND)}</button>
        </form>
    }
}
