//! The application form as `applications.form_json` holds it: a storage type of its own, so a
//! change to the HTTP DTO (`shared::api::ApplicationForm`) never silently changes stored rows.
//! Its JSON field names are the ones rows were written with; the conversions below are the only
//! link between the two shapes.

use serde::{Deserialize, Serialize};
use shared::api::{AddressForm, ApplicationForm};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StoredForm {
    pub application_type: String,
    pub full_name: String,
    pub kk_number: String,
    pub nik: String,
    pub birth_place: String,
    pub birth_date: String,
    pub sex: String,
    pub blood_type: String,
    pub religion: String,
    pub marital_status: String,
    pub occupation: String,
    pub citizenship: String,
    pub address: StoredAddress,
    pub phone: Option<String>,
    pub signed_place: Option<String>,
    pub signed_on: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StoredAddress {
    pub province: String,
    pub regency: String,
    pub district: String,
    pub village: String,
    pub street: String,
    pub rt: String,
    pub rw: String,
    pub postal_code: String,
}

impl From<&ApplicationForm> for StoredForm {
    fn from(f: &ApplicationForm) -> StoredForm {
        let a = &f.address;
        StoredForm {
            application_type: f.application_type.clone(),
            full_name: f.full_name.clone(),
            kk_number: f.kk_number.clone(),
            nik: f.nik.clone(),
            birth_place: f.birth_place.clone(),
            birth_date: f.birth_date.clone(),
            sex: f.sex.clone(),
            blood_type: f.blood_type.clone(),
            religion: f.religion.clone(),
            marital_status: f.marital_status.clone(),
            occupation: f.occupation.clone(),
            citizenship: f.citizenship.clone(),
            address: StoredAddress {
                province: a.province.clone(),
                regency: a.regency.clone(),
                district: a.district.clone(),
                village: a.village.clone(),
                street: a.street.clone(),
                rt: a.rt.clone(),
                rw: a.rw.clone(),
                postal_code: a.postal_code.clone(),
            },
            phone: f.phone.clone(),
            signed_place: f.signed_place.clone(),
            signed_on: f.signed_on.clone(),
        }
    }
}

impl From<StoredForm> for ApplicationForm {
    fn from(f: StoredForm) -> ApplicationForm {
        let a = f.address;
        ApplicationForm {
            application_type: f.application_type,
            full_name: f.full_name,
            kk_number: f.kk_number,
            nik: f.nik,
            birth_place: f.birth_place,
            birth_date: f.birth_date,
            sex: f.sex,
            blood_type: f.blood_type,
            religion: f.religion,
            marital_status: f.marital_status,
            occupation: f.occupation,
            citizenship: f.citizenship,
            address: AddressForm {
                province: a.province,
                regency: a.regency,
                district: a.district,
                village: a.village,
                street: a.street,
                rt: a.rt,
                rw: a.rw,
                postal_code: a.postal_code,
            },
            phone: f.phone,
            signed_place: f.signed_place,
            signed_on: f.signed_on,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_shape_keeps_the_names_rows_were_written_with_and_round_trips() {
        let mut form = ApplicationForm {
            full_name: "SITI AMINAH".into(),
            nik: "3315135211870003".into(),
            phone: Some("081234567890".into()),
            ..Default::default()
        };
        form.address.district = "33.15.13".into();
        let stored = serde_json::to_value(StoredForm::from(&form)).unwrap();
        let keys: Vec<&str> = stored
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = vec![
            "application_type",
            "full_name",
            "kk_number",
            "nik",
            "birth_place",
            "birth_date",
            "sex",
            "blood_type",
            "religion",
            "marital_status",
            "occupation",
            "citizenship",
            "address",
            "phone",
            "signed_place",
            "signed_on",
        ];
        let mut keys = keys;
        keys.sort_unstable();
        expected.sort_unstable();
        assert_eq!(keys, expected);
        assert_eq!(stored["address"]["district"], "33.15.13");
        let back: StoredForm = serde_json::from_value(stored).unwrap();
        assert_eq!(ApplicationForm::from(back), form);
    }
}
