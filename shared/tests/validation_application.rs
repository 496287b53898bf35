//! Validation of whole application forms: every rule, through one `check` helper.

use shared::api::{AddressForm, ApplicationForm};
use shared::domain::{Date, RegionCode};
use shared::regions::{BundledRegions, DistrictStatus, RegionDirectory};
use shared::validation::{validate_application, validate_field, Field, FieldCode, WarningCode};

fn today() -> Date {
    Date::new(2026, 3, 10).unwrap()
}

/// A complete, valid form: a woman born 12 Nov 1987 living in Candisari, Purwodadi, Grobogan.
fn valid_form() -> ApplicationForm {
    ApplicationForm {
        application_type: "baru".into(),
        full_name: "Siti Aminah".into(),
        kk_number: "3315131503150003".into(),
        nik: "3315135211870001".into(),
        birth_place: "Grobogan".into(),
        birth_date: "1987-11-12".into(),
        sex: "perempuan".into(),
        blood_type: "o_pos".into(),
        religion: "islam".into(),
        marital_status: "kawin_tercatat".into(),
        occupation: "88".into(),
        citizenship: "wni".into(),
        address: AddressForm {
            province: "33".into(),
            regency: "33.15".into(),
            district: "33.15.13".into(),
            village: "33.15.13.2001".into(),
            street: "Jl. Gajah Mada 12".into(),
            rt: "1".into(),
            rw: "002".into(),
            postal_code: "58111".into(),
        },
        phone: Some("0812 3456 7890".into()),
        signed_place: Some("Purwodadi".into()),
        signed_on: Some("2026-03-09".into()),
    }
}

/// Bundled provinces/regencies/districts plus a tiny village list, so village rules are tested
/// whether or not the `villages` feature is on.
struct TestRegions;

impl RegionDirectory for TestRegions {
    fn district_status(&self, code: RegionCode) -> DistrictStatus {
        BundledRegions.district_status(code)
    }
    fn village_exists(&self, code: RegionCode) -> Option<bool> {
        Some(["33.15.13.2001", "33.15.12.2001"].contains(&code.to_string().as_str()))
    }
    fn exists(&self, code: RegionCode) -> Option<bool> {
        match code.level() {
            shared::domain::RegionLevel::Village => self.village_exists(code),
            _ => BundledRegions.exists(code),
        }
    }
    fn name(&self, code: RegionCode) -> Option<&str> {
        BundledRegions.name(code)
    }
}

/// Applies `edit` to a valid form and compares the `(field path, code)` errors found (empty = valid).
fn check(edit: impl FnOnce(&mut ApplicationForm), expected: &[(&str, FieldCode)]) {
    let mut form = valid_form();
    edit(&mut form);
    let got: Vec<(&str, FieldCode)> = match validate_application(&form, today(), &TestRegions) {
        Ok(_) => Vec::new(),
        Err(e) => e.errors.iter().map(|p| (p.field.path(), p.code)).collect(),
    };
    assert_eq!(got, expected, "form {form:#?}");
}

