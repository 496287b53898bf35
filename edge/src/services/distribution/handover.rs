//! The handover at the kecamatan: find the card by the resident's registration code (typed or
//! scanned from the receipt), check the person against the face photographed at recording, note
//! the old KTP, and take the resident's signature: the card moves to CARD_ISSUED through the one
//! transition path, whose batch also ends any valid Surat Keterangan. The handover receipt
//! ("tanda terima") is the answer; the check of a card already handed over carries it again,
//! to reprint it.

use super::{audit_read, kecamatan, region_name};
use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::services::idempotency::{self, Answer, IdempotencyKey, Prior};
use crate::services::transition::{Mover, Transition};
use crate::storage::applications::{self, StoredApplication};
use crate::storage::handovers::{self, HandoverRow, NewHandover};
use crate::storage::{files, recordings, shipment_cards};
use shared::api::{
    ApplicationForm, ErrorCode, FieldError, HandoverCheck, HandoverReceipt, HandoverRequest, OldKtp,
};
use shared::domain::{old_ktp_expected, ApplicationType, RegistrationCode};
use shared::lifecycle::{Event, Stage};
use shared::validation::{signature_png, FieldCode};
use worker::D1Database;

/// A note on a missing old KTP is at most this long.
const MAX_NOTE_CHARS: usize = 500;

/// The staff path of the face of application `id`, for the check screen.
pub fn face_path(id: &str) -> String {
    format!("/api/staff/cards/{id}/face")
}

fn signature_path(id: &str) -> String {
    format!("/api/staff/cards/{id}/handover/signature")
}

fn signature_key(id: &str) -> String {
    format!("applications/{id}/handover/signature.png")
}

/// An application of the caller's kecamatan ("not found" otherwise).
async fn own_application(
    db: &D1Database,
    district: &str,
    id: &str,
) -> ApiResult<StoredApplication> {
    applications::get(db, id)
        .await?
        .filter(|a| a.district_code == district)
        .ok_or(ApiError::NOT_FOUND)
}

fn expects_old_ktp(app: &StoredApplication) -> bool {
    ApplicationType::parse(&app.application_type).is_some_and(old_ktp_expected)
}

/// The card a resident came for, by registration code: only a card checked in at this
/// kecamatan (409 `card_not_received` otherwise), or one already handed over (its receipt).
pub async fn check(ctx: &RequestContext, who: &Principal, code: &str) -> ApiResult<HandoverCheck> {
    let district = kecamatan(who)?;
    let code = RegistrationCode::parse(code)
        .map_err(|_| ApiError::Code(ErrorCode::InvalidRegistrationCode))?;
    let db = ctx.env.d1(bindings::DB)?;
    let head = applications::find_by_code(&db, &code)
        .await?
        .filter(|a| a.district_code == district)
        .ok_or(ApiError::NOT_FOUND)?;
    let app = own_application(&db, district, &head.id).await?;
    let receipt = match app.stage {
        Stage::CardIssued => Some(receipt_of(&db, &app).await?),
        _ => None,
    };
    let card = shipment_cards::find_for_application(&db, &app.id).await?;
    let received_on = card.and_then(|c| c.received_on);
    if receipt.is_none() && (app.stage != Stage::CardShipped || received_on.is_none()) {
        return Err(ApiError::Code(ErrorCode::CardNotReceived));
    }
    audit_read(
        ctx,
        &db,
        who,
        "card.check",
        Some(&app.id),
        serde_json::json!({}),
    )
    .await?;
    let old_ktp_expected = expects_old_ktp(&app);
    let form: ApplicationForm = app.form.into();
    Ok(HandoverCheck {
        face_path: face_path(&app.id),
        application_id: app.id,
        registration_code: app.registration_code.to_string(),
        full_name: app.full_name,
        nik: form.nik,
        birth_place: form.birth_place,
        birth_date: form.birth_date,
        application_type: app.application_type,
        old_ktp_expected,
        received_on: received_on.map(|d| d.to_string()).unwrap_or_default(),
        receipt,
    })
}

/// What was said about the old KTP, or the field error.
fn old_ktp_of(expected: bool, req: &HandoverRequest) -> ApiResult<(OldKtp, String)> {
    let note = req.old_ktp_note.trim();
    let problem = |code| {
        Err(ApiError::Validation(vec![FieldError {
            field: "old_ktp_note".into(),
            code,
        }]))
    };
    match (expected, req.old_ktp_handed_in) {
        (false, _) => Ok((OldKtp::NotExpected, String::new())),
        (true, true) => Ok((OldKtp::HandedIn, String::new())),
        (true, false) if note.is_empty() => problem(FieldCode::Required),
        (true, false) if note.chars().count() > MAX_NOTE_CHARS => problem(FieldCode::TooLong),
        (true, false) => Ok((OldKtp::NotHandedIn, note.to_string())),
    }
}

