//! Cascading region pickers: province -> regency -> kecamatan -> desa/kelurahan.

use super::draft::Prefill;
use super::form_select::FormSelect;
use super::village_list::villages_of;
use crate::i18n::{t, use_lang, CHOOSE_DISTRICT_FIRST, LOADING_VILLAGES, RETRY};
use leptos::prelude::*;
use shared::api::RegionEntry;
use shared::domain::RegionCode;
use shared::regions::BundledRegions;
use shared::validation::Field;

fn pairs(list: Vec<RegionEntry>) -> Vec<(String, String)> {
    list.into_iter().map(|e| (e.code, e.name)).collect()
}

/// The regions inside `parent` from the bundled tables (provinces, regencies, kecamatan).
fn bundled_children(parent: &str) -> Vec<(String, String)> {
    RegionCode::parse(parent)
        .map(|p| pairs(BundledRegions.children(p)))
        .unwrap_or_default()
}

/// Four pickers; each lists the children of the one above. Province, regency and kecamatan come
/// with the app; villages from the API (cached on the device).
#[component]
pub fn RegionPickers() -> impl IntoView {
    let state = expect_context::<Prefill>();
    let lang = use_lang();
    let address = move |pick: fn(&shared::api::AddressForm) -> &String| {
        state.form.with(|f| pick(&f.address).clone())
    };

    let provinces = Signal::derive(|| pairs(BundledRegions.provinces()));
    let regencies = Signal::derive(move || bundled_children(&address(|a| &a.province)));
    let districts = Signal::derive(move || bundled_children(&address(|a| &a.regency)));
    let district = Memo::new(move |_| address(|a| &a.district));
    // A walk-in is entered at the operator's own kecamatan: the regions above the desa are set.
    let fixed = state.intake.district_fixed;

    // Refetches only when the kecamatan changes; the language of an error message follows the
    // current language at render time, not at fetch time.
    let villages = LocalResource::new(move || {
        let district = district.get();
        let lang = lang.get_untracked();
        async move {
            if district.is_empty() {
                Ok(Vec::new())
            } else {
                villages_of(district, lang).await
            }
        }
    });
    let village_options = Signal::derive(move || match villages.get() {
        Some(Ok(list)) => pairs(list),
        _ => Vec::new(),
    });
    let villages_ready =
        Signal::derive(move || !district.get().is_empty() && matches!(villages.get(), Some(Ok(_))));
    let village_placeholder = Signal::derive(move || {
        let l = lang.get();
        if district.with(String::is_empty) {
            CHOOSE_DISTRICT_FIRST.get(l).to_string()
        } else if villages.get().is_none() {
            LOADING_VILLAGES.get(l).to_string()
        } else {
            crate::i18n::CHOOSE.get(l).to_string()
        }
    });

    view! {
        <FormSelect field=Field::AddressProvince options=provinces disabled=fixed/>
        <FormSelect field=Field::AddressRegency options=regencies disabled=fixed/>
        <FormSelect field=Field::AddressDistrict options=districts disabled=fixed/>
        <FormSelect
            field=Field::AddressVillage
            options=village_options
            disabled=Signal::derive(move || !villages_ready.get())
            placeholder=village_placeholder
        />
        {move || match villages.get() {
            Some(Err(e)) => {
                view! {
                    <div class="notice notice-error" role="alert">
                        <p>{move || e.message(lang.get())}</p>
                        <button type="button" class="button secondary" on:click=move |_| villages.refetch()>
                            {t(RETRY)}
                        </button>
                    </div>
                }
                    .into_any()
            }
            _ => ().into_any(),
        }}
    }
}
