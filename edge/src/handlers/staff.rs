//! Staff endpoints on applications: the queue, one application, its documents, and actions.
//! Every read or write of personal data is audited; kecamatan operators reach only their own
//! kecamatan (another kecamatan's application answers 404, revealing nothing).

use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::{self, Principal};
use crate::services::timeline::{self, parse_stage};
use crate::services::transitions;
use crate::storage::{applications, audit, documents};
use shared::api::{
    required_attachments, ActionResponse, AdjudicateRequest, ApplicationDetail, ApplicationForm,
    ApplicationList, ApplicationListItem, AttachmentKind, DocumentInfo, ErrorCode, FieldWarning,
    ReturnRequest,
};
use shared::domain::{ApplicationType, RegistrationCode};
use shared::lifecycle::{allowed_actions, Adjudication, Event, ReturnReasons, Stage};
use worker::{Request, Response};

const LIST_LIMIT: u32 = 200;

pub async fn list(req: Request, ctx: &RequestContext) -> ApiResult<Response> {
    let who = reader(&req, ctx).await?;
    let url = req.url()?;
    let param = |name: &str| {
        url.query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    let stage = param("stage").filter(|s| !s.is_empty());
    if stage.as_deref().is_some_and(|s| Stage::parse(s).is_none()) {
        return Err(ApiError::MALFORMED);
    }
    let search = param("q").filter(|s| !s.trim().is_empty());
    let district = match who.role {
        shared::auth::StaffRole::KecamatanOperator => who.district_code.clone(),
        _ => param("district").filter(|s| !s.is_empty()),
    };
    let db = ctx.env.d1(bindings::DB)?;
    let rows = applications::list(
        &db,
        district.as_deref(),
        stage.as_deref(),
        search.as_deref(),
        LIST_LIMIT,
    )
    .await?;
    let detail =
        serde_json::json!({ "stage": stage, "q": search, "count": rows.len() }).to_string();
    audit_read(ctx, &db, &who, "application.list", None, Some(&detail)).await?;
    let items = rows
        .into_iter()
        .map(|r| {
            Ok(ApplicationListItem {
                stage: parse_stage(&r.stage)?,
                id: r.id,
                registration_code: display_code(&r.registration_code)?,
                full_name: r.full_name,
                application_type: r.application_type,
                district_code: r.district_code,
                village_code: r.village_code,
                created_at: r.created_at,
                updated_at: r.updated_at,
            })
        })
        .collect::<ApiResult<Vec<_>>>()?;
    Ok(Response::from_json(&ApplicationList { items })?)
}

/// `GET /api/staff/applications/by-code/{code}`: a typed or scanned registration code.
pub async fn find_by_code(req: Request, ctx: &RequestContext, code: &str) -> ApiResult<Response> {
    let who = reader(&req, ctx).await?;
    let code = RegistrationCode::parse(code)
        .map_err(|_| ApiError::Code(ErrorCode::InvalidRegistrationCode))?;
    let db = ctx.env.d1(bindings::DB)?;
    let app = applications::find_by_code(&db, &code.compact())
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    if !who.may_access_district(&app.district_code) {
        return Err(ApiError::NOT_FOUND);
    }
    detail_response(ctx, &db, &who, &app.id).await
}

pub async fn get(req: Request, ctx: &RequestContext, id: &str) -> ApiResult<Response> {
    let who = reader(&req, ctx).await?;
    let db = ctx.env.d1(bindings::DB)?;
    detail_response(ctx, &db, &who, id).await
}

pub async fn document(
    req: Request,
    ctx: &RequestContext,
    id: &str,
    kind: &str,
) -> ApiResult<Response> {
    let who = reader(&req, ctx).await?;
    let kind = AttachmentKind::parse(kind).ok_or(ApiError::NOT_FOUND)?;
    let db = ctx.env.d1(bindings::DB)?;
    let app = load(&db, &who, id).await?;
    let doc = documents::list(&db, &app.id)
        .await?
        .into_iter()
        .find(|d| d.kind == kind.as_str())
        .ok_or(ApiError::NOT_FOUND)?;
    audit_read(
        ctx,
        &db,
        &who,
        "document.read",
        Some(&app.id),
        Some(&format!("{{\"kind\":\"{}\"}}", kind.as_str())),
    )
    .await?;
    let object = ctx
        .env
        .bucket(bindings::FILES)?
        .get(&doc.r2_key)
        .execute()
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    let bytes = object.body().ok_or(ApiError::NOT_FOUND)?.bytes().await?;
    let mut resp = Response::from_bytes(bytes)?;
    resp.headers_mut().set("Content-Type", &doc.content_type)?;
    resp.headers_mut()
        .set("Cache-Control", "private, no-store")?;
    Ok(resp)
}

pub async fn verify(req: Request, ctx: &RequestContext, id: &str) -> ApiResult<Response> {
    act(
        req,
        ctx,
        id,
        &[Event::VerifyDocuments],
        "application.verify",
        None,
    )
    .await
}

pub async fn return_for_correction(
    mut req: Request,
    ctx: &RequestContext,
    id: &str,
) -> ApiResult<Response> {
    let body: ReturnRequest = req.json().await.map_err(|_| ApiError::MALFORMED)?;
    if body.reasons.is_empty() {
        return Err(ApiError::Validation(vec![shared::api::FieldError {
            field: "reasons".into(),
            code: shared::validation::FieldCode::Required,
        }]));
    }
    let detail = serde_json::json!({ "reasons": body.reasons }).to_string();
    let event = Event::ReturnForCorrection(ReturnReasons::from_slice(&body.reasons));
    act(req, ctx, id, &[event], "application.return", Some(&detail)).await
}

pub async fn adjudicate(mut req: Request, ctx: &RequestContext, id: &str) -> ApiResult<Response> {
    let body: AdjudicateRequest = req.json().await.map_err(|_| ApiError::MALFORMED)?;
    let event = Event::Adjudicate(body.decision);
    if body.decision == Adjudication::NotDuplicate {
        // The resident joins the gallery before the record becomes printable, so a later
        // recording of the same person is caught. Enrolment is idempotent; it is done only when
        // the rules allow this supervisor to make the decision now.
        let who = auth::principal(&req, ctx).await?;
        let db = ctx.env.d1(bindings::DB)?;
        let app = load(&db, &who, id).await?;
        transitions::decide(parse_stage(&app.stage)?, who.role.actor(), &[event])?;
        let recording = crate::storage::recordings::latest_for_application(&db, &app.id)
            .await?
            .ok_or_else(|| {
                ApiError::Internal(format!("application {} has no recording", app.id))
            })?;
        crate::matching::coordinator::enrol_after_adjudication(&ctx.env, &recording.reference_id)
            .await?;
    }
    let detail = serde_json::json!({ "decision": body.decision }).to_string();
    act(
        req,
        ctx,
        id,
        &[event],
        "application.adjudicate",
        Some(&detail),
    )
    .await
}

/// Applies events as the signed-in staff member, within their reach, by the shared rules.
async fn act(
    req: Request,
    ctx: &RequestContext,
    id: &str,
    events: &[Event],
    action: &str,
    detail_json: Option<&str>,
) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let db = ctx.env.d1(bindings::DB)?;
    let app = load(&db, &who, id).await?;
    let from = parse_stage(&app.stage)?;
    let stages = transitions::decide(from, who.role.actor(), events)?;
    let acting = who.acting();
    let batch = transitions::statements(
        &db,
        ctx,
        &transitions::Change {
            application_id: &app.id,
            from,
            stages: &stages,
        },
        &acting,
        action,
        detail_json,
    )?;
    transitions::run(&db, batch).await?;
    let stage = stages.last().copied().unwrap_or(from);
    Ok(Response::from_json(&ActionResponse {
        stage,
        updated_at: ctx.now.clone(),
    })?)
}

