//! `/api/dinas/audit/*` and `/api/dinas/subject-access`: the chain check, the audit viewer and
//! the subject-access report, for dinas supervisors. A person is named in the POST body only.

use crate::http::{ApiResult, RequestContext};
use crate::services::audit_viewer::supervisor;
use crate::services::{audit_chain, audit_viewer, auth, subject_access};
use serde::de::DeserializeOwned;
use shared::api::{AuditQuery, SubjectAccessRequest};
use worker::{Request, Response};

async fn body<T: DeserializeOwned>(req: &mut Request) -> ApiResult<T> {
    crate::http::body::parse(&crate::http::body::optional_json(req).await?)
}

fn private_json<T: serde::Serialize>(value: &T) -> ApiResult<Response> {
    let mut resp = Response::from_json(value)?;
    resp.headers_mut()
        .set("Cache-Control", "private, no-store")?;
    Ok(resp)
}

pub async fn chain(req: Request, ctx: &RequestContext) -> ApiResult<Response> {
    supervisor(auth::principal(&req, ctx).await?)?;
    private_json(&audit_chain::verify(ctx).await?)
}

pub async fn search(mut req: Request, ctx: &RequestContext) -> ApiResult<Response> {
    let who = supervisor(auth::principal(&req, ctx).await?)?;
    let query: AuditQuery = body(&mut req).await?;
    private_json(&audit_viewer::search(ctx, &who, &query).await?)
}

pub async fn subject_access(mut req: Request, ctx: &RequestContext) -> ApiResult<Response> {
    let who = supervisor(auth::principal(&req, ctx).await?)?;
    let request: SubjectAccessRequest = body(&mut req).await?;
    private_json(&subject_access::report(ctx, &who, &request.nik).await?)
}
