//! Staff-side plumbing shared by the consoles: sign-in page, session, the staff API client, the
//! device storage and the offline outbox.

pub mod api;
pub mod outbox;
pub mod session;
mod sign_in_page;
pub mod store;

pub use sign_in_page::SignInPage;

/// Adds the console's stylesheet to the page once. Loaded here rather than from `index.html`
/// so that residents' phones never download it.
pub fn ensure_staff_css() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
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
