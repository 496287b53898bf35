//! Who is signed in on this tablet, as reactive context for the staff screens. The session
//! itself is an HttpOnly cookie; the `SessionInfo` copy kept in `localStorage` only lets the
//! console open while the line is down (the server still decides on every request).

use crate::platform::storage;
use leptos::prelude::*;
use shared::api::SessionInfo;
use shared::auth::StaffRole;

const KEY: &str = "rekam.staff.session";

/// The remembered session, if any.
pub fn remembered() -> Option<SessionInfo> {
    storage::get(KEY).and_then(|text| serde_json::from_str(&text).ok())
}

/// Remembers a fresh sign-in (a full storage only costs the offline start, so it is not fatal).
pub fn remember(info: &SessionInfo) {
    if let Ok(text) = serde_json::to_string(info) {
        let _ = storage::set(KEY, &text);
    }
}

/// Forgets the session (sign-out or expiry). Drafts and the outbox are kept on purpose: the
/// operator signs in again and carries on.
pub fn forget() {
    storage::remove(KEY);
}

/// Where a role starts after signing in.
pub const fn home_of(role: StaffRole) -> &'static str {
    match role {
        StaffRole::KecamatanOperator => "/kecamatan",
        // The dinas console is another issue; until it exists these roles land on its path.
        StaffRole::DinasOperator | StaffRole::DinasSupervisor => "/dinas",
        StaffRole::Administrator => "/admin",
    }
}

/// The signed-in staff member as context (provided by the kecamatan shell).
#[derive(Clone, Copy)]
pub struct Session(pub RwSignal<Option<SessionInfo>>);

/// The session context; an empty one outside the console.
pub fn use_session() -> Session {
    use_context::<Session>().unwrap_or_else(|| Session(RwSignal::new(remembered())))
}

/// A safe path to return to after signing in: only our own console paths, never another origin.
pub fn safe_return_path(next: Option<String>) -> Option<String> {
    next.filter(|p| p.starts_with("/kecamatan") && !p.contains("//"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn return_paths_stay_inside_the_console() {
        assert_eq!(
            safe_return_path(Some("/kecamatan/permohonan/x".into())).as_deref(),
            Some("/kecamatan/permohonan/x")
        );
        assert_eq!(safe_return_path(Some("https://evil.example/".into())), None);
        assert_eq!(
            safe_return_path(Some("/kecamatan//evil.example".into())),
            None
        );
        assert_eq!(safe_return_path(None), None);
    }
}
