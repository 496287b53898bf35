//! A labelled text input with its hint and error message.

use super::field_message::{describedby, FieldMessage};
use crate::i18n::{t, OPTIONAL};
use leptos::prelude::*;

/// A text input. `error` is the message to show (already in the user's language); while it is
/// set, the input has `aria-invalid="true"` and is described by the message.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
    #[prop(into, optional)] on_blur: Option<Callback<()>>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional_no_strip)] hint: Option<Signal<String>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] maxlength: Option<u32>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional)] uppercase: bool,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let input_id = id.clone();
    let desc_id = id.clone();
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>
                {label}
                {(!required).then(|| view! { <span class="optional">{t(OPTIONAL)}</span> })}
            </label>
            <input
                id=input_id
                type=input_type
                class:upper=uppercase
                inputmode=inputmode
                maxlength=maxlength
                autocomplete=autocomplete
                required=required
                prop:value=value
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=move || describedby(&desc_id, has_hint, error.with(Option::is_some))
                on:input=move |ev| on_input.run(event_target_value(&ev))
                on:change=move |ev| on_input.run(event_target_value(&ev))
                on:blur=move |_| {
                    if let Some(cb) = on_blur {
                        cb.run(())
                    }
                }
            />
            <FieldMessage id=id hint=hint error=error/>
        </div>
    }
}
