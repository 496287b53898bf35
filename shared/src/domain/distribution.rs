//! Distribution and handover rules: the shipment manifest's code, which application types hand
//! in an old KTP, and when a card waiting at the kecamatan counts as uncollected.

use super::{ApplicationType, Date, RegistrationCode, RegistrationCodeError};
use std::fmt;

/// Cards one shipment may carry: a box a kecamatan operator can check in one sitting, and well
/// inside the transition path's batch limit.
pub const MAX_CARDS_PER_SHIPMENT: usize = 500;

/// A card received at the kecamatan and not collected this many days later is listed as
/// uncollected, for the kecamatan to call the resident and for the dinas to see.
pub const UNCOLLECTED_AFTER_DAYS: i64 = 30;

/// An extra card's description (what the operator reads off the card) is at most this long.
pub const MAX_EXTRA_DESCRIPTION_CHARS: usize = 200;

/// The prefix that tells a manifest code from a registration code when typed or scanned.
const PREFIX: &str = "KRM-";

/// The code printed on a shipment's manifest and carried by its QR: `KRM-` and 60 random bits
/// with a check character (the registration code's scheme, so a mistyped character is caught
/// before any lookup). It names the shipment only: no personal data.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct ManifestCode(RegistrationCode);

impl ManifestCode {
    pub const RANDOM_BYTES: usize = RegistrationCode::RANDOM_BYTES;

    /// A code from caller-supplied random bytes (`shared` reads no RNG).
    pub fn from_random(bytes: [u8; Self::RANDOM_BYTES]) -> ManifestCode {
        ManifestCode(RegistrationCode::from_random(bytes))
    }

    /// Parses a typed or scanned code, with or without its `KRM-` prefix.
    pub fn parse(text: &str) -> Result<ManifestCode, RegistrationCodeError> {
        let text = text.trim();
        let body = match text.get(..PREFIX.len()) {
            Some(p) if p.eq_ignore_ascii_case(PREFIX) => &text[PREFIX.len()..],
            _ => text,
        };
        RegistrationCode::parse(body).map(ManifestCode)
    }
}

/// `KRM-K7Q4-9XMT-2HCE-8`: 20 characters of the QR alphanumeric set, a version 1 QR code.
impl fmt::Display for ManifestCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{PREFIX}{}", self.0)
    }
}

/// Whether the resident hands in an old KTP when collecting the card: a replacement for a
/// damaged card, a data change and a move bring the card they hold; a first card has none and
/// a lost one is replaced on the police report.
pub const fn old_ktp_expected(application_type: ApplicationType) -> bool {
    match application_type {
        ApplicationType::Rusak | ApplicationType::PerubahanData | ApplicationType::PindahDatang => {
            true
        }
        ApplicationType::Baru | ApplicationType::Hilang => false,
    }
}

/// Days a card has waited at the kecamatan since it was received.
pub fn days_waiting(received_on: Date, today: Date) -> u32 {
    u32::try_from((today.day_number() - received_on.day_number()).max(0)).unwrap_or(u32::MAX)
}

/// Whether a card received on `received_on` and still not collected is listed as uncollected.
pub fn is_uncollected(received_on: Date, today: Date) -> bool {
    i64::from(days_waiting(received_on, today)) >= UNCOLLECTED_AFTER_DAYS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    #[test]
    fn manifest_codes_round_trip_with_or_without_prefix_and_catch_typos() {
        let code = ManifestCode::from_random([1, 2, 3, 4, 5, 6, 7, 8]);
        let text = code.to_string();
        assert!(text.starts_with("KRM-"));
        assert_eq!(text.len(), 20);
        assert_eq!(ManifestCode::parse(&text), Ok(code));
        assert_eq!(ManifestCode::parse(&text[4..]), Ok(code));
        assert_eq!(ManifestCode::parse(&text.to_lowercase()), Ok(code));
        let mut typo: Vec<char> = text.chars().collect();
        typo[5] = if typo[5] == 'A' { 'B' } else { 'A' };
        let typo: String = typo.into_iter().collect();
        assert_eq!(
            ManifestCode::parse(&typo),
            Err(RegistrationCodeError::CheckFailed)
        );
    }

    #[test]
    fn only_types_that_hold_a_card_hand_one_in() {
        let expected: Vec<ApplicationType> = ApplicationType::ALL
            .iter()
            .copied()
            .filter(|t| old_ktp_expected(*t))
            .collect();
        assert_eq!(
            expected,
            [
                ApplicationType::Rusak,
                ApplicationType::PerubahanData,
                ApplicationType::PindahDatang
            ]
        );
    }

    #[test]
    fn a_card_is_uncollected_from_the_thirtieth_day() {
        let received = date("2026-01-20");
        assert!(!is_uncollected(received, date("2026-02-18")));
        assert!(is_uncollected(received, date("2026-02-19")));
        assert_eq!(days_waiting(received, date("2026-02-19")), 30);
        assert_eq!(days_waiting(received, date("2026-01-01")), 0);
    }
}
