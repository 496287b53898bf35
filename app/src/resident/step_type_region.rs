//! Step 1: why the resident applies, and where they live (the region boxes at the top of F-1.21).

use super::form_choice::FormChoice;
use super::region_pickers::RegionPickers;
use crate::i18n::{t, use_lang, REGION_INTRO};
use leptos::prelude::*;
use shared::domain::ApplicationType;
use shared::validation::Field;

/// Application type as radio buttons, then the four region pickers.
#[component]
pub fn StepTypeRegion() -> impl IntoView {
    let lang = use_lang();
    let types = Signal::derive(move || {
        let l = lang.get();
        ApplicationType::ALL
            .iter()
            .map(|t| (t.code().to_string(), t.label(l).to_string()))
            .collect::<Vec<_>>()
    });
    view! {
        <FormChoice field=Field::ApplicationType options=types/>
        <p class="lead">{t(REGION_INTRO)}</p>
        <RegionPickers/>
    }
}
