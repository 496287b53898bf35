//! Per-client request budgets, kept by the rate limiter Durable Object.

use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};

/// Spends one request of `bucket`'s budget for this client, or refuses with the time to wait.
pub async fn spend(ctx: &RequestContext, bucket: &str, limit: u32, window_s: u32) -> ApiResult<()> {
    spend_for(ctx, bucket, &ctx.client_key, limit, window_s).await
}

/// Spends one request of `bucket`'s budget kept for `key` (a client, a kecamatan...).
pub async fn spend_for(
    ctx: &RequestContext,
    bucket: &str,
    key: &str,
    limit: u32,
    window_s: u32,
) -> ApiResult<()> {
    let namespace = ctx.env.durable_object(bindings::RATE_LIMITER)?;
    let stub = namespace.get_by_name(&format!("{bucket}:{key}"))?;
    let url = format!(
        "https://rate-limiter/?limit={limit}&window_ms={}",
        u64::from(window_s) * 1000
    );
    let mut resp = stub.fetch_with_str(&url).await?;
    if resp.status_code() == 429 {
        let retry_after_s = resp.text().await?.parse().unwrap_or(u64::from(window_s));
        return Err(ApiError::RateLimited { retry_after_s });
    }
    Ok(())
}
