//! Sign-in throttling that an outsider cannot turn into a lock-out of staff (#15).
//!
//! Failures are counted per (name as typed, client), not on the account: five wrong guesses from
//! one address hold that address only, so the office's own tablets keep signing in while someone
//! elsewhere guesses. Guessing spread over many addresses is bounded by the name's total, which
//! does not hold clients that have signed in as that name before. Unknown names are counted
//! exactly like real ones, so the answers and the work do not tell which names exist. Each
//! attempt is counted before its password is checked, in one statement: parallel attempts
//! cannot fit more guesses into a window than the limit.

use crate::http::RequestContext;
use crate::storage::sign_in_attempts::{self, Limits};
use shared::auth::{
    LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS, MAX_FAILED_SIGN_INS_PER_NAME, TRUSTED_CLIENT_DAYS,
};
use worker::{D1Database, D1PreparedStatement, Result};

/// How an attempt may go on.
pub enum Attempt {
    /// Go on and check the password; if it is wrong, `last` says the client is now held.
    Counted { last: bool },
    /// Held: refused without checking anything.
    Held,
}

/// The key a name is counted under: as typed, trimmed and lower-cased.
pub fn name_key(username: &str) -> String {
    username.trim().to_lowercase()
}

/// Counts this attempt (before the password is checked) or refuses it.
pub async fn begin(db: &D1Database, ctx: &RequestContext, username: &str) -> Result<Attempt> {
    let window_floor = ctx.iso_before_minutes(LOCKOUT_MINUTES);
    let trusted_since = ctx.iso_before_minutes(TRUSTED_CLIENT_DAYS * 24 * 60);
    let limits = Limits {
        per_client: MAX_FAILED_SIGN_INS,
        per_name: MAX_FAILED_SIGN_INS_PER_NAME,
        window_floor: &window_floor,
        trusted_since: &trusted_since,
    };
    let counted =
        sign_in_attempts::reserve(db, &name_key(username), &ctx.client_key, &ctx.now, &limits)
            .await?;
    Ok(match counted {
        Some(failures) => Attempt::Counted {
            last: failures >= MAX_FAILED_SIGN_INS,
        },
        None => Attempt::Held,
    })
}

/// The password was right: this client's count under the name ends and it becomes trusted.
pub async fn succeeded(db: &D1Database, ctx: &RequestContext, username: &str) -> Result<()> {
    sign_in_attempts::succeeded(db, &name_key(username), &ctx.client_key, &ctx.now).await
}

/// An administrator's unlock or password reset of the account `username`.
pub fn release(db: &D1Database, username: &str) -> Result<D1PreparedStatement> {
    sign_in_attempts::clear(db, &name_key(username))
}

/// Forgets (name, client) pairs with neither a failure nor a success in the trust period, so
/// names typed by guessers are not kept for long (run by the cron).
pub async fn forget_old(env: &worker::Env) -> Result<()> {
    let ctx = RequestContext::for_queue(env.clone());
    let db = env.d1(crate::bindings::DB)?;
    let before = ctx.iso_before_minutes(TRUSTED_CLIENT_DAYS * 24 * 60);
    sign_in_attempts::forget_before(&db, &before).await
}
