//! `/api/admin/staff/*`: the administrator's staff accounts (list, create, disable, enable,
//! reset password, unlock). Writes are idempotent on the `Idempotency-Key` header, scoped to the
//! account (`new` for a creation).

use super::staff::respond;
use crate::http::{ApiResult, RequestContext};
use crate::services::auth;
use crate::services::idempotency::IdempotencyKey;
use crate::services::staff_admin::{self, AccountChange};
use shared::api::{NewStaffAccount, ResetPasswordRequest};
use worker::{Request, Response};

pub async fn list(req: Request, ctx: &RequestContext) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    Ok(Response::from_json(&staff_admin::list(ctx, &who).await?)?)
}

pub async fn create(mut req: Request, ctx: &RequestContext) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let body = crate::http::body::optional_json(&mut req).await?;
    let parsed: NewStaffAccount = crate::http::body::parse(&body)?;
    let key = IdempotencyKey::of(&req, &body, &who, "new")?;
    respond(staff_admin::create(ctx, &who, &parsed, key.as_ref()).await?)
}

pub async fn change(
    mut req: Request,
    ctx: &RequestContext,
    account_id: &str,
    change: AccountChange,
) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let body = crate::http::body::optional_json(&mut req).await?;
    let key = IdempotencyKey::of(&req, &body, &who, account_id)?;
    respond(staff_admin::change(ctx, &who, account_id, change, key.as_ref()).await?)
}

pub async fn reset_password(
    mut req: Request,
    ctx: &RequestContext,
    account_id: &str,
) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let body = crate::http::body::optional_json(&mut req).await?;
    let parsed: ResetPasswordRequest = crate::http::body::parse(&body)?;
    let key = IdempotencyKey::of(&req, &body, &who, account_id)?;
    let change = AccountChange::ResetPassword(parsed);
    respond(staff_admin::change(ctx, &who, account_id, change, key.as_ref()).await?)
}
