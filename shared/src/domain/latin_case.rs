//! Uppercasing for the card's text fields.

/// `text` in uppercase for the Latin letters a card can carry: ASCII and the accented letters of
/// Latin-1 (`é` -> `É`); every other character is kept as it is.
///
/// Not `str::to_uppercase`: its Unicode case tables add about 11 KB to every binary that calls
/// it, the phone app among them, and SIAK records names and addresses in Latin uppercase, so
/// no other script reaches a card. Names are then held to A-Z by [`crate::domain::PersonName`].
pub fn latin_uppercase(text: &str) -> String {
    text.chars().map(upper).collect()
}

fn upper(c: char) -> char {
    match c {
        'a'..='z' => c.to_ascii_uppercase(),
        // Latin-1 lowercase à..þ sits 0x20 above its capital; ÷ (U+00F7) is not a letter.
        '\u{e0}'..='\u{fe}' if c != '\u{f7}' => char::from_u32(c as u32 - 0x20).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::latin_uppercase;

    #[test]
    fn matches_unicode_uppercase_on_latin_1_letters() {
        let letters: String = ('a'..='z')
            .chain('\u{e0}'..='\u{fe}')
            .filter(|&c| c != '\u{f7}')
            .collect();
        assert_eq!(latin_uppercase(&letters), letters.to_uppercase());
        assert_eq!(
            latin_uppercase("jl. ahmad yani no. 5"),
            "JL. AHMAD YANI NO. 5"
        );
    }

    #[test]
    fn leaves_other_characters_alone() {
        for text in ["÷ 12 -/.,'", "ß", "ÿ", "ñandú"] {
            let upper = latin_uppercase(text);
            assert_eq!(upper.chars().count(), text.chars().count(), "{text}");
        }
        assert_eq!(latin_uppercase("ñandú"), "ÑANDÚ");
        assert_eq!(latin_uppercase("ß"), "ß");
    }
}
