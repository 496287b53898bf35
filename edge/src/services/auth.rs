//! Staff sign-in, sessions and the signed-in principal. Passwords are checked with the shared
//! argon2id code; sessions are random tokens stored only as their SHA-256.

use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::sign_in_throttle::{self, Attempt};
use crate::storage::{audit, staff};
use sha2::{Digest, Sha256};
use shared::api::{ErrorCode, LoginRequest, SessionInfo};
use shared::auth::{verify_password, StaffRole, SESSION_HOURS};
use shared::regions::{BundledRegions, RegionDirectory};
use worker::{Headers, Request};

/// The session cookie's name. Over HTTPS it has the `__Host-` prefix: the browser then accepts
/// it only from this host, Secure, for path `/`, so no sibling subdomain can plant one of its
/// own. The local run on loopback HTTP cannot use the prefix and uses the plain name.
pub fn session_cookie(https: bool) -> &'static str {
    if https {
        "__Host-rekam_session"
    } else {
        "rekam_session"
    }
}

/// The audit log's role for a sign-in under a name no account has.
const UNKNOWN_ROLE: &str = "unknown";

/// A signed-in staff member.
#[derive(Debug, Clone)]
pub struct Principal {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub role: StaffRole,
    /// Kecamatan operators: their kecamatan (dotted code).
    pub district_code: Option<String>,
    pub expires_at: String,
    /// An administrator set the password: only the change-password endpoint serves this session.
    pub must_change_password: bool,
}

impl Principal {
    /// Whether this staff member may see an application of the given kecamatan. Kecamatan
    /// operators see only their own; dinas roles see all; the administrator sees none.
    pub fn may_access_district(&self, district_code: &str) -> bool {
        match self.role {
            StaffRole::KecamatanOperator => self.district_code.as_deref() == Some(district_code),
            role => role.reads_applications(),
        }
    }

    pub fn session_info(&self) -> SessionInfo {
        let district_name = self.district_code.as_deref().and_then(|code| {
            shared::domain::RegionCode::parse(code)
                .ok()
                .and_then(|c| BundledRegions.name(c))
                .map(str::to_string)
        });
        SessionInfo {
            username: self.username.clone(),
            display_name: self.display_name.clone(),
            role: self.role,
            district_code: self.district_code.clone(),
            district_name,
            expires_at: self.expires_at.clone(),
            must_change_password: self.must_change_password,
        }
    }
}

/// A PHC string of a password nobody has: unknown user names cost the same time as known ones.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$3Bz0bXyyOMdFQhb3x8TbvY1gNTfD4bZuKP0UxmYCq6E";

/// Checks the credentials and opens a session. Returns the session info and the cookie token.
///
/// Every name goes the same way, whether an account has it, is disabled or is held: counted by
/// the throttle first (`sign_in_throttle`), then one password check (against a hash nobody has
/// when there is no usable account), then one answer for any failure.
pub async fn login(ctx: &RequestContext, req: &LoginRequest) -> ApiResult<(SessionInfo, String)> {
    let db = ctx.env.d1(bindings::DB)?;
    let username = req.username.trim();
    let account = staff::find_by_username(&db, username).await?;
    let last = match sign_in_throttle::begin(&db, ctx, username).await? {
        Attempt::Counted { last } => last,
        Attempt::Held => {
            sign_in_refused(ctx, &db, account.as_ref(), username, "held").await?;
            return Err(ApiError::Code(ErrorCode::AccountLocked));
        }
    };
    let usable = account.as_ref().filter(|row| row.active == 1);
    let hash = usable.map_or(DUMMY_HASH, |row| row.password_hash.as_str());
    let right =
        verify_password(&req.password, hash).map_err(|e| ApiError::Internal(format!("{e:?}")))?;
    let Some(row) = usable.filter(|_| right) else {
        let reason = match &account {
            None => "unknown_user",
            Some(row) if row.active != 1 => "inactive",
            Some(_) => "wrong_password",
        };
        sign_in_refused(ctx, &db, account.as_ref(), username, reason).await?;
        return Err(ApiError::Code(if last {
            ErrorCode::AccountLocked
        } else {
            ErrorCode::InvalidCredentials
        }));
    };
    let role = row.role;
    sign_in_throttle::succeeded(&db, ctx, username).await?;
    audit_now(ctx, &db, Some(&row.id), role.as_str(), "auth.sign_in", None).await?;
    let token = crate::services::random::hex::<32>();
    let expires_at = ctx.iso_after_minutes(SESSION_HOURS * 60);
    staff::insert_session(
        &db,
        &token_hash(&token),
        &row.id,
        &ctx.now,
        &expires_at,
        &ctx.client_key,
    )
    .await?;
    let principal = Principal {
        id: row.id.clone(),
        username: row.username.clone(),
        display_name: row.display_name.clone(),
        role,
        district_code: row.district_code.clone(),
        expires_at,
        must_change_password: row.must_change_password != 0,
    };
    Ok((principal.session_info(), token))
}

