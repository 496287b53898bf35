//! Domain types parsed at the boundary: identity numbers, region codes, dates, SIAK code lists.
//!
//! Everything here is valid by construction; services accept only these types, never raw DTOs.

mod address;
mod application;
mod code_list;
mod date;
mod distribution;
mod kk_number;
mod latin_case;
mod nik;
mod occupation;
mod person;
mod person_name;
mod phone;
mod region_code;
mod registration_code;
mod sixteen;

pub use address::{PostalCode, UnitNumber};
pub use application::{Address, ValidApplication};
pub use date::{days_in_month, is_leap_year, Date, DateError, WIB_OFFSET_MS};
pub use distribution::{
    days_waiting, is_uncollected, old_ktp_expected, ManifestCode, MAX_CARDS_PER_SHIPMENT,
    MAX_EXTRA_DESCRIPTION_CHARS, UNCOLLECTED_AFTER_DAYS,
};
pub use kk_number::{KkError, KkNumber, KK_MAX_AGE_YEARS};
pub use latin_case::latin_uppercase;
pub use nik::{Nik, NikError, NIK_MAX_AGE_YEARS};
pub use occupation::Occupation;
pub use person::{ApplicationType, BloodType, Citizenship, MaritalStatus, Religion, Sex};
pub use person_name::{NameError, PersonName, NAME_MAX_CHARS};
pub use phone::Phone;
pub use region_code::{RegionCode, RegionCodeError, RegionLevel};
pub use registration_code::{RegistrationCode, RegistrationCodeError, CODE_CHARS};