/// Like `check` for a valid form, comparing the warnings.
fn check_warnings(edit: impl FnOnce(&mut ApplicationForm), expected: &[(&str, WarningCode)]) {
    let mut form = valid_form();
    edit(&mut form);
    let valid = validate_application(&form, today(), &TestRegions).expect("form should be valid");
    let got: Vec<(&str, WarningCode)> = valid
        .warnings
        .iter()
        .map(|w| (w.field.path(), w.code))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn the_example_form_is_valid_and_normalised() {
    let valid = validate_application(&valid_form(), today(), &TestRegions).unwrap();
    assert_eq!(valid.full_name.as_str(), "SITI AMINAH");
    assert_eq!(valid.birth_place, "GROBOGAN");
    assert_eq!(valid.address.rt.to_string(), "001");
    assert_eq!(valid.address.village.to_string(), "33.15.13.2001");
    assert!(valid.warnings.is_empty());
    let back = ApplicationForm::from(&valid);
    assert_eq!(back.address.rt, "001");
    assert_eq!(back.phone.as_deref(), Some("081234567890"));
    assert_eq!(
        validate_application(&back, today(), &TestRegions).unwrap(),
        valid
    );
}

#[test]
fn an_empty_form_reports_every_required_field_at_once() {
    let form = ApplicationForm::default();
    let errors = validate_application(&form, today(), &TestRegions).unwrap_err();
    let required: Vec<&str> = errors
        .errors
        .iter()
        .filter(|e| e.code == FieldCode::Required)
        .map(|e| e.field.path())
        .collect();
    assert_eq!(
        required,
        [
            "application_type",
            "full_name",
            "nik",
            "kk_number",
            "birth_place",
            "birth_date",
            "sex",
            "blood_type",
            "religion",
            "marital_status",
            "occupation",
            "citizenship",
            "address.province",
            "address.regency",
            "address.district",
            "address.village",
            "address.street",
            "address.rt",
            "address.rw",
            "address.postal_code",
        ]
    );
    assert_eq!(
        errors.errors.len(),
        required.len(),
        "optional fields are not required"
    );
}

#[test]
fn several_problems_are_collected_not_just_the_first() {
    check(
        |f| {
            f.nik = "12345".into();
            f.address.rt = "0".into();
            f.address.postal_code = "5811".into();
            f.full_name = "Dr. Siti".into();
            f.sex = "pria".into();
        },
        &[
            ("full_name", FieldCode::NameHasTitle),
            ("nik", FieldCode::NikFormat),
            ("sex", FieldCode::InvalidChoice),
            ("address.rt", FieldCode::RtFormat),
            ("address.postal_code", FieldCode::PostalCodeFormat),
        ],
    );
}

#[test]
fn leap_days_in_birth_dates() {
    // Born 29 Feb 2000 (2000 is a leap year: divisible by 400); NIK encodes 29/02/00.
    check(
        |f| {
            f.birth_date = "2000-02-29".into();
            f.nik = "3315136902000001".into()
        },
        &[],
    );
    check(
        |f| f.birth_date = "2001-02-29".into(),
        &[("birth_date", FieldCode::NoSuchDay)],
    );
    check(
        |f| f.birth_date = "1900-02-29".into(),
        &[("birth_date", FieldCode::NoSuchDay)],
    );
    check(|f| f.birth_date = "2004-02-29".into(), &[]); // leap year; only a NIK mismatch warning
    check(
        |f| f.birth_date = "12-11-1987".into(),
        &[("birth_date", FieldCode::DateFormat)],
    );
    check(
        |f| f.birth_date = "2026-03-11".into(),
        &[("birth_date", FieldCode::DateInFuture)],
    );
    // Age 121 is refused; 120 (birthday tomorrow would make 121) is accepted.
    check(
        |f| f.birth_date = "1905-03-10".into(),
        &[("birth_date", FieldCode::BirthDateTooOld)],
    );
    check(|f| f.birth_date = "1905-03-11".into(), &[]);
}

#[test]
fn nik_structure_rules() {
    check(
        |f| f.nik = "331513521187000".into(),
        &[("nik", FieldCode::NikFormat)],
    );
    check(|f| f.nik = "3315 1352 1187 0001".into(), &[]);
    check(
        |f| f.nik = "3315133211870001".into(),
        &[("nik", FieldCode::NikDayOutOfRange)],
    );
    check(
        |f| f.nik = "3315137211870001".into(),
        &[("nik", FieldCode::NikDayOutOfRange)],
    );
    check(
        |f| f.nik = "3315137111870001".into(),
        &[("nik", FieldCode::NikNoSuchDay)],
    ); // 31 November
    check(
        |f| f.nik = "3315136902010001".into(),
        &[("nik", FieldCode::NikNoSuchDay)],
    ); // 29/02/01
    check(
        |f| f.nik = "3315135211870000".into(),
        &[("nik", FieldCode::NikSerialZero)],
    );
    check(
        |f| f.nik = "3315995211870001".into(),
        &[("nik", FieldCode::NikDistrictUnknown)],
    );
    check(
        |f| f.nik = "0015135211870001".into(),
        &[("nik", FieldCode::NikDistrictUnknown)],
    );
}

#[test]
fn nik_mismatches_and_retired_codes_are_warnings_not_errors() {
    // A man's day (12) for a declared woman: sex mismatch only.
    check_warnings(
        |f| f.nik = "3315131211870001".into(),
        &[("nik", WarningCode::NikSexMismatch)],
    );
    check_warnings(
        |f| f.birth_date = "1987-11-13".into(),
        &[("nik", WarningCode::NikBirthDateMismatch)],
    );
    // First registered in Merauke under the pre-2022 Papua code 91.01.01.
    check_warnings(
        |f| f.nik = "9101015211870001".into(),
        &[("nik", WarningCode::NikRetiredDistrict)],
    );
    check_warnings(
        |f| f.kk_number = "9101011503150003".into(),
        &[("kk_number", WarningCode::KkRetiredDistrict)],
    );
}

#[test]
fn kk_number_rules() {
    check(
        |f| f.kk_number = "33151315031500".into(),
        &[("kk_number", FieldCode::KkFormat)],
    );
    check(
        |f| f.kk_number = "3315135503150003".into(),
        &[("kk_number", FieldCode::KkNoSuchDay)],
    );
    check(
        |f| f.kk_number = "3315131103260003".into(),
        &[("kk_number", FieldCode::KkDateInFuture)],
    );
    check(
        |f| f.kk_number = "3315131503150000".into(),
        &[("kk_number", FieldCode::KkSerialZero)],
    );
    check(
        |f| f.kk_number = "3399131503150003".into(),
        &[("kk_number", FieldCode::KkDistrictUnknown)],
    );
    // A man's NIK is also a well-formed KK number (day 01-31), so only equality can catch the mix-up.
    check(
        |f| {
            f.nik = "3315131211870001".into();
            f.kk_number = f.nik.clone();
        },
        &[("kk_number", FieldCode::KkSameAsNik)],
    );
}

#[test]
fn eligibility_at_the_seventeenth_birthday() {
    let young = |birth: &'static str, nik: &'static str, marital: &'static str| {
        move |f: &mut ApplicationForm| {
            f.birth_date = birth.into();
            f.nik = nik.into();
            f.marital_status = marital.into();
        }
    };
    // 17 today: eligible. One day short: not, unless ever married.
    check(young("2009-03-10", "3315135003090001", "belum_kawin"), &[]);
    check(
        young("2009-03-11", "3315135103090001", "belum_kawin"),
        &[("birth_date", FieldCode::NotEligible)],
    );
    check(
        young("2009-03-11", "3315135103090001", "kawin_tercatat"),
        &[],
    );
    check(young("2010-01-01", "3315134101100001", "cerai_mati"), &[]);
    // Born 29 Feb 2008: turns 17 on 1 Mar 2025, so is 18 on `today`.
    check(young("2008-02-29", "3315136902080001", "belum_kawin"), &[]);
}

