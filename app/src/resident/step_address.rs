//! Step 3: the street address inside the chosen desa, and an optional phone number.

use super::draft::Prefill;
use super::form_text::FormText;
use super::region_lists::cached_name;
use crate::i18n::{t, ADDRESS_IN};
use leptos::prelude::*;
use shared::domain::UnitNumber;
use shared::validation::Field;

/// An RT or RW as written on the KK, three digits (`1` -> `001`); text that is no unit number
/// stays as typed for validation to point out.
fn padded_unit(text: &str) -> Option<String> {
    UnitNumber::parse(text)
        .map(|u| u.to_string())
        .filter(|padded| padded != text)
}

/// Street, RT, RW, postal code; the region chosen in step 1 is shown above them for context.
#[component]
pub fn StepAddress() -> impl IntoView {
    let state = expect_context::<Prefill>();
    // The codes as a memo, so typing the street does not re-read the region lists from storage.
    let codes = Memo::new(move |_| {
        state.form.with(|f| {
            let a = &f.address;
            (
                a.province.clone(),
                a.regency.clone(),
                a.district.clone(),
                a.village.clone(),
            )
        })
    });
    let region = move || {
        let (province, regency, district, village) = codes.get();
        [
            (district.as_str(), village.as_str()),
            (regency.as_str(), district.as_str()),
            (province.as_str(), regency.as_str()),
            ("", province.as_str()),
        ]
        .iter()
        .filter_map(|(parent, code)| cached_name(parent, code))
        .collect::<Vec<_>>()
        .join(", ")
    };
    view! {
        <p class="lead">{t(ADDRESS_IN)} " " <strong>{region}</strong></p>
        <FormText field=Field::AddressStreet autocomplete="street-address" maxlength=120/>
        <div class="row">
            <FormText field=Field::AddressRt inputmode="numeric" maxlength=3 tidy=padded_unit/>
            <FormText field=Field::AddressRw inputmode="numeric" maxlength=3 tidy=padded_unit/>
        </div>
        <FormText field=Field::AddressPostalCode inputmode="numeric" maxlength=5 autocomplete="postal-code"/>
        <FormText field=Field::Phone input_type="tel" inputmode="tel" autocomplete="tel" maxlength=20 optional=true/>
    }
}
