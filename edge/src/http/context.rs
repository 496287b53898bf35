//! What every handler knows about the request it serves: id, language, client, time, bindings.

use shared::domain::Date;
use shared::i18n::Lang;
use worker::{Env, Request};

pub struct RequestContext {
    pub env: Env,
    pub request_id: String,
    pub lang: Lang,
    /// A key for per-client limits: the client address as the platform reports it.
    pub client_key: String,
    /// The request came over HTTPS (everywhere but the local run on loopback HTTP).
    pub https: bool,
    /// Current instant as an ISO 8601 UTC timestamp.
    pub now: String,
    /// Today's civil date in Indonesia's western time zone (WIB, UTC+7, no daylight saving), where
    /// Grobogan lies: ages and eligibility are decided on the local date, not UTC's.
    pub today: Date,
}

impl RequestContext {
    /// The ISO timestamp `minutes` from now.
    pub fn iso_after_minutes(&self, minutes: u32) -> String {
        self.iso_shifted(f64::from(minutes))
    }

    /// The ISO timestamp `minutes` ago.
    pub fn iso_before_minutes(&self, minutes: u32) -> String {
        self.iso_shifted(-f64::from(minutes))
    }

    /// A numeric setting from `[vars]` (edge/wrangler.toml), or `default` when absent or not a
    /// number.
    pub fn var_u32(&self, name: &str, default: u32) -> u32 {
        self.env
            .var(name)
            .ok()
            .and_then(|v| v.to_string().trim().parse().ok())
            .unwrap_or(default)
    }

    fn iso_shifted(&self, minutes: f64) -> String {
        let ms = js_sys::Date::parse(&self.now) + minutes * 60_000.0;
        String::from(js_sys::Date::new(&ms.into()).to_iso_string())
    }
}

impl RequestContext {
    /// A queue job has no request: its context names the matching worker as the client, and a
    /// request id of its own, for the audit log.
    pub fn for_queue(env: Env) -> Self {
        let (now_ms, now, today) = clock();
        RequestContext {
            env,
            request_id: format!("queue-{}", now_ms as u64),
            lang: Lang::Id,
            client_key: "matching-worker".to_string(),
            https: true,
            now,
            today,
        }
    }

    pub fn new(req: &Request, env: Env) -> Self {
        let headers = req.headers();
        let lang = match headers.get("accept-language").ok().flatten() {
            Some(v) if v.trim_start().to_ascii_lowercase().starts_with("en") => Lang::En,
            _ => Lang::Id,
        };
        let client_key = headers
            .get("cf-connecting-ip")
            .ok()
            .flatten()
            .unwrap_or_else(|| "local".to_string());
        let (_, now, today) = clock();
        Self {
            request_id: super::request_id::request_id(req),
            lang,
            client_key,
            https: req.url().map(|u| u.scheme() == "https").unwrap_or(true),
            now,
            today,
            env,
        }
    }
}

/// The current instant (ms and ISO UTC) and today's date in WIB.
fn clock() -> (f64, String, Date) {
    let now_ms = js_sys::Date::now();
    let now = String::from(js_sys::Date::new(&now_ms.into()).to_iso_string());
    let wib = String::from(
        js_sys::Date::new(&(now_ms + shared::domain::WIB_OFFSET_MS).into()).to_iso_string(),
    );
    let today = Date::parse_iso(&wib[..10]).expect("the runtime's clock gives a valid date");
    (now_ms, now, today)
}