#[test]
fn titles_and_characters_in_names() {
    for titled in [
        "Dr. Siti Aminah",
        "Ir. Siti",
        "H. Ahmad",
        "Hj. Siti Aminah",
        "Siti Aminah, S.H.",
        "Siti S.Kom",
        "Prof. Siti",
        "Drs. Ahmad",
        "R. Ahmad",
        "Raden Ahmad",
        "KH Ahmad Dahlan",
    ] {
        check(
            |f| f.full_name = titled.into(),
            &[("full_name", FieldCode::NameHasTitle)],
        );
    }
    check(
        |f| f.full_name = "Siti 2".into(),
        &[("full_name", FieldCode::NameInvalidCharacters)],
    );
    check(|f| f.full_name = "Ma'ruf".into(), &[]);
    check(
        |f| f.full_name = "A".repeat(61),
        &[("full_name", FieldCode::TooLong)],
    );
    check(
        |f| f.full_name = "  ".into(),
        &[("full_name", FieldCode::Required)],
    );
}

#[test]
fn rt_rw_postal_code_and_phone_formats() {
    check(
        |f| f.address.rt = "1000".into(),
        &[("address.rt", FieldCode::RtFormat)],
    );
    check(
        |f| f.address.rt = "000".into(),
        &[("address.rt", FieldCode::RtFormat)],
    );
    check(
        |f| f.address.rw = "a1".into(),
        &[("address.rw", FieldCode::RwFormat)],
    );
    check(|f| f.address.rw = "999".into(), &[]);
    check(
        |f| f.address.postal_code = "581110".into(),
        &[("address.postal_code", FieldCode::PostalCodeFormat)],
    );
    check(
        |f| f.address.postal_code = "08111".into(),
        &[("address.postal_code", FieldCode::PostalCodeFormat)],
    );
    check(
        |f| f.phone = Some("12345".into()),
        &[("phone", FieldCode::PhoneFormat)],
    );
    check(|f| f.phone = Some("+62 292 421234".into()), &[]);
    check(|f| f.phone = Some("  ".into()), &[]);
    check(|f| f.phone = None, &[]);
}

