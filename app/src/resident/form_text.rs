//! A text input bound to one field of the pre-fill form.

use super::draft::{field_id, Prefill};
use super::form_access::{get_text, set_text};
use crate::components::TextField;
use crate::i18n::{field_hint, field_label, use_lang};
use leptos::prelude::*;
use shared::validation::Field;

/// `field` as a labelled input: typed text goes into the draft at once (and so to the device),
/// and its validation message follows as the resident types.
#[component]
pub fn FormText(
    field: Field,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] maxlength: Option<u32>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] optional: bool,
    #[prop(optional)] uppercase: bool,
    /// Rewrites the text when the field is left (an RT `1` -> `001`).
    #[prop(optional)]
    tidy: Option<fn(&str) -> Option<String>>,
) -> impl IntoView {
    let state = expect_context::<Prefill>();
    let lang = use_lang();
    let value = Signal::derive(move || state.form.with(|f| get_text(f, field)));
    let on_input = Callback::new(move |v: String| {
        // A field typed to its full length is done: check it now rather than on leaving it.
        if maxlength.is_some_and(|m| v.chars().filter(|c| !c.is_whitespace()).count() >= m as usize)
        {
            state.touch(field);
        }
        state.edited(field);
        state.form.update(|f| set_text(f, field, v));
    });
    let on_blur = Callback::new(move |_| state.touch(field));
    let error = Signal::derive(move || {
        state
            .error_code(field)
            .map(|c| c.message(lang.get()).to_string())
    });
    // A warning (a NIK that disagrees with the declared birth date or sex) takes the hint's
    // place while it lasts: a doubt to check, not a refusal.
    let hint = field_hint(field).map(|h| {
        Signal::derive(move || match state.warning(field) {
            Some(w) => format!("⚠ {}", w.message(lang.get())),
            None => h.get(lang.get()).to_string(),
        })
    });
    view! {
        <TextField
            id=field_id(field)
            label=Signal::derive(move || field_label(field).get(lang.get()).to_string())
            value=value
            on_input=on_input
            on_blur=on_blur
            error=error
            hint=hint
            input_type=input_type
            inputmode=inputmode.unwrap_or("text")
            maxlength=maxlength.unwrap_or(200)
            autocomplete=autocomplete.unwrap_or("off")
            required=!optional
            uppercase=uppercase
            tidy=tidy
        />
    }
}
