//! The `sign_in_attempts` table: failed sign-ins counted per (name as typed, client).

use worker::{D1Database, D1PreparedStatement, Result};

/// The limits one reservation is checked against (policy: `services::sign_in_throttle`).
pub struct Limits<'a> {
    /// Failures of one client under one name within the window.
    pub per_client: u32,
    /// Failures of all clients under one name within the window; clients that signed in as
    /// that name since `trusted_since` are not held by it.
    pub per_name: u32,
    /// Failures counted before this instant belong to an ended window.
    pub window_floor: &'a str,
    pub trusted_since: &'a str,
}

/// Counts one attempt as failed before its password is checked, in one statement, so parallel
/// attempts cannot all slip in before the count; `None` when the limits refuse the attempt
/// (then nothing is counted). Returns this client's failures in the window, this one included.
pub async fn reserve(
    db: &D1Database,
    username: &str,
    client: &str,
    now: &str,
    limits: &Limits<'_>,
) -> Result<Option<u32>> {
    #[derive(serde::Deserialize)]
    struct Counted {
        failures: u32,
    }
    // A new (name, client) pair is only inserted while the name's total is under its limit;
    // an existing pair (the SELECT lets it through to the conflict clause) is counted only
    // while neither its own limit nor, unless the client is trusted, the name's total is
    // reached. An ended window starts again at one.
    let counted: Option<Counted> = db
        .prepare(
            "INSERT INTO sign_in_attempts (username, client, failures, window_start) \
             SELECT ?1, ?2, 1, ?3 \
             WHERE (SELECT COALESCE(SUM(failures), 0) FROM sign_in_attempts \
                    WHERE username = ?1 AND window_start > ?4) < ?6 \
                OR EXISTS (SELECT 1 FROM sign_in_attempts WHERE username = ?1 AND client = ?2) \
             ON CONFLICT (username, client) DO UPDATE SET \
               failures = CASE WHEN window_start > ?4 THEN failures + 1 ELSE 1 END, \
               window_start = CASE WHEN window_start > ?4 THEN window_start ELSE ?3 END \
             WHERE (window_start <= ?4 OR failures < ?5) \
               AND (COALESCE(last_success_at, '') > ?7 \
                    OR (SELECT COALESCE(SUM(failures), 0) FROM sign_in_attempts \
                        WHERE username = ?1 AND window_start > ?4) < ?6) \
             RETURNING failures",
        )
        .bind(&[
            username.into(),
            client.into(),
            now.into(),
            limits.window_floor.into(),
            limits.per_client.into(),
            limits.per_name.into(),
            limits.trusted_since.into(),
        ])?
        .first(None)
        .await?;
    Ok(counted.map(|c| c.failures))
}

/// The attempt succeeded: this client's failures under the name end, and it is trusted.
pub async fn succeeded(db: &D1Database, username: &str, client: &str, now: &str) -> Result<()> {
    db.prepare(
        "UPDATE sign_in_attempts SET failures = 0, last_success_at = ?3 \
         WHERE username = ?1 AND client = ?2",
    )
    .bind(&[username.into(), client.into(), now.into()])?
    .run()
    .await?;
    Ok(())
}

/// An administrator's unlock (or password reset): every client's failures under the name end.
pub fn clear(db: &D1Database, username: &str) -> Result<D1PreparedStatement> {
    db.prepare("UPDATE sign_in_attempts SET failures = 0 WHERE username = ?1")
        .bind(&[username.into()])
}

/// Forgets pairs with neither a failure nor a success since `before` (the retention sweep).
pub async fn forget_before(db: &D1Database, before: &str) -> Result<()> {
    db.prepare(
        "DELETE FROM sign_in_attempts WHERE window_start < ?1 \
         AND COALESCE(last_success_at, '') < ?1",
    )
    .bind(&[before.into()])?
    .run()
    .await?;
    Ok(())
}

/// The SQL expression for until when a `staff` row's sign-ins are held (a client's pair at its
/// limit, or the name's total), or NULL: the administrator's list shows it as "locked until".
pub(super) fn held_until_sql() -> String {
    use shared::auth::{LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS, MAX_FAILED_SIGN_INS_PER_NAME};
    format!(
        "(SELECT CASE WHEN MAX(a.failures) >= {MAX_FAILED_SIGN_INS} \
           OR SUM(a.failures) >= {MAX_FAILED_SIGN_INS_PER_NAME} \
           THEN strftime('%Y-%m-%dT%H:%M:%fZ', MAX(a.window_start), '+{LOCKOUT_MINUTES} minutes') END \
          FROM sign_in_attempts a WHERE a.username = lower(staff.username) \
          AND a.window_start > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-{LOCKOUT_MINUTES} minutes')) AS locked_until"
    )
}
