//! The `handovers` table: each card handed to its resident, with the receipt's facts.

use serde::{Deserialize, Deserializer};
use shared::api::OldKtp;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Result};

#[derive(Debug, Clone, Deserialize)]
pub struct HandoverRow {
    pub shipment_code: String,
    pub handed_over_at: String,
    /// The operator's display name.
    pub handed_over_by: String,
    #[serde(deserialize_with = "old_ktp")]
    pub old_ktp: OldKtp,
    pub old_ktp_note: String,
    pub signature_r2_key: String,
}

pub struct NewHandover<'a> {
    pub application_id: &'a str,
    pub shipment_id: &'a str,
    pub handed_over_by: &'a str,
    pub handed_over_at: &'a str,
    pub old_ktp: OldKtp,
    pub old_ktp_note: &'a str,
    pub signature_r2_key: &'a str,
}

fn old_ktp<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<OldKtp, D::Error> {
    let text = String::deserialize(d)?;
    OldKtp::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("stored old_ktp {text:?}")))
}

pub fn insert(db: &D1Database, h: &NewHandover<'_>) -> Result<D1PreparedStatement> {
    let row: [JsValue; 7] = [
        h.application_id.into(),
        h.shipment_id.into(),
        h.handed_over_by.into(),
        h.handed_over_at.into(),
        h.old_ktp.as_str().into(),
        h.old_ktp_note.into(),
        h.signature_r2_key.into(),
    ];
    db.prepare(
        "INSERT INTO handovers (application_id, shipment_id, handed_over_by, handed_over_at, \
         old_ktp, old_ktp_note, signature_r2_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .bind(&row)
}

pub async fn get(db: &D1Database, application_id: &str) -> Result<Option<HandoverRow>> {
    db.prepare(
        "SELECT s.code AS shipment_code, h.handed_over_at, st.display_name AS handed_over_by, \
                h.old_ktp, h.old_ktp_note, h.signature_r2_key \
         FROM handovers h JOIN shipments s ON s.id = h.shipment_id \
         JOIN staff st ON st.id = h.handed_over_by WHERE h.application_id = ?1",
    )
    .bind(&[application_id.into()])?
    .first(None)
    .await
}
