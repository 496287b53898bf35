//! The public status page's card line: on its way to the kecamatan, ready to collect there, or
//! handed over, with the date. No personal data, not even which kecamatan.

use crate::http::ApiResult;
use crate::storage::shipment_cards;
use shared::api::{CardStep, StatusCard, TimelineEntry};
use shared::lifecycle::Stage;
use worker::D1Database;

/// The card's step for an application in `stage`, dated from its timeline and shipment.
pub async fn status_line(
    db: &D1Database,
    application_id: &str,
    stage: Stage,
    timeline: &[TimelineEntry],
) -> ApiResult<Option<StatusCard>> {
    let entered = |s: Stage| {
        timeline
            .iter()
            .rev()
            .find(|e| e.stage == s)
            .map(|e| e.at.clone())
            .unwrap_or_default()
    };
    Ok(match stage {
        Stage::CardIssued => Some(StatusCard {
            step: CardStep::Issued,
            since: entered(Stage::CardIssued),
        }),
        Stage::CardShipped => {
            let card = shipment_cards::find_for_application(db, application_id).await?;
            Some(match card.and_then(|c| c.received_on) {
                Some(on) => StatusCard {
                    step: CardStep::ReadyToCollect,
                    since: on.to_string(),
                },
                None => StatusCard {
                    step: CardStep::OnItsWay,
                    since: entered(Stage::CardShipped),
                },
            })
        }
        _ => None,
    })
}
