//! Staff administration by the administrator: list, create (role and, for a kecamatan operator,
//! exactly one kecamatan of this regency), disable, re-enable, reset a password (to be changed at
//! the next sign-in), unlock; and a person's own password change. Every change is audited in the
//! batch that makes it and answered idempotently; the administrator reads no applications.

use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::{self, Principal};
use crate::services::idempotency::{self, Answer, IdempotencyKey, Prior};
use crate::services::random;
use crate::services::sign_in_throttle;
use crate::storage::audit;
use crate::storage::staff::{self, AccountRow, NewAccount};
use shared::api::{
    ChangePasswordRequest, ErrorCode, FieldError, NewStaffAccount, ResetPasswordRequest,
    SessionInfo, StaffAccount, StaffAccountList,
};
use shared::audit::AuditContent;
use shared::auth::{hash_password, password_problems, username_valid, StaffRole, SALT_BYTES};
use shared::domain::{RegionCode, RegionLevel};
use shared::regions::{BundledRegions, DistrictStatus, RegionDirectory};
use shared::validation::FieldCode;
use worker::{D1Database, D1PreparedStatement, Request};

/// The regency this office serves (the variable the certificates are issued under).
const REGENCY_VAR: &str = "CERT_ISSUER_REGENCY";
const DISPLAY_NAME_MAX_CHARS: usize = 80;

/// One change an administrator makes to an existing account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountChange {
    Disable,
    Enable,
    Unlock,
    /// A temporary password, to be changed at the next sign-in.
    ResetPassword(ResetPasswordRequest),
}

impl AccountChange {
    const fn action(&self) -> &'static str {
        match self {
            AccountChange::Disable => "staff.disable",
            AccountChange::Enable => "staff.enable",
            AccountChange::Unlock => "staff.unlock",
            AccountChange::ResetPassword(_) => "staff.reset_password",
        }
    }
}

fn administrator(who: &Principal) -> ApiResult<()> {
    match who.role {
        StaffRole::Administrator => Ok(()),
        _ => Err(ApiError::Code(ErrorCode::Forbidden)),
    }
}

pub async fn list(ctx: &RequestContext, who: &Principal) -> ApiResult<StaffAccountList> {
    administrator(who)?;
    let db = ctx.env.d1(bindings::DB)?;
    let accounts = staff::list_accounts(&db)
        .await?
        .into_iter()
        .map(account_view)
        .collect();
    Ok(StaffAccountList { accounts })
}

pub async fn create(
    ctx: &RequestContext,
    who: &Principal,
    body: &NewStaffAccount,
    key: Option<&IdempotencyKey>,
) -> ApiResult<Answer> {
    administrator(who)?;
    let db = ctx.env.d1(bindings::DB)?;
    if let Some(answer) = replay(&db, key).await? {
        return Ok(answer);
    }
    let username = body.username.trim();
    let display_name = body.display_name.trim();
    let district = body
        .district_code
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty());
    let mut problems = Vec::new();
    let mut problem = |field: &str, code| {
        problems.push(FieldError {
            field: field.to_string(),
            code,
        })
    };
    if !username_valid(username) {
        problem("username", FieldCode::UsernameFormat);
    } else if staff::find_by_username(&db, username).await?.is_some() {
        problem("username", FieldCode::UsernameTaken);
    }
    if display_name.is_empty() {
        problem("display_name", FieldCode::Required);
    } else if display_name.chars().count() > DISPLAY_NAME_MAX_CHARS {
        problem("display_name", FieldCode::TooLong);
    }
    match (body.role, district) {
        (StaffRole::KecamatanOperator, Some(d)) if kecamatan_of_regency(ctx, d) => {}
        (StaffRole::KecamatanOperator, _) => problem("district_code", FieldCode::KecamatanRequired),
        (_, Some(_)) => problem("district_code", FieldCode::KecamatanNotForRole),
        (_, None) => {}
    }
    for code in password_problems(&body.password, username) {
        problem("password", code);
    }
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    let id = random::hex::<16>();
    let hash = hash(&body.password)?;
    let insert = staff::insert_account(
        &db,
        &NewAccount {
            id: &id,
            username,
            display_name,
            role: body.role,
            district_code: district,
            password_hash: &hash,
            now: &ctx.now,
        },
    )?;
    let created = AccountRow {
        id: id.clone(),
        username: username.to_string(),
        display_name: display_name.to_string(),
        role: body.role,
        district_code: district.map(str::to_string),
        active: 1,
        locked_until: None,
        must_change_password: 1,
        created_at: ctx.now.clone(),
    };
    let answer = Answer::ok(&account_view(created))?;
    commit(
        &db,
        ctx,
        who,
        key,
        vec![insert],
        "staff.create",
        &id,
        answer,
    )
    .await
}

/// Disable, re-enable, unlock or reset the password. Disabling and a reset end the account's
/// sessions at once; a reset also lifts any lock.
pub async fn change(
    ctx: &RequestContext,
    who: &Principal,
    account_id: &str,
    change: AccountChange,
    key: Option<&IdempotencyKey>,
) -> ApiResult<Answer> {
    administrator(who)?;
    let db = ctx.env.d1(bindings::DB)?;
    if let Some(answer) = replay(&db, key).await? {
        return Ok(answer);
    }
    let mut account = staff::find_account(&db, account_id)
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    let statements = match &change {
        // An administrator who disables their own account could leave the office with none.
        AccountChange::Disable if account.id == who.id => {
            return Err(ApiError::Code(ErrorCode::Forbidden))
        }
        AccountChange::Disable => {
            account.active = 0;
            vec![
                staff::set_active(&db, account_id, false)?,
                staff::end_sessions(&db, account_id)?,
            ]
        }
        AccountChange::Enable => {
            account.active = 1;
            vec![staff::set_active(&db, account_id, true)?]
        }
        AccountChange::Unlock => {
            account.locked_until = None;
            vec![sign_in_throttle::release(&db, &account.username)?]
        }
        AccountChange::ResetPassword(reset) => {
            password_refusals("password", &reset.password, &account.username)?;
            account.must_change_password = 1;
            account.locked_until = None;
            vec![
                staff::set_password(&db, account_id, &hash(&reset.password)?, true)?,
                staff::end_sessions(&db, account_id)?,
                sign_in_throttle::release(&db, &account.username)?,
            ]
        }
    };
    let answer = Answer::ok(&account_view(account))?;
    commit(
        &db,
        ctx,
        who,
        key,
        statements,
        change.action(),
        account_id,
        answer,
    )
    .await
}

