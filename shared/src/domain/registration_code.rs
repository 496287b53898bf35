//! The registration code a resident holds instead of an account: random, short, typo-checked.

use std::fmt;

/// Crockford base32 digits: no I, L, O, U, so nothing reads as 1, 0 or an obscene word.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Random data characters (12 x 5 bits = 60 random bits).
const DATA_CHARS: usize = 12;
/// Data characters plus one check character.
pub const CODE_CHARS: usize = DATA_CHARS + 1;

/// A resident's registration code: 60 random bits in 12 Crockford base32 characters plus one
/// check character, shown as `K7Q4-9XMT-2HCE-8`.
///
/// The check character makes the weighted sum over GF(32) of all 13 symbols zero, with distinct
/// non-zero weights (powers of a generator of GF(32)). Hence every single-character substitution
/// and every transposition of two different characters (adjacent or not) changes the sum and
/// is caught before any lookup. It is not secret: the 60 random bits are the secret.
///
/// Generation takes random bytes from the caller: `shared` reads no RNG.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RegistrationCode {
    /// Symbol values 0..32; the last one is the check symbol.
    symbols: [u8; CODE_CHARS],
}

/// Why text is not a registration code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrationCodeError {
    /// Wrong number of characters after removing dashes and spaces.
    Length { found: usize },
    /// A character outside Crockford base32 (after mapping O to 0 and I/L to 1), e.g. `U` or `*`.
    InvalidCharacter { found: char },
    /// Well formed, but the check character does not match: a typo.
    CheckFailed,
}

impl fmt::Display for RegistrationCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RegistrationCodeError::Length { found } => {
                write!(
                    f,
                    "registration code has {found} characters, expected {CODE_CHARS}"
                )
            }
            RegistrationCodeError::InvalidCharacter { found } => {
                write!(f, "registration code contains {found:?}")
            }
            RegistrationCodeError::CheckFailed => f.write_str("registration code has a typo"),
        }
    }
}

impl std::error::Error for RegistrationCodeError {}

/// Multiplication in GF(32) = GF(2)[x] / (x^5 + x^2 + 1), a primitive polynomial, so `x` (= 2)
/// generates all 31 non-zero elements.
const fn gf32_mul(mut a: u8, mut b: u8) -> u8 {
    let mut product = 0u8;
    while b != 0 {
        if b & 1 != 0 {
            product ^= a;
        }
        b >>= 1;
        a <<= 1;
        if a & 0b10_0000 != 0 {
            a ^= 0b10_0101;
        }
    }
    product
}

/// Weight of position `i`: x^(12 - i), so the check symbol (position 12) has weight 1 and all 13
/// weights are distinct and non-zero (13 < 31, the order of the generator).
const fn weight(i: usize) -> u8 {
    let mut w = 1u8;
    let mut k = 0;
    while k < CODE_CHARS - 1 - i {
        w = gf32_mul(w, 2);
        k += 1;
    }
    w
}

/// The weighted GF(32) sum (XOR of products) of the given symbols.
fn weighted_sum(symbols: &[u8]) -> u8 {
    symbols
        .iter()
        .enumerate()
        .fold(0, |acc, (i, &s)| acc ^ gf32_mul(weight(i), s))
}

impl RegistrationCode {
    /// Number of random bytes [`RegistrationCode::from_random`] takes; the top 4 bits of the
    /// first byte are unused (60 bits are kept).
    pub const RANDOM_BYTES: usize = 8;

    /// Builds a code from caller-supplied random bytes (use a CSPRNG: the code is the only thing
    /// that protects a resident's status page).
    pub fn from_random(bytes: [u8; Self::RANDOM_BYTES]) -> RegistrationCode {
        let bits = u64::from_be_bytes(bytes);
        let mut symbols = [0u8; CODE_CHARS];
        for (i, s) in symbols.iter_mut().take(DATA_CHARS).enumerate() {
            *s = ((bits >> (5 * (DATA_CHARS - 1 - i))) & 0x1f) as u8;
        }
        // The check symbol has weight 1 and addition in GF(32) is XOR, so it equals the sum
        // of the weighted data symbols, making the total zero.
        symbols[DATA_CHARS] = weighted_sum(&symbols[..DATA_CHARS]);
        RegistrationCode { symbols }
    }

