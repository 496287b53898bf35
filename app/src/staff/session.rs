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

/// Where a role starts after signing in: its console.
pub const fn home_of(role: StaffRole) -> &'static str {
    match role {
        StaffRole::KecamatanOperator => "/kecamatan",
        StaffRole::DinasOperator | StaffRole::DinasSupervisor => "/dinas",
        StaffRole::Administrator => "/staf/administrasi",
    }
}

/// The signed-in staff member as context (provided by the console's frame).
#[derive(Clone, Copy)]
pub struct Session(pub RwSignal<Option<SessionInfo>>);

/// The session context; an empty one outside the console.
pub fn use_session() -> Session {
    use_context::<Session>().unwrap_or_else(|| Session(RwSignal::new(remembered())))
}

/// Where `role` goes after signing in: back to `next` (the page that asked for the sign-in) when
/// it is a page of the role's own console, else the console's start. Only our own paths, never
/// another origin, and never another role's console (a kecamatan operator's expired page
/// must not send a supervisor signing in on the same desk to a console they cannot use).
pub fn after_sign_in(role: StaffRole, next: Option<String>) -> String {
    let home = home_of(role);
    next.filter(|p| !p.contains("//"))
        .filter(|p| {
            p == home
                || p.strip_prefix(home)
                    .is_some_and(|rest| rest.starts_with('/') || rest.starts_with('?'))
        })
        .unwrap_or_else(|| home.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_in_returns_only_inside_the_role_console() {
        let kec = StaffRole::KecamatanOperator;
        let back = |role, next: &str| after_sign_in(role, Some(next.to_string()));
        assert_eq!(
            back(kec, "/kecamatan/permohonan/x"),
            "/kecamatan/permohonan/x"
        );
        assert_eq!(back(kec, "https://evil.example/"), "/kecamatan");
        assert_eq!(back(kec, "/kecamatan//evil.example"), "/kecamatan");
        assert_eq!(back(kec, "/kecamatanku"), "/kecamatan");
        assert_eq!(back(kec, "/dinas/adjudikasi"), "/kecamatan");
        assert_eq!(after_sign_in(kec, None), "/kecamatan");
        let sup = StaffRole::DinasSupervisor;
        assert_eq!(back(sup, "/dinas/adjudikasi/c1"), "/dinas/adjudikasi/c1");
        assert_eq!(back(sup, "/kecamatan"), "/dinas");
        assert_eq!(after_sign_in(StaffRole::DinasOperator, None), "/dinas");
        assert_eq!(
            back(StaffRole::Administrator, "/dinas"),
            "/staf/administrasi"
        );
    }
}