/// The signed-in person's own new password. Their other sessions end; this one goes on, now
/// free of `password_change_required`.
pub async fn change_own_password(
    ctx: &RequestContext,
    req: &Request,
    who: &Principal,
    body: &ChangePasswordRequest,
) -> ApiResult<SessionInfo> {
    let db = ctx.env.d1(bindings::DB)?;
    let row = staff::find_by_id(&db, &who.id)
        .await?
        .ok_or(ApiError::Code(ErrorCode::Unauthenticated))?;
    let current_ok = shared::auth::verify_password(&body.current_password, &row.password_hash)
        .map_err(|e| ApiError::Internal(format!("{e:?}")))?;
    if !current_ok {
        return Err(ApiError::Validation(vec![FieldError {
            field: "current_password".into(),
            code: FieldCode::PasswordWrong,
        }]));
    }
    if body.new_password == body.current_password {
        return Err(ApiError::Validation(vec![FieldError {
            field: "new_password".into(),
            code: FieldCode::PasswordUnchanged,
        }]));
    }
    password_refusals("new_password", &body.new_password, &row.username)?;
    let token = auth::session_token(req.headers(), ctx)
        .ok_or(ApiError::Code(ErrorCode::Unauthenticated))?;
    let statements = vec![
        staff::set_password(&db, &who.id, &hash(&body.new_password)?, false)?,
        staff::end_other_sessions(&db, &who.id, &auth::token_hash(&token))?,
    ];
    let audited = vec![audit_row(ctx, who, "auth.password_change", &who.id)];
    audit::commit(&db, statements, audited).await?;
    let mut changed = who.clone();
    changed.must_change_password = false;
    Ok(changed.session_info())
}

fn password_refusals(field: &str, password: &str, username: &str) -> ApiResult<()> {
    let problems: Vec<FieldError> = password_problems(password, username)
        .into_iter()
        .map(|code| FieldError {
            field: field.to_string(),
            code,
        })
        .collect();
    match problems.is_empty() {
        true => Ok(()),
        false => Err(ApiError::Validation(problems)),
    }
}

/// Whether `code` is a current kecamatan of the regency this office serves.
fn kecamatan_of_regency(ctx: &RequestContext, code: &str) -> bool {
    let regency = ctx
        .env
        .var(REGENCY_VAR)
        .ok()
        .and_then(|v| RegionCode::parse(&v.to_string()).ok());
    match (RegionCode::parse(code), regency) {
        (Ok(district), Some(regency)) => {
            district.level() == RegionLevel::District
                && district.is_within(regency)
                && BundledRegions.district_status(district) == DistrictStatus::Current
        }
        _ => false,
    }
}

fn hash(password: &str) -> ApiResult<String> {
    hash_password(password, random::bytes::<SALT_BYTES>())
        .map_err(|e| ApiError::Internal(format!("{e:?}")))
}

async fn replay(db: &D1Database, key: Option<&IdempotencyKey>) -> ApiResult<Option<Answer>> {
    Ok(match idempotency::prior(db, key).await? {
        Prior::Answered(answer) => Some(answer),
        Prior::New | Prior::Begun => None,
    })
}

fn audit_row(
    ctx: &RequestContext,
    who: &Principal,
    action: &str,
    account_id: &str,
) -> AuditContent {
    let detail = serde_json::json!({ "account_id": account_id }).to_string();
    audit::AuditEntry {
        at: &ctx.now,
        staff_id: Some(&who.id),
        role: who.role.as_str(),
        action,
        application_id: None,
        client: &ctx.client_key,
        request_id: &ctx.request_id,
        detail_json: Some(&detail),
    }
    .row()
}

/// `statements`, the audit entry and the answer under the key, in one batch.
#[allow(clippy::too_many_arguments)]
async fn commit(
    db: &D1Database,
    ctx: &RequestContext,
    who: &Principal,
    key: Option<&IdempotencyKey>,
    mut statements: Vec<D1PreparedStatement>,
    action: &str,
    account_id: &str,
    answer: Answer,
) -> ApiResult<Answer> {
    if let Some(key) = key {
        statements.push(idempotency::answer_statement(db, key, &answer, &ctx.now)?);
    }
    let audited = vec![audit_row(ctx, who, action, account_id)];
    match audit::commit(db, statements, audited).await {
        Ok(_) => Ok(answer),
        Err(e) => idempotency::replay_after_failure(db, key, e.into()).await,
    }
}

fn account_view(row: AccountRow) -> StaffAccount {
    let district_name = row.district_code.as_deref().and_then(|code| {
        RegionCode::parse(code)
            .ok()
            .and_then(|c| BundledRegions.name(c))
            .map(str::to_string)
    });
    StaffAccount {
        id: row.id,
        username: row.username,
        display_name: row.display_name,
        role: row.role,
        district_code: row.district_code,
        district_name,
        active: row.active != 0,
        locked_until: row.locked_until,
        must_change_password: row.must_change_password != 0,
        created_at: row.created_at,
    }
}
