//! A person's name as the card prints it: uppercase, no titles.

use std::fmt;

/// Longest name accepted, in characters including spaces (Permendagri 73/2022 on recording
/// names: at most 60 letters including spaces).
pub const NAME_MAX_CHARS: usize = 60;

/// Academic, religious and noble titles, compared with dots and case removed (`S.Kom.` ->
/// `SKOM`). The card carries the name as on the birth certificate, without titles (F-1.21).
///
/// Deliberately not listed: words that are also common given names (`ANDI`, `GUS`, `AGUNG`,
/// `TENGKU` is kept because it is only a title) and the Balinese birth-order markers (`I`, `NI`),
/// which are part of the name.
const TITLES: &[&str] = &[
    // Academic, before the name.
    "DR",
    "DRS",
    "DRA",
    "IR",
    "PROF",
    "DRG",
    "DRH",
    // Academic, after the name (bachelor's, master's, diplomas, doctorates).
    "SH",
    "SE",
    "ST",
    "SS",
    "SP",
    "SPD",
    "SPDI",
    "SAG",
    "SSOS",
    "SIP",
    "SKOM",
    "SKED",
    "SKEP",
    "SFARM",
    "SPSI",
    "SHI",
    "SSI",
    "STP",
    "SHUT",
    "SKM",
    "SIKOM",
    "SSTP",
    "SPT",
    "SPOG",
    "SPA",
    "SPB",
    "SPM",
    "MM",
    "MT",
    "MSI",
    "MKOM",
    "MPD",
    "MPDI",
    "MH",
    "MAG",
    "MKES",
    "MBA",
    "MSC",
    "BSC",
    "BA",
    "MA",
    "PHD",
    "AMD",
    "AMDKEB",
    "AMDKEP",
    "AMK",
    "LLM",
    "MKN",
    // Religious.
    "H",
    "HJ",
    "HAJI",
    "HAJJAH",
    "HAJAH",
    "KH",
    "KYAI",
    "KIAI",
    "USTADZ",
    "USTAD",
    "USTADZAH",
    "HABIB",
    "PDT",
    "ROMO",
    // Noble.
    "R",
    "RADEN",
    "RA",
    "RAJ",
    "RR",
    "RM",
    "RAY",
    "RADEN AYU",
    "RAJENG",
    "TENGKU",
    "TGK",
    "TEUKU",
    "TUN",
    "GUSTI",
    "KANJENG",
    "BRA",
    "BRAY",
    "KGPH",
    "GPH",
    "KPH",
    "KRT",
    "KRAY",
    "PANGERAN",
];

/// A validated name: uppercase, single spaces, no titles, only letters, spaces, apostrophes and
/// dots (dots only ending a word, for legacy abbreviations like `MOH. SALEH`).
///
/// Letters are ASCII A-Z: SIAK records names in uppercase Latin without diacritics.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PersonName(String);

/// Why a name is refused; several can hold, and all are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameError {
    Empty,
    TooLong,
    InvalidCharacters,
    HasTitle,
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NameError::Empty => "name is empty",
            NameError::TooLong => "name is longer than 60 characters",
            NameError::InvalidCharacters => {
                "name has characters other than letters, spaces, apostrophes and dots"
            }
            NameError::HasTitle => "name carries a title",
        })
    }
}

impl std::error::Error for NameError {}

