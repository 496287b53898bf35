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

/// Hint text (always shown) and the error message (only while there is one) of field `id`.
/// The error line is a live region so a message appearing while typing is announced.
#[component]
pub fn FieldMessage(
    id: String,
    #[prop(into)] hint: Option<Signal<String>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    view! {
        {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
        <p class="error" id=error_id role="alert" hidden=move || error.with(Option::is_none)>
            {move || error.get().unwrap_or_default()}
        </p>
    }
}
