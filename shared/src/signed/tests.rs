//! End-to-end checks of the Surat Keterangan's QR text: sign, read back, tamper, expire, revoke,
//! and how large a QR code the longest accepted name needs.

use super::*;
use crate::domain::{Date, Nik, RegionCode, Sex};

fn d(y: u16, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

fn issuer() -> Issuer {
    Issuer::new(RegionCode::parse("33.15").unwrap(), 1).unwrap()
}

fn claims(name: &str, place: &str) -> CertificateClaims {
    let issued_on = d(2026, 3, 10);
    CertificateClaims {
        serial: 42,
        issuer: issuer(),
        issued_on,
        expires_on: d(2026, 9, 10),
        // DOMAIN.md's example: a woman born 12 Nov 1987, first registered in Purwodadi.
        nik: Nik::parse("3315135211870003", issued_on).unwrap(),
        full_name: name.to_string(),
        birth_place: place.to_string(),
        birth_date: d(1987, 11, 12),
        sex: Sex::Female,
    }
}

fn typical() -> CertificateClaims {
    claims("SITI NUR AISYAH", "GROBOGAN")
}

/// The longest name and place of birth the form accepts (60 and 50 characters).
fn longest() -> CertificateClaims {
    let c = claims(
        "MUHAMMAD BAGUS KUSUMO WIJOYO HADININGRAT SURYO PRANOTO PUTRA",
        "KABUPATEN GROBOGAN, KECAMATAN PURWODADI, DESA KARA",
    );
    assert_eq!((c.full_name.len(), c.birth_place.len()), (60, 50));
    c
}

fn production() -> (Signer, KeyRing) {
    let signer = Signer::from_seed(KeyId(0x0001), &[0x42; 32]);
    let mut ring = KeyRing::new();
    ring.insert(signer.public_key(KeyRole::Production)).unwrap();
    (signer, ring)
}

fn genuine(v: &Verification) -> (&SignedCertificate, Verdict, RevocationCheck) {
    match v {
        Verification::Genuine {
            certificate,
            verdict,
            revocation,
        } => (certificate, *verdict, *revocation),
        Verification::Forged(e) => panic!("forged: {e}"),
    }
}

#[test]
fn signed_certificate_reads_back_with_every_field() {
    let (signer, ring) = production();
    for c in [typical(), longest(), claims("O'NEIL A.", "Sémarang")] {
        let text = sign_certificate(&signer, &c).unwrap();
        assert!(text.starts_with(QR_PREFIX));
        let v = verify_certificate(&text, &ring, d(2026, 3, 10), None);
        let (certificate, verdict, revocation) = genuine(&v);
        assert_eq!(certificate.claims, c);
        assert_eq!(certificate.key_id, KeyId(1));
        assert_eq!(certificate.key_role, KeyRole::Production);
        assert_eq!(
            verdict,
            Verdict::Valid {
                expires_on: d(2026, 9, 10)
            }
        );
        assert_eq!(revocation, RevocationCheck::NoList);
    }
    assert_eq!(typical().number(), "SK-3315-1-000042");
}

#[test]
fn a_pasted_text_may_carry_line_breaks() {
    let (signer, ring) = production();
    let text = sign_certificate(&signer, &typical()).unwrap();
    let pasted = format!("  {text}\r\n");
    assert!(matches!(
        verify_certificate(&pasted, &ring, d(2026, 4, 1), None),
        Verification::Genuine { .. }
    ));
}

#[test]
fn any_changed_character_makes_it_forged() {
    let (signer, ring) = production();
    let text = sign_certificate(&signer, &typical()).unwrap();
    let alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    for (i, c) in text.char_indices().skip(QR_PREFIX.len()) {
        // Two replacements per position: the next character and one far away in the alphabet.
        let at = alphabet.find(c).unwrap();
        for step in [1, 22] {
            let other = alphabet.as_bytes()[(at + step) % 45] as char;
            let mut bad = text.clone();
            bad.replace_range(i..i + 1, &other.to_string());
            assert!(
                matches!(
                    verify_certificate(&bad, &ring, d(2026, 4, 1), None),
                    Verification::Forged(_)
                ),
                "position {i}: {c} -> {other}"
            );
        }
    }
    // Cut short (a partial copy): depending on where base45's groups end, bytes that no longer
    // parse or a signature over other bytes.
    for cut in [1, 2, 3, 60] {
        let short = &text[..text.len() - cut];
        assert!(
            matches!(
                verify_certificate(short, &ring, d(2026, 4, 1), None),
                Verification::Forged(CertificateError::Malformed | CertificateError::BadSignature)
            ),
            "cut {cut}"
        );
    }
}

#[test]
fn forged_reasons_are_told_apart() {
    let (signer, ring) = production();
    let today = d(2026, 4, 1);
    let check = |text: &str, expected: CertificateError| {
        assert_eq!(
            verify_certificate(text, &ring, today, None),
            Verification::Forged(expected),
            "{text}"
        );
    };
    let stranger = Signer::from_seed(KeyId(0x0BAD), &[0x13; 32]);
    check(
        &sign_certificate(&stranger, &typical()).unwrap(),
        CertificateError::UnknownKey(KeyId(0x0BAD)),
    );
    check("", CertificateError::Malformed);
    check("HC1:NCFOXN%TS3DH", CertificateError::Malformed);
    check("SK1:bb8", CertificateError::Malformed);
    check("SK1:BB8", CertificateError::Malformed);
    // A list signed by the same key is not a certificate.
    let list = RevocationList::new(issuer(), today, 8, []).unwrap();
    check(
        &format!("{QR_PREFIX}{}", sign_revocation_list(&signer, &list)),
        CertificateError::Malformed,
    );
    // A future envelope version says so rather than looking forged.
    let mut sealed =
        base45_decode(&sign_certificate(&signer, &typical()).unwrap()[QR_PREFIX.len()..]).unwrap();
    sealed[0] = 2;
    check(
        &format!("{QR_PREFIX}{}", base45_encode(&sealed)),
        CertificateError::UnsupportedVersion(2),
    );
    // A well-signed body of an unknown body version.
    let mut body = encode_claims(&typical()).unwrap();
    body[0] = 9;
    let text = format!(
        "{QR_PREFIX}{}",
        base45_encode(&signer.seal(DocumentKind::Certificate, &body))
    );
    check(&text, CertificateError::UnsupportedVersion(9));
}

#[test]
fn valid_from_issue_day_to_the_day_before_expiry() {
    let (signer, ring) = production();
    let text = sign_certificate(&signer, &typical()).unwrap();
    let verdict = |today| genuine(&verify_certificate(&text, &ring, today, None)).1;
    let valid = Verdict::Valid {
        expires_on: d(2026, 9, 10),
    };
    assert_eq!(
        verdict(d(2026, 3, 9)),
        Verdict::NotYetValid {
            valid_from: d(2026, 3, 10)
        }
    );
    assert_eq!(verdict(d(2026, 3, 10)), valid);
    assert_eq!(verdict(d(2026, 9, 9)), valid);
    let expired = Verdict::Expired {
        expired_on: d(2026, 9, 10),
    };
    assert_eq!(verdict(d(2026, 9, 10)), expired);
    assert_eq!(verdict(d(2030, 1, 1)), expired);
}

#[test]
fn revocation_list_decides_revoked_and_says_as_of_when() {
    let (signer, ring) = production();
    let text = sign_certificate(&signer, &typical()).unwrap();
    let today = d(2026, 4, 1);
    let check = |list: &RevocationList, verdict: Verdict, revocation: RevocationCheck| {
        // Through the list's text form, as the page caches it.
        let cached = open_revocation_list(&ring, &sign_revocation_list(&signer, list)).unwrap();
        let v = verify_certificate(&text, &ring, today, Some(&cached));
        let (_, got_verdict, got_revocation) = genuine(&v);
        assert_eq!((got_verdict, got_revocation), (verdict, revocation));
    };
    let as_of = d(2026, 3, 31);
    let valid = Verdict::Valid {
        expires_on: d(2026, 9, 10),
    };
    check(
        &RevocationList::new(issuer(), as_of, 100, [41, 43]).unwrap(),
        valid,
        RevocationCheck::NotRevoked { as_of },
    );
    check(
        &RevocationList::new(issuer(), as_of, 100, [42]).unwrap(),
        Verdict::Revoked { as_of },
        RevocationCheck::Revoked { as_of },
    );
    check(
        &RevocationList::new(issuer(), d(2026, 3, 1), 42, []).unwrap(),
        valid,
        RevocationCheck::NotCovered {
            list_made_on: d(2026, 3, 1),
        },
    );
    let elsewhere = Issuer::new(RegionCode::parse("33.16").unwrap(), 1).unwrap();
    check(
        &RevocationList::new(elsewhere, as_of, 100, [42]).unwrap(),
        valid,
        RevocationCheck::NotCovered {
            list_made_on: as_of,
        },
    );
    // Revoked and expired reads as revoked.
    let list = RevocationList::new(issuer(), as_of, 100, [42]).unwrap();
    let v = verify_certificate(&text, &ring, d(2027, 1, 1), Some(&list));
    assert_eq!(genuine(&v).1, Verdict::Revoked { as_of });
}

#[test]
fn test_key_documents_verify_but_say_test() {
    let signer = Signer::from_seed(KeyId(0xDE01), &[0x17; 32]);
    let mut ring = KeyRing::new();
    ring.insert(signer.public_key(KeyRole::Test)).unwrap();
    let text = sign_certificate(&signer, &typical()).unwrap();
    let v = verify_certificate(&text, &ring, d(2026, 4, 1), None);
    assert_eq!(genuine(&v).0.key_role, KeyRole::Test);
}

/// The QR version at level M that holds `text` in alphanumeric mode.
fn qr_version(text: &str) -> i16 {
    let code =
        qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).unwrap();
    match code.version() {
        qrcode::Version::Normal(v) => v,
        qrcode::Version::Micro(v) => panic!("micro QR {v}"),
    }
}

