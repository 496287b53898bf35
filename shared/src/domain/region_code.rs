//! Kemendagri region codes (province, regency, district, village) as one validated type.

use std::fmt;

/// The four administrative levels a code can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RegionLevel {
    /// Provinsi: `PP` (2 digits).
    Province,
    /// Kabupaten/kota: `PP.KK` (4 digits).
    Regency,
    /// Kecamatan: `PP.KK.CC` (6 digits); the first six digits of a NIK or KK number.
    District,
    /// Desa/kelurahan: `PP.KK.CC.DDDD` (10 digits).
    Village,
}

impl RegionLevel {
    /// Number of digits in a code of this level.
    pub const fn digits(self) -> usize {
        match self {
            RegionLevel::Province => 2,
            RegionLevel::Regency => 4,
            RegionLevel::District => 6,
            RegionLevel::Village => 10,
        }
    }

    const fn from_digits(n: usize) -> Option<RegionLevel> {
        match n {
            2 => Some(RegionLevel::Province),
            4 => Some(RegionLevel::Regency),
            6 => Some(RegionLevel::District),
            10 => Some(RegionLevel::Village),
            _ => None,
        }
    }
}

/// A well-formed region code. Well-formed only: whether the region exists is a question for a
/// [`crate::regions::RegionDirectory`].
///
/// Stored as its digits in a `u64` (10 digits fit) plus the level, so it is `Copy` and cheap to
/// compare. Parsed from dotted (`33.15.13.2001`) or plain (`3315132001`) text; displayed dotted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RegionCode {
    level: RegionLevel,
    value: u64,
}

/// Why text is not a region code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionCodeError {
    /// Not 2, 4, 6 or 10 digits, stray characters, or dots in the wrong places.
    Format,
    /// A part is all zeros (`00`, `0000`): no region has such a code.
    ZeroPart,
}

impl fmt::Display for RegionCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RegionCodeError::Format => f.write_str("not a region code (PP.KK.CC.DDDD)"),
            RegionCodeError::ZeroPart => f.write_str("region code has an all-zero part"),
        }
    }
}

impl std::error::Error for RegionCodeError {}

impl RegionCode {
    /// Parses dotted or plain digits. Dotted text must put dots exactly between the parts.
    pub fn parse(text: &str) -> Result<RegionCode, RegionCodeError> {
        let text = text.trim();
        let dotted = text.contains('.');
        let mut digits = 0usize;
        let mut value = 0u64;
        for (i, b) in text.bytes().enumerate() {
            match b {
                b'0'..=b'9' => {
                    digits += 1;
                    if digits > 10 {
                        return Err(RegionCodeError::Format);
                    }
                    value = value * 10 + u64::from(b - b'0');
                }
                // A dot is allowed only right after 2, 4 or 6 digits, and never twice.
                b'.' if matches!(digits, 2 | 4 | 6) && text.as_bytes()[i - 1] != b'.' => {}
                _ => return Err(RegionCodeError::Format),
            }
        }
        let level = RegionLevel::from_digits(digits).ok_or(RegionCodeError::Format)?;
        if dotted && text.matches('.').count() + 1 != level_parts(level) {
            return Err(RegionCodeError::Format);
        }
        if text.ends_with('.') {
            return Err(RegionCodeError::Format);
        }
        RegionCode::from_value(level, value)
    }

    /// Builds a code from its level and digits as a number (e.g. `District`, `331513`).
    pub fn from_value(level: RegionLevel, value: u64) -> Result<RegionCode, RegionCodeError> {
        if value >= 10u64.pow(level.digits() as u32) {
            return Err(RegionCodeError::Format);
        }
        let code = RegionCode { level, value };
        // Every part must be non-zero: province 00, regency 00, district 00, village 0000 do not exist.
        let mut c = Some(code);
        while let Some(part) = c {
            if part.last_part() == 0 {
                return Err(RegionCodeError::ZeroPart);
            }
            c = part.parent();
        }
        Ok(code)
    }

    pub const fn level(self) -> RegionLevel {
        self.level
    }

    /// The digits as a number (`331513` for `33.15.13`).
    pub const fn value(self) -> u64 {
        self.value
    }

