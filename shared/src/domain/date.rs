//! A small civil (proleptic Gregorian) calendar date: enough for birth dates, ages and expiries.

use std::fmt;

/// A calendar date (year, month, day) that is always real: 29 February exists only in leap years.
///
/// Ordering is chronological. `shared` reads no clock: callers pass `today` in as a `Date`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    // Field order matters: the derived `Ord` compares year, then month, then day.
    year: u16,
    month: u8,
    day: u8,
}

/// Why a date could not be built or parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// The text is not `yyyy-mm-dd` (four, two and two digits).
    Format,
    /// The numbers do not name a real day (month 13, 31 April, 29 February in a common year).
    NoSuchDay,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format => f.write_str("date is not in yyyy-mm-dd form"),
            DateError::NoSuchDay => f.write_str("no such calendar day"),
        }
    }
}

impl std::error::Error for DateError {}

/// The regency's time zone, WIB (UTC+7, no daylight saving), in milliseconds. Applications,
/// certificates and cards are dated on Grobogan's calendar: the edge and the browser both turn
/// their clock's instant into today's date with this offset, so a device set to another zone
/// (a verifier abroad, a phone left on UTC) agrees with the date the edge printed.
pub const WIB_OFFSET_MS: f64 = 7.0 * 3600.0 * 1000.0;

/// Gregorian leap-year rule: every 4th year, except centuries, except every 4th century (2000 is
/// leap, 1900 is not).
pub const fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Number of days in a month of a year; 0 for a month outside 1..=12.
pub const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// Builds a date, refusing days that do not exist. Years run 1..=9999 (four digits in ISO form).
    pub const fn new(year: u16, month: u8, day: u8) -> Result<Date, DateError> {
        if year == 0 || year > 9999 || day == 0 || day > days_in_month(year, month) {
            return Err(DateError::NoSuchDay);
        }
        Ok(Date { year, month, day })
    }

    /// Parses the strict ISO form `yyyy-mm-dd` (what `<input type="date">` produces).
    pub fn parse_iso(text: &str) -> Result<Date, DateError> {
        let b = text.as_bytes();
        let digits_at = |range: std::ops::Range<usize>| b[range].iter().all(u8::is_ascii_digit);
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError::Format);
        }
        if !digits_at(0..4) || !digits_at(5..7) || !digits_at(8..10) {
            return Err(DateError::Format);
        }
        let num = |range: std::ops::Range<usize>| {
            b[range]
                .iter()
                .fold(0u16, |acc, d| acc * 10 + u16::from(d - b'0'))
        };
        // Two-digit fields are < 100, so the narrowing casts cannot truncate.
        Date::new(num(0..4), num(5..7) as u8, num(8..10) as u8)
    }

    pub const fn year(self) -> u16 {
        self.year
    }

    pub const fn month(self) -> u8 {
        self.month
    }

    pub const fn day(self) -> u8 {
        self.day
    }

    /// Completed years of age on `on` for someone born on `self` (0 if `on` is earlier).
    ///
    /// A person born on 29 February turns a year older on 1 March in common years, the usual
    /// civil reading.
    pub fn age_on(self, on: Date) -> u16 {
        if on < self {
            return 0;
        }
        let mut years = on.year - self.year;
        if (on.month, on.day) < (self.month, self.day) {
            years -= 1;
        }
        years
    }

    /// The same day `months` months later, clamped to the month's last day (31 Aug + 6 months is
    /// 28 or 29 Feb). Returns `None` past year 9999.
    pub fn add_months(self, months: u32) -> Option<Date> {
        let index = u32::from(self.year) * 12 + u32::from(self.month - 1) + months;
        let year = u16::try_from(index / 12).ok()?;
        let month = (index % 12) as u8 + 1;
        let day = self.day.min(days_in_month(year, month));
        Date::new(year, month, day).ok()
    }

    /// The day after, or `None` past year 9999.
    pub fn next_day(self) -> Option<Date> {
        if self.day < days_in_month(self.year, self.month) {
            Date::new(self.year, self.month, self.day + 1).ok()
        } else if self.month < 12 {
            Date::new(self.year, self.month + 1, 1).ok()
        } else {
            Date::new(self.year.checked_add(1)?, 1, 1).ok()
        }
    }

    /// The WIB date of a UTC timestamp as stored (`yyyy-mm-ddThh:…Z`): from 17:00 UTC on it is
    /// already the next day in Grobogan. `None` when the text does not start that way.
    pub fn wib_of_utc_timestamp(timestamp: &str) -> Option<Date> {
        let date = Date::parse_iso(timestamp.get(..10)?).ok()?;
        if timestamp.as_bytes().get(10) != Some(&b'T') {
            return None;
        }
        let hour: u8 = timestamp.get(11..13)?.parse().ok()?;
        const WIB_HOURS: u8 = (WIB_OFFSET_MS / 3_600_000.0) as u8;
        if hour + WIB_HOURS >= 24 {
            date.next_day()
        } else {
            Some(date)
        }
    }

    /// Days since 1 January of year 1 (day 0): lets callers count days between dates.
    pub fn day_number(self) -> i64 {
        // Shift the year to start in March so the leap day is last; the classic civil-days formula.
        let (y, m) = if self.month <= 2 {
            (i64::from(self.year) - 1, i64::from(self.month) + 9)
        } else {
            (i64::from(self.year), i64::from(self.month) - 3)
        };
        let days_before_year = 365 * y + y / 4 - y / 100 + y / 400;
        let days_before_month = (153 * m + 2) / 5;
        days_before_year + days_before_month + i64::from(self.day) - 307
    }
}