#[test]
fn region_codes_must_exist_and_nest() {
    check(
        |f| f.address.province = "39".into(),
        &[("address.province", FieldCode::RegionUnknown)],
    );
    check(
        |f| f.address.regency = "33.99".into(),
        &[("address.regency", FieldCode::RegionUnknown)],
    );
    check(
        |f| f.address.regency = "34.01".into(),
        &[("address.regency", FieldCode::RegionOutsideParent)],
    );
    check(
        |f| f.address.district = "33.15.12".into(),
        &[("address.village", FieldCode::RegionOutsideParent)],
    );
    check(
        |f| f.address.district = "33.16.01".into(),
        &[("address.district", FieldCode::RegionOutsideParent)],
    );
    check(
        |f| f.address.village = "33.15.13.2999".into(),
        &[("address.village", FieldCode::RegionUnknown)],
    );
    check(|f| f.address.village = "3315132001".into(), &[]);
    check(
        |f| f.address.district = "33.15".into(),
        &[("address.district", FieldCode::RegionFormat)],
    );
    check(
        |f| f.address.village = "33.15.13.20".into(),
        &[("address.village", FieldCode::RegionFormat)],
    );
    // A retired kecamatan is valid in a NIK but not as a current address.
    check(
        |f| f.address.district = "91.01.01".into(),
        &[("address.district", FieldCode::RegionUnknown)],
    );
}

#[test]
fn villages_are_left_to_the_server_when_the_directory_does_not_know_them() {
    let mut form = valid_form();
    form.address.village = "33.15.13.2999".into();
    let known_villages = cfg!(feature = "villages");
    let result = validate_application(&form, today(), &BundledRegions);
    assert_eq!(result.is_ok(), !known_villages);
}

#[test]
fn choices_accept_codes_or_official_labels() {
    check(
        |f| {
            f.sex = "PEREMPUAN".into();
            f.blood_type = "AB+".into();
            f.occupation = "WIRASWASTA".into()
        },
        &[],
    );
    check(
        |f| f.religion = "atheis".into(),
        &[("religion", FieldCode::InvalidChoice)],
    );
    check(
        |f| f.occupation = "90".into(),
        &[("occupation", FieldCode::InvalidChoice)],
    );
    check(
        |f| f.application_type = "perpanjangan".into(),
        &[("application_type", FieldCode::InvalidChoice)],
    );
    check(
        |f| f.citizenship = "wna".into(),
        &[("citizenship", FieldCode::CitizenshipNotWni)],
    );
}

#[test]
fn signing_date_must_be_real_and_not_in_the_future() {
    check(
        |f| f.signed_on = Some("2026-03-11".into()),
        &[("signed_on", FieldCode::DateInFuture)],
    );
    check(
        |f| f.signed_on = Some("2026-02-30".into()),
        &[("signed_on", FieldCode::NoSuchDay)],
    );
    check(|f| f.signed_on = None, &[]);
    check(
        |f| f.signed_place = Some("X".repeat(51)),
        &[("signed_place", FieldCode::TooLong)],
    );
}

#[test]
fn as_you_type_checks_one_field_by_the_same_rules() {
    let mut form = ApplicationForm {
        nik: "3315137111870001".into(),
        ..ApplicationForm::default()
    };
    assert_eq!(
        validate_field(&form, Field::Nik, today(), &TestRegions),
        [FieldCode::NikNoSuchDay]
    );
    form.nik = "3315135211870001".into();
    assert!(validate_field(&form, Field::Nik, today(), &TestRegions).is_empty());
    assert_eq!(
        validate_field(&form, Field::AddressRt, today(), &TestRegions),
        [FieldCode::Required]
    );
}

#[test]
fn every_code_has_a_message_in_both_languages() {
    use shared::i18n::Lang;
    let errors =
        validate_application(&ApplicationForm::default(), today(), &TestRegions).unwrap_err();
    for e in &errors.errors {
        assert!(!e.code.message(Lang::Id).is_empty());
        assert_ne!(e.code.message(Lang::Id), e.code.message(Lang::En));
    }
    let json = serde_json::to_string(&FieldCode::NikNoSuchDay).unwrap();
    assert_eq!(json, r#""nik_no_such_day""#);
}

#[test]
fn error_body_lists_field_paths_and_codes() {
    use shared::api::{ErrorBody, ErrorCode};
    let mut form = valid_form();
    form.address.rt = "0".into();
    let errors = validate_application(&form, today(), &TestRegions).unwrap_err();
    let body = ErrorBody::validation(&errors, shared::i18n::Lang::En, "req-1");
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        serde_json::json!({
            "code": "validation_failed",
            "message": "Some fields need to be corrected.",
            "fields": [{"field": "address.rt", "code": "rt_format"}],
            "request_id": "req-1"
        })
    );
    assert_eq!(ErrorCode::ValidationFailed.http_status(), 422);
}
