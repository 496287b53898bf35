//! Cascading region pickers: province -> regency -> kecamatan -> desa/kelurahan. Each lists the
//! regions inside the one chosen above it, read from the API (and kept on the device).

use super::draft::Prefill;
use super::form_select::FormSelect;
use super::region_lists::children_of;
use crate::i18n::{t, use_lang, CHOOSE, CHOOSE_ABOVE_FIRST, LOADING_LIST, RETRY};
use crate::loader::Loader;
use leptos::prelude::*;
use shared::api::AddressForm;
use shared::validation::Field;

/// Four pickers, each fed by the choice above it.
#[component]
pub fn RegionPickers() -> impl IntoView {
    let state = expect_context::<Prefill>();
    // The code chosen at one level, as the parent of the next (`None` until chosen).
    let chosen = move |pick: fn(&AddressForm) -> &String| {
        let code = Memo::new(move |_| state.form.with(|f| pick(&f.address).clone()));
        Signal::derive(move || Some(code.get()).filter(|c| !c.is_empty()))
    };
    // A walk-in is entered at the operator's own kecamatan: the regions above the desa are set.
    let fixed = state.intake.district_fixed;
    view! {
        <RegionSelect field=Field::AddressProvince parent=Signal::stored(Some(String::new())) fixed=fixed/>
        <RegionSelect field=Field::AddressRegency parent=chosen(|a| &a.province) fixed=fixed/>
        <RegionSelect field=Field::AddressDistrict parent=chosen(|a| &a.regency) fixed=fixed/>
        <RegionSelect field=Field::AddressVillage parent=chosen(|a| &a.district) fixed=false/>
    }
}

/// One picker over the regions inside `parent` ("" for the provinces); disabled until the level
/// above is chosen and the list has arrived, or always when `fixed`. A failed fetch offers a retry.
#[component]
fn RegionSelect(field: Field, parent: Signal<Option<String>>, fixed: bool) -> impl IntoView {
    let lang = use_lang();
    // Refetches only when the parent changes; an error message follows the language at render time.
    let list = Loader::new(
        move || parent.get(),
        move |parent, requests| {
            let lang = lang.get_untracked();
            async move {
                match parent {
                    Some(p) => children_of(p, lang, requests).await.map(Some),
                    None => Ok(None),
                }
            }
        },
    );
    let options = Signal::derive(move || {
        list.with(|l| match l {
            Some(Ok(Some(entries))) => entries
                .iter()
                .map(|e| (e.code.clone(), e.name.clone()))
                .collect(),
            _ => Vec::new(),
        })
    });
    let placeholder = Signal::derive(move || {
        let shown = list.with(|l| match l {
            None => LOADING_LIST,
            Some(Ok(None)) => CHOOSE_ABOVE_FIRST,
            Some(_) => CHOOSE,
        });
        shown.get(lang.get()).to_string()
    });
    let disabled = Signal::derive(move || fixed || !list.with(|l| matches!(l, Some(Ok(Some(_))))));
    view! {
        <FormSelect field=field options=options disabled=disabled placeholder=placeholder/>
        {move || list.with(|l| match l {
            Some(Err(e)) => Some(e.clone()),
            _ => None,
        }).map(|e| view! {
            <div class="notice notice-error" role="alert">
                <p>{move || e.message(lang.get())}</p>
                <button type="button" class="button secondary" on:click=move |_| list.reload()>
                    {t(RETRY)}
                </button>
            </div>
        })}
    }
}
