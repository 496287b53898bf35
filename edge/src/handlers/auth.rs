//! `POST /api/auth/login`, `POST /api/auth/logout`, `GET /api/auth/me`, `POST /api/auth/password`.

use crate::http::{ApiResult, RequestContext};
use crate::services::auth;
use shared::api::{ChangePasswordRequest, LoginRequest};
use shared::auth::SESSION_HOURS;
use worker::{Request, Response};

pub async fn login(mut req: Request, ctx: &RequestContext) -> ApiResult<Response> {
    // Per address: an office's tablets behind one NAT sign in together at opening time.
    crate::services::rate_limit::spend(ctx, "login", 60, 60).await?;
    let (body, _): (LoginRequest, _) = crate::http::body::json(&mut req).await?;
    let (info, token) = auth::login(ctx, &body).await?;
    let mut resp = Response::from_json(&info)?;
    resp.headers_mut()
        .set("Set-Cookie", &cookie(ctx, &token, SESSION_HOURS * 3600))?;
    Ok(resp)
}

pub async fn logout(req: Request, ctx: &RequestContext) -> ApiResult<Response> {
    auth::logout(&req, ctx).await?;
    let mut resp = Response::empty()?.with_status(204);
    resp.headers_mut().set("Set-Cookie", &cookie(ctx, "", 0))?;
    Ok(resp)
}

pub async fn me(req: Request, ctx: &RequestContext) -> ApiResult<Response> {
    let principal = auth::session_principal(&req, ctx).await?;
    Ok(Response::from_json(&principal.session_info())?)
}

/// `POST /api/auth/password`: the signed-in person's own new password (also the way out of
/// `password_change_required`).
pub async fn change_password(mut req: Request, ctx: &RequestContext) -> ApiResult<Response> {
    crate::services::rate_limit::spend(ctx, "password", 20, 60).await?;
    let who = auth::session_principal(&req, ctx).await?;
    let (body, _): (ChangePasswordRequest, _) = crate::http::body::json(&mut req).await?;
    let info = crate::services::staff_admin::change_own_password(ctx, &req, &who, &body).await?;
    Ok(Response::from_json(&info)?)
}

/// HttpOnly so scripts cannot read it; SameSite=Strict so other sites cannot ride on it; Secure
/// and `__Host-` whenever the connection is HTTPS (the local run is plain loopback HTTP).
fn cookie(ctx: &RequestContext, token: &str, max_age_s: u32) -> String {
    format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age_s}{}",
        auth::session_cookie(ctx.https),
        if ctx.https { "; Secure" } else { "" }
    )
}
