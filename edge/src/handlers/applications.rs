//! `POST /api/applications`: a resident's pre-filled application, multipart with its documents.

use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::submit_application::{self, Outcome, Submission, Submitter, Upload};
use shared::api::{ApplicationForm, AttachmentKind, ErrorCode};
use worker::{FormEntry, Request, Response};

/// Whole-body ceiling; the per-file limits are shared validation rules.
const DEFAULT_MAX_BODY_BYTES: u32 = 4 * 1024 * 1024;

/// Anonymous pre-fills (valid or not) per client address per hour, unless `[vars]` says
/// otherwise: a family or a village office sending for its people stays far below it.
const PREFILLS_PER_CLIENT_PER_HOUR: u32 = 30;

/// `POST /api/applications`: a resident's pre-fill (no account; the registration code is theirs).
pub async fn submit(req: Request, ctx: &RequestContext) -> ApiResult<Response> {
    let per_client = ctx.var_u32("PREFILLS_PER_CLIENT_PER_HOUR", PREFILLS_PER_CLIENT_PER_HOUR);
    crate::services::rate_limit::spend(ctx, "prefill", per_client, 3600).await?;
    let submission = read_submission(req, ctx).await?;
    respond(submit_application::submit(ctx, submission, &Submitter::Resident).await?)
}

/// `POST /api/staff/applications`: a walk-in typed in by a kecamatan operator, for their own
/// kecamatan, with the same form, documents and validation as the resident's.
pub async fn walk_in(req: Request, ctx: &RequestContext) -> ApiResult<Response> {
    let who = crate::services::auth::principal(&req, ctx).await?;
    if who.role != shared::auth::StaffRole::KecamatanOperator {
        return Err(ApiError::Code(ErrorCode::Forbidden));
    }
    let submission = read_submission(req, ctx).await?;
    respond(submit_application::submit(ctx, submission, &Submitter::Staff(&who)).await?)
}

fn respond(outcome: Outcome) -> ApiResult<Response> {
    let (status, body) = match outcome {
        Outcome::Created(body) => (201, body),
        Outcome::Replayed(body) => (200, body),
    };
    Ok(Response::from_json(&body)?.with_status(status))
}

async fn read_submission(mut req: Request, ctx: &RequestContext) -> ApiResult<Submission> {
    let max_body = ctx.var_u32("MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES) as usize;
    let idempotency_key = idempotency_key(&req)?;
    let body = crate::http::body::bytes(&mut req, max_body).await?;
    let content_type = req.headers().get("content-type")?.unwrap_or_default();
    let form_data = parse_multipart(body, &content_type).await?;

    let form: ApplicationForm = match form_data.get("application") {
        Some(FormEntry::Field(json)) => crate::http::body::parse(json.as_bytes())?,
        _ => return Err(ApiError::MALFORMED),
    };
    let mut uploads = Vec::new();
    for kind in AttachmentKind::ALL {
        if let Some(FormEntry::File(file)) = form_data.get(kind.as_str()) {
            uploads.push(Upload {
                kind,
                content_type: file.type_(),
                bytes: file.bytes().await?,
            });
        }
    }
    Ok(Submission {
        idempotency_key,
        form,
        uploads,
    })
}

/// Clients send a random key per draft so that a retry after a lost answer creates nothing new.
fn idempotency_key(req: &Request) -> ApiResult<String> {
    let key = req.headers().get("idempotency-key")?.unwrap_or_default();
    let ok = shared::validation::is_idempotency_key(&key);
    if ok {
        Ok(key)
    } else {
        Err(ApiError::Code(ErrorCode::MissingIdempotencyKey))
    }
}

/// Parses a multipart body already size-checked, through the runtime's own parser.
async fn parse_multipart(body: Vec<u8>, content_type: &str) -> ApiResult<worker::FormData> {
    if !crate::http::parse::content_type::is_form_data(content_type) {
        return Err(ApiError::MALFORMED);
    }
    let headers = worker::Headers::new();
    headers.set("content-type", content_type)?;
    let init = worker::RequestInit {
        method: worker::Method::Post,
        headers,
        body: Some(js_sys::Uint8Array::from(body.as_slice()).into()),
        ..Default::default()
    };
    let mut inner = Request::new_with_init("https://parse.invalid/", &init)?;
    inner.form_data().await.map_err(|_| ApiError::MALFORMED)
}
