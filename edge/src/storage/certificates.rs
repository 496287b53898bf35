//! The `certificates` and `certificate_serials` tables: every Surat Keterangan issued, its
//! revocation or automatic end, and each issuer's running serial.

use super::decode::{self, to_json};
use serde::{Deserialize, Deserializer};
use shared::api::CertificateEnd;
use shared::domain::Date;
use shared::signed::Issuer;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Result};

/// One stored certificate, decoded.
#[derive(Debug, Clone, Deserialize)]
pub struct CertificateRow {
    pub number: String,
    pub serial: u32,
    pub application_id: String,
    #[serde(deserialize_with = "decode::iso_date")]
    pub issued_on: Date,
    #[serde(deserialize_with = "decode::iso_date")]
    pub expires_on: Date,
    pub key_id: String,
    pub qr_text: String,
    pub issued_by: String,
    #[serde(deserialize_with = "decode::optional_iso_date")]
    pub revoked_on: Option<Date>,
    pub revoke_reason: Option<String>,
    #[serde(deserialize_with = "decode::optional_iso_date")]
    pub ended_on: Option<Date>,
    #[serde(deserialize_with = "end_reason")]
    pub ended_reason: Option<CertificateEnd>,
}

/// A certificate about to be stored.
pub struct NewCertificate<'a> {
    pub number: &'a str,
    pub issuer: Issuer,
    pub serial: u32,
    pub application_id: &'a str,
    pub issued_on: Date,
    pub expires_on: Date,
    pub key_id: &'a str,
    pub qr_text: &'a str,
    pub issued_by: &'a str,
    pub now: &'a str,
}

/// The serials of one issuer that the revocation list needs.
pub struct IssuerSerials {
    /// The highest serial given out (0 when none).
    pub last: u32,
    /// Serials revoked or ended.
    pub withdrawn: Vec<u32>,
}

const COLUMNS: &str = "number, serial, application_id, issued_on, expires_on, key_id, qr_text, \
                       issued_by, revoked_on, revoke_reason, ended_on, ended_reason";

/// Takes the issuer's next serial (1 for the first). Its own statement, before signing: the QR
/// carries the serial, so it is known before the issuing batch runs.
pub async fn take_serial(db: &D1Database, issuer: Issuer) -> Result<u32> {
    #[derive(Deserialize)]
    struct Taken {
        last_serial: u32,
    }
    let taken: Option<Taken> = db
        .prepare(
            "INSERT INTO certificate_serials (regency_code, office, last_serial) VALUES (?1, ?2, 1) \
             ON CONFLICT (regency_code, office) DO UPDATE SET last_serial = last_serial + 1 \
             RETURNING last_serial",
        )
        .bind(&[
            issuer.regency().to_string().into(),
            issuer.office.into(),
        ])?
        .first(None)
        .await?;
    taken
        .map(|t| t.last_serial)
        .ok_or_else(|| worker::Error::RustError("serial counter returned no row".into()))
}

/// The application's latest certificate, if any.
pub async fn latest_for_application(
    db: &D1Database,
    application_id: &str,
) -> Result<Option<CertificateRow>> {
    db.prepare(format!(
        "SELECT {COLUMNS} FROM certificates WHERE application_id = ?1 \
         ORDER BY issued_at DESC, serial DESC LIMIT 1"
    ))
    .bind(&[application_id.into()])?
    .first(None)
    .await
}

pub async fn by_number(db: &D1Database, number: &str) -> Result<Option<CertificateRow>> {
    db.prepare(format!(
        "SELECT {COLUMNS} FROM certificates WHERE number = ?1"
    ))
    .bind(&[number.into()])?
    .first(None)
    .await
}

/// Aborts the batch (through `transition_guard`'s NOT NULL) when the application holds a
/// certificate still open (not revoked, not ended, not expired on `today`): two issues racing
/// each other never both store one.
pub fn guard_none_valid(
    db: &D1Database,
    application_id: &str,
    today: Date,
) -> Result<D1PreparedStatement> {
    db.prepare(
        "INSERT INTO transition_guard (never_null) SELECT NULL WHERE EXISTS \
         (SELECT 1 FROM certificates WHERE application_id = ?1 AND revoked_on IS NULL \
          AND ended_on IS NULL AND expires_on > ?2)",
    )
    .bind(&[application_id.into(), today.to_string().into()])
}

