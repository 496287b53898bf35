//! The error and hint lines under a form field, wired to it with `aria-describedby`.

use leptos::prelude::*;

/// The `aria-describedby` value of a field with id `id`: its hint (if any) and, while it has
/// one, its error message, so screen readers read both when the field gets focus.
pub fn describedby(id: &str, has_hint: bool, has_error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if has_hint {
        ids.push(format!("{id}-hint"));
    }
    if has_error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// Hint text (always shown), a warning (a doubt that does not block, while there is one) and the
/// error message (only while there is one) of field `id`. The error line is a live region so a
/// message appearing while typing is announced; the warning is a polite one.
#[component]
pub fn FieldMessage(
    id: String,
    #[prop(into)] hint: Option<Signal<String>>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional_no_strip)] warning: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let warning_id = format!("{id}-warning");
    view! {
        {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
        {warning.map(|w| view! {
            <p class="warning" id=warning_id role="status" hidden=move || w.with(Option::is_none)>
                {move || w.get().unwrap_or_default()}
            </p>
        })}
        <p class="error" id=error_id role="alert" hidden=move || error.with(Option::is_none)>
            {move || error.get().unwrap_or_default()}
        </p>
    }
}
