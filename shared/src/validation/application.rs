//! `validate_application`: every rule over the whole form, collecting all problems at once.

use super::codes::{FieldCode, FieldErrors, FieldProblem, Warning, WarningCode};
use super::field::Field;
use crate::api::ApplicationForm;
use crate::domain::{
    Address, ApplicationType, BloodType, Citizenship, Date, KkError, KkNumber, MaritalStatus,
    NameError, Nik, NikError, Occupation, PersonName, Phone, PostalCode, RegionCode, RegionLevel,
    Religion, Sex, UnitNumber, ValidApplication,
};
use crate::regions::{DistrictStatus, RegionDirectory};

/// Minimum age for a KTP-el unless ever married (UU 24/2013 art. 63(1)).
pub const ELIGIBLE_AGE_YEARS: u16 = 17;
/// Oldest plausible age for a birth date.
pub const MAX_AGE_YEARS: u16 = 120;
/// Longest free text (place of birth, signing place).
pub const PLACE_MAX_CHARS: usize = 50;
/// Longest street address line.
pub const STREET_MAX_CHARS: usize = 120;

/// Checks a whole form against every rule and returns the validated application, or every problem
/// found (not just the first). Warnings (NIK/declared mismatches, retired kecamatan codes) come
/// back in `ValidApplication::warnings` on success and in `FieldErrors::warnings` on failure.
///
/// `today` decides ages, future dates and the century of NIK/KK dates; `regions` answers which
/// codes exist. The app runs this before submit and the edge again on receipt.
pub fn validate_application(
    form: &ApplicationForm,
    today: Date,
    regions: &dyn RegionDirectory,
) -> Result<ValidApplication, FieldErrors> {
    let mut c = Collector::default();

    let application_type = c.choice(
        Field::ApplicationType,
        &form.application_type,
        ApplicationType::parse,
    );
    let full_name = c.name(&form.full_name);
    let nik = c.nik(&form.nik, today, regions);
    let kk_number = c.kk(&form.kk_number, today, regions);
    let birth_place = c.text(Field::BirthPlace, &form.birth_place, PLACE_MAX_CHARS);
    let birth_date = c.birth_date(&form.birth_date, today);
    let sex = c.choice(Field::Sex, &form.sex, Sex::parse);
    let blood_type = c.choice(Field::BloodType, &form.blood_type, BloodType::parse);
    let religion = c.choice(Field::Religion, &form.religion, Religion::parse);
    let marital_status = c.choice(
        Field::MaritalStatus,
        &form.marital_status,
        MaritalStatus::parse,
    );
    let occupation = c.choice(Field::Occupation, &form.occupation, Occupation::parse);
    let citizenship = c.choice(Field::Citizenship, &form.citizenship, Citizenship::parse);
    if citizenship == Some(Citizenship::Wna) {
        c.error(Field::Citizenship, FieldCode::CitizenshipNotWni);
    }

    let village = c.region_chain(form, regions);
    let street = c.text(Field::AddressStreet, &form.address.street, STREET_MAX_CHARS);
    let rt = c.parsed(
        Field::AddressRt,
        &form.address.rt,
        UnitNumber::parse,
        FieldCode::RtFormat,
    );
    let rw = c.parsed(
        Field::AddressRw,
        &form.address.rw,
        UnitNumber::parse,
        FieldCode::RwFormat,
    );
    let postal_code = c.parsed(
        Field::AddressPostalCode,
        &form.address.postal_code,
        PostalCode::parse,
        FieldCode::PostalCodeFormat,
    );

    let phone = c.optional(Field::Phone, form.phone.as_deref(), |t| {
        Phone::parse(t).ok_or(FieldCode::PhoneFormat)
    });
    let signed_place = c.optional(Field::SignedPlace, form.signed_place.as_deref(), |t| {
        bounded_text(t, PLACE_MAX_CHARS).ok_or(FieldCode::TooLong)
    });
    let signed_on = c.optional(Field::SignedOn, form.signed_on.as_deref(), |t| {
        not_future_date(t, today)
    });

    // Cross-field rules, each only when the fields it reads are themselves valid.
    if let (Some(born), Some(marital)) = (birth_date, marital_status) {
        if born.age_on(today) < ELIGIBLE_AGE_YEARS && !marital.ever_married() {
            c.error(Field::BirthDate, FieldCode::NotEligible);
        }
    }
    if let Some(nik) = &nik {
        if birth_date.is_some_and(|b| !nik.encodes_birth_date(b)) {
            c.warn(Field::Nik, WarningCode::NikBirthDateMismatch);
        }
        if sex.is_some_and(|s| s != nik.sex()) {
            c.warn(Field::Nik, WarningCode::NikSexMismatch);
        }
        if kk_number
            .as_ref()
            .is_some_and(|kk| kk.as_digits() == nik.as_digits())
        {
            c.error(Field::KkNumber, FieldCode::KkSameAsNik);
        }
    }

    let (
        Some(application_type),
        Some(full_name),
        Some(kk_number),
        Some(nik),
        Some(birth_place),
        Some(birth_date),
        Some(sex),
        Some(blood_type),
        Some(religion),
        Some(marital_status),
        Some(occupation),
        Some(citizenship),
        Some(village),
        Some(street),
        Some(rt),
        Some(rw),
        Some(postal_code),
        Some(phone),
        Some(signed_place),
        Some(signed_on),
    ) = (
        application_type,
        full_name,
        kk_number,
        nik,
        birth_place,
        birth_date,
        sex,
        blood_type,
        religion,
        marital_status,
        occupation,
        citizenship,
        village,
        street,
        rt,
        rw,
        postal_code,
        phone,
        signed_place,
        signed_on,
    )
    else {
        return Err(c.finish_with_errors());
    };
    if !c.errors.is_empty() {
        return Err(c.finish_with_errors());
    }
    Ok(ValidApplication {
        application_type,
        full_name,
        kk_number,
        nik,
        birth_place,
        birth_date,
        sex,
        blood_type,
        religion,
        marital_status,
        occupation,
        citizenship,
        address: Address {
            village,
            street,
            rt,
            rw,
            postal_code,
        },
        phone,
        signed_place,
        signed_on,
        warnings: c.warnings,
    })
}

