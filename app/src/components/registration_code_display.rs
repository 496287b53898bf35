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
    view! {
        <p class="reg-code" aria-label=move || format!("{}: {}", label.get(), spelled.trim_end())>
            {groups.into_iter().map(|g| view! { <span class="reg-code-group">{g}</span> }).map(IntoAny::into_any).collect_view()}
        </p>
    }
}
