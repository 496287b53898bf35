//! The validated application: what services accept, built only by validation.

use super::address::{PostalCode, UnitNumber};
use super::{
    ApplicationType, BloodType, Citizenship, Date, KkNumber, MaritalStatus, Nik, Occupation,
    PersonName, Phone, RegionCode, Religion, Sex,
};
use crate::api::{AddressForm, ApplicationForm};
use crate::validation::Warning;

/// An application whose every field has been parsed and checked by
/// [`crate::validation::validate_application`]; the only way to build one (`non_exhaustive`
/// stops other crates from writing a struct literal, while they can still read every field).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ValidApplication {
    pub application_type: ApplicationType,
    pub full_name: PersonName,
    pub kk_number: KkNumber,
    pub nik: Nik,
    /// Uppercase, single-spaced.
    pub birth_place: String,
    pub birth_date: Date,
    pub sex: Sex,
    pub blood_type: BloodType,
    pub religion: Religion,
    pub marital_status: MaritalStatus,
    pub occupation: Occupation,
    pub citizenship: Citizenship,
    pub address: Address,
    pub phone: Option<Phone>,
    pub signed_place: Option<String>,
    pub signed_on: Option<Date>,
    /// Things staff should check that do not block the application.
    pub warnings: Vec<Warning>,
}

/// A validated address. The village code implies district, regency and province.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub village: RegionCode,
    /// Uppercase, single-spaced.
    pub street: String,
    pub rt: UnitNumber,
    pub rw: UnitNumber,
    pub postal_code: PostalCode,
}

/// Back to the form's text, normalised (uppercase names, padded RT/RW, dotted region codes): lets
/// the edge hand a stored application back to a staff form.
impl From<&ValidApplication> for ApplicationForm {
    fn from(v: &ValidApplication) -> ApplicationForm {
        let level = |l| {
            v.address
                .village
                .ancestor(l)
                .map(|c| c.to_string())
                .unwrap_or_default()
        };
        use super::RegionLevel::*;
        ApplicationForm {
            application_type: v.application_type.code().to_string(),
            full_name: v.full_name.to_string(),
            kk_number: v.kk_number.as_digits(),
            nik: v.nik.as_digits(),
            birth_place: v.birth_place.clone(),
            birth_date: v.birth_date.to_string(),
            sex: v.sex.code().to_string(),
            blood_type: v.blood_type.code().to_string(),
            religion: v.religion.code().to_string(),
            marital_status: v.marital_status.code().to_string(),
            occupation: v.occupation.number().to_string(),
            citizenship: v.citizenship.code().to_string(),
            address: AddressForm {
                province: level(Province),
                regency: level(Regency),
                district: level(District),
                village: v.address.village.to_string(),
                street: v.address.street.clone(),
                rt: v.address.rt.to_string(),
                rw: v.address.rw.to_string(),
                postal_code: v.address.postal_code.to_string(),
            },
            phone: v.phone.as_ref().map(|p| p.national().to_string()),
            signed_place: v.signed_place.clone(),
            signed_on: v.signed_on.map(|d| d.to_string()),
        }
    }
}
