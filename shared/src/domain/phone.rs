//! An Indonesian phone number, for contacting the resident.

use std::fmt;

/// A phone number in national form (`0812...`, `0292...`). Accepts spaces, dashes, dots and
/// parentheses as typed, and the `+62` / `62` country prefix, which it rewrites to `0`.
///
/// Rule: after normalising, `0`, then a non-zero digit, 10-13 digits in all (landlines with area
/// code such as `0292 421234` are 10-11 digits; mobiles `08xx` 10-13).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Phone(String);

impl Phone {
    pub fn parse(text: &str) -> Option<Phone> {
        let t = text.trim();
        let (plus, rest) = match t.strip_prefix('+') {
            Some(r) => (true, r),
            None => (false, t),
        };
        let mut digits = String::new();
        for c in rest.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' | '-' | '.' | '(' | ')' => {}
                _ => return None,
            }
        }
        let national = if let Some(r) = digits.strip_prefix("62") {
            format!("0{r}")
        } else if plus {
            // Only Indonesian numbers: a foreign country code is refused.
            return None;
        } else {
            digits
        };
        let b = national.as_bytes();
        let ok = (10..=13).contains(&b.len()) && b[0] == b'0' && b[1] != b'0';
        ok.then_some(Phone(national))
    }

    /// National form, digits only (`081234567890`).
    pub fn national(&self) -> &str {
        &self.0
    }

    /// International form (`+6281234567890`), e.g. for messaging gateways.
    pub fn international(&self) -> String {
        format!("+62{}", &self.0[1..])
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<&str>) {
        assert_eq!(
            Phone::parse(input).as_ref().map(Phone::national),
            expected,
            "input {input:?}"
        );
    }

    #[test]
    fn common_ways_of_writing_a_number_are_accepted() {
        check("081234567890", Some("081234567890"));
        check("0812-3456-7890", Some("081234567890"));
        check("+62 812 3456 7890", Some("081234567890"));
        check("62812345678", Some("0812345678"));
        check("(0292) 421234", Some("0292421234"));
        assert_eq!(
            Phone::parse("0812 3456 7890").unwrap().international(),
            "+6281234567890"
        );
    }

    #[test]
    fn wrong_numbers_are_refused() {
        for bad in [
            "",
            "12345",
            "0812",
            "00812345678",
            "+1 202 555 0100",
            "08123456789012",
            "0812abc45678",
            "812345678",
        ] {
            check(bad, None);
        }
    }
}
