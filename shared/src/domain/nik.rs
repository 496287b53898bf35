//! The NIK (Nomor Induk Kependudukan): parsing and the facts encoded in it.

use super::date::Date;
use super::person::Sex;
use super::region_code::RegionCode;
use super::sixteen::{self, Century};
use std::fmt;

/// Oldest age a NIK's two-digit year may imply; picks the century (DOMAIN.md: age 0-120).
pub const NIK_MAX_AGE_YEARS: u16 = 120;

/// A structurally valid NIK: 16 digits = kecamatan of first registration (6) + DDMMYY birth date
/// (day + 40 for women) + serial 0001-9999.
///
/// Structural only: whether the kecamatan exists is asked of a
/// [`crate::regions::RegionDirectory`] during validation, since that needs the region table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Nik {
    digits: [u8; 16],
    district: RegionCode,
    birth_date: Date,
    sex: Sex,
}

/// Why text is not a NIK.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NikError {
    /// Not exactly 16 digits (spaces are ignored).
    Format,
    /// Digits 1-6 have an all-zero part, so they cannot be a kecamatan code.
    DistrictFormat,
    /// Day part is neither 01-31 (men) nor 41-71 (women).
    DayOutOfRange,
    /// DD/MM/YY is not a real calendar day (31 April, 29 February of a common year).
    NoSuchDay,
    /// A real day, but no century puts it between 120 years ago and today.
    BirthDateOutOfRange,
    /// Serial 0000; serials start at 0001.
    SerialZero,
}

impl fmt::Display for NikError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NikError::Format => "NIK must be 16 digits",
            NikError::DistrictFormat => "NIK digits 1-6 are not a kecamatan code",
            NikError::DayOutOfRange => "NIK day must be 01-31 (men) or 41-71 (women)",
            NikError::NoSuchDay => "NIK date is not a real calendar day",
            NikError::BirthDateOutOfRange => "NIK date implies an age outside 0-120",
            NikError::SerialZero => "NIK serial must be 0001 or more",
        })
    }
}

impl std::error::Error for NikError {}

impl Nik {
    /// Parses a NIK; `today` picks the century of the two-digit birth year.
    pub fn parse(text: &str, today: Date) -> Result<Nik, NikError> {
        let parts = sixteen::parse_parts(text).ok_or(NikError::Format)?;
        let district = sixteen::district_code(&parts).ok_or(NikError::DistrictFormat)?;
        let (day, sex) = match parts.dd {
            1..=31 => (parts.dd, Sex::Male),
            41..=71 => (parts.dd - 40, Sex::Female),
            _ => return Err(NikError::DayOutOfRange),
        };
        let birth_date =
            match sixteen::pick_century(day, parts.mm, parts.yy, today, NIK_MAX_AGE_YEARS) {
                Century::Found(date) => date,
                Century::OutOfRange => return Err(NikError::BirthDateOutOfRange),
                Century::NoSuchDay => return Err(NikError::NoSuchDay),
            };
        if parts.serial == 0 {
            return Err(NikError::SerialZero);
        }
        Ok(Nik {
            digits: parts.digits,
            district,
            birth_date,
            sex,
        })
    }

    /// The kecamatan of first registration (never changes when the holder moves).
    pub const fn district(&self) -> RegionCode {
        self.district
    }

    /// The birth date the NIK encodes, century chosen as described on [`Nik::parse`]. It may
    /// differ from the true birth date: the NIK is never reissued to fix that.
    pub const fn birth_date(&self) -> Date {
        self.birth_date
    }

    /// The sex the NIK encodes (day + 40 for women).
    pub const fn sex(&self) -> Sex {
        self.sex
    }

    /// The 16 digits. Protected data (UU Adminduk art. 84): keep it off URLs and public pages.
    pub fn as_digits(&self) -> String {
        sixteen::to_text(&self.digits)
    }

    /// True if the NIK's DDMMYY matches `date` (the century is not encoded, so it is not compared).
    pub fn encodes_birth_date(&self, date: Date) -> bool {
        let b = self.birth_date;
        b.day() == date.day() && b.month() == date.month() && b.year() % 100 == date.year() % 100
    }
}