/// Hands the card of application `id` over against the signature, or replays the first answer.
pub async fn hand_over(
    ctx: &RequestContext,
    who: &Principal,
    id: &str,
    req: &HandoverRequest,
    key: Option<&IdempotencyKey>,
) -> ApiResult<Answer> {
    let district = kecamatan(who)?;
    let png = signature_png(&req.signature_png_base64).map_err(|code| {
        ApiError::Validation(vec![FieldError {
            field: "signature".into(),
            code,
        }])
    })?;
    let mut t = Transition::load(ctx, Mover::Staff(who), &[id]).await?;
    let db = ctx.env.d1(bindings::DB)?;
    if let Prior::Answered(answer) = idempotency::prior(&db, key).await? {
        return Ok(answer);
    }
    let card = shipment_cards::find_for_application(&db, id)
        .await?
        .filter(|c| c.received_at.is_some())
        .ok_or(ApiError::Code(ErrorCode::CardNotReceived))?;
    t.decide(|_| vec![Event::HandOver])?;
    let app = own_application(&db, district, id).await?;
    let (old_ktp, old_ktp_note) = old_ktp_of(expects_old_ktp(&app), req)?;

    let signature_r2_key = signature_key(id);
    // Stored before the batch: a failed batch leaves an unused object under the application's
    // own key, which the next try overwrites.
    files::put(
        &ctx.env.bucket(bindings::FILES)?,
        &signature_r2_key,
        png,
        "image/png",
    )
    .await?;
    let form: ApplicationForm = app.form.into();
    let receipt = HandoverReceipt {
        application_id: app.id.clone(),
        registration_code: app.registration_code.to_string(),
        full_name: app.full_name.clone(),
        nik: form.nik,
        district_name: region_name(&app.district_code),
        shipment_code: card.shipment_code.clone(),
        handed_over_at: ctx.now.clone(),
        handed_over_by: who.display_name.clone(),
        old_ktp,
        old_ktp_note: old_ktp_note.clone(),
        signature_path: signature_path(id),
    };
    let answer = Answer::ok(&receipt)?;
    t.push(handovers::insert(
        &db,
        &NewHandover {
            application_id: id,
            shipment_id: &card.shipment_id,
            handed_over_by: &who.id,
            handed_over_at: &ctx.now,
            old_ktp,
            old_ktp_note: &old_ktp_note,
            signature_r2_key: &signature_r2_key,
        },
    )?);
    if let Some(key) = key {
        t.push(idempotency::answer_statement(&db, key, &answer, &ctx.now)?);
    }
    let detail = serde_json::json!({ "shipment": card.shipment_code, "old_ktp": old_ktp.as_str() })
        .to_string();
    match t.commit("card.handover", Some(&detail)).await {
        Ok(()) => Ok(answer),
        Err(e) => idempotency::replay_after_failure(&db, key, e).await,
    }
}

async fn receipt_of(db: &D1Database, app: &StoredApplication) -> ApiResult<HandoverReceipt> {
    let row: HandoverRow = handovers::get(db, &app.id)
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    let form: ApplicationForm = app.form.clone().into();
    Ok(HandoverReceipt {
        application_id: app.id.clone(),
        registration_code: app.registration_code.to_string(),
        full_name: app.full_name.clone(),
        nik: form.nik,
        district_name: region_name(&app.district_code),
        shipment_code: row.shipment_code,
        handed_over_at: row.handed_over_at,
        handed_over_by: row.handed_over_by,
        old_ktp: row.old_ktp,
        old_ktp_note: row.old_ktp_note,
        signature_path: signature_path(&app.id),
    })
}

/// Which image of a handover a staff member reads.
#[derive(Clone, Copy)]
pub enum HandoverImage {
    /// The face photographed at recording, to check the person.
    Face,
    /// The resident's signature on the receipt.
    Signature,
}

/// The image's bytes (audited).
pub async fn image(
    ctx: &RequestContext,
    who: &Principal,
    id: &str,
    which: HandoverImage,
) -> ApiResult<Vec<u8>> {
    let district = kecamatan(who)?;
    let db = ctx.env.d1(bindings::DB)?;
    let app = own_application(&db, district, id).await?;
    let (key, action) = match which {
        HandoverImage::Face => (
            recordings::latest_face_key(&db, &app.id).await?,
            "card.face",
        ),
        HandoverImage::Signature => (
            handovers::get(&db, &app.id)
                .await?
                .map(|h| h.signature_r2_key),
            "card.signature",
        ),
    };
    let key = key.ok_or(ApiError::NOT_FOUND)?;
    audit_read(ctx, &db, who, action, Some(id), serde_json::json!({})).await?;
    let object = ctx
        .env
        .bucket(bindings::FILES)?
        .get(&key)
        .execute()
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    Ok(object.body().ok_or(ApiError::NOT_FOUND)?.bytes().await?)
}