    /// Parses what a person typed or read aloud: case-insensitive; dashes and spaces ignored;
    /// O read as 0, I and L read as 1 (Crockford's rules).
    pub fn parse(text: &str) -> Result<RegistrationCode, RegistrationCodeError> {
        let mut symbols = [0u8; CODE_CHARS];
        let mut n = 0usize;
        for ch in text.chars() {
            if matches!(ch, '-' | ' ' | '\u{2010}'..='\u{2015}') {
                continue;
            }
            let value =
                symbol_value(ch).ok_or(RegistrationCodeError::InvalidCharacter { found: ch })?;
            if n < CODE_CHARS {
                symbols[n] = value;
            }
            n += 1;
        }
        if n != CODE_CHARS {
            return Err(RegistrationCodeError::Length { found: n });
        }
        if weighted_sum(&symbols) != 0 {
            return Err(RegistrationCodeError::CheckFailed);
        }
        Ok(RegistrationCode { symbols })
    }

    /// The 13 characters without grouping, e.g. `K7Q49XMT2HCE8`: a storage key.
    pub fn compact(&self) -> String {
        self.symbols
            .iter()
            .map(|&s| char::from(ALPHABET[usize::from(s)]))
            .collect()
    }
}

fn symbol_value(ch: char) -> Option<u8> {
    let upper = match ch.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        c => c,
    };
    ALPHABET
        .iter()
        .position(|&a| char::from(a) == upper)
        .map(|p| p as u8)
}

/// Grouped for reading aloud: `K7Q4-9XMT-2HCE-8`.
impl fmt::Display for RegistrationCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let compact = self.compact();
        write!(
            f,
            "{}-{}-{}-{}",
            &compact[0..4],
            &compact[4..8],
            &compact[8..12],
            &compact[12..]
        )
    }
}

/// Debug shows the code too: it is a bearer secret, but logs need to correlate requests; the
/// edge decides what it logs.
impl fmt::Debug for RegistrationCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RegistrationCode({self})")
    }
}

impl std::str::FromStr for RegistrationCode {
    type Err = RegistrationCodeError;