/// ISO `yyyy-mm-dd`, the form used on the wire.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        Date::parse_iso(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<(u16, u8, u8), DateError>) {
        let got = Date::parse_iso(input).map(|d| (d.year(), d.month(), d.day()));
        assert_eq!(got, expected, "input {input:?}");
    }

    #[test]
    fn a_utc_timestamp_is_dated_on_grobogans_calendar() {
        let wib = |t: &str| Date::wib_of_utc_timestamp(t).map(|d| d.to_string());
        assert_eq!(
            wib("2026-12-07T16:59:59.999Z").as_deref(),
            Some("2026-12-07")
        );
        assert_eq!(
            wib("2026-12-07T17:00:00.000Z").as_deref(),
            Some("2026-12-08")
        );
        assert_eq!(wib("2026-12-31T23:10:00Z").as_deref(), Some("2027-01-01"));
        assert_eq!(wib("2024-02-28T18:00:00Z").as_deref(), Some("2024-02-29"));
        assert_eq!(wib("2023-02-28T18:00:00Z").as_deref(), Some("2023-03-01"));
        assert_eq!(wib("2026-12-07"), None);
        assert_eq!(wib("2026-12-07T9"), None);
    }

    #[test]
    fn leap_day_exists_only_in_leap_years() {
        check("2024-02-29", Ok((2024, 2, 29)));
        check("2023-02-29", Err(DateError::NoSuchDay));
        check("2000-02-29", Ok((2000, 2, 29)));
        check("1900-02-29", Err(DateError::NoSuchDay));
        check("2100-02-29", Err(DateError::NoSuchDay));
        check("1600-02-29", Ok((1600, 2, 29)));
    }

    #[test]
    fn impossible_days_and_months_are_refused() {
        check("2024-04-31", Err(DateError::NoSuchDay));
        check("2024-13-01", Err(DateError::NoSuchDay));
        check("2024-00-10", Err(DateError::NoSuchDay));
        check("2024-01-00", Err(DateError::NoSuchDay));
        check("0000-01-01", Err(DateError::NoSuchDay));
        check("2024-12-31", Ok((2024, 12, 31)));
    }

    #[test]
    fn only_strict_iso_form_is_accepted() {
        for bad in [
            "",
            "2024-1-01",
            "24-01-01",
            "2024/01/01",
            "2024-01-01 ",
            "2024-0a-01",
            "+024-01-01",
        ] {
            check(bad, Err(DateError::Format));
        }
    }

    #[test]
    fn display_round_trips() {
        let d = Date::new(987, 3, 5).unwrap();
        assert_eq!(d.to_string(), "0987-03-05");
        assert_eq!(Date::parse_iso("0987-03-05"), Ok(d));
    }

    #[test]
    fn age_turns_on_the_birthday_not_before() {
        let born = Date::new(2008, 6, 15).unwrap();
        assert_eq!(born.age_on(Date::new(2025, 6, 14).unwrap()), 16);
        assert_eq!(born.age_on(Date::new(2025, 6, 15).unwrap()), 17);
        assert_eq!(born.age_on(Date::new(2007, 1, 1).unwrap()), 0);
    }

    #[test]
    fn leap_day_birthday_ages_on_first_of_march_in_common_years() {
        let born = Date::new(2008, 2, 29).unwrap();
        assert_eq!(born.age_on(Date::new(2025, 2, 28).unwrap()), 16);
        assert_eq!(born.age_on(Date::new(2025, 3, 1).unwrap()), 17);
        assert_eq!(born.age_on(Date::new(2028, 2, 29).unwrap()), 20);
    }

    #[test]
    fn add_months_clamps_to_month_end() {
        let d = Date::new(2025, 8, 31).unwrap();
        assert_eq!(d.add_months(6), Date::new(2026, 2, 28).ok());
        assert_eq!(
            Date::new(2023, 8, 31).unwrap().add_months(6),
            Date::new(2024, 2, 29).ok()
        );
        assert_eq!(
            Date::new(2025, 1, 15).unwrap().add_months(6),
            Date::new(2025, 7, 15).ok()
        );
        assert_eq!(Date::new(9999, 12, 1).unwrap().add_months(1), None);
    }

    #[test]
    fn day_numbers_are_consecutive_across_leap_day_and_year_end() {
        let n = |y, m, d| Date::new(y, m, d).unwrap().day_number();
        assert_eq!(n(1, 1, 1), 0);
        assert_eq!(n(2024, 3, 1) - n(2024, 2, 28), 2);
        assert_eq!(n(2023, 3, 1) - n(2023, 2, 28), 1);
        assert_eq!(n(2025, 1, 1) - n(2024, 12, 31), 1);
        assert_eq!(n(2001, 1, 1) - n(2000, 1, 1), 366);
        assert_eq!(n(1901, 1, 1) - n(1900, 1, 1), 365);
    }
}
