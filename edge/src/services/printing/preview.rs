//! The cards of a run as the preview and the card printer show them (the same layout rule as
//! the refusal at run creation), and each card's face photo and signature from its recording.
//! Every card shown and every image is an audited read of personal data.

use super::card_text::card_face;
use super::rules;
use super::runs::entry;
use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::storage::{audit, print_runs, recordings};
use shared::api::{CardPreview, CardPreviews};

pub async fn previews(
    ctx: &RequestContext,
    who: &Principal,
    run_id: &str,
) -> ApiResult<CardPreviews> {
    rules::reader(who)?;
    let db = ctx.env.d1(bindings::DB)?;
    rules::run(&db, run_id).await?;
    let forms = print_runs::forms(&db, run_id).await?;
    let ids: Vec<&str> = forms.iter().map(|f| f.application_id.as_str()).collect();
    let detail = serde_json::json!({ "run_id": run_id }).to_string();
    let rows = entry(ctx, who, "print.preview", &detail).for_each(&ids);
    audit::record(&db, rows).await?;
    let cards = forms
        .iter()
        .map(|f| {
            let (face, fit_problems) = match card_face(&f.form, ctx.today) {
                Ok(face) => (Some(face), Vec::new()),
                Err(problems) => (None, problems),
            };
            let base = format!("/api/dinas/print-runs/{run_id}/cards/{}", f.application_id);
            CardPreview {
                application_id: f.application_id.clone(),
                registration_code: f.registration_code.to_string(),
                stage: f.stage,
                card_serial: f.card_serial.clone(),
                face,
                fit_problems,
                photo_path: format!("{base}/photo"),
                signature_path: format!("{base}/signature"),
            }
        })
        .collect();
    Ok(CardPreviews {
        run_id: run_id.to_string(),
        cards,
    })
}

/// Which image of a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardImage {
    Photo,
    Signature,
}

impl CardImage {
    pub fn parse(text: &str) -> Option<CardImage> {
        match text {
            "photo" => Some(CardImage::Photo),
            "signature" => Some(CardImage::Signature),
            _ => None,
        }
    }

    pub const fn content_type(self) -> &'static str {
        match self {
            CardImage::Photo => "image/jpeg",
            CardImage::Signature => "image/png",
        }
    }
}

/// The image of a card of the run, from the application's latest recording.
pub async fn image(
    ctx: &RequestContext,
    who: &Principal,
    run_id: &str,
    application_id: &str,
    kind: CardImage,
) -> ApiResult<Vec<u8>> {
    rules::reader(who)?;
    let db = ctx.env.d1(bindings::DB)?;
    let key = image_key(&db, run_id, application_id, kind).await?;
    let action = match kind {
        CardImage::Photo => "print.photo",
        CardImage::Signature => "print.signature",
    };
    let detail = serde_json::json!({ "run_id": run_id }).to_string();
    let mut e = entry(ctx, who, action, &detail);
    e.application_id = Some(application_id);
    audit::record(&db, vec![e.row()]).await?;
    read_file(ctx, &key).await
}

/// The R2 key of a card's image; "not found" for an application outside the run.
async fn image_key(
    db: &worker::D1Database,
    run_id: &str,
    application_id: &str,
    kind: CardImage,
) -> ApiResult<String> {
    if !print_runs::contains(db, run_id, application_id).await? {
        return Err(ApiError::NOT_FOUND);
    }
    let parts = recordings::card_parts(db, application_id)
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    Ok(match kind {
        CardImage::Photo => parts.face_r2_key,
        CardImage::Signature => parts.signature_r2_key,
    })
}

pub async fn read_file(ctx: &RequestContext, key: &str) -> ApiResult<Vec<u8>> {
    let object = ctx
        .env
        .bucket(bindings::FILES)?
        .get(key)
        .execute()
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    Ok(object.body().ok_or(ApiError::NOT_FOUND)?.bytes().await?)
}
