//! The serial of a blank card: printed on the card body by its maker, typed or scanned by the
//! print operator. One serial is one physical card, so serials are unique across all runs.

/// Shortest and longest serial accepted.
pub const CARD_SERIAL_MIN_CHARS: usize = 6;
pub const CARD_SERIAL_MAX_CHARS: usize = 24;

/// The serial in its stored form (trimmed, uppercase; A-Z, 0-9 and `-` only), or `None`.
pub fn parse_card_serial(text: &str) -> Option<String> {
    let serial = text.trim().to_ascii_uppercase();
    let ok = (CARD_SERIAL_MIN_CHARS..=CARD_SERIAL_MAX_CHARS).contains(&serial.len())
        && serial
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
        && !serial.starts_with('-')
        && !serial.ends_with('-');
    ok.then_some(serial)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_are_normalised_or_refused() {
        assert_eq!(
            parse_card_serial(" ktp-000123 ").as_deref(),
            Some("KTP-000123")
        );
        for bad in [
            "",
            "12345",
            "KTP 000123",
            "-KTP0001",
            "KTP0001-",
            "KTP/0001",
            &"9".repeat(25),
        ] {
            assert_eq!(parse_card_serial(bad), None, "{bad}");
        }
    }
}