    /// The digits without dots, zero-padded (`"331513"`).
    pub fn digits(self) -> String {
        format!("{:0width$}", self.value, width = self.level.digits())
    }

    /// The enclosing region, `None` for a province.
    pub fn parent(self) -> Option<RegionCode> {
        let (level, divisor) = match self.level {
            RegionLevel::Province => return None,
            RegionLevel::Regency => (RegionLevel::Province, 100),
            RegionLevel::District => (RegionLevel::Regency, 100),
            RegionLevel::Village => (RegionLevel::District, 10_000),
        };
        Some(RegionCode {
            level,
            value: self.value / divisor,
        })
    }

    /// This code or its ancestor at `level`; `None` if `level` is finer than this code.
    pub fn ancestor(self, level: RegionLevel) -> Option<RegionCode> {
        let mut c = self;
        while c.level > level {
            c = c.parent()?;
        }
        (c.level == level).then_some(c)
    }

    /// True if `self` is `other` or lies inside it.
    pub fn is_within(self, other: RegionCode) -> bool {
        self.ancestor(other.level) == Some(other)
    }

    /// The last part as a number (`13` for `33.15.13`, `2001` for a village).
    pub const fn last_part(self) -> u64 {
        match self.level {
            RegionLevel::Village => self.value % 10_000,
            _ => self.value % 100,
        }
    }
}

const fn level_parts(level: RegionLevel) -> usize {
    match level {
        RegionLevel::Province => 1,
        RegionLevel::Regency => 2,
        RegionLevel::District => 3,
        RegionLevel::Village => 4,
    }
}

/// Dotted form, e.g. `33.15.13.2001`.
impl fmt::Display for RegionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.digits();
        let cuts: &[usize] = match self.level {
            RegionLevel::Province => &[],
            RegionLevel::Regency => &[2],
            RegionLevel::District => &[2, 4],
            RegionLevel::Village => &[2, 4, 6],
        };
        let mut start = 0;
        for &cut in cuts {
            write!(f, "{}.", &d[start..cut])?;
            start = cut;
        }
        f.write_str(&d[start..])
    }
}

impl std::str::FromStr for RegionCode {
    type Err = RegionCodeError;

    fn from_str(s: &str) -> Result<RegionCode, RegionCodeError> {
        RegionCode::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<&str, RegionCodeError>) {
        let got = RegionCode::parse(input).map(|c| c.to_string());
        assert_eq!(got.as_deref().map_err(|e| *e), expected, "input {input:?}");
    }

    #[test]
    fn dotted_and_plain_forms_parse_to_the_same_code() {
        check("33", Ok("33"));
        check("33.15", Ok("33.15"));
        check("3315", Ok("33.15"));
        check("33.15.13", Ok("33.15.13"));
        check("331513", Ok("33.15.13"));
        check("33.15.13.2001", Ok("33.15.13.2001"));
        check("3315132001", Ok("33.15.13.2001"));
        check(" 33.15.13 ", Ok("33.15.13"));
    }

    #[test]
    fn malformed_codes_are_refused() {
        for bad in [
            "",
            "3",
            "331",
            "33151",
            "33.151.3",
            "33..15",
            "33.15.",
            ".33",
            "33.1513",
            "33-15",
            "33151320011",
            "33.15.13.201",
        ] {
            check(bad, Err(RegionCodeError::Format));
        }
        check("00", Err(RegionCodeError::ZeroPart));
        check("33.00", Err(RegionCodeError::ZeroPart));
        check("33.15.13.0000", Err(RegionCodeError::ZeroPart));
    }

    #[test]
    fn hierarchy_navigation() {
        let village = RegionCode::parse("33.15.13.2001").unwrap();
        let district = RegionCode::parse("33.15.13").unwrap();
        assert_eq!(village.parent(), Some(district));
        assert_eq!(
            village.ancestor(RegionLevel::Province).unwrap().to_string(),
            "33"
        );
        assert!(village.is_within(district));
        assert!(village.is_within(RegionCode::parse("33").unwrap()));
        assert!(!village.is_within(RegionCode::parse("33.15.12").unwrap()));
        assert!(!district.is_within(village));
        assert_eq!(district.digits(), "331513");
        assert_eq!(RegionCode::parse("33").unwrap().parent(), None);
    }
}
