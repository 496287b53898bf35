//! A labelled drop-down list with its hint and error message.

use super::field_message::{describedby, FieldMessage};
use leptos::prelude::*;

/// A `<select>` over `(value, label)` options, with a first empty "choose" entry so nothing is
/// picked silently. `disabled` while the options are not known yet (e.g. villages loading).
#[component]
pub fn SelectField(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] placeholder: Signal<String>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional_no_strip)] hint: Option<Signal<String>>,
    #[prop(into, optional)] disabled: Signal<bool>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let select_id = id.clone();
    let desc_id = id.clone();
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            <select
                id=select_id
                required=true
                disabled=disabled
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=move || describedby(&desc_id, has_hint, error.with(Option::is_some))
                on:change=move |ev| on_change.run(event_target_value(&ev))
            >
                <option value="" prop:selected=move || value.with(String::is_empty)>{placeholder}</option>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(code, text)| {
                            let c = code.clone();
                            view! { <option value=code prop:selected=move || value.with(|v| *v == c)>{text}</option> }
                        })
                        .map(IntoAny::into_any).collect_view()
                }}
            </select>
            <FieldMessage id=id hint=hint error=error/>
        </div>
    }
}
