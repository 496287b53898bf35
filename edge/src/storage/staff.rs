//! The `staff` and `sessions` tables (roles decoded here).

use serde::Deserialize;
use shared::auth::StaffRole;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Result};

#[derive(Debug, Clone, Deserialize)]
pub struct StaffRow {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub role: StaffRole,
    pub district_code: Option<String>,
    pub password_hash: String,
    pub active: u32,
    pub must_change_password: u32,
}

const STAFF_COLUMNS: &str =
    "id, username, display_name, role, district_code, password_hash, active, must_change_password";

pub async fn find_by_username(db: &D1Database, username: &str) -> Result<Option<StaffRow>> {
    db.prepare(format!(
        "SELECT {STAFF_COLUMNS} FROM staff WHERE username = ?1"
    ))
    .bind(&[username.into()])?
    .first(None)
    .await
}

pub async fn insert_session(
    db: &D1Database,
    token_hash: &str,
    staff_id: &str,
    now: &str,
    expires_at: &str,
    client: &str,
) -> Result<()> {
    db.prepare("INSERT INTO sessions (token_hash, staff_id, created_at, expires_at, client) VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(&[token_hash.into(), staff_id.into(), now.into(), expires_at.into(), client.into()])?
        .run()
        .await?;
    Ok(())
}

/// The staff member behind a live session, with the session's expiry.
#[derive(Debug, Clone, Deserialize)]
pub struct SessionStaff {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub role: StaffRole,
    pub district_code: Option<String>,
    pub expires_at: String,
    pub must_change_password: u32,
}

pub async fn find_session(
    db: &D1Database,
    token_hash: &str,
    now: &str,
) -> Result<Option<SessionStaff>> {
    db.prepare(
        "SELECT s.id, s.username, s.display_name, s.role, s.district_code, x.expires_at, s.must_change_password \
         FROM sessions x JOIN staff s ON s.id = x.staff_id \
         WHERE x.token_hash = ?1 AND x.expires_at > ?2 AND s.active = 1",
    )
    .bind(&[token_hash.into(), now.into()])?
    .first(None)
    .await
}

pub async fn delete_session(db: &D1Database, token_hash: &str) -> Result<()> {
    db.prepare("DELETE FROM sessions WHERE token_hash = ?1")
        .bind(&[token_hash.into()])?
        .run()
        .await?;
    Ok(())
}

/// The name a staff member is shown by (on receipts), if the account exists.
pub async fn display_name(db: &D1Database, id: &str) -> Result<Option<String>> {
    #[derive(Deserialize)]
    struct Row {
        display_name: String,
    }
    let row: Option<Row> = db
        .prepare("SELECT display_name FROM staff WHERE id = ?1")
        .bind(&[id.into()])?
        .first(None)
        .await?;
    Ok(row.map(|r| r.display_name))
}

// The administrator's statements (services/staff_admin.rs) and a person's own password change.

/// An account as the administrator's list shows it.
#[derive(Debug, Clone, Deserialize)]
pub struct AccountRow {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub role: StaffRole,
    pub district_code: Option<String>,
    pub active: u32,
    pub locked_until: Option<String>,
    pub must_change_password: u32,
    pub created_at: String,
}

/// An account's columns; "locked until" is when its sign-ins stop being held.
fn account_columns() -> String {
    format!(
        "id, username, display_name, role, district_code, active, {}, must_change_password, created_at",
        super::sign_in_attempts::held_until_sql()
    )
}

pub async fn list_accounts(db: &D1Database) -> Result<Vec<AccountRow>> {
    db.prepare(format!(
        "SELECT {} FROM staff ORDER BY username",
        account_columns()
    ))
    .all()
    .await?
    .results()
}

pub async fn find_account(db: &D1Database, id: &str) -> Result<Option<AccountRow>> {
    db.prepare(format!(
        "SELECT {} FROM staff WHERE id = ?1",
        account_columns()
    ))
    .bind(&[id.into()])?
    .first(None)
    .await
}

pub async fn find_by_id(db: &D1Database, id: &str) -> Result<Option<StaffRow>> {
    db.prepare(format!("SELECT {STAFF_COLUMNS} FROM staff WHERE id = ?1"))
        .bind(&[id.into()])?
        .first(None)
        .await
}

/// A new account, for the batch that also audits it; it must change its password first.
pub struct NewAccount<'a> {
    pub id: &'a str,
    pub username: &'a str,
    pub display_name: &'a str,
    pub role: StaffRole,
    pub district_code: Option<&'a str>,
    pub password_hash: &'a str,
    pub now: &'a str,
}

pub fn insert_account(db: &D1Database, a: &NewAccount<'_>) -> Result<D1PreparedStatement> {
    let district = a.district_code.map(JsValue::from).unwrap_or(JsValue::NULL);
    db.prepare(
        "INSERT INTO staff (id, username, display_name, role, district_code, password_hash, created_at, must_change_password) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)",
    )
    .bind(&[
        a.id.into(),
        a.username.into(),
        a.display_name.into(),
        a.role.as_str().into(),
        district,
        a.password_hash.into(),
        a.now.into(),
    ])
}

/// Disables or re-enables an account.
pub fn set_active(db: &D1Database, id: &str, active: bool) -> Result<D1PreparedStatement> {
    db.prepare("UPDATE staff SET active = ?2 WHERE id = ?1")
        .bind(&[id.into(), u32::from(active).into()])
}

/// A new password hash; `must_change` when an administrator set it.
pub fn set_password(
    db: &D1Database,
    id: &str,
    password_hash: &str,
    must_change: bool,
) -> Result<D1PreparedStatement> {
    db.prepare("UPDATE staff SET password_hash = ?2, must_change_password = ?3 WHERE id = ?1")
        .bind(&[
            id.into(),
            password_hash.into(),
            u32::from(must_change).into(),
        ])
}

/// Ends every session of an account (disabled, or its password reset).
pub fn end_sessions(db: &D1Database, staff_id: &str) -> Result<D1PreparedStatement> {
    db.prepare("DELETE FROM sessions WHERE staff_id = ?1")
        .bind(&[staff_id.into()])
}

/// Ends the account's sessions but the one with this token hash (a person who changes their
/// own password stays signed in on this device only).
pub fn end_other_sessions(
    db: &D1Database,
    staff_id: &str,
    keep_token_hash: &str,
) -> Result<D1PreparedStatement> {
    db.prepare("DELETE FROM sessions WHERE staff_id = ?1 AND token_hash <> ?2")
        .bind(&[staff_id.into(), keep_token_hash.into()])
}
