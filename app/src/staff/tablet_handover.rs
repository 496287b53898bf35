//! A kecamatan tablet is shared by its operators: what one leaves on it is never another's.
//! The outbox and recording drafts are kept in a database per staff member (`store`); at
//! sign-out the sent part of the outbox and the walk-in draft (a resident's NIK, KK number and
//! birth date) are removed and the page is loaded afresh, so nothing of the session stays in
//! memory either. Unsent work stays, for its author's next sign-in. A session that ended without
//! a sign-out (expired, tab closed) leaves the walk-in draft behind: it is removed when someone
//! else signs in next.

use crate::platform::storage;

/// The last staff member who signed in on this device.
const LAST_USER: &str = "rekam.staff.last_user";

/// Signing out on this device: tidies up (the staff member's own store is found by the session,
/// so that is forgotten last), then starts the page afresh.
pub async fn leave() {
    super::outbox::forget_sent().await;
    crate::kecamatan::clear_walk_in_draft().await;
    super::session::forget();
    if let Some(w) = web_sys::window() {
        let _ = w.location().assign("/staf/masuk");
    }
}

/// After `username` signed in: another person's walk-in draft left behind is removed.
pub async fn after_sign_in(username: &str) {
    if storage::get(LAST_USER).as_deref() != Some(username) {
        crate::kecamatan::clear_walk_in_draft().await;
        let _ = storage::set(LAST_USER, username);
    }
}