    fn from_str(s: &str) -> Result<RegistrationCode, RegistrationCodeError> {
        RegistrationCode::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic byte source for tests (splitmix64), so samples are reproducible.
    fn sample_codes(count: usize) -> Vec<RegistrationCode> {
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        (0..count)
            .map(|_| {
                state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
                let mut z = state;
                z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
                RegistrationCode::from_random((z ^ (z >> 31)).to_be_bytes())
            })
            .collect()
    }

    fn check(input: &str, expected: Result<&str, RegistrationCodeError>) {
        let got = RegistrationCode::parse(input).map(|c| c.to_string());
        assert_eq!(got.as_deref().map_err(|e| *e), expected, "input {input:?}");
    }

    #[test]
    fn weights_are_distinct_and_non_zero() {
        let weights: Vec<u8> = (0..CODE_CHARS).map(weight).collect();
        for (i, &w) in weights.iter().enumerate() {
            assert_ne!(w, 0);
            assert!(!weights[i + 1..].contains(&w));
        }
    }

    #[test]
    fn display_groups_four_four_four_one_and_round_trips() {
        for code in sample_codes(500) {
            let text = code.to_string();
            assert_eq!(text.len(), 16);
            assert_eq!(text.as_bytes()[4], b'-');
            assert_eq!(text.as_bytes()[14], b'-');
            assert_eq!(RegistrationCode::parse(&text), Ok(code));
            assert_eq!(RegistrationCode::parse(&code.compact()), Ok(code));
        }
    }

    #[test]
    fn generation_keeps_sixty_random_bits() {
        let a = RegistrationCode::from_random([0, 0, 0, 0, 0, 0, 0, 0]);
        let b = RegistrationCode::from_random([0, 0, 0, 0, 0, 0, 0, 1]);
        let c = RegistrationCode::from_random([0x0f, 0, 0, 0, 0, 0, 0, 0]);
        let top_ignored = RegistrationCode::from_random([0xf0, 0, 0, 0, 0, 0, 0, 0]);
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert_eq!(a, top_ignored);
        assert_eq!(a.to_string(), "0000-0000-0000-0");
    }

    #[test]
    fn parse_normalises_case_separators_and_confusable_letters() {
        let code = sample_codes(1)[0];
        let text = code.to_string();
        check(&text.to_lowercase(), Ok(&text));
        check(&format!(" {} ", text.replace('-', " ")), Ok(&text));
        let zeros = RegistrationCode::from_random([0; 8]).to_string();
        check("oooo-OOOO-0000-o", Ok(&zeros));
        // 1 typed as I or L.
        let ones = (0..)
            .map(|i| RegistrationCode::from_random((i as u64).to_be_bytes()))
            .find(|c| c.compact().contains('1'))
            .unwrap()
            .to_string();
        check(&ones.replace('1', "l"), Ok(&ones));
        check(&ones.replace('1', "I"), Ok(&ones));
    }

    #[test]
    fn malformed_input_gets_a_typed_error() {
        check(
            "K7Q4-9XMT-2HCE",
            Err(RegistrationCodeError::Length { found: 12 }),
        );
        check("", Err(RegistrationCodeError::Length { found: 0 }));
        check(
            "K7Q4-9XMT-2HCE-88",
            Err(RegistrationCodeError::Length { found: 14 }),
        );
        check(
            "K7Q4-9XMT-2HCE-U",
            Err(RegistrationCodeError::InvalidCharacter { found: 'U' }),
        );
        check(
            "K7Q4*9XMT-2HCE-8",
            Err(RegistrationCodeError::InvalidCharacter { found: '*' }),
        );
    }

    #[test]
    fn every_single_character_substitution_is_caught() {
        for code in sample_codes(200) {
            let compact = code.compact().into_bytes();
            for pos in 0..CODE_CHARS {
                for &replacement in ALPHABET.iter().filter(|&&a| a != compact[pos]) {
                    let mut typo = compact.clone();
                    typo[pos] = replacement;
                    let typo = String::from_utf8(typo).unwrap();
                    assert_eq!(
                        RegistrationCode::parse(&typo),
                        Err(RegistrationCodeError::CheckFailed),
                        "{typo}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_transposition_of_different_characters_is_caught() {
        for code in sample_codes(300) {
            let compact = code.compact().into_bytes();
            for i in 0..CODE_CHARS {
                for j in i + 1..CODE_CHARS {
                    if compact[i] == compact[j] {
                        continue;
                    }
                    let mut swapped = compact.clone();
                    swapped.swap(i, j);
                    let swapped = String::from_utf8(swapped).unwrap();
                    assert_eq!(
                        RegistrationCode::parse(&swapped),
                        Err(RegistrationCodeError::CheckFailed),
                        "{swapped}"
                    );
                }
            }
        }
    }

    #[test]
    fn substitutions_and_transpositions_are_caught_exhaustively_for_one_code() {
        // Exhaustive over the error model for a fixed code, independent of sampling.
        let compact = sample_codes(1)[0].compact().into_bytes();
        let mut tried = 0;
        for pos in 0..CODE_CHARS {
            for &r in ALPHABET {
                let mut t = compact.clone();
                t[pos] = r;
                let ok = RegistrationCode::parse(std::str::from_utf8(&t).unwrap()).is_ok();
                assert_eq!(ok, r == compact[pos]);
                tried += 1;
            }
        }
        assert_eq!(tried, 13 * 32);
    }
}
