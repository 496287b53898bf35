//! Step 2: identity as on the family card (KK): numbers, name, birth, and the card's biodata lists.

use super::form_choice::FormChoice;
use super::form_select::FormSelect;
use super::form_text::FormText;
use crate::i18n::use_lang;
use leptos::prelude::*;
use shared::domain::{BloodType, Citizenship, MaritalStatus, Occupation, Religion, Sex};
use shared::validation::Field;

/// `(wire code, label)` pairs of a SIAK code list in the current language.
macro_rules! options {
    ($lang:expr, $list:ty) => {
        Signal::derive(move || {
            let l = $lang.get();
            <$list>::ALL
                .iter()
                .map(|v| (v.code().to_string(), v.label(l).to_string()))
                .collect::<Vec<_>>()
        })
    };
}

/// NIK and KK first (residents copy them from the KK, digit by digit), then the biodata.
#[component]
pub fn StepIdentity() -> impl IntoView {
    let lang = use_lang();
    let occupations = Signal::derive(move || {
        let l = lang.get();
        Occupation::all()
            .map(|o| (o.number().to_string(), o.label(l).to_string()))
            .collect::<Vec<_>>()
    });
    // This form is for citizens only; WNA stays out of the list (shared validation refuses it).
    let citizenship = Signal::derive(move || {
        let l = lang.get();
        vec![(
            Citizenship::Wni.code().to_string(),
            Citizenship::Wni.label(l).to_string(),
        )]
    });
    view! {
        <FormText field=Field::Nik inputmode="numeric" maxlength=16 autocomplete="off"/>
        <FormText field=Field::KkNumber inputmode="numeric" maxlength=16 autocomplete="off"/>
        <FormText field=Field::FullName autocomplete="name" maxlength=100 uppercase=true/>
        <FormText field=Field::BirthPlace maxlength=50/>
        <FormText field=Field::BirthDate input_type="date" autocomplete="bday"/>
        <FormChoice field=Field::Sex options=options!(lang, Sex)/>
        <FormSelect field=Field::BloodType options=options!(lang, BloodType)/>
        <FormSelect field=Field::Religion options=options!(lang, Religion)/>
        <FormSelect field=Field::MaritalStatus options=options!(lang, MaritalStatus)/>
        <FormSelect field=Field::Occupation options=occupations/>
        <FormSelect field=Field::Citizenship options=citizenship/>
    }
}
