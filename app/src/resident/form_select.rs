//! A drop-down list bound to one field of the pre-fill form.

use super::draft::{field_id, Prefill};
use super::form_access::{get_text, set_text};
use crate::components::SelectField;
use crate::i18n::{field_hint, field_label, ts, use_lang, CHOOSE};
use leptos::prelude::*;
use shared::validation::Field;

/// `field` as a `<select>` over `options` (`(wire code, label)` pairs, usually from `shared`'s
/// code lists in the current language).
#[component]
pub fn FormSelect(
    field: Field,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into, optional)] disabled: Signal<bool>,
    #[prop(into, optional)] placeholder: Option<Signal<String>>,
) -> impl IntoView {
    let state = expect_context::<Prefill>();
    let lang = use_lang();
    let on_change = Callback::new(move |v: String| {
        state.edited(field);
        state.touch(field);
        state.form.update(|f| set_text(f, field, v));
    });
    let error = Signal::derive(move || {
        state
            .error_code(field)
            .map(|c| c.message(lang.get()).to_string())
    });
    let hint = field_hint(field).map(|h| Signal::derive(move || h.get(lang.get()).to_string()));
    let placeholder = placeholder.unwrap_or_else(|| ts(CHOOSE));
    view! {
        <SelectField
            id=field_id(field)
            label=Signal::derive(move || field_label(field).get(lang.get()).to_string())
            options=options
            placeholder=placeholder
            value=Signal::derive(move || state.form.with(|f| get_text(f, field)))
            on_change=on_change
            error=error
            hint=hint
            disabled=disabled
        />
    }
}
