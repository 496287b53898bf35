//! A stage as people read it: its plain-language name, coloured by what it means (done, waiting,
//! needs action, problem, from `shared::lifecycle`) with that meaning also said in words.

use crate::i18n::use_lang;
use leptos::prelude::*;
use shared::lifecycle::Stage;

/// The chip for `stage`; `data-stage` carries the stable name for tests and styles.
#[component]
pub fn StageChip(stage: Stage) -> impl IntoView {
    let lang = use_lang();
    let meaning = stage.meaning();
    view! {
        <span class=format!("stage-chip meaning-{}", meaning.as_str()) data-stage=stage.as_str()>
            <span class="stage-meaning">{move || meaning.label(lang.get())}</span>
            <span class="stage-name">{move || stage.label(lang.get())}</span>
        </span>
    }
}
