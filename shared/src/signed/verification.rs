//! What a verifier concludes from a Surat Keterangan's QR text on a given day: genuine or
//! forged, and if genuine, valid, not yet valid, expired or revoked, with the fields to compare.

use super::certificate_payload::{open_certificate, CertificateError, SignedCertificate};
use super::keys::KeyRing;
use super::revocation::{status_of, RevocationList, RevocationStatus};
use crate::domain::Date;

/// The outcome of checking one QR text.
///
/// Not `lifecycle::CertificateStatus`: offline, a verifier knows neither the day a certificate
/// was revoked (the list says only "revoked as of its date") nor whether the card has been issued
/// (the edge puts superseded certificates on the list), so its statuses carry what it does know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    /// Not a document of ours, changed, or signed with a key the verifier does not hold.
    Forged(CertificateError),
    /// The signature is good: the fields are what the office signed.
    Genuine {
        certificate: SignedCertificate,
        verdict: Verdict,
        revocation: RevocationCheck,
    },
}

/// A genuine certificate's standing on the verifier's day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Valid {
        expires_on: Date,
    },
    /// Dated after today: the verifier's clock is wrong, or the document was made in advance.
    NotYetValid {
        valid_from: Date,
    },
    Expired {
        expired_on: Date,
    },
    /// On the cached revocation list made on `as_of`.
    Revoked {
        as_of: Date,
    },
}

/// What the cached revocation list could say about the certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevocationCheck {
    /// No list on this device: validity is by signature and dates alone.
    NoList,
    /// The list is older than the certificate, or from another issuer.
    NotCovered {
        list_made_on: Date,
    },
    NotRevoked {
        as_of: Date,
    },
    Revoked {
        as_of: Date,
    },
}

/// Checks `qr_text` with the keys of `ring` on `today`, against `revocations` if the device has
/// a (signature-checked) list. Pure: no clock, no network.
pub fn verify_certificate(
    qr_text: &str,
    ring: &KeyRing,
    today: Date,
    revocations: Option<&RevocationList>,
) -> Verification {
    let certificate = match open_certificate(ring, qr_text) {
        Ok(c) => c,
        Err(e) => return Verification::Forged(e),
    };
    let claims = &certificate.claims;
    let revocation = match revocations {
        None => RevocationCheck::NoList,
        Some(list) if list.issuer() != claims.issuer => RevocationCheck::NotCovered {
            list_made_on: list.made_on(),
        },
        Some(list) => match status_of(claims.serial, list) {
            RevocationStatus::Revoked => RevocationCheck::Revoked {
                as_of: list.made_on(),
            },
            RevocationStatus::NotRevoked => RevocationCheck::NotRevoked {
                as_of: list.made_on(),
            },
            RevocationStatus::NotCovered => RevocationCheck::NotCovered {
                list_made_on: list.made_on(),
            },
        },
    };
    // Revocation wins over the dates: a revoked certificate must never read as merely expired.
    let verdict = if let RevocationCheck::Revoked { as_of } = revocation {
        Verdict::Revoked { as_of }
    } else if today < claims.issued_on {
        Verdict::NotYetValid {
            valid_from: claims.issued_on,
        }
    } else if today >= claims.expires_on {
        Verdict::Expired {
            expired_on: claims.expires_on,
        }
    } else {
        Verdict::Valid {
            expires_on: claims.expires_on,
        }
    };
    Verification::Genuine {
        certificate,
        verdict,
        revocation,
    }
}