#[test]
fn qr_code_stays_small_enough_to_scan_from_paper() {
    let (signer, _) = production();
    for (label, c, max_version) in [("typical", typical(), 8), ("longest", longest(), 10)] {
        let body = encode_claims(&c).unwrap();
        let text = sign_certificate(&signer, &c).unwrap();
        let bytes = HEADER_BYTES + body.len() + SIGNATURE_BYTES;
        let version = qr_version(&text);
        println!(
            "{label}: name {} chars, place {} chars: payload {bytes} bytes, QR text {} chars, QR version {version} at level M",
            c.full_name.len(),
            c.birth_place.len(),
            text.len()
        );
        assert!(version <= max_version, "{label}: version {version}");
    }
}

#[test]
fn verification_is_fast_enough_for_a_cheap_phone() {
    let (signer, ring) = production();
    let text = sign_certificate(&signer, &longest()).unwrap();
    let today = d(2026, 4, 1);
    let rounds = 200;
    let start = std::time::Instant::now();
    for _ in 0..rounds {
        assert!(matches!(
            verify_certificate(&text, &ring, today, None),
            Verification::Genuine { .. }
        ));
    }
    let each = start.elapsed() / rounds;
    println!("verify_certificate: {each:?} each (native, this build's profile)");
    // Generous: a slow CI runner in a debug build stays far below it.
    assert!(each < std::time::Duration::from_millis(50), "{each:?}");
}
