//! The `shipment_cards` table: the cards a manifest lists, each ticked off when it arrives at
//! the kecamatan; and the waiting cards (received, not yet handed over) read from it.

use super::decode::{self, to_json};
use serde::Deserialize;
use shared::domain::{Date, RegistrationCode};
use shared::lifecycle::Stage;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Result};

/// One listed card with what the manifest shows of its application.
#[derive(Debug, Clone, Deserialize)]
pub struct ManifestRow {
    pub application_id: String,
    #[serde(deserialize_with = "decode::registration_code")]
    pub registration_code: RegistrationCode,
    pub full_name: String,
    pub village_code: String,
    pub stage: Stage,
    pub received_at: Option<String>,
    /// The serial of the application's valid printed card (the print room's `card_prints`).
    pub card_serial: Option<String>,
}

/// Where an application's card travelled.
#[derive(Debug, Clone, Deserialize)]
pub struct CardRow {
    pub shipment_id: String,
    pub shipment_code: String,
    pub received_at: Option<String>,
    #[serde(deserialize_with = "decode::optional_iso_date")]
    pub received_on: Option<Date>,
}

/// A received card still waiting for its resident.
#[derive(Debug, Clone, Deserialize)]
pub struct WaitingRow {
    pub application_id: String,
    #[serde(deserialize_with = "decode::registration_code")]
    pub registration_code: RegistrationCode,
    pub full_name: String,
    pub district_code: String,
    #[serde(deserialize_with = "decode::iso_date")]
    pub received_on: Date,
}

/// Lists the applications on the shipment's manifest: one statement however many.
pub fn insert_all(
    db: &D1Database,
    shipment_id: &str,
    application_ids: &[&str],
) -> Result<D1PreparedStatement> {
    db.prepare(
        "INSERT INTO shipment_cards (shipment_id, application_id) \
         SELECT ?1, value FROM json_each(?2) ORDER BY key",
    )
    .bind(&[shipment_id.into(), to_json(&application_ids)?.into()])
}

/// The manifest, in registration-code order.
pub async fn manifest(db: &D1Database, shipment_id: &str) -> Result<Vec<ManifestRow>> {
    db.prepare(
        "SELECT c.application_id, a.registration_code, a.full_name, a.village_code, a.stage, \
                c.received_at, p.serial AS card_serial \
         FROM shipment_cards c JOIN applications a ON a.id = c.application_id \
         LEFT JOIN card_prints p ON p.application_id = c.application_id AND p.state = 'printed' \
         WHERE c.shipment_id = ?1 ORDER BY a.registration_code",
    )
    .bind(&[shipment_id.into()])?
    .all()
    .await?
    .results()
}

/// Ticks off the listed cards among `application_ids` not ticked yet.
pub fn receive(
    db: &D1Database,
    shipment_id: &str,
    application_ids: &[&str],
    received_at: &str,
    received_on: Date,
) -> Result<D1PreparedStatement> {
    db.prepare(
        "UPDATE shipment_cards SET received_at = ?3, received_on = ?4 \
         WHERE shipment_id = ?1 AND received_at IS NULL \
           AND application_id IN (SELECT value FROM json_each(?2))",
    )
    .bind(&[
        shipment_id.into(),
        to_json(&application_ids)?.into(),
        received_at.into(),
        received_on.to_string().into(),
    ])
}

/// The shipment an application's card travelled in, if it was shipped.
pub async fn find_for_application(
    db: &D1Database,
    application_id: &str,
) -> Result<Option<CardRow>> {
    db.prepare(
        "SELECT c.shipment_id, s.code AS shipment_code, c.received_at, c.received_on \
         FROM shipment_cards c JOIN shipments s ON s.id = c.shipment_id \
         WHERE c.application_id = ?1",
    )
    .bind(&[application_id.into()])?
    .first(None)
    .await
}

/// Received cards whose application is still CARD_SHIPPED (not handed over), longest waiting
/// first; optionally of one kecamatan, and only those received at least `min_days` before
/// `today`.
pub async fn waiting(
    db: &D1Database,
    district: Option<&str>,
    today: Date,
    min_days: i64,
    limit: u32,
) -> Result<Vec<WaitingRow>> {
    let district = district.map(JsValue::from).unwrap_or(JsValue::NULL);
    // SQLite's date() moves the day back; the modifier is bound text ("-30 days").
    db.prepare(
        "SELECT c.application_id, a.registration_code, a.full_name, a.district_code, c.received_on \
         FROM shipment_cards c JOIN applications a ON a.id = c.application_id \
         WHERE c.received_on IS NOT NULL AND a.stage = ?1 \
           AND (?2 IS NULL OR a.district_code = ?2) AND c.received_on <= date(?3, ?4) \
         ORDER BY c.received_on, a.registration_code LIMIT ?5",
    )
    .bind(&[
        Stage::CardShipped.as_str().into(),
        district,
        today.to_string().into(),
        format!("-{min_days} days").into(),
        limit.into(),
    ])?
    .all()
    .await?
    .results()
}
