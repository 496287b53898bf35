//! Radio buttons bound to one field of the pre-fill form.

use super::draft::{field_id, Prefill};
use super::form_access::{get_text, set_text};
use crate::components::ChoiceField;
use crate::i18n::{field_label, use_lang};
use leptos::prelude::*;
use shared::validation::Field;

/// `field` as a group of radio buttons over `options` (`(wire code, label)` pairs).
#[component]
pub fn FormChoice(
    field: Field,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let state = expect_context::<Prefill>();
    let lang = use_lang();
    let on_change = Callback::new(move |v: String| {
        state.edited(field);
        state.touch(field);
        state.form.update(|f| set_text(f, field, v));
    });
    view! {
        <ChoiceField
            id=field_id(field)
            legend=Signal::derive(move || field_label(field).get(lang.get()).to_string())
            options=options
            value=Signal::derive(move || state.form.with(|f| get_text(f, field)))
            on_change=on_change
            error=Signal::derive(move || state.error_code(field).map(|c| c.message(lang.get()).to_string()))
        />
    }
}
