//! `/dinas`: the console's start page, the sections with what each is for.

use super::strings::*;
use super::Section;
use crate::i18n::t;
use leptos::prelude::*;

/// The start page.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <section class="dinas-home">
            <h1>{t(HOME_TITLE)}</h1>
            <p>{t(HOME_INTRO)}</p>
            <ul class="section-list">
                {Section::ALL.into_iter().map(|s| view! {
                    <li>
                        <a href=s.href()>{t(s.label())}</a>
                        <p>{t(s.about())}</p>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
