//! What staff read about applications: the queue, one application, a document and the receipt.
//! Every read of personal data is audited; a staff member reaches only the applications their
//! role and kecamatan allow (any other is "not found", revealing nothing).

use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::services::timeline;
use crate::storage::applications::{self, StoredApplication};
use crate::storage::{audit, documents, recordings, staff};
use shared::api::{
    required_attachments, ApplicationDetail, ApplicationList, ApplicationListItem, AttachmentKind,
    DocumentInfo, ErrorCode, QueueCursor, QueueQuery, ReceiptView,
};
use shared::auth::StaffRole;
use shared::domain::{ApplicationType, RegionCode, RegistrationCode};
use shared::lifecycle::{allowed_actions, Stage};
use shared::regions::{BundledRegions, RegionDirectory};
use worker::D1Database;

/// Rows per queue page.
const PAGE_SIZE: u32 = 50;

/// The staff member, if their role reads applications at all. A kecamatan operator without a
/// kecamatan (the database refuses to store one; this guards against any that slips past) is
/// refused rather than scoped to "no filter", which would be every kecamatan.
pub fn reader(who: Principal) -> ApiResult<Principal> {
    let unscoped_operator = who.role == StaffRole::KecamatanOperator && who.district_code.is_none();
    if !who.role.reads_applications() || unscoped_operator {
        return Err(ApiError::Code(ErrorCode::Forbidden));
    }
    Ok(who)
}

/// One page of the queue, as `query` filters it.
pub async fn queue(
    ctx: &RequestContext,
    who: &Principal,
    query: QueueQuery,
) -> ApiResult<ApplicationList> {
    // A kecamatan operator's own kecamatan, whatever the request asked for.
    let district = match who.role {
        StaffRole::KecamatanOperator => who.district_code.clone(),
        _ => query.district,
    };
    let search = query.search.filter(|s| !s.trim().is_empty());
    let db = ctx.env.d1(bindings::DB)?;
    // One row more than a page tells whether another page follows.
    let mut rows = applications::list(
        &db,
        &applications::QueueFilter {
            district: district.as_deref(),
            stage: query.stage,
            search: search.as_deref(),
            after: query
                .after
                .as_ref()
                .map(|c| (c.created_at.as_str(), c.id.as_str())),
        },
        PAGE_SIZE + 1,
    )
    .await?;
    let next = if rows.len() > PAGE_SIZE as usize {
        rows.truncate(PAGE_SIZE as usize);
        rows.last().map(|r| QueueCursor {
            created_at: r.created_at.clone(),
            id: r.id.clone(),
        })
    } else {
        None
    };
    let detail = serde_json::json!({
        "stage": query.stage, "q": search, "count": rows.len(), "page_after": query.after.is_some(),
    })
    .to_string();
    audit_read(ctx, &db, who, "application.list", None, Some(&detail)).await?;
    let items = rows
        .into_iter()
        .map(|r| ApplicationListItem {
            stage: r.stage,
            id: r.id,
            registration_code: r.registration_code.to_string(),
            full_name: r.full_name,
            application_type: r.application_type,
            district_code: r.district_code,
            village_code: r.village_code,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
        .collect();
    Ok(ApplicationList { items, next })
}

/// The id of the application with this code, if this staff member reaches it.
pub async fn id_by_code(
    ctx: &RequestContext,
    who: &Principal,
    code: &RegistrationCode,
) -> ApiResult<String> {
    let db = ctx.env.d1(bindings::DB)?;
    let app = applications::find_by_code(&db, code)
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    if !who.may_access_district(&app.district_code) {
        return Err(ApiError::NOT_FOUND);
    }
    Ok(app.id)
}

pub async fn detail(
    ctx: &RequestContext,
    who: &Principal,
    id: &str,
) -> ApiResult<ApplicationDetail> {
    let db = ctx.env.d1(bindings::DB)?;
    let app = reach(&db, who, id).await?;
    audit_read(ctx, &db, who, "application.read", Some(&app.id), None).await?;
    let docs = documents::list(&db, &app.id).await?;
    let events = applications::events(&db, &app.id).await?;
    let (timeline, returned_reasons) = timeline::from_events(&events, false);
    let required = ApplicationType::parse(&app.application_type)
        .map(required_attachments)
        .unwrap_or(&[])
        .to_vec();
    let stage = app.stage;
    Ok(ApplicationDetail {
        registration_code: app.registration_code.to_string(),
        stage,
        form: app.form.into(),
        warnings: app.warnings,
        required_documents: required,
        documents: docs
            .into_iter()
            .map(|d| DocumentInfo {
                kind: d.kind,
                content_type: d.content_type,
                bytes: d.bytes,
            })
            .collect(),
        timeline,
        returned_reasons: if stage == Stage::Returned {
            returned_reasons
        } else {
            Vec::new()
        },
        rerecord_reason: if stage == Stage::EnrollFailure {
            timeline::rerecord_reason(&events)
        } else {
            None
        },
        allowed_actions: allowed_actions(stage, who.role.actor()),
        created_at: app.created_at,
        updated_at: app.updated_at,
        id: app.id,
    })
}

/// A stored document: its content type and bytes.
pub async fn document(
    ctx: &RequestContext,
    who: &Principal,
    id: &str,
    kind: AttachmentKind,
) -> ApiResult<Vec<u8>> {
    let db = ctx.env.d1(bindings::DB)?;
    let app = reach(&db, who, id).await?;
    let doc = documents::list(&db, &app.id)
        .await?
        .into_iter()
        .find(|d| d.kind == kind)
        .ok_or(ApiError::NOT_FOUND)?;
    let detail = serde_json::json!({ "kind": kind }).to_string();
    audit_read(ctx, &db, who, "document.read", Some(&app.id), Some(&detail)).await?;
    let object = ctx
        .env
        .bucket(bindings::FILES)?
        .get(&doc.r2_key)
        .execute()
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    Ok(object.body().ok_or(ApiError::NOT_FOUND)?.bytes().await?)
}

/// The registration receipt after recording.
pub async fn receipt(ctx: &RequestContext, who: &Principal, id: &str) -> ApiResult<ReceiptView> {
    let db = ctx.env.d1(bindings::DB)?;
    let app = reach(&db, who, id).await?;
    let recording = recordings::latest_for_application(&db, &app.id)
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    audit_read(ctx, &db, who, "application.receipt", Some(&app.id), None).await?;
    let recorded_by = staff::display_name(&db, &recording.recorded_by).await?;
    let district_name = RegionCode::parse(&app.district_code)
        .ok()
        .and_then(|c| BundledRegions.name(c).map(str::to_string))
        .unwrap_or_default();
    let code = app.registration_code.to_string();
    Ok(ReceiptView {
        status_path: format!("/s/{code}"),
        registration_code: code,
        full_name: app.full_name,
        district_code: app.district_code,
        district_name,
        recorded_at: recording.recorded_at,
        recorded_by: recorded_by.unwrap_or_default(),
    })
}

/// An application this staff member may reach; others are "not found".
async fn reach(db: &D1Database, who: &Principal, id: &str) -> ApiResult<StoredApplication> {
    let app = applications::get(db, id)
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    if !who.may_access_district(&app.district_code) {
        return Err(ApiError::NOT_FOUND);
    }
    Ok(app)
}

async fn audit_read(
    ctx: &RequestContext,
    db: &D1Database,
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
    audit::record(db, vec![entry.row()]).await?;
    Ok(())
}