/// Aborts the batch when the certificate was revoked or ended meanwhile.
pub fn guard_still_open(db: &D1Database, number: &str) -> Result<D1PreparedStatement> {
    db.prepare(
        "INSERT INTO transition_guard (never_null) SELECT NULL WHERE NOT EXISTS \
         (SELECT 1 FROM certificates WHERE number = ?1 AND revoked_on IS NULL AND ended_on IS NULL)",
    )
    .bind(&[number.into()])
}

pub fn insert(db: &D1Database, c: &NewCertificate<'_>) -> Result<D1PreparedStatement> {
    let row: [JsValue; 11] = [
        c.number.into(),
        c.issuer.regency().to_string().into(),
        c.issuer.office.into(),
        c.serial.into(),
        c.application_id.into(),
        c.issued_on.to_string().into(),
        c.expires_on.to_string().into(),
        c.key_id.into(),
        c.qr_text.into(),
        c.issued_by.into(),
        c.now.into(),
    ];
    db.prepare(
        "INSERT INTO certificates (number, regency_code, office, serial, application_id, issued_on, \
         expires_on, key_id, qr_text, issued_by, issued_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )
    .bind(&row)
}

pub fn revoke(
    db: &D1Database,
    number: &str,
    revoked_by: &str,
    reason: &str,
    revoked_on: Date,
) -> Result<D1PreparedStatement> {
    db.prepare(
        "UPDATE certificates SET revoked_on = ?2, revoked_by = ?3, revoke_reason = ?4 \
         WHERE number = ?1 AND revoked_on IS NULL AND ended_on IS NULL",
    )
    .bind(&[
        number.into(),
        revoked_on.to_string().into(),
        revoked_by.into(),
        reason.into(),
    ])
}

/// Ends every open certificate of these applications (cancelled, or card handed over): one
/// statement however many, the ids as one JSON text. The transition path pushes it into the
/// batch that moves the applications, so a cancelled application's certificate is on the next
/// revocation list.
pub fn end_for_applications(
    db: &D1Database,
    application_ids: &[&str],
    reason: CertificateEnd,
    ended_on: Date,
) -> Result<D1PreparedStatement> {
    db.prepare(
        "UPDATE certificates SET ended_on = ?2, ended_reason = ?3 \
         WHERE application_id IN (SELECT value FROM json_each(?1)) \
           AND revoked_on IS NULL AND ended_on IS NULL",
    )
    .bind(&[
        to_json(&application_ids)?.into(),
        ended_on.to_string().into(),
        reason.as_str().into(),
    ])
}

/// The issuer's last serial and its withdrawn (revoked or ended) serials.
pub async fn issuer_serials(db: &D1Database, issuer: Issuer) -> Result<IssuerSerials> {
    #[derive(Deserialize)]
    struct Last {
        last_serial: u32,
    }
    #[derive(Deserialize)]
    struct Serial {
        serial: u32,
    }
    let regency: JsValue = issuer.regency().to_string().into();
    let office: JsValue = issuer.office.into();
    let last: Option<Last> = db
        .prepare(
            "SELECT last_serial FROM certificate_serials WHERE regency_code = ?1 AND office = ?2",
        )
        .bind(&[regency.clone(), office.clone()])?
        .first(None)
        .await?;
    let withdrawn: Vec<Serial> = db
        .prepare(
            "SELECT serial FROM certificates WHERE regency_code = ?1 AND office = ?2 \
             AND (revoked_on IS NOT NULL OR ended_on IS NOT NULL) ORDER BY serial",
        )
        .bind(&[regency, office])?
        .all()
        .await?
        .results()?;
    Ok(IssuerSerials {
        last: last.map_or(0, |l| l.last_serial),
        withdrawn: withdrawn.into_iter().map(|s| s.serial).collect(),
    })
}

fn end_reason<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<CertificateEnd>, D::Error> {
    use serde::de::Error as _;
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(text) => CertificateEnd::parse(&text)
            .map(Some)
            .ok_or_else(|| D::Error::custom(format!("stored certificate end {text:?}"))),
    }
}