/// Full digits. Callers that log must not log a NIK (protected data).
impl fmt::Display for Nik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_digits())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2026, 3, 10).unwrap()
    }

    /// Expected: Ok((birth date ISO, sex)) or the error.
    fn check(input: &str, expected: Result<(&str, Sex), NikError>) {
        check_on(input, today(), expected)
    }

    fn check_on(input: &str, on: Date, expected: Result<(&str, Sex), NikError>) {
        let got = Nik::parse(input, on).map(|n| (n.birth_date().to_string(), n.sex()));
        let got = got.as_ref().map(|(d, s)| (d.as_str(), *s)).map_err(|e| *e);
        assert_eq!(got, expected, "input {input:?} on {on}");
    }

    #[test]
    fn domain_example_woman_born_12_november_1987() {
        check("3315135211870001", Ok(("1987-11-12", Sex::Female)));
        let nik = Nik::parse("3315135211870001", today()).unwrap();
        assert_eq!(nik.district().to_string(), "33.15.13");
    }

    #[test]
    fn plus_forty_rule_for_women() {
        check("3315131211870001", Ok(("1987-11-12", Sex::Male)));
        check("3315134101900001", Ok(("1990-01-01", Sex::Female)));
        check("3315137112900001", Ok(("1990-12-31", Sex::Female)));
        check("3315133112900001", Ok(("1990-12-31", Sex::Male)));
        for day in ["00", "32", "35", "40", "72", "99"] {
            check(
                &format!("331513{day}0190 0001"),
                Err(NikError::DayOutOfRange),
            );
        }
    }

    #[test]
    fn leap_day_in_nik_uses_the_century_that_has_it() {
        // 29/02/00: 2000 is leap, so the date is 2000-02-29 (age 26), not the nonexistent 1900 one.
        check("3315136902000001", Ok(("2000-02-29", Sex::Female)));
        check("3315132902040001", Ok(("2004-02-29", Sex::Male)));
        check("3315132902010001", Err(NikError::NoSuchDay));
        check("3315133104900001", Err(NikError::NoSuchDay));
        check("3315130113900001", Err(NikError::NoSuchDay));
        // On 1 Jan 2000 the 2000 leap day is still in the future and 1900-02-29 never existed:
        // a real day, but in no century within 0-120 years of today.
        check_on(
            "3315132902000001",
            Date::new(2000, 1, 1).unwrap(),
            Err(NikError::BirthDateOutOfRange),
        );
        check_on(
            "3315132902000001",
            Date::new(2000, 2, 29).unwrap(),
            Ok(("2000-02-29", Sex::Male)),
        );
    }

    #[test]
    fn century_keeps_the_age_between_0_and_120() {
        // yy=26 on 2026-03-10: 2026-03-10 is today (age 0); 2026-03-11 is the future so 1926
        // (age 99) is chosen.
        check("3315131003260001", Ok(("2026-03-10", Sex::Male)));
        check("3315131103260001", Ok(("1926-03-11", Sex::Male)));
        // yy=06: 2006 (age 19) is preferred to 1906 (age 119).
        check("3315131003060001", Ok(("2006-03-10", Sex::Male)));
        // The day before a birthday in this century, the previous century is chosen (age 99).
        check_on(
            "3315131003060001",
            Date::new(2006, 3, 9).unwrap(),
            Ok(("1906-03-10", Sex::Male)),
        );
        check_on(
            "3315131003060001",
            Date::new(2006, 3, 10).unwrap(),
            Ok(("2006-03-10", Sex::Male)),
        );
    }

    #[test]
    fn format_serial_and_district_errors() {
        check("331513521187000", Err(NikError::Format));
        check("33151352118700011", Err(NikError::Format));
        check("33151352118700a1", Err(NikError::Format));
        check("3315-1352-1187-0001", Err(NikError::Format));
        check("3315 1352 1187 0001", Ok(("1987-11-12", Sex::Female)));
        check("3315135211870000", Err(NikError::SerialZero));
        check("3300135211870001", Err(NikError::DistrictFormat));
    }

    #[test]
    fn birth_date_comparison_ignores_century() {
        let nik = Nik::parse("3315135211870001", today()).unwrap();
        assert!(nik.encodes_birth_date(Date::new(1987, 11, 12).unwrap()));
        assert!(!nik.encodes_birth_date(Date::new(1987, 11, 13).unwrap()));
        assert_eq!(nik.as_digits(), "3315135211870001");
    }
}
