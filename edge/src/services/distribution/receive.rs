//! The kecamatan's side of a shipment: find it by its manifest code (typed or scanned) and check
//! it in card by card, reporting cards in the box that the manifest does not list.

use super::{audit_entry, audit_read, kecamatan, shipment_view};
use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::services::idempotency::{self, Answer, IdempotencyKey, Prior};
use crate::storage::audit::{self, CommitError};
use crate::storage::shipments::{self, ShipmentRow};
use crate::storage::{shipment_cards, shipment_extras};
use shared::api::{ErrorCode, FieldError, ReceiveRequest, ShipmentView};
use shared::domain::{ManifestCode, MAX_CARDS_PER_SHIPMENT, MAX_EXTRA_DESCRIPTION_CHARS};
use shared::validation::FieldCode;
use worker::D1Database;

/// The shipment with this manifest code, if it is for the caller's kecamatan (audited: the
/// manifest names residents).
pub async fn by_code(ctx: &RequestContext, who: &Principal, code: &str) -> ApiResult<ShipmentView> {
    let district = kecamatan(who)?;
    let code = ManifestCode::parse(code)
        .map_err(|_| ApiError::Code(ErrorCode::NotFound))?
        .to_string();
    let db = ctx.env.d1(bindings::DB)?;
    let row = own(shipments::find_by_code(&db, &code).await?, district)?;
    let detail = serde_json::json!({ "shipment": row.code });
    audit_read(ctx, &db, who, "shipment.read", None, detail).await?;
    shipment_view(&db, row).await
}

/// A shipment of another kecamatan is "not found", like one that does not exist.
fn own(row: Option<ShipmentRow>, district: &str) -> ApiResult<ShipmentRow> {
    row.filter(|r| r.district_code == district)
        .ok_or(ApiError::NOT_FOUND)
}

/// The descriptions of the extras, trimmed, or the field errors.
pub fn extras_of(req: &ReceiveRequest) -> ApiResult<Vec<String>> {
    let mut problems = Vec::new();
    let mut extras = Vec::new();
    for (i, text) in req.extras.iter().enumerate() {
        let text = text.trim();
        let code = if text.is_empty() {
            Some(FieldCode::Required)
        } else if text.chars().count() > MAX_EXTRA_DESCRIPTION_CHARS {
            Some(FieldCode::TooLong)
        } else {
            None
        };
        match code {
            Some(code) => problems.push(FieldError {
                field: format!("extras.{i}"),
                code,
            }),
            None => extras.push(text.to_string()),
        }
    }
    if req.received.len() > MAX_CARDS_PER_SHIPMENT || extras.len() > MAX_CARDS_PER_SHIPMENT {
        return Err(ApiError::Code(ErrorCode::PayloadTooLarge));
    }
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    Ok(extras)
}

/// Checks the box in (the first time) or ticks cards that turned up later, and stores the
/// extras; answers the shipment as it now stands.
pub async fn receive(
    ctx: &RequestContext,
    who: &Principal,
    id: &str,
    req: &ReceiveRequest,
    key: Option<&IdempotencyKey>,
) -> ApiResult<Answer> {
    let district = kecamatan(who)?;
    let extras = extras_of(req)?;
    let db = ctx.env.d1(bindings::DB)?;
    let row = own(shipments::get(&db, id).await?, district)?;
    match idempotency::prior(&db, key).await? {
        Prior::Answered(answer) => return Ok(answer),
        // The check-in was stored; only its answer was not: answer it now.
        Prior::Begun => return answer_as_stored(ctx, &db, id, key).await,
        Prior::New => {}
    }
    let listed = shipment_cards::manifest(&db, id).await?;
    if let Some(unknown) = req
        .received
        .iter()
        .position(|r| !listed.iter().any(|c| &c.application_id == r))
    {
        return Err(ApiError::Validation(vec![FieldError {
            field: format!("received.{unknown}"),
            code: FieldCode::InvalidChoice,
        }]));
    }
    let received: Vec<&str> = req.received.iter().map(String::as_str).collect();
    let mut batch = vec![
        shipments::mark_received(&db, id, &who.id, &ctx.now)?,
        shipment_cards::receive(&db, id, &received, &ctx.now, ctx.today)?,
    ];
    if !extras.is_empty() {
        batch.push(shipment_extras::insert_all(
            &db, id, &extras, &who.id, &ctx.now,
        )?);
    }
    let detail = serde_json::json!({
        "shipment": row.code,
        "received": received.len(),
        "extras": extras.len(),
    })
    .to_string();
    let mut audited = vec![audit_entry(ctx, who, "shipment.receive", None, &detail).row()];
    audited.extend(audit_entry(ctx, who, "card.receive", None, &detail).for_each(&received));
    // The answer is the shipment as this batch leaves it, so it is read back afterwards: the
    // key is marked begun in the batch, and a retry in between answers without ticking again.
    if let Some(key) = key {
        batch.push(idempotency::begin_statement(&db, key, &ctx.now)?);
    }
    match audit::commit(&db, batch, audited).await {
        Ok(_) => {}
        Err(CommitError::Refused(e)) => {
            return Err(ApiError::Internal(format!("shipment receipt: {e}")))
        }
        Err(contended) => return Err(contended.into()),
    }
    answer_as_stored(ctx, &db, id, key).await
}

/// The shipment as stored, as the answer, kept under the key for replays.
async fn answer_as_stored(
    ctx: &RequestContext,
    db: &D1Database,
    id: &str,
    key: Option<&IdempotencyKey>,
) -> ApiResult<Answer> {
    let row = shipments::get(db, id).await?.ok_or(ApiError::NOT_FOUND)?;
    let answer = Answer::ok(&shipment_view(db, row).await?)?;
    if let Some(key) = key {
        idempotency::answer_statement(db, key, &answer, &ctx.now)?
            .run()
            .await?;
    }
    Ok(answer)
}
