//! The Surat Keterangan's QR payload: what the dinas signs and any verifier reads back, as
//! bytes (the body of a [`DocumentKind::Certificate`] envelope) and as QR text.

use super::base45;
use super::envelope::{DocumentKind, OpenError, Opened};
use super::keys::{KeyRing, Signer};
use super::wire::{Malformed, Reader, Writer};
use crate::domain::{Date, Nik, RegionCode, RegionLevel, Sex};
use std::fmt;

/// Version of the body layout (its first byte).
pub const PAYLOAD_VERSION: u8 = 1;

/// What the QR text starts with: says what it is (a Surat Keterangan, text encoding 1) before
/// anyone decodes it, as the EU certificate's `HC1:` does.
pub const QR_PREFIX: &str = "SK1:";

/// The office that issued a certificate: a regency (33.15 for Grobogan) and the office number
/// inside it (1 = the Dispendukcapil itself; others for branch offices, should there be any).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Issuer {
    regency: RegionCode,
    pub office: u8,
}

impl Issuer {
    /// `None` unless `regency` is a regency code.
    pub fn new(regency: RegionCode, office: u8) -> Option<Issuer> {
        (regency.level() == RegionLevel::Regency).then_some(Issuer { regency, office })
    }

    pub const fn regency(&self) -> RegionCode {
        self.regency
    }
}

/// The signed content of one Surat Keterangan: its number, the identity fields printed beside
/// the QR code (the verifier compares them with the paper) and its dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateClaims {
    /// The issuer's running number; also the certificate's index in the revocation list.
    pub serial: u32,
    pub issuer: Issuer,
    pub issued_on: Date,
    /// The first day it is no longer valid (`issued_on` + six months, see `lifecycle`).
    pub expires_on: Date,
    pub nik: Nik,
    /// As printed (uppercase), at most 127 characters.
    pub full_name: String,
    pub birth_place: String,
    pub birth_date: Date,
    pub sex: Sex,
}

impl CertificateClaims {
    /// The number printed on the certificate: `SK-<regency>-<office>-<serial>`, e.g.
    /// `SK-3315-1-000042`.
    pub fn number(&self) -> String {
        format!(
            "SK-{}-{}-{:06}",
            self.issuer.regency.digits(),
            self.issuer.office,
            self.serial
        )
    }
}

/// Why claims cannot be signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayloadError {
    /// The name or place is over 127 characters (or bytes, outside the packed alphabet).
    TextTooLong,
}

impl fmt::Display for PayloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a certificate text field is over 127 characters")
    }
}

impl std::error::Error for PayloadError {}

/// The body's layout, version 1 (offsets in bytes; big-endian; dates are year u16, month, day):
///
/// | offset | size | field |
/// | --- | --- | --- |
/// | 0 | 1 | payload version (1) |
/// | 1 | 4 | serial |
/// | 5 | 2 | regency code as a number (3315) |
/// | 7 | 1 | office |
/// | 8 | 4 | issued on |
/// | 12 | 4 | expires on |
/// | 16 | 8 | NIK, 16 BCD digits |
/// | 24 | 4 | birth date |
/// | 28 | 1 | sex: 1 LAKI-LAKI, 2 PEREMPUAN |
/// | 29 | 1 + ⌈6n/8⌉ | full name, n characters, packed (see `wire::Writer::text`) |
/// | … | 1 + ⌈6m/8⌉ | place of birth, m characters |
pub fn encode_claims(claims: &CertificateClaims) -> Result<Vec<u8>, PayloadError> {
    let mut w = Writer::default();
    w.u8(PAYLOAD_VERSION);
    w.u32(claims.serial);
    // A regency code has 4 digits, so it fits a u16.
    w.u16(claims.issuer.regency.value() as u16);
    w.u8(claims.issuer.office);
    w.date(claims.issued_on);
    w.date(claims.expires_on);
    let digits = claims.nik.as_digits();
    for pair in digits.as_bytes().chunks_exact(2) {
        w.u8((pair[0] - b'0') << 4 | (pair[1] - b'0'));
    }
    w.date(claims.birth_date);
    w.u8(match claims.sex {
        Sex::Male => 1,
        Sex::Female => 2,
    });
    w.text(&claims.full_name).ok_or(PayloadError::TextTooLong)?;
    w.text(&claims.birth_place)
        .ok_or(PayloadError::TextTooLong)?;
    Ok(w.0)
}

/// Why a body is not a version-1 certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimsError {
    Malformed,
    UnsupportedVersion(u8),
}

