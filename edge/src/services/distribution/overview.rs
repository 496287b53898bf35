//! The dinas's Distribusi section: printed cards waiting to ship per kecamatan, the recent
//! shipments with what the kecamatan found missing or extra, the cards uncollected everywhere,
//! and one shipment's manifest.

use super::{audit_read, dinas, region_name, shipment_view, summary, waiting_card};
use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::storage::{applications, shipment_cards, shipments};
use shared::api::{DistributionOverview, PrintedWaiting, ShipmentView};
use shared::domain::UNCOLLECTED_AFTER_DAYS;
use shared::lifecycle::Stage;

const SHIPMENTS_LISTED: u32 = 100;
const UNCOLLECTED_LISTED: u32 = 500;

/// Counts, codes and dates only (no names), so not audited as a read of personal data.
pub async fn overview(ctx: &RequestContext, who: &Principal) -> ApiResult<DistributionOverview> {
    dinas(who)?;
    let db = ctx.env.d1(bindings::DB)?;
    let waiting_to_ship = applications::count_by_district(&db, Stage::CardPrinted)
        .await?
        .into_iter()
        .map(|c| PrintedWaiting {
            district_name: region_name(&c.district_code),
            district_code: c.district_code,
            cards: c.n,
        })
        .collect();
    let shipments = shipments::list(&db, None, false, SHIPMENTS_LISTED)
        .await?
        .into_iter()
        .map(summary)
        .collect();
    let uncollected = shipment_cards::waiting(
        &db,
        None,
        ctx.today,
        UNCOLLECTED_AFTER_DAYS,
        UNCOLLECTED_LISTED,
    )
    .await?
    .into_iter()
    .map(|row| waiting_card(row, ctx.today, false))
    .collect();
    Ok(DistributionOverview {
        waiting_to_ship,
        shipments,
        uncollected,
        uncollected_after_days: UNCOLLECTED_AFTER_DAYS as u32,
    })
}

/// One shipment's manifest (names: audited).
pub async fn shipment(ctx: &RequestContext, who: &Principal, id: &str) -> ApiResult<ShipmentView> {
    dinas(who)?;
    let db = ctx.env.d1(bindings::DB)?;
    let row = shipments::get(&db, id).await?.ok_or(ApiError::NOT_FOUND)?;
    let detail = serde_json::json!({ "shipment": row.code });
    audit_read(ctx, &db, who, "shipment.read", None, detail).await?;
    shipment_view(&db, row).await
}
