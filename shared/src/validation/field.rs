//! The form's fields and their stable paths, as used in error lists and as-you-type checks.

/// A field of [`crate::api::ApplicationForm`]. Its [`Field::path`] is the string the API puts
/// in `FieldError.field`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    ApplicationType,
    FullName,
    KkNumber,
    Nik,
    BirthPlace,
    BirthDate,
    Sex,
    BloodType,
    Religion,
    MaritalStatus,
    Occupation,
    Citizenship,
    AddressProvince,
    AddressRegency,
    AddressDistrict,
    AddressVillage,
    AddressStreet,
    AddressRt,
    AddressRw,
    AddressPostalCode,
    Phone,
    SignedPlace,
    SignedOn,
}

impl Field {
    /// Every field, in form order.
    pub const ALL: [Field; 23] = [
        Field::ApplicationType,
        Field::FullName,
        Field::KkNumber,
        Field::Nik,
        Field::BirthPlace,
        Field::BirthDate,
        Field::Sex,
        Field::BloodType,
        Field::Religion,
        Field::MaritalStatus,
        Field::Occupation,
        Field::Citizenship,
        Field::AddressProvince,
        Field::AddressRegency,
        Field::AddressDistrict,
        Field::AddressVillage,
        Field::AddressStreet,
        Field::AddressRt,
        Field::AddressRw,
        Field::AddressPostalCode,
        Field::Phone,
        Field::SignedPlace,
        Field::SignedOn,
    ];

    /// The JSON path of the field (`"nik"`, `"address.rt"`).
    pub const fn path(self) -> &'static str {
        match self {
            Field::ApplicationType => "application_type",
            Field::FullName => "full_name",
            Field::KkNumber => "kk_number",
            Field::Nik => "nik",
            Field::BirthPlace => "birth_place",
            Field::BirthDate => "birth_date",
            Field::Sex => "sex",
            Field::BloodType => "blood_type",
            Field::Religion => "religion",
            Field::MaritalStatus => "marital_status",
            Field::Occupation => "occupation",
            Field::Citizenship => "citizenship",
            Field::AddressProvince => "address.province",
            Field::AddressRegency => "address.regency",
            Field::AddressDistrict => "address.district",
            Field::AddressVillage => "address.village",
            Field::AddressStreet => "address.street",
            Field::AddressRt => "address.rt",
            Field::AddressRw => "address.rw",
            Field::AddressPostalCode => "address.postal_code",
            Field::Phone => "phone",
            Field::SignedPlace => "signed_place",
            Field::SignedOn => "signed_on",
        }
    }

    /// The field with this path, if any.
    pub fn from_path(path: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.path() == path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_round_trip_and_are_unique() {
        for f in Field::ALL {
            assert_eq!(Field::from_path(f.path()), Some(f));
        }
        assert_eq!(Field::from_path("address"), None);
    }
}