async fn detail_response(
    ctx: &RequestContext,
    db: &worker::D1Database,
    who: &Principal,
    id: &str,
) -> ApiResult<Response> {
    let app = load(db, who, id).await?;
    audit_read(ctx, db, who, "application.read", Some(&app.id), None).await?;
    let stage = parse_stage(&app.stage)?;
    let form: ApplicationForm =
        serde_json::from_str(&app.form_json).map_err(|e| ApiError::Internal(e.to_string()))?;
    let warnings: Vec<FieldWarning> =
        serde_json::from_str(&app.warnings_json).map_err(|e| ApiError::Internal(e.to_string()))?;
    let docs = documents::list(db, &app.id).await?;
    let events = applications::events(db, &app.id).await?;
    let (timeline, returned_reasons) = timeline::from_events(&events, false)?;
    let required = ApplicationType::parse(&app.application_type)
        .map(required_attachments)
        .unwrap_or(&[])
        .to_vec();
    let detail = ApplicationDetail {
        registration_code: display_code(&app.registration_code)?,
        stage,
        form,
        warnings,
        required_documents: required,
        documents: docs
            .into_iter()
            .filter_map(|d| {
                Some(DocumentInfo {
                    kind: AttachmentKind::parse(&d.kind)?,
                    content_type: d.content_type,
                    bytes: d.bytes,
                })
            })
            .collect(),
        timeline,
        returned_reasons: if stage == Stage::Returned {
            returned_reasons
        } else {
            Vec::new()
        },
        allowed_actions: allowed_actions(stage, who.role.actor()),
        created_at: app.created_at,
        updated_at: app.updated_at,
        id: app.id,
    };
    Ok(Response::from_json(&detail)?)
}

