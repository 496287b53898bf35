//! `GET /api/staff/cards`: the kecamatan's cards waiting for their residents (longest waiting
//! first; those waiting `UNCOLLECTED_AFTER_DAYS` or more marked uncollected) and the shipments
//! on their way to it.

use super::{audit_read, kecamatan, summary, waiting_card};
use crate::bindings;
use crate::http::{ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::storage::{shipment_cards, shipments};
use shared::api::KecamatanCards;
use shared::domain::UNCOLLECTED_AFTER_DAYS;

const LISTED: u32 = 500;

pub async fn list(ctx: &RequestContext, who: &Principal) -> ApiResult<KecamatanCards> {
    let district = kecamatan(who)?;
    let db = ctx.env.d1(bindings::DB)?;
    let waiting: Vec<_> = shipment_cards::waiting(&db, Some(district), ctx.today, 0, LISTED)
        .await?
        .into_iter()
        .map(|row| waiting_card(row, ctx.today, true))
        .collect();
    let expected_shipments = shipments::list(&db, Some(district), true, LISTED)
        .await?
        .into_iter()
        .map(summary)
        .collect();
    let detail = serde_json::json!({ "count": waiting.len() });
    audit_read(ctx, &db, who, "card.list", None, detail).await?;
    Ok(KecamatanCards {
        waiting,
        expected_shipments,
        uncollected_after_days: UNCOLLECTED_AFTER_DAYS as u32,
    })
}