/// The staff member signed in on this request, or 401; 403 `password_change_required` while an
/// administrator's password is not yet replaced by their own.
pub async fn principal(req: &Request, ctx: &RequestContext) -> ApiResult<Principal> {
    let who = session_principal(req, ctx).await?;
    if who.must_change_password {
        return Err(ApiError::Code(ErrorCode::PasswordChangeRequired));
    }
    Ok(who)
}

/// The staff member signed in on this request, or 401, even one who must change the password
/// first: only for `GET /api/auth/me` and the password change itself.
pub async fn session_principal(req: &Request, ctx: &RequestContext) -> ApiResult<Principal> {
    principal_of(req.headers(), ctx).await
}

/// The staff member whose session cookie is in these headers, or 401 (also one who must still
/// change the password: the refusal audit names whoever was refused).
pub async fn principal_of(headers: &Headers, ctx: &RequestContext) -> ApiResult<Principal> {
    let token = session_token(headers, ctx).ok_or(ApiError::Code(ErrorCode::Unauthenticated))?;
    let db = ctx.env.d1(bindings::DB)?;
    let row = staff::find_session(&db, &token_hash(&token), &ctx.now)
        .await?
        .ok_or(ApiError::Code(ErrorCode::Unauthenticated))?;
    let role = row.role;
    Ok(Principal {
        id: row.id,
        username: row.username,
        display_name: row.display_name,
        role,
        district_code: row.district_code,
        expires_at: row.expires_at,
        must_change_password: row.must_change_password != 0,
    })
}

pub async fn logout(req: &Request, ctx: &RequestContext) -> ApiResult<()> {
    if let Some(token) = session_token(req.headers(), ctx) {
        let db = ctx.env.d1(bindings::DB)?;
        staff::delete_session(&db, &token_hash(&token)).await?;
    }
    Ok(())
}

/// The session token in these headers' cookies (`http::parse::cookies`).
pub(crate) fn session_token(headers: &Headers, ctx: &RequestContext) -> Option<String> {
    let cookies = headers.get("cookie").ok().flatten()?;
    crate::http::parse::cookies::session_token(&cookies, session_cookie(ctx.https))
        .map(str::to_string)
}

pub(crate) fn token_hash(token: &str) -> String {
    crate::services::random::to_hex(&Sha256::digest(token.as_bytes()))
}

/// Every refused sign-in is audited with why: the name typed (unknown names too, so guessing
/// shows) and the account when there is one.
async fn sign_in_refused(
    ctx: &RequestContext,
    db: &worker::D1Database,
    account: Option<&staff::StaffRow>,
    username: &str,
    reason: &str,
) -> ApiResult<()> {
    let detail = serde_json::json!({ "username": username, "reason": reason }).to_string();
    let (id, role) = account.map_or((None, UNKNOWN_ROLE), |a| {
        (Some(a.id.as_str()), a.role.as_str())
    });
    audit_now(ctx, db, id, role, "auth.sign_in_failed", Some(&detail)).await
}

async fn audit_now(
    ctx: &RequestContext,
    db: &worker::D1Database,
    staff_id: Option<&str>,
    role: &str,
    action: &str,
    detail_json: Option<&str>,
) -> ApiResult<()> {
    let entry = audit::AuditEntry {
        at: &ctx.now,
        staff_id,
        role,
        action,
        application_id: None,
        client: &ctx.client_key,
        request_id: &ctx.request_id,
        detail_json,
    };
    audit::record(db, vec![entry.row()]).await?;
    Ok(())
}
