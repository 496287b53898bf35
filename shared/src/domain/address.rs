//! Address parts: RT/RW numbers and the postal code.

use std::fmt;

/// An RT or RW number (neighbourhood / community unit), 001-999.
///
/// Typed as 1 to 3 digits (`1`, `01`, `001` are the same RT); always shown zero-padded to three.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnitNumber(u16);

impl UnitNumber {
    /// `None` unless the text is 1-3 digits with value 1-999.
    pub fn parse(text: &str) -> Option<UnitNumber> {
        let t = text.trim();
        if t.is_empty() || t.len() > 3 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: u16 = t.parse().ok()?;
        (n >= 1).then_some(UnitNumber(n))
    }

    pub const fn get(self) -> u16 {
        self.0
    }
}

impl fmt::Display for UnitNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:03}", self.0)
    }
}

/// An Indonesian postal code: 5 digits, the first 1-9 (codes run from 10110 in Jakarta to the
/// 99xxx of Papua).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PostalCode(u32);

impl PostalCode {
    pub fn parse(text: &str) -> Option<PostalCode> {
        let t = text.trim();
        if t.len() != 5 || !t.bytes().all(|b| b.is_ascii_digit()) || t.starts_with('0') {
            return None;
        }
        t.parse().ok().map(PostalCode)
    }
}

impl fmt::Display for PostalCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:05}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_unit(input: &str, expected: Option<&str>) {
        assert_eq!(
            UnitNumber::parse(input).map(|u| u.to_string()).as_deref(),
            expected,
            "input {input:?}"
        );
    }

    fn check_postal(input: &str, expected: Option<&str>) {
        assert_eq!(
            PostalCode::parse(input).map(|p| p.to_string()).as_deref(),
            expected,
            "input {input:?}"
        );
    }

    #[test]
    fn rt_rw_accept_one_to_three_digits_from_001_to_999() {
        check_unit("1", Some("001"));
        check_unit("01", Some("001"));
        check_unit("001", Some("001"));
        check_unit(" 12 ", Some("012"));
        check_unit("999", Some("999"));
        for bad in ["", "0", "000", "1000", "0001", "1a", "-1", "+1", "1 2"] {
            check_unit(bad, None);
        }
    }

    #[test]
    fn postal_codes_are_five_digits_not_starting_with_zero() {
        check_postal("58111", Some("58111"));
        check_postal(" 10110 ", Some("10110"));
        for bad in ["", "5811", "581110", "05811", "5811a", "58 111"] {
            check_postal(bad, None);
        }
    }
}
