//! Base45 (RFC 9285): bytes as text in the QR code's alphanumeric alphabet, so a QR code holds
//! them at 5.5 bits a character instead of 8. An encoding, not cryptography.

use std::fmt;

/// The 45 characters of QR alphanumeric mode, in RFC 9285's order (value = index).
const ALPHABET: &[u8; 45] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/// Why text is not base45.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base45Error {
    /// A character outside the alphabet (lowercase letters included: the alphabet has none).
    Character { at: usize },
    /// A length of 3k+1 characters, which no byte string encodes to.
    Length,
    /// A triple worth more than 65535 or a final pair worth more than 255.
    Overflow { at: usize },
}

impl fmt::Display for Base45Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Base45Error::Character { at } => write!(f, "not a base45 character at {at}"),
            Base45Error::Length => f.write_str("base45 text has an impossible length"),
            Base45Error::Overflow { at } => write!(f, "base45 group at {at} is out of range"),
        }
    }
}

impl std::error::Error for Base45Error {}

/// Two bytes become three characters (least significant first), a last odd byte two.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(2) * 3);
    let mut push = |mut n: usize, digits: usize| {
        for _ in 0..digits {
            out.push(char::from(ALPHABET[n % 45]));
            n /= 45;
        }
    };
    let mut pairs = bytes.chunks_exact(2);
    for pair in &mut pairs {
        push(usize::from(pair[0]) << 8 | usize::from(pair[1]), 3);
    }
    if let [last] = pairs.remainder() {
        push(usize::from(*last), 2);
    }
    out
}

/// The bytes `text` encodes; strict: no whitespace trimming, no lowercase.
pub fn decode(text: &str) -> Result<Vec<u8>, Base45Error> {
    let values = text
        .bytes()
        .enumerate()
        .map(|(at, b)| {
            ALPHABET
                .iter()
                .position(|&a| a == b)
                .ok_or(Base45Error::Character { at })
        })
        .collect::<Result<Vec<usize>, _>>()?;
    if values.len() % 3 == 1 {
        return Err(Base45Error::Length);
    }
    let mut out = Vec::with_capacity(values.len() / 3 * 2 + 1);
    for (group, chunk) in values.chunks(3).enumerate() {
        let at = group * 3;
        let n = chunk.iter().rev().fold(0usize, |n, &v| n * 45 + v);
        if chunk.len() == 3 {
            let pair = u16::try_from(n).map_err(|_| Base45Error::Overflow { at })?;
            out.extend_from_slice(&pair.to_be_bytes());
        } else {
            out.push(u8::try_from(n).map_err(|_| Base45Error::Overflow { at })?);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], text: &str) {
        assert_eq!(encode(bytes), text, "{bytes:?}");
        assert_eq!(decode(text).as_deref(), Ok(bytes), "{text}");
    }

    #[test]
    fn rfc_9285_examples() {
        check(b"AB", "BB8");
        check(b"Hello!!", "%69 VD92EX0");
        check(b"base-45", "UJCLQE7W581");
        check(b"ietf!", "QED8WEX0");
        assert_eq!(decode("QED8WEX0").unwrap(), b"ietf!");
    }

    #[test]
    fn empty_and_edge_values() {
        check(b"", "");
        check(&[0], "00");
        check(&[255], "U5");
        check(&[0xff, 0xff], "FGW");
        check(&[0, 0], "000");
    }

    #[test]
    fn every_byte_pair_round_trips_in_a_sample() {
        let bytes: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        for len in [0, 1, 2, 3, 255, 511, 512] {
            let part = &bytes[..len];
            assert_eq!(decode(&encode(part)).unwrap(), part);
        }
    }

    #[test]
    fn malformed_text_is_refused() {
        assert_eq!(decode("GGW"), Err(Base45Error::Overflow { at: 0 }));
        assert_eq!(decode("000:U"), Err(Base45Error::Overflow { at: 3 }));
        assert_eq!(decode("BB8A"), Err(Base45Error::Length));
        assert_eq!(decode("bb8"), Err(Base45Error::Character { at: 0 }));
        assert_eq!(decode("BB8\n"), Err(Base45Error::Character { at: 3 }));
    }
}
