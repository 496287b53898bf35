//! Reading and writing one field of the form by its `shared` field name, so every input is bound
//! the same way and the field list stays in one place.

use shared::api::ApplicationForm;
use shared::validation::Field;

/// The text of `field` (optional fields read as empty when absent).
pub fn get_text(form: &ApplicationForm, field: Field) -> String {
    let a = &form.address;
    match field {
        Field::ApplicationType => form.application_type.clone(),
        Field::FullName => form.full_name.clone(),
        Field::KkNumber => form.kk_number.clone(),
        Field::Nik => form.nik.clone(),
        Field::BirthPlace => form.birth_place.clone(),
        Field::BirthDate => form.birth_date.clone(),
        Field::Sex => form.sex.clone(),
        Field::BloodType => form.blood_type.clone(),
        Field::Religion => form.religion.clone(),
        Field::MaritalStatus => form.marital_status.clone(),
        Field::Occupation => form.occupation.clone(),
        Field::Citizenship => form.citizenship.clone(),
        Field::AddressProvince => a.province.clone(),
        Field::AddressRegency => a.regency.clone(),
        Field::AddressDistrict => a.district.clone(),
        Field::AddressVillage => a.village.clone(),
        Field::AddressStreet => a.street.clone(),
        Field::AddressRt => a.rt.clone(),
        Field::AddressRw => a.rw.clone(),
        Field::AddressPostalCode => a.postal_code.clone(),
        Field::Phone => form.phone.clone().unwrap_or_default(),
        Field::SignedPlace => form.signed_place.clone().unwrap_or_default(),
        Field::SignedOn => form.signed_on.clone().unwrap_or_default(),
    }
}

/// Sets `field` to `value`. Choosing a region clears the regions below it, which belonged to
/// the old choice. An optional field set to blank becomes absent.
pub fn set_text(form: &mut ApplicationForm, field: Field, value: String) {
    let optional = |v: String| (!v.trim().is_empty()).then_some(v);
    let a = &mut form.address;
    match field {
        Field::ApplicationType => form.application_type = value,
        Field::FullName => form.full_name = value,
        Field::KkNumber => form.kk_number = value,
        Field::Nik => form.nik = value,
        Field::BirthPlace => form.birth_place = value,
        Field::BirthDate => form.birth_date = value,
        Field::Sex => form.sex = value,
        Field::BloodType => form.blood_type = value,
        Field::Religion => form.religion = value,
        Field::MaritalStatus => form.marital_status = value,
        Field::Occupation => form.occupation = value,
        Field::Citizenship => form.citizenship = value,
        Field::AddressProvince => {
            if a.province != value {
                a.regency.clear();
                a.district.clear();
                a.village.clear();
            }
            a.province = value;
        }
        Field::AddressRegency => {
            if a.regency != value {
                a.district.clear();
                a.village.clear();
            }
            a.regency = value;
        }
        Field::AddressDistrict => {
            if a.district != value {
                a.village.clear();
            }
            a.district = value;
        }
        Field::AddressVillage => a.village = value,
        Field::AddressStreet => a.street = value,
        Field::AddressRt => a.rt = value,
        Field::AddressRw => a.rw = value,
        Field::AddressPostalCode => a.postal_code = value,
        Field::Phone => form.phone = optional(value),
        Field::SignedPlace => form.signed_place = optional(value),
        Field::SignedOn => form.signed_on = optional(value),
    }
}

/// Places the address in kecamatan `district` (dotted, `33.15.13`) with its province and regency.
/// A desa chosen in another kecamatan goes; one in this kecamatan stays.
pub fn place_in_district(form: &mut ApplicationForm, district: &str) {
    for (field, len) in [
        (Field::AddressProvince, 2),
        (Field::AddressRegency, 5),
        (Field::AddressDistrict, 8),
    ] {
        set_text(
            form,
            field,
            district.get(..len).unwrap_or_default().to_string(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_round_trips() {
        let mut form = ApplicationForm::default();
        for (i, field) in Field::ALL.into_iter().enumerate() {
            let value = format!("v{i}");
            set_text(&mut form, field, value.clone());
            assert_eq!(get_text(&form, field), value, "{field:?}");
        }
    }

    #[test]
    fn a_new_region_clears_the_ones_below() {
        let mut form = ApplicationForm::default();
        set_text(&mut form, Field::AddressRegency, "33.15".into());
        set_text(&mut form, Field::AddressDistrict, "33.15.13".into());
        set_text(&mut form, Field::AddressVillage, "33.15.13.2001".into());
        set_text(&mut form, Field::AddressRegency, "33.15".into());
        assert_eq!(
            form.address.village, "33.15.13.2001",
            "same choice keeps the rest"
        );
        set_text(&mut form, Field::AddressRegency, "33.16".into());
        assert_eq!(
            (
                form.address.district.as_str(),
                form.address.village.as_str()
            ),
            ("", "")
        );
    }

    #[test]
    fn placing_in_a_district_sets_the_regions_above_and_keeps_its_own_desa() {
        let mut form = ApplicationForm::default();
        place_in_district(&mut form, "33.15.13");
        let a = &form.address;
        assert_eq!(
            (a.province.as_str(), a.regency.as_str(), a.district.as_str()),
            ("33", "33.15", "33.15.13")
        );
        set_text(&mut form, Field::AddressVillage, "33.15.13.2001".into());
        place_in_district(&mut form, "33.15.13");
        assert_eq!(form.address.village, "33.15.13.2001");
        place_in_district(&mut form, "33.15.01");
        assert_eq!(form.address.village, "");
    }

    #[test]
    fn blank_optional_fields_are_absent() {
        let mut form = ApplicationForm::default();
        set_text(&mut form, Field::Phone, "  ".into());
        assert_eq!(form.phone, None);
    }
}
