//! A group of radio buttons in a fieldset: for short lists where every option should be visible
//! and a large touch target (application type, sex).

use leptos::prelude::*;

/// Radio buttons over `(value, label)` options. The legend names the group; each option has its
/// own `<label>`, so the whole row is the touch target.
#[component]
pub fn ChoiceField(
    #[prop(into)] id: String,
    #[prop(into)] legend: Signal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    let name = id.clone();
    view! {
        <fieldset
            class="field choice"
            class:invalid=move || error.with(Option::is_some)
            id=id.clone()
            aria-describedby=move || error.with(Option::is_some).then(|| described.clone())
        >
            <legend>{legend}</legend>
            {move || {
                let name = name.clone();
                options
                    .get()
                    .into_iter()
                    .map(|(code, text)| {
                        let option_id = format!("{name}-{code}");
                        let c = code.clone();
                        let picked = code.clone();
                        view! {
                            <div class="choice-option">
                                <input
                                    type="radio"
                                    id=option_id.clone()
                                    name=name.clone()
                                    value=code
                                    prop:checked=move || value.with(|v| *v == c)
                                    on:change=move |_| on_change.run(picked.clone())
                                />
                                <label for=option_id>{text}</label>
                            </div>
                        }
                    })
                    .map(IntoAny::into_any).collect_view()
            }}
            <p class="error" id=error_id role="alert" hidden=move || error.with(Option::is_none)>
                {move || error.get().unwrap_or_default()}
            </p>
        </fieldset>
    }
}
