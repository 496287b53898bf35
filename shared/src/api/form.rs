//! The application form (F-1.21 plus card biodata) exactly as a resident or operator types it.

use serde::{Deserialize, Serialize};

/// Form F-1.21 plus the biodata printed on the card, as typed: every field is text (or optional
/// text), so a half-filled draft round-trips through JSON in the browser and nothing is lost to a
/// parse error. [`crate::validation::validate_application`] turns it into a
/// [`crate::validation::ValidApplication`] or a list of `(field path, code)` problems.
///
/// Missing keys deserialise as empty strings; an empty or blank string means "not filled in".
///
/// JSON shape (field path used in errors in brackets):
/// ```json
/// {
///   "application_type": "baru",          // [application_type] baru|hilang|rusak|perubahan_data|pindah_datang
///   "full_name": "Siti Aminah",          // [full_name] stored uppercase; no titles
///   "kk_number": "3315131503150003",     // [kk_number] 16 digits, spaces ignored
///   "nik": "3315135211870001",           // [nik] 16 digits, spaces ignored
///   "birth_place": "Grobogan",           // [birth_place]
///   "birth_date": "1987-11-12",          // [birth_date] ISO yyyy-mm-dd
///   "sex": "perempuan",                  // [sex] laki_laki|perempuan
///   "blood_type": "o_pos",               // [blood_type] a|b|ab|o|a_pos|a_neg|...|o_neg|tidak_tahu
///   "religion": "islam",                 // [religion] islam|kristen|katholik|hindu|budha|khonghucu|kepercayaan
///   "marital_status": "kawin_tercatat",  // [marital_status] belum_kawin|kawin_tercatat|kawin_belum_tercatat|cerai_hidup|cerai_mati
///   "occupation": "88",                  // [occupation] SIAK number 1-89 as text
///   "citizenship": "wni",                // [citizenship] wni (wna is refused on this form)
///   "address": {
///     "province": "33",                  // [address.province] full code of the chosen province
///     "regency": "33.15",                // [address.regency]  full code, dotted or plain digits
///     "district": "33.15.13",            // [address.district] full code (kecamatan)
///     "village": "33.15.13.2001",        // [address.village]  full code (desa/kelurahan)
///     "street": "Jl. Gajah Mada 12",     // [address.street]
///     "rt": "001",                       // [address.rt] 1-3 digits, 001-999
///     "rw": "002",                       // [address.rw] 1-3 digits, 001-999
///     "postal_code": "58111"             // [address.postal_code] 5 digits
///   },
///   "phone": "0812 3456 7890",           // [phone] optional; null or absent when not given
///   "signed_place": "Purwodadi",         // [signed_place] optional
///   "signed_on": "2026-03-10"            // [signed_on] optional ISO date, not in the future
/// }
/// ```
/// Enumerated fields also accept the official SIAK label (`"PEREMPUAN"`, `"AB+"`), which staff
/// paste from other systems. Region codes are the full code of each level (what the pickers
/// return from `children(parent)`), so the four boxes of F-1.21 (2/2/2/4 digits) are the last
/// part of each; validation checks that each lies inside the one above.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ApplicationForm {
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
    pub address: AddressForm,
    pub phone: Option<String>,
    pub signed_place: Option<String>,
    pub signed_on: Option<String>,
}

/// The address block of the form; see [`ApplicationForm`] for the JSON shape.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AddressForm {
    pub province: String,
    pub regency: String,
    pub district: String,
    pub village: String,
    pub street: String,
    pub rt: String,
    pub rw: String,
    pub postal_code: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_filled_draft_round_trips_and_missing_keys_default() {
        let draft: ApplicationForm =
            serde_json::from_str(r#"{"full_name":"Siti","address":{"rt":"1"}}"#).unwrap();
        assert_eq!(draft.full_name, "Siti");
        assert_eq!(draft.address.rt, "1");
        assert_eq!(draft.nik, "");
        assert_eq!(draft.phone, None);
        let json = serde_json::to_string(&draft).unwrap();
        assert_eq!(
            serde_json::from_str::<ApplicationForm>(&json).unwrap(),
            draft
        );
    }
}