impl PersonName {
    /// Normalises (trim, single spaces, uppercase, typographic apostrophe to `'`) and checks.
    /// Returns every problem found: a name with a title after a comma (`BUDI, S.H.`) reports the
    /// title only, since removing it also removes the comma.
    pub fn parse(text: &str) -> Result<PersonName, Vec<NameError>> {
        let normal = normalise(text);
        if normal.is_empty() {
            return Err(vec![NameError::Empty]);
        }
        let mut errors = Vec::new();
        let has_title = words(&normal).any(is_title) || has_two_word_title(&normal);
        if has_title {
            errors.push(NameError::HasTitle);
        }
        // Title words are already reported; judging their dots again would only add noise. A comma
        // is accepted only as the separator of a title ("BUDI, S.H."), which goes with the title.
        let words_ok = normal
            .split([' ', ','])
            .filter(|w| !w.is_empty() && !is_title(w.replace('.', "")))
            .all(valid_word);
        let commas_ok = has_title || !normal.contains(',');
        if !(words_ok && commas_ok) {
            errors.push(NameError::InvalidCharacters);
        }
        if normal.chars().count() > NAME_MAX_CHARS {
            errors.push(NameError::TooLong);
        }
        if errors.is_empty() {
            Ok(PersonName(normal))
        } else {
            Err(errors)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Trim, collapse whitespace, uppercase, and map look-alike apostrophes to ASCII `'`.
pub(crate) fn normalise(text: &str) -> String {
    let normal = text
        .split_whitespace()
        .map(|w| {
            w.chars()
                .map(|c| {
                    if matches!(c, '\u{2019}' | '\u{2018}' | '`') {
                        '\''
                    } else {
                        c
                    }
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ");
    super::latin_uppercase(&normal)
}

/// Words split at spaces and commas, with dots removed (so `S.H.` and `SH` compare equal).
fn words(normal: &str) -> impl Iterator<Item = String> + '_ {
    normal
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .map(|w| w.replace('.', ""))
}

fn is_title(word: String) -> bool {
    TITLES.contains(&word.as_str())
}

/// Titles written as two words (`RADEN AYU`, `S. KOM`): joined pairs of adjacent words.
fn has_two_word_title(normal: &str) -> bool {
    let w: Vec<String> = words(normal).collect();
    w.windows(2).any(|pair| {
        let spaced = format!("{} {}", pair[0], pair[1]);
        let joined = format!("{}{}", pair[0], pair[1]);
        // Joining two words like "S" + "KOM" is a title only if the first is a lone letter, so
        // "SRI" + "H..." never matches by accident.
        TITLES.contains(&spaced.as_str())
            || (pair[0].len() == 1
                && pair[0] != "H"
                && pair[0] != "R"
                && TITLES.contains(&joined.as_str()))
    })
}

/// A word of A-Z and apostrophes, optionally ending in one dot, with at least one letter.
fn valid_word(word: &str) -> bool {
    let body = word.strip_suffix('.').unwrap_or(word);
    body.bytes().any(|b| b.is_ascii_uppercase())
        && body.bytes().all(|b| b.is_ascii_uppercase() || b == b'\'')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<&str, &[NameError]>) {
        let got = PersonName::parse(input);
        match (&got, expected) {
            (Ok(name), Ok(want)) => assert_eq!(name.as_str(), want, "input {input:?}"),
            (Err(errs), Err(want)) => assert_eq!(errs.as_slice(), want, "input {input:?}"),
            _ => panic!("input {input:?}: got {got:?}, expected {expected:?}"),
        }
    }

    #[test]
    fn names_are_normalised_to_uppercase_single_spaced() {
        check("  siti   aminah ", Ok("SITI AMINAH"));
        check("Ma\u{2019}ruf Amin", Ok("MA'RUF AMIN"));
        check("Moh. Saleh", Ok("MOH. SALEH"));
        check("SUPARMI", Ok("SUPARMI"));
        check("Ni Luh Putu Ayu", Ok("NI LUH PUTU AYU"));
    }

    #[test]
    fn academic_religious_and_noble_titles_are_refused() {
        use NameError::HasTitle;
        for name in [
            "Dr. Budi Santoso",
            "Ir. Joko Widodo",
            "H. Ahmad Dahlan",
            "Hj. Siti Aminah",
            "Budi Santoso, S.H.",
            "Andi Wijaya S.Kom",
            "Prof. Dr. Bambang",
            "Drs. Sutrisno",
            "R. Soeprapto",
            "Raden Mas Said",
            "KH Hasyim Asyari",
            "K.H. Hasyim Asyari",
            "Raden Ayu Lestari",
            "Rina S. Kom",
            "Budi Santoso SE",
            "Dewi Lestari, M.Pd",
            "Teuku Umar",
        ] {
            check(name, Err(&[HasTitle]));
        }
    }

    #[test]
    fn names_that_merely_resemble_titles_pass() {
        check("Hariyanto", Ok("HARIYANTO"));
        check("Drajat Santoso", Ok("DRAJAT SANTOSO"));
        check("Andi Rahman", Ok("ANDI RAHMAN"));
        check("Sri Hartini", Ok("SRI HARTINI"));
        check("Iriana", Ok("IRIANA"));
    }

    #[test]
    fn digits_and_punctuation_are_refused() {
        use NameError::InvalidCharacters;
        for name in [
            "Budi 2",
            "Budi-Santoso",
            "Budi_Santoso",
            "Budi (Ucok)",
            "Budi, Santoso",
            "J.Lo",
            ".",
            "'",
            "Zoë",
        ] {
            check(name, Err(&[InvalidCharacters]));
        }
    }

    #[test]
    fn several_problems_are_all_reported() {
        check(
            "Dr. Budi 2",
            Err(&[NameError::HasTitle, NameError::InvalidCharacters]),
        );
        let long = "A".repeat(61);
        check(&long, Err(&[NameError::TooLong]));
        check(&"A".repeat(60), Ok(&"A".repeat(60)));
        check("   ", Err(&[NameError::Empty]));
    }
}
