//! `POST /api/dinas/shipments`: packs a kecamatan's printed cards (the ones named, or all,
//! oldest printed first) into one shipment with a new manifest code; the cards move to
//! CARD_SHIPPED in the same batch.

use super::{dinas, summary};
use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::services::idempotency::{self, Answer, IdempotencyKey, Prior};
use crate::services::random;
use crate::services::transition::{Mover, Transition};
use crate::storage::applications;
use crate::storage::shipment_cards;
use crate::storage::shipments::{self, NewShipment, ShipmentRow};
use shared::api::{ErrorCode, FieldError, PackRequest};
use shared::domain::{ManifestCode, RegionCode, RegionLevel, MAX_CARDS_PER_SHIPMENT};
use shared::lifecycle::{Event, Stage};
use shared::validation::FieldCode;

/// The kecamatan a pack request names, as stored (dotted), or a field error.
pub fn district_of(req: &PackRequest) -> ApiResult<String> {
    match RegionCode::parse(req.district_code.trim()) {
        Ok(code) if code.level() == RegionLevel::District => Ok(code.to_string()),
        _ => Err(invalid("district_code", FieldCode::InvalidChoice)),
    }
}

/// A field error on `field`.
fn invalid(field: &str, code: FieldCode) -> ApiError {
    ApiError::Validation(vec![FieldError {
        field: field.into(),
        code,
    }])
}

pub async fn pack(
    ctx: &RequestContext,
    who: &Principal,
    district_code: &str,
    named: &[String],
    key: Option<&IdempotencyKey>,
) -> ApiResult<Answer> {
    dinas(who)?;
    if named.len() > MAX_CARDS_PER_SHIPMENT {
        return Err(invalid("application_ids", FieldCode::TooLong));
    }
    let db = ctx.env.d1(bindings::DB)?;
    if let Prior::Answered(answer) = idempotency::prior(&db, key).await? {
        return Ok(answer);
    }
    let ids = if named.is_empty() {
        applications::ids_in_stage(
            &db,
            district_code,
            Stage::CardPrinted,
            MAX_CARDS_PER_SHIPMENT as u32,
        )
        .await?
    } else {
        // Named cards must all be this kecamatan's: a box goes to one kecamatan.
        let refs: Vec<&str> = named.iter().map(String::as_str).collect();
        let heads = applications::heads(&db, &refs).await?;
        if heads.len() != named.len() || heads.iter().any(|h| h.district_code != district_code) {
            return Err(invalid("application_ids", FieldCode::InvalidChoice));
        }
        named.to_vec()
    };
    if ids.is_empty() {
        return Err(ApiError::Code(ErrorCode::NoCardsToShip));
    }
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut t = Transition::load(ctx, Mover::Staff(who), &ids).await?;
    t.decide(|_| vec![Event::Ship])?;

    let id = random::hex::<16>();
    let code = ManifestCode::from_random(random::bytes()).to_string();
    let cards = ids.len() as u32;
    let answer = Answer::ok(&summary(ShipmentRow {
        id: id.clone(),
        code: code.clone(),
        district_code: district_code.to_string(),
        cards,
        packed_at: ctx.now.clone(),
        packed_by: who.display_name.clone(),
        received_at: None,
        received_by: None,
        received_cards: 0,
        missing_cards: 0,
        extra_cards: 0,
    }))?;
    t.push(shipments::insert(
        &db,
        &NewShipment {
            id: &id,
            code: &code,
            district_code,
            cards,
            packed_by: &who.id,
            packed_at: &ctx.now,
        },
    )?);
    t.push(shipment_cards::insert_all(&db, &id, &ids)?);
    if let Some(key) = key {
        t.push(idempotency::answer_statement(&db, key, &answer, &ctx.now)?);
    }
    let detail = serde_json::json!({ "shipment": code }).to_string();
    match t.commit("shipment.pack", Some(&detail)).await {
        Ok(()) => Ok(answer),
        Err(e) => idempotency::replay_after_failure(&db, key, e).await,
    }
}