/// Gathers problems as fields are parsed; each parser returns `None` after recording why.
#[derive(Default)]
struct Collector {
    errors: Vec<FieldProblem>,
    warnings: Vec<Warning>,
}

impl Collector {
    fn error(&mut self, field: Field, code: FieldCode) {
        self.errors.push(FieldProblem { field, code });
    }

    fn warn(&mut self, field: Field, code: WarningCode) {
        self.warnings.push(Warning { field, code });
    }

    fn finish_with_errors(self) -> FieldErrors {
        FieldErrors {
            errors: self.errors,
            warnings: self.warnings,
        }
    }

    /// The trimmed text, or `None` after recording `Required`.
    fn required<'a>(&mut self, field: Field, text: &'a str) -> Option<&'a str> {
        let t = text.trim();
        if t.is_empty() {
            self.error(field, FieldCode::Required);
            None
        } else {
            Some(t)
        }
    }

    fn parsed<T>(
        &mut self,
        field: Field,
        text: &str,
        parse: impl Fn(&str) -> Option<T>,
        code: FieldCode,
    ) -> Option<T> {
        let t = self.required(field, text)?;
        let v = parse(t);
        if v.is_none() {
            self.error(field, code);
        }
        v
    }

    fn choice<T>(
        &mut self,
        field: Field,
        text: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        self.parsed(field, text, parse, FieldCode::InvalidChoice)
    }

    fn text(&mut self, field: Field, text: &str, max: usize) -> Option<String> {
        self.parsed(field, text, |t| bounded_text(t, max), FieldCode::TooLong)
    }

    /// An optional field: `Some(None)` when blank, `Some(Some(v))` when valid, `None` when invalid.
    fn optional<T>(
        &mut self,
        field: Field,
        text: Option<&str>,
        parse: impl Fn(&str) -> Result<T, FieldCode>,
    ) -> Option<Option<T>> {
        match text.map(str::trim).filter(|t| !t.is_empty()) {
            None => Some(None),
            Some(t) => match parse(t) {
                Ok(v) => Some(Some(v)),
                Err(code) => {
                    self.error(field, code);
                    None
                }
            },
        }
    }

    fn name(&mut self, text: &str) -> Option<PersonName> {
        let t = self.required(Field::FullName, text)?;
        match PersonName::parse(t) {
            Ok(name) => Some(name),
            Err(errors) => {
                for e in errors {
                    let code = match e {
                        NameError::Empty => FieldCode::Required,
                        NameError::TooLong => FieldCode::TooLong,
                        NameError::InvalidCharacters => FieldCode::NameInvalidCharacters,
                        NameError::HasTitle => FieldCode::NameHasTitle,
                    };
                    self.error(Field::FullName, code);
                }
                None
            }
        }
    }

    fn nik(&mut self, text: &str, today: Date, regions: &dyn RegionDirectory) -> Option<Nik> {
        let t = self.required(Field::Nik, text)?;
        let nik = match Nik::parse(t, today) {
            Ok(nik) => nik,
            Err(e) => {
                let code = match e {
                    NikError::Format => FieldCode::NikFormat,
                    NikError::DistrictFormat => FieldCode::NikDistrictUnknown,
                    NikError::DayOutOfRange => FieldCode::NikDayOutOfRange,
                    NikError::NoSuchDay => FieldCode::NikNoSuchDay,
                    NikError::BirthDateOutOfRange => FieldCode::NikBirthDateOutOfRange,
                    NikError::SerialZero => FieldCode::NikSerialZero,
                };
                self.error(Field::Nik, code);
                return None;
            }
        };
        match regions.district_status(nik.district()) {
            DistrictStatus::Current => Some(nik),
            DistrictStatus::Retired => {
                self.warn(Field::Nik, WarningCode::NikRetiredDistrict);
                Some(nik)
            }
            DistrictStatus::Unknown => {
                self.error(Field::Nik, FieldCode::NikDistrictUnknown);
                None
            }
        }
    }

    fn kk(&mut self, text: &str, today: Date, regions: &dyn RegionDirectory) -> Option<KkNumber> {
        let t = self.required(Field::KkNumber, text)?;
        let kk = match KkNumber::parse(t, today) {
            Ok(kk) => kk,
            Err(e) => {
                let code = match e {
                    KkError::Format => FieldCode::KkFormat,
                    KkError::DistrictFormat => FieldCode::KkDistrictUnknown,
                    KkError::NoSuchDay => FieldCode::KkNoSuchDay,
                    KkError::DateInFuture => FieldCode::KkDateInFuture,
                    KkError::SerialZero => FieldCode::KkSerialZero,
                };
                self.error(Field::KkNumber, code);
                return None;
            }
        };
        match regions.district_status(kk.district()) {
            DistrictStatus::Current => Some(kk),
            DistrictStatus::Retired => {
                self.warn(Field::KkNumber, WarningCode::KkRetiredDistrict);
                Some(kk)
            }
            DistrictStatus::Unknown => {
                self.error(Field::KkNumber, FieldCode::KkDistrictUnknown);
                None
            }
        }
    }

    fn birth_date(&mut self, text: &str, today: Date) -> Option<Date> {
        let t = self.required(Field::BirthDate, text)?;
        let date = match not_future_date(t, today) {
            Ok(d) => d,
            Err(code) => {
                self.error(Field::BirthDate, code);
                return None;
            }
        };
        if date.age_on(today) > MAX_AGE_YEARS {
            self.error(Field::BirthDate, FieldCode::BirthDateTooOld);
            return None;
        }
        Some(date)
    }

    /// Province, regency, district and village: each must be of its level, exist, and lie inside
    /// the one above. Returns the village (which implies the rest) when the whole chain holds.
    fn region_chain(
        &mut self,
        form: &ApplicationForm,
        regions: &dyn RegionDirectory,
    ) -> Option<RegionCode> {
        let a = &form.address;
        let levels = [
            (
                Field::AddressProvince,
                a.province.as_str(),
                RegionLevel::Province,
            ),
            (
                Field::AddressRegency,
                a.regency.as_str(),
                RegionLevel::Regency,
            ),
            (
                Field::AddressDistrict,
                a.district.as_str(),
                RegionLevel::District,
            ),
            (
                Field::AddressVillage,
                a.village.as_str(),
                RegionLevel::Village,
            ),
        ];
        let mut parent: Option<RegionCode> = None;
        let mut chain_ok = true;
        for (field, text, level) in levels {
            let code = self.region(field, text, level, parent, regions);
            chain_ok &= code.is_some();
            parent = code;
        }
        if chain_ok {
            parent
        } else {
            None
        }
    }

    fn region(
        &mut self,
        field: Field,
        text: &str,
        level: RegionLevel,
        parent: Option<RegionCode>,
        regions: &dyn RegionDirectory,
    ) -> Option<RegionCode> {
        let t = self.required(field, text)?;
        let Some(code) = RegionCode::parse(t).ok().filter(|c| c.level() == level) else {
            self.error(field, FieldCode::RegionFormat);
            return None;
        };
        // The chosen code must exist. A `None` answer (villages in the browser) is not an error:
        // the edge, which knows villages, checks again.
        if regions.exists(code) == Some(false) {
            self.error(field, FieldCode::RegionUnknown);
            return None;
        }
        if parent.is_some_and(|p| !code.is_within(p)) {
            self.error(field, FieldCode::RegionOutsideParent);
            return None;
        }
        Some(code)
    }
}

/// Uppercase, single-spaced text of at most `max` characters.
fn bounded_text(text: &str, max: usize) -> Option<String> {
    let normal = normalise_text(text);
    (normal.chars().count() <= max).then_some(normal)
}

fn normalise_text(text: &str) -> String {
    crate::domain::latin_uppercase(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn not_future_date(text: &str, today: Date) -> Result<Date, FieldCode> {
    let date = Date::parse_iso(text).map_err(|e| match e {
        crate::domain::DateError::Format => FieldCode::DateFormat,
        crate::domain::DateError::NoSuchDay => FieldCode::NoSuchDay,
    })?;
    if date > today {
        return Err(FieldCode::DateInFuture);
    }
    Ok(date)
}