/// The signed-in staff member, if their role reads applications at all.
async fn reader(req: &Request, ctx: &RequestContext) -> ApiResult<Principal> {
    let who = auth::principal(req, ctx).await?;
    if !who.role.reads_applications() {
        return Err(ApiError::Code(ErrorCode::Forbidden));
    }
    Ok(who)
}

/// An application this staff member may reach; others are "not found".
pub async fn load(
    db: &worker::D1Database,
    who: &Principal,
    id: &str,
) -> ApiResult<applications::ApplicationRow> {
    let app = applications::get_row(db, id)
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    if !who.may_access_district(&app.district_code) {
        return Err(ApiError::NOT_FOUND);
    }
    Ok(app)
}

pub async fn audit_read(
    ctx: &RequestContext,
    db: &worker::D1Database,
    who: &Principal,
    action: &str,
    application_id: Option<&str>,
    detail_json: Option<&str>,
) -> ApiResult<()> {
    let entry = audit::AuditEntry {
        at: &ctx.now,
        staff_id: Some(&who.id),
        role: who.role.as_str(),
        action,
        application_id,
        client: &ctx.client_key,
        request_id: &ctx.request_id,
        detail_json,
    };
    audit::insert(db, &entry)?.run().await?;
    Ok(())
}

pub fn display_code(compact: &str) -> ApiResult<String> {
    RegistrationCode::parse(compact)
        .map(|c| c.to_string())
        .map_err(|e| ApiError::Internal(format!("stored code unreadable: {e}")))
}

/// `POST /api/staff/applications/{id}/biometrics`: templates, face and signature from the tablet.
pub async fn record_biometrics(
    mut req: Request,
    ctx: &RequestContext,
    id: &str,
) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let body = req.bytes().await?;
    if body.len() > RECORDING_MAX_BODY_BYTES {
        return Err(ApiError::TOO_LARGE);
    }
    let sub: shared::api::BiometricSubmission =
        serde_json::from_slice(&body).map_err(|_| ApiError::MALFORMED)?;
    let db = ctx.env.d1(bindings::DB)?;
    let app = load(&db, &who, id).await?;
    let resp = crate::services::recording::record(ctx, &who, &app, sub).await?;
    Ok(Response::from_json(&resp)?)
}

/// Ten templates (~2 KB), a face photo (<= 300 KB) and a signature (<= 100 KB), base64-inflated.
const RECORDING_MAX_BODY_BYTES: usize = 1024 * 1024;

/// `GET /api/staff/applications/{id}/receipt`: the registration receipt after recording.
pub async fn receipt(req: Request, ctx: &RequestContext, id: &str) -> ApiResult<Response> {
    let who = reader(&req, ctx).await?;
    let db = ctx.env.d1(bindings::DB)?;
    let app = load(&db, &who, id).await?;
    let recording = crate::storage::recordings::latest_for_application(&db, &app.id)
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    audit_read(ctx, &db, &who, "application.receipt", Some(&app.id), None).await?;
    let recorded_by: Option<serde_json::Value> = db
        .prepare("SELECT display_name FROM staff WHERE id = ?1")
        .bind(&[recording.recorded_by.as_str().into()])?
        .first(None)
        .await?;
    let district_name = shared::domain::RegionCode::parse(&app.district_code)
        .ok()
        .and_then(|c| {
            shared::regions::RegionDirectory::name(&shared::regions::BundledRegions, c)
                .map(str::to_string)
        })
        .unwrap_or_default();
    let code = display_code(&app.registration_code)?;
    let view = shared::api::ReceiptView {
        status_path: format!("/s/{code}"),
        registration_code: code,
        full_name: app.full_name,
        district_code: app.district_code,
        district_name,
        recorded_at: recording.recorded_at,
        recorded_by: recorded_by
            .and_then(|v| v["display_name"].as_str().map(str::to_string))
            .unwrap_or_default(),
    };
    Ok(Response::from_json(&view)?)
}
