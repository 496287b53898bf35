//! Staff-side plumbing shared by the consoles: sign-in page, session, the frame every console
//! screen sits in (session check and staff bar), the change-password page, the device storage
//! and the offline outbox (the staff API client is `crate::api::StaffApi`).

mod change_password_page;
pub mod outbox;
pub mod session;
mod sign_in_page;
mod staff_bar;
mod staff_shell;
pub mod store;
mod strings;
pub mod tablet_handover;

pub use change_password_page::{ChangePasswordPage, CHANGE_PASSWORD};
pub use sign_in_page::SignInPage;
pub use staff_bar::{BarLink, StaffBar};
pub use staff_shell::StaffShell;

/// Adds the console's stylesheet to the page once. Loaded here rather than from `index.html`
/// so that residents' phones never download it.
pub fn ensure_staff_css() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id("staff-css").is_some() {
        return;
    }
    if let (Ok(link), Some(head)) = (doc.create_element("link"), doc.head()) {
        let _ = link.set_attribute("id", "staff-css");
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", "/staff.css");
        let _ = head.append_child(&link);
    }
}

/// Sends panic messages to the browser console (the release build otherwise only shows
/// "unreachable"), so a failure on a tablet can be read from its developer tools.
pub fn install_panic_hook() {
    use std::sync::Once;
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("rekam panic: {info}").into());
        }));
    });
}
