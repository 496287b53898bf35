//! The `staff` and `sessions` tables (roles decoded here).

use serde::Deserialize;
use shared::auth::StaffRole;
use worker::{D1Database, Result};

#[derive(Debug, Clone, Deserialize)]
pub struct StaffRow {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub role: StaffRole,
    pub district_code: Option<String>,
    pub password_hash: String,
    pub failed_attempts: u32,
    pub locked_until: Option<String>,
    pub active: u32,
}

const STAFF_COLUMNS: &str =
    "id, username, display_name, role, district_code, password_hash, failed_attempts, locked_until, active";

pub async fn find_by_username(db: &D1Database, username: &str) -> Result<Option<StaffRow>> {
    db.prepare(format!(
        "SELECT {STAFF_COLUMNS} FROM staff WHERE username = ?1"
    ))
    .bind(&[username.into()])?
    .first(None)
    .await
}

/// Records a failed sign-in; locks the account until `locked_until` once the count reaches `max`.
pub async fn record_failure(db: &D1Database, id: &str, max: u32, locked_until: &str) -> Result<()> {
    db.prepare(
        "UPDATE staff SET failed_attempts = failed_attempts + 1, \
         locked_until = CASE WHEN failed_attempts + 1 >= ?2 THEN ?3 ELSE locked_until END WHERE id = ?1",
    )
    .bind(&[id.into(), max.into(), locked_until.into()])?
    .run()
    .await?;
    Ok(())
}

pub async fn record_success(db: &D1Database, id: &str) -> Result<()> {
    db.prepare("UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?1")
        .bind(&[id.into()])?
        .run()
        .await?;
    Ok(())
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
}

pub async fn find_session(
    db: &D1Database,
    token_hash: &str,
    now: &str,
) -> Result<Option<SessionStaff>> {
    db.prepare(
        "SELECT s.id, s.username, s.display_name, s.role, s.district_code, x.expires_at \
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
