//! The `shipment_extras` table: cards found in a box that its manifest does not list.

use super::decode::to_json;
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement, Result};

#[derive(Debug, Clone, Deserialize)]
pub struct ExtraRow {
    pub description: String,
    pub reported_at: String,
    pub reported_by: String,
}

/// Stores each description as one extra card: one statement however many.
pub fn insert_all(
    db: &D1Database,
    shipment_id: &str,
    descriptions: &[String],
    reported_by: &str,
    reported_at: &str,
) -> Result<D1PreparedStatement> {
    db.prepare(
        "INSERT INTO shipment_extras (shipment_id, description, reported_by, reported_at) \
         SELECT ?1, value, ?3, ?4 FROM json_each(?2) ORDER BY key",
    )
    .bind(&[
        shipment_id.into(),
        to_json(&descriptions)?.into(),
        reported_by.into(),
        reported_at.into(),
    ])
}

/// The shipment's extras, in the order reported, with the reporter's name.
pub async fn list(db: &D1Database, shipment_id: &str) -> Result<Vec<ExtraRow>> {
    db.prepare(
        "SELECT e.description, e.reported_at, s.display_name AS reported_by \
         FROM shipment_extras e JOIN staff s ON s.id = e.reported_by \
         WHERE e.shipment_id = ?1 ORDER BY e.id",
    )
    .bind(&[shipment_id.into()])?
    .all()
    .await?
    .results()
}
