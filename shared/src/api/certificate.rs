//! The Surat Keterangan contract: the printable document the dinas issues and reprints, the
//! revocation request, and the public status line. The public key ring
//! (`GET /api/certificates/keys`) and the revocation list (`GET /api/certificates/revocations`)
//! travel in their own text forms (`signed::KeyRing::to_text`, `signed::sign_revocation_list`).

use serde::{Deserialize, Serialize};

/// Where a certificate stands today, as the dinas sees it. JSON: snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CertificateStanding {
    Valid,
    /// Past `expires_on`.
    Expired,
    /// Revoked by a supervisor (`revoked_on`, `revoke_reason`).
    Revoked,
    /// Ended by the application itself: cancelled, or the card handed over (`ended_on`).
    Ended,
}

/// Why a certificate ended without a revocation. JSON: snake_case; stored in D1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CertificateEnd {
    /// The application was cancelled.
    ApplicationCancelled,
    /// The card was handed over: the certificate is superseded.
    CardIssued,
}

impl CertificateEnd {
    /// The stored name, equal to the serde name.
    pub const fn as_str(self) -> &'static str {
        match self {
            CertificateEnd::ApplicationCancelled => "application_cancelled",
            CertificateEnd::CardIssued => "card_issued",
        }
    }

    pub fn parse(text: &str) -> Option<CertificateEnd> {
        [
            CertificateEnd::ApplicationCancelled,
            CertificateEnd::CardIssued,
        ]
        .into_iter()
        .find(|e| e.as_str() == text)
    }
}

/// The certificate holder's identity as printed (DOMAIN.md: NIK, name, place and date of birth,
/// sex, religion, marital status, occupation, address). Values are the printed, uppercase
/// labels (`"LAKI-LAKI"`, `"KAWIN TERCATAT"`), not form codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateHolder {
    pub nik: String,
    pub full_name: String,
    pub birth_place: String,
    /// ISO date (`1987-11-12`).
    pub birth_date: String,
    pub sex: String,
    pub religion: String,
    pub marital_status: String,
    pub occupation: String,
    pub address: CertificateAddress,
}

/// The holder's address with region names resolved (the codes stay for reference).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateAddress {
    pub street: String,
    pub rt: String,
    pub rw: String,
    /// Desa/kelurahan: dotted code and name.
    pub village_code: String,
    pub village_name: String,
    /// Kecamatan.
    pub district_code: String,
    pub district_name: String,
    pub regency_name: String,
    pub province_name: String,
}

/// The office that issued the certificate, for the letterhead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuingOffice {
    /// Dotted regency code (`33.15`).
    pub regency_code: String,
    /// `KABUPATEN GROBOGAN`.
    pub regency_name: String,
    /// Office number inside the regency (1 = the Dispendukcapil itself).
    pub office: u8,
    /// `DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN GROBOGAN`.
    pub name: String,
}

/// A Surat Keterangan ready to print: `POST /api/dinas/applications/{id}/certificate` (issue)
/// and `GET` on the same path (the latest one, for reprinting) answer with this.
///
/// JSON (abridged):
/// ```json
/// {
///   "number": "SK-3315-1-000007", "serial": 7,
///   "application_id": "9f...", "registration_code": "K7QF-...",
///   "issued_on": "2026-03-10", "expires_on": "2026-09-10",
///   "standing": "valid", "revoked_on": null, "revoke_reason": null, "ended_on": null, "ended_reason": null,
///   "key_id": "DE01", "test_key": true,
///   "qr_text": "SK1:...",
///   "holder": {"nik": "3315...", "full_name": "SITI AMINAH", ..., "address": {...}},
///   "office": {"regency_code": "33.15", "regency_name": "KABUPATEN GROBOGAN", "office": 1, "name": "..."},
///   "photo_path": "/api/staff/applications/9f.../documents/photo_3x4",
///   "issued_by": "Operator Dinas Satu"
/// }
/// ```
/// `photo_path` is a staff-only, audited URL of the 3x4 photo (or, lacking one, the face
/// recorded at the kecamatan); `null` when neither exists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateDocument {
    /// The printed number, `SK-<regency>-<office>-<serial>` (`signed::CertificateClaims::number`).
    pub number: String,
    /// The issuer's running number: also the certificate's bit in the revocation list.
    pub serial: u32,
    pub application_id: String,
    pub registration_code: String,
    /// ISO dates; valid from `issued_on` up to but excluding `expires_on`.
    pub issued_on: String,
    pub expires_on: String,
    pub standing: CertificateStanding,
    pub revoked_on: Option<String>,
    pub revoke_reason: Option<String>,
    pub ended_on: Option<String>,
    pub ended_reason: Option<CertificateEnd>,
    /// The signing key's id, 4 hex digits (`DE01`).
    pub key_id: String,
    /// Signed with a test key whose private half is public: not a genuine certificate (the
    /// print view must say so).
    pub test_key: bool,
    /// The QR code's content: `SK1:` and the signed payload in base45 (QR alphanumeric mode).
    pub qr_text: String,
    pub holder: CertificateHolder,
    pub office: IssuingOffice,
    pub photo_path: Option<String>,
    /// Display name of the staff member who issued it.
    pub issued_by: String,
}

/// `POST /api/dinas/certificates/{number}/revoke` body (dinas supervisor). `reason` is required
/// (1..=500 characters after trimming).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevokeCertificateRequest {
    pub reason: String,
}

/// Longest revocation reason accepted.
pub const MAX_REVOKE_REASON_CHARS: usize = 500;

/// The answer to a revocation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevokeCertificateResponse {
    pub number: String,
    /// ISO date.
    pub revoked_on: String,
}

/// The public status page's line about a certificate (`StatusView.certificate`): dates and
/// validity only, never identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCertificate {
    /// ISO dates: `expires_on` is the first day it is no longer valid, `valid_through` the last
    /// day it is (what a page prints after "berlaku sampai").
    pub issued_on: String,
    pub expires_on: String,
    pub valid_through: String,
    /// Valid today: not expired, revoked or ended.
    pub valid: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_reasons_round_trip_and_match_serde() {
        for end in [
            CertificateEnd::ApplicationCancelled,
            CertificateEnd::CardIssued,
        ] {
            assert_eq!(CertificateEnd::parse(end.as_str()), Some(end));
            assert_eq!(serde_json::to_value(end).unwrap(), end.as_str());
        }
        assert_eq!(CertificateEnd::parse("revoked"), None);
    }

    #[test]
    fn status_line_json_shape() {
        let line = StatusCertificate {
            issued_on: "2026-03-10".into(),
            expires_on: "2026-09-10".into(),
            valid_through: "2026-09-09".into(),
            valid: true,
        };
        assert_eq!(
            serde_json::to_value(&line).unwrap(),
            serde_json::json!({
                "issued_on": "2026-03-10",
                "expires_on": "2026-09-10",
                "valid_through": "2026-09-09",
                "valid": true
            })
        );
    }
}
