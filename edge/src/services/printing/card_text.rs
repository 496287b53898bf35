//! The card's texts from a stored application: code-list values as their printed labels,
//! region names from the bundled region list, laid out by `shared::printing::lay_out_card`
//! (the same rule the preview shows).

use crate::storage::stored_form::StoredForm;
use shared::api::{CardFace, FitProblem};
use shared::domain::{
    BloodType, Citizenship, Date, MaritalStatus, Occupation, RegionCode, Religion, Sex,
};
use shared::printing::{lay_out_card, CardText};
use shared::regions::{BundledRegions, RegionDirectory};

/// The region's name, empty if unknown (a stored form was validated: it is known).
pub fn region_name(code: &str) -> String {
    RegionCode::parse(code)
        .ok()
        .and_then(|c| BundledRegions.name(c))
        .unwrap_or_default()
        .to_string()
}

/// The printed label of a code-list value, or the stored text as it is.
fn label(parsed: Option<&'static str>, raw: &str) -> String {
    parsed.map_or_else(|| raw.to_string(), str::to_string)
}

/// The card front of `form`, printed on `issued_on`, or what does not fit.
pub fn card_face(form: &StoredForm, issued_on: Date) -> Result<CardFace, Vec<FitProblem>> {
    let a = &form.address;
    let (province, regency) = (region_name(&a.province), region_name(&a.regency));
    let (village, district) = (region_name(&a.village), region_name(&a.district));
    let sex = label(Sex::parse(&form.sex).map(Sex::label_id), &form.sex);
    let blood = label(
        BloodType::parse(&form.blood_type).map(BloodType::label_id),
        &form.blood_type,
    );
    let religion = label(
        Religion::parse(&form.religion).map(Religion::label_id),
        &form.religion,
    );
    let marital = label(
        MaritalStatus::parse(&form.marital_status).map(MaritalStatus::label_id),
        &form.marital_status,
    );
    let occupation = label(
        Occupation::parse(&form.occupation).map(Occupation::label_id),
        &form.occupation,
    );
    let citizenship = label(
        Citizenship::parse(&form.citizenship).map(Citizenship::label_id),
        &form.citizenship,
    );
    // A birth date that no longer parses would be our bug; the card then shows it refused.
    let birth_date = Date::parse_iso(&form.birth_date).unwrap_or(issued_on);
    lay_out_card(&CardText {
        province_name: &province,
        regency_name: &regency,
        nik: &form.nik,
        full_name: &form.full_name,
        birth_place: &form.birth_place,
        birth_date,
        sex: &sex,
        blood_type: &blood,
        street: &a.street,
        rt: &a.rt,
        rw: &a.rw,
        village_name: &village,
        district_name: &district,
        religion: &religion,
        marital_status: &marital,
        occupation: &occupation,
        citizenship: &citizenship,
        issued_on,
    })
}
