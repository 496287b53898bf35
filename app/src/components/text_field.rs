//! A labelled text input with its hint and error message.

use super::field_message::{describedby, FieldMessage};
use crate::i18n::{t, OPTIONAL};
use leptos::prelude::*;

/// Whether the event's input holds a value the browser cannot report yet: a date typed part-way
/// (29 February before its year) reads as empty, and passing that on would write the empty
/// value back into the input and wipe the digits typed so far.
fn partly_typed(ev: &web_sys::Event) -> bool {
    let key = |o: &wasm_bindgen::JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).ok();
    ev.target()
        .and_then(|t| key(&t, "validity"))
        .and_then(|v| key(&v, "badInput"))
        .and_then(|b| b.as_bool())
        .unwrap_or(false)
}

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
    /// Rewrites the text when the field is left (`1` -> `001` for an RT); `None` leaves it.
    #[prop(optional_no_strip)]
    tidy: Option<fn(&str) -> Option<String>>,
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
                on:input=move |ev| {
                    if !partly_typed(&ev) {
                        on_input.run(event_target_value(&ev))
                    }
                }
                on:change=move |ev| {
                    if !partly_typed(&ev) {
                        on_input.run(event_target_value(&ev))
                    }
                }
                on:blur=move |ev| {
                    if let Some(tidied) = tidy.and_then(|f| f(&event_target_value(&ev))) {
                        on_input.run(tidied);
                    }
                    if let Some(cb) = on_blur {
                        cb.run(())
                    }
                }
            />
            <FieldMessage id=id hint=hint error=error/>
        </div>
    }
}
