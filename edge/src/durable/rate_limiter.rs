//! Rate limiter Durable Object: one instance per client key, counting requests per fixed window.
//!
//! Counters live in memory on purpose: losing them when the object is evicted only resets a
//! window, which is harmless for a limiter and saves a storage write per request.

use std::cell::RefCell;
use worker::{durable_object, DurableObject, Env, Request, Response, Result, State};

#[durable_object]
pub struct RateLimiter {
    /// (window start in ms, requests counted in it)
    window: RefCell<(u64, u32)>,
}

impl DurableObject for RateLimiter {
    fn new(_state: State, _env: Env) -> Self {
        Self {
            window: RefCell::new((0, 0)),
        }
    }

    /// `GET /?limit=N&window_ms=W` answers 200 when the request is allowed and 429 with the seconds
    /// to wait when the window's budget is spent.
    async fn fetch(&self, req: Request) -> Result<Response> {
        let url = req.url()?;
        let param = |name: &str| {
            url.query_pairs()
                .find(|(k, _)| k == name)
                .and_then(|(_, v)| v.parse::<u64>().ok())
        };
        let limit = param("limit").unwrap_or(60) as u32;
        let window_ms = param("window_ms").unwrap_or(60_000).max(1);
        let now = worker::Date::now().as_millis();
        let mut w = self.window.borrow_mut();
        if now >= w.0 + window_ms {
            *w = (now, 0);
        }
        if w.1 >= limit {
            let retry_after_s = (w.0 + window_ms - now).div_ceil(1000);
            return Response::error(retry_after_s.to_string(), 429);
        }
        w.1 += 1;
        Response::ok("ok")
    }
}
