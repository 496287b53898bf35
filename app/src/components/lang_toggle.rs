//! The language switch: one button naming the other language in that language.

use crate::i18n::{t, use_lang, SWITCH_LANGUAGE};
use leptos::prelude::*;
use shared::i18n::Lang;

/// Switches between Indonesian and English; the choice is remembered (see `i18n`).
#[component]
pub fn LangToggle() -> impl IntoView {
    let lang = use_lang();
    let other = move || match lang.get() {
        Lang::Id => ("en", "English"),
        Lang::En => ("id", "Bahasa Indonesia"),
    };
    view! {
        <button
            type="button"
            class="lang-toggle"
            aria-label=t(SWITCH_LANGUAGE)
            on:click=move |_| lang.update(|l| *l = if *l == Lang::Id { Lang::En } else { Lang::Id })
        >
            <span lang=move || other().0>{move || other().1}</span>
        </button>
    }
}
