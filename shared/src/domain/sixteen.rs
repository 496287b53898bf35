//! What NIK and KK numbers share: 16 digits = kecamatan (6) + DDMMYY + serial (4).

use super::date::Date;
use super::region_code::{RegionCode, RegionLevel};

/// The three parts of a 16-digit population number, before their meaning is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Parts {
    pub digits: [u8; 16],
    pub district: u64,
    pub dd: u8,
    pub mm: u8,
    pub yy: u8,
    pub serial: u16,
}

/// Reads exactly 16 ASCII digits; spaces (people group digits when typing) are ignored.
pub(crate) fn parse_parts(text: &str) -> Option<Parts> {
    let mut digits = [0u8; 16];
    let mut n = 0;
    for b in text.bytes() {
        match b {
            b' ' => {}
            b'0'..=b'9' if n < 16 => {
                digits[n] = b - b'0';
                n += 1;
            }
            _ => return None,
        }
    }
    if n != 16 {
        return None;
    }
    let num = |range: std::ops::Range<usize>| {
        digits[range]
            .iter()
            .fold(0u64, |a, &d| a * 10 + u64::from(d))
    };
    Some(Parts {
        digits,
        district: num(0..6),
        dd: num(6..8) as u8,
        mm: num(8..10) as u8,
        yy: num(10..12) as u8,
        serial: num(12..16) as u16,
    })
}

/// The kecamatan part as a region code; `None` when it has a zero part (e.g. `330000`).
pub(crate) fn district_code(parts: &Parts) -> Option<RegionCode> {
    RegionCode::from_value(RegionLevel::District, parts.district).ok()
}

/// Outcome of picking a century for a two-digit year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Century {
    /// The most recent date not after `today` and at most `max_years` before it.
    Found(Date),
    /// DD/MM/YY is a real day in some century, but none lies in the allowed window.
    OutOfRange,
    /// DD/MM is not a real day in any candidate century (e.g. 31/04, or 29/02/01).
    NoSuchDay,
}

/// Chooses the century for `dd/mm/yy` so the date is not after `today` and at most `max_years`
/// (whole years, by age) before it, preferring the most recent such date. 29/02/00 is 2000 (leap),
/// never 1900 (common), because the calendar check happens per century.
pub(crate) fn pick_century(dd: u8, mm: u8, yy: u8, today: Date, max_years: u16) -> Century {
    let mut any_real = false;
    let this_century = today.year() / 100 * 100;
    for back in 0..=(max_years / 100 + 1) {
        let Some(base) = this_century.checked_sub(back * 100) else {
            break;
        };
        let Ok(date) = Date::new(base + u16::from(yy), mm, dd) else {
            continue;
        };
        any_real = true;
        if date <= today && date.age_on(today) <= max_years {
            return Century::Found(date);
        }
    }
    if any_real {
        Century::OutOfRange
    } else {
        Century::NoSuchDay
    }
}

/// The 16 digits as text.
pub(crate) fn to_text(digits: &[u8; 16]) -> String {
    digits.iter().map(|d| char::from(b'0' + d)).collect()
}