/// Reads a body written by [`encode_claims`].
pub fn decode_claims(body: &[u8]) -> Result<CertificateClaims, ClaimsError> {
    let mut r = Reader::new(body);
    let version = r.u8().map_err(|_| ClaimsError::Malformed)?;
    if version != PAYLOAD_VERSION {
        return Err(ClaimsError::UnsupportedVersion(version));
    }
    read_v1(&mut r)
        .and_then(|claims| r.finish().map(|()| claims))
        .map_err(|Malformed| ClaimsError::Malformed)
}

fn read_v1(r: &mut Reader<'_>) -> Result<CertificateClaims, Malformed> {
    let serial = r.u32()?;
    let regency =
        RegionCode::from_value(RegionLevel::Regency, u64::from(r.u16()?)).map_err(|_| Malformed)?;
    let issuer = Issuer::new(regency, r.u8()?).ok_or(Malformed)?;
    let issued_on = r.date()?;
    let expires_on = r.date()?;
    let mut digits = String::with_capacity(16);
    for b in r.take(8)? {
        for nibble in [b >> 4, b & 0x0f] {
            if nibble > 9 {
                return Err(Malformed);
            }
            digits.push(char::from(b'0' + nibble));
        }
    }
    // The issue date picks the NIK's century, as the office's own validation did on that day.
    let nik = Nik::parse(&digits, issued_on).map_err(|_| Malformed)?;
    let birth_date = r.date()?;
    let sex = match r.u8()? {
        1 => Sex::Male,
        2 => Sex::Female,
        _ => return Err(Malformed),
    };
    let full_name = r.text()?;
    let birth_place = r.text()?;
    Ok(CertificateClaims {
        serial,
        issuer,
        issued_on,
        expires_on,
        nik,
        full_name,
        birth_place,
        birth_date,
        sex,
    })
}

/// Signs `claims` and returns the QR text: [`QR_PREFIX`] then the base45 of the envelope.
pub fn sign_certificate(
    signer: &Signer,
    claims: &CertificateClaims,
) -> Result<String, PayloadError> {
    let sealed = signer.seal(DocumentKind::Certificate, &encode_claims(claims)?);
    Ok(format!("{QR_PREFIX}{}", base45::encode(&sealed)))
}

/// Why QR text is not a genuine certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertificateError {
    /// Not our prefix, not base45, cut short, or a body that does not parse.
    Malformed,
    /// An envelope or payload version this build does not read.
    UnsupportedVersion(u8),
    /// Signed with a key id the ring does not hold.
    UnknownKey(super::keys::KeyId),
    /// The signature does not match: changed or forged.
    BadSignature,
}

impl fmt::Display for CertificateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CertificateError::Malformed => f.write_str("not a Surat Keterangan QR code"),
            CertificateError::UnsupportedVersion(v) => write!(f, "unsupported version {v}"),
            CertificateError::UnknownKey(id) => write!(f, "unknown key id {id}"),
            CertificateError::BadSignature => f.write_str("signature does not match"),
        }
    }
}

impl std::error::Error for CertificateError {}

/// A certificate whose signature checked out, with the id and role of the key that signed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedCertificate {
    pub claims: CertificateClaims,
    pub key_id: super::keys::KeyId,
    pub key_role: super::keys::KeyRole,
}

/// Checks QR text against `ring` and reads its claims. Whitespace before the text and line
/// breaks or tabs after it (a paste) are ignored, but not a trailing space: base45 uses it.
pub fn open_certificate(ring: &KeyRing, text: &str) -> Result<SignedCertificate, CertificateError> {
    let encoded = text
        .trim_start()
        .trim_end_matches(['\r', '\n', '\t'])
        .strip_prefix(QR_PREFIX)
        .ok_or(CertificateError::Malformed)?;
    let bytes = base45::decode(encoded).map_err(|_| CertificateError::Malformed)?;
    let Opened { key, body } =
        ring.open(DocumentKind::Certificate, &bytes)
            .map_err(|e| match e {
                OpenError::Malformed | OpenError::WrongKind(_) => CertificateError::Malformed,
                OpenError::UnsupportedVersion(v) => CertificateError::UnsupportedVersion(v),
                OpenError::UnknownKey(id) => CertificateError::UnknownKey(id),
                OpenError::BadSignature => CertificateError::BadSignature,
            })?;
    let claims = decode_claims(body).map_err(|e| match e {
        ClaimsError::Malformed => CertificateError::Malformed,
        ClaimsError::UnsupportedVersion(v) => CertificateError::UnsupportedVersion(v),
    })?;
    Ok(SignedCertificate {
        claims,
        key_id: key.id,
        key_role: key.role,
    })
}
