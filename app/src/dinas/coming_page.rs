//! A section that is not built yet: it says so plainly, with no made-up data.

use super::strings::*;
use super::Section;
use crate::i18n::t;
use leptos::prelude::*;

/// The page of a section still to come.
#[component]
pub fn ComingPage(section: Section) -> impl IntoView {
    view! {
        <section class="dinas-coming">
            <h1>{t(section.label())}</h1>
            <p>{t(section.about())}</p>
            <p class="notice" role="status">{t(COMING)}</p>
            <p><a href="/dinas">{t(BACK_TO_CONSOLE)}</a></p>
        </section>
    }
}
