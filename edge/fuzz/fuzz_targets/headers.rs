//! Fuzz target: the request headers the edge reads before any handler's logic. Input, as text
//! lines (`-` for an absent header): `Content-Type`, `Sec-Fetch-Site`, `Origin`,
//! `Idempotency-Key`, `Cookie`. Each parser is checked against its documented rule.
#![no_main]

use edge_fuzz::parse::content_type::{is_form_data, is_json};
use edge_fuzz::parse::cookies::session_token;
use edge_fuzz::parse::fetch_site::may_write;
use libfuzzer_sys::fuzz_target;
use shared::validation::is_idempotency_key;

const OWN_ORIGIN: &str = "https://rekam.example";
const SESSION_COOKIES: [&str; 2] = ["__Host-rekam_session", "rekam_session"];

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut lines = text.split('\n');
    let mut next = || lines.next().filter(|l| *l != "-");
    let (content_type, site, origin, key, cookie) = (next(), next(), next(), next(), next());

    if let Some(value) = content_type {
        content_types(value);
    }
    cross_site(site, origin);
    if let Some(key) = key {
        idempotency_key(key);
    }
    if let Some(header) = cookie {
        for name in SESSION_COOKIES {
            cookies(header, name);
        }
    }
});

/// The media type before any parameter, trimmed, decides; letter case does not.
fn content_types(value: &str) {
    let json = is_json(Some(value));
    let form = is_form_data(value);
    assert!(!(json && form), "{value:?} is both JSON and a form");
    assert_eq!(json, is_json(Some(&value.to_ascii_uppercase())));
    assert_eq!(form, is_form_data(&value.to_ascii_lowercase()));
    let essence = value.to_ascii_lowercase();
    let essence = essence.split(';').next().unwrap_or_default().trim();
    assert_eq!(json, essence == "application/json", "{value:?}");
    assert_eq!(form, essence == "multipart/form-data", "{value:?}");
    // Any parameters after the right media type keep it that type.
    assert!(is_json(Some(&format!("application/json;{value}"))));
    assert!(is_form_data(&format!("multipart/form-data; {value}")));
}

/// A write is let through only when the browser says it is the app's own (or the user's), or
/// when no browser sent it.
fn cross_site(site: Option<&str>, origin: Option<&str>) {
    let allowed = may_write(site, origin, Some(OWN_ORIGIN));
    match (site, origin) {
        (Some(site), _) => {
            assert_eq!(allowed, matches!(site.trim(), "same-origin" | "none"));
            // Sec-Fetch-Site decides alone: no Origin turns a cross-site request into our own.
            assert_eq!(
                allowed,
                may_write(Some(site), Some(OWN_ORIGIN), Some(OWN_ORIGIN))
            );
        }
        (None, Some(origin)) => assert_eq!(allowed, origin == OWN_ORIGIN),
        (None, None) => assert!(allowed),
    }
    // Without a known own origin, an Origin header never passes.
    if site.is_none() && origin.is_some() {
        assert!(!may_write(None, origin, None));
    }
}

/// Keys are 16-128 characters of ASCII letters, digits, `-` and `_` (shared::validation).
fn idempotency_key(key: &str) {
    let rule = (16..=128).contains(&key.chars().count())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    assert_eq!(is_idempotency_key(key), rule, "{key:?}");
}

/// A token is the value of the one cookie of that exact name, 64 hex digits.
fn cookies(header: &str, name: &str) {
    let Some(token) = session_token(header, name) else {
        return;
    };
    assert!(token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit()));
    let named: Vec<&str> = header
        .split(';')
        .filter_map(|pair| pair.trim().strip_prefix(name)?.strip_prefix('='))
        .collect();
    assert_eq!(named, [token], "{header:?}");
    // A planted second cookie of the name makes neither count.
    assert_eq!(
        session_token(&format!("{header}; {name}={token}"), name),
        None
    );
}
