//! The `shipments` table: boxes of printed cards for one kecamatan, with their manifest code
//! and the kecamatan's check-in. Rows come back as summaries with their counts and the names of
//! the staff who packed and received them.

use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Result};

/// One shipment with its counts (see `shared::api::ShipmentSummary`).
#[derive(Debug, Clone, Deserialize)]
pub struct ShipmentRow {
    pub id: String,
    pub code: String,
    pub district_code: String,
    pub cards: u32,
    pub packed_at: String,
    pub packed_by: String,
    pub received_at: Option<String>,
    pub received_by: Option<String>,
    pub received_cards: u32,
    pub missing_cards: u32,
    pub extra_cards: u32,
}

pub struct NewShipment<'a> {
    pub id: &'a str,
    pub code: &'a str,
    pub district_code: &'a str,
    pub cards: u32,
    pub packed_by: &'a str,
    pub packed_at: &'a str,
}

/// The summary's columns; a card is missing once the box was checked in without it.
const SUMMARY: &str = "SELECT s.id, s.code, s.district_code, s.cards, s.packed_at, \
     p.display_name AS packed_by, s.received_at, r.display_name AS received_by, \
     (SELECT COUNT(*) FROM shipment_cards c WHERE c.shipment_id = s.id AND c.received_at IS NOT NULL) AS received_cards, \
     CASE WHEN s.received_at IS NULL THEN 0 ELSE \
       (SELECT COUNT(*) FROM shipment_cards c WHERE c.shipment_id = s.id AND c.received_at IS NULL) END AS missing_cards, \
     (SELECT COUNT(*) FROM shipment_extras e WHERE e.shipment_id = s.id) AS extra_cards \
     FROM shipments s JOIN staff p ON p.id = s.packed_by LEFT JOIN staff r ON r.id = s.received_by";

pub fn insert(db: &D1Database, s: &NewShipment<'_>) -> Result<D1PreparedStatement> {
    let row: [JsValue; 6] = [
        s.id.into(),
        s.code.into(),
        s.district_code.into(),
        s.cards.into(),
        s.packed_by.into(),
        s.packed_at.into(),
    ];
    db.prepare(
        "INSERT INTO shipments (id, code, district_code, cards, packed_by, packed_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )
    .bind(&row)
}

pub async fn get(db: &D1Database, id: &str) -> Result<Option<ShipmentRow>> {
    db.prepare(format!("{SUMMARY} WHERE s.id = ?1"))
        .bind(&[id.into()])?
        .first(None)
        .await
}

pub async fn find_by_code(db: &D1Database, code: &str) -> Result<Option<ShipmentRow>> {
    db.prepare(format!("{SUMMARY} WHERE s.code = ?1"))
        .bind(&[code.into()])?
        .first(None)
        .await
}

/// The newest shipments, optionally of one kecamatan and only those not checked in yet.
pub async fn list(
    db: &D1Database,
    district: Option<&str>,
    unreceived_only: bool,
    limit: u32,
) -> Result<Vec<ShipmentRow>> {
    let district = district.map(JsValue::from).unwrap_or(JsValue::NULL);
    db.prepare(format!(
        "{SUMMARY} WHERE (?1 IS NULL OR s.district_code = ?1) \
           AND (?2 = 0 OR s.received_at IS NULL) ORDER BY s.packed_at DESC LIMIT ?3"
    ))
    .bind(&[district, u32::from(unreceived_only).into(), limit.into()])?
    .all()
    .await?
    .results()
}

/// Marks the shipment checked in, the first time only.
pub fn mark_received(
    db: &D1Database,
    id: &str,
    received_by: &str,
    received_at: &str,
) -> Result<D1PreparedStatement> {
    db.prepare(
        "UPDATE shipments SET received_by = ?2, received_at = ?3 WHERE id = ?1 AND received_at IS NULL",
    )
    .bind(&[id.into(), received_by.into(), received_at.into()])
}
