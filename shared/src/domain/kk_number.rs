//! The family-card (Kartu Keluarga) number: kecamatan of issue + recording date + serial.

use super::date::Date;
use super::region_code::RegionCode;
use super::sixteen::{self, Century};
use std::fmt;

/// How far back a KK recording date may go when picking its century. Sixteen-digit KK numbers
/// exist only since computerised registration (SIAK, 2000s), so a date after today in this
/// century is read as "in the future" rather than as 60+ years ago.
pub const KK_MAX_AGE_YEARS: u16 = 60;

/// A structurally valid KK number: kecamatan of issue (6) + recording date DDMMYY (no +40, not
/// in the future) + serial 0001-9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KkNumber {
    digits: [u8; 16],
    district: RegionCode,
    recorded_on: Date,
}

/// Why text is not a KK number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KkError {
    /// Not exactly 16 digits (spaces are ignored).
    Format,
    /// Digits 1-6 have an all-zero part.
    DistrictFormat,
    /// DDMMYY is not a real calendar day (a day of 41+ is a NIK's +40, not a KK date).
    NoSuchDay,
    /// A real day, but after today (the previous century's reading is over 60 years ago).
    DateInFuture,
    /// Serial 0000.
    SerialZero,
}

impl fmt::Display for KkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            KkError::Format => "KK number must be 16 digits",
            KkError::DistrictFormat => "KK digits 1-6 are not a kecamatan code",
            KkError::NoSuchDay => "KK recording date is not a real calendar day",
            KkError::DateInFuture => "KK recording date is in the future",
            KkError::SerialZero => "KK serial must be 0001 or more",
        })
    }
}

impl std::error::Error for KkError {}

impl KkNumber {
    /// Parses a KK number; `today` rules out future recording dates and picks the century.
    pub fn parse(text: &str, today: Date) -> Result<KkNumber, KkError> {
        let parts = sixteen::parse_parts(text).ok_or(KkError::Format)?;
        let district = sixteen::district_code(&parts).ok_or(KkError::DistrictFormat)?;
        let recorded_on =
            match sixteen::pick_century(parts.dd, parts.mm, parts.yy, today, KK_MAX_AGE_YEARS) {
                Century::Found(date) => date,
                Century::OutOfRange => return Err(KkError::DateInFuture),
                Century::NoSuchDay => return Err(KkError::NoSuchDay),
            };
        if parts.serial == 0 {
            return Err(KkError::SerialZero);
        }
        Ok(KkNumber {
            digits: parts.digits,
            district,
            recorded_on,
        })
    }

    /// The kecamatan that issued the card.
    pub const fn district(&self) -> RegionCode {
        self.district
    }

    /// The date the family card was recorded.
    pub const fn recorded_on(&self) -> Date {
        self.recorded_on
    }

    /// The 16 digits. Protected data (UU Adminduk art. 84).
    pub fn as_digits(&self) -> String {
        sixteen::to_text(&self.digits)
    }
}

impl fmt::Display for KkNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_digits())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<&str, KkError>) {
        let today = Date::new(2026, 3, 10).unwrap();
        let got = KkNumber::parse(input, today).map(|k| k.recorded_on().to_string());
        assert_eq!(got.as_deref().map_err(|e| *e), expected, "input {input:?}");
    }

    #[test]
    fn recording_date_is_read_without_plus_forty() {
        check("3315131503150003", Ok("2015-03-15"));
        check("3315135203150003", Err(KkError::NoSuchDay));
        check("3315132902160001", Ok("2016-02-29"));
        check("3315132902170001", Err(KkError::NoSuchDay));
    }

    #[test]
    fn future_recording_dates_fall_back_a_century_or_fail() {
        // 10/03/26 is today: allowed. 11/03/26 would be tomorrow, and 1926 is too old: future.
        check("3315131003260001", Ok("2026-03-10"));
        check("3315131103260001", Err(KkError::DateInFuture));
        check("3315130101250001", Ok("2025-01-01"));
        // A two-digit year after this year's reads as last century while within 60 years.
        check("3315130101990001", Ok("1999-01-01"));
        check("3315130101660001", Ok("1966-01-01"));
        check("3315130101650001", Err(KkError::DateInFuture));
    }

    #[test]
    fn structure_errors() {
        check("33151315031500", Err(KkError::Format));
        check("3315131503150000", Err(KkError::SerialZero));
        check("0015131503150001", Err(KkError::DistrictFormat));
    }
}
