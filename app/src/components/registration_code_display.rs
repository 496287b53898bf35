//! A registration code shown large, in groups of four, easy to read aloud or copy by hand.

use leptos::prelude::*;

/// The code `K7Q4-9XMT-2HCE-8` as separate groups. The screen reader label spells it out
/// character by character, because a code read as words is useless.
#[component]
pub fn RegistrationCodeDisplay(
    #[prop(into)] code: String,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let spelled: String = code
        .chars()
        .filter(|c| *c != '-')
        .map(|c| format!("{c} "))
        .collect();
    let groups: Vec<String> = code.split('-').map(str::to_string).collect();
    // Two halves that never break inside: on a narrow screen the code wraps in the middle, and
    // its short last group never sits alone on a line.
    let half = groups.len().div_ceil(2);
    let halves: Vec<Vec<String>> = groups.chunks(half.max(1)).map(<[String]>::to_vec).collect();
    view! {
        <p class="reg-code" aria-label=move || format!("{}: {}", label.get(), spelled.trim_end())>
            {halves.into_iter().map(|h| view! {
                <span class="reg-code-half">
                    {h.into_iter().map(|g| view! { <span class="reg-code-group">{g}</span> }).collect_view()}
                </span>
            }).collect_view()}
        </p>
    }
}
