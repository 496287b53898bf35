//! The consoles' top bar: the console's name, its section links (given by the console), who is
//! signed in (name, role, kecamatan) and sign-out. The language switch is the site header's, on
//! every page.

use crate::api::StaffApi;
use crate::i18n::use_lang;
use crate::i18n::{t, Tr};
use crate::kecamatan::strings::SIGN_OUT;
use crate::nav::use_location;
use crate::staff::session;
use leptos::prelude::*;

/// The staff bar; `children` are the console's links ([`BarLink`]s).
#[component]
pub fn StaffBar(title: Tr, children: Children) -> impl IntoView {
    let current = session::use_session();
    let lang = use_lang();
    let api = StaffApi::for_view();
    let who = move || {
        current.0.with(|s| {
            s.as_ref().map(|s| {
                let mut parts = vec![s.display_name.clone(), s.role.label(lang.get()).to_string()];
                parts.extend(s.district_name.clone());
                parts.join(" · ")
            })
        })
    };
    let sign_out = move |_| {
        leptos::task::spawn_local(async move {
            // Signing out offline still forgets the session here; the cookie expires on its own.
            let _ = api.logout().await;
            current.0.set(None);
            super::tablet_handover::leave().await;
        });
    };
    view! {
        <nav class="staff-bar" aria-label=t(title)>
            <span class="staff-title">{t(title)}</span>
            {children()}
            <span class="staff-who">{who}</span>
            <button type="button" on:click=sign_out>{t(SIGN_OUT)}</button>
        </nav>
    }
}

/// One link of the bar, marked `aria-current="page"` (for the eye and for screen readers) while
/// its page, or with `section`, any page under it, is on screen.
#[component]
pub fn BarLink(
    href: &'static str,
    label: Tr,
    #[prop(optional)] section: bool,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let location = use_location();
    let current = move || {
        location
            .path
            .with(|p| is_current(p, href, section))
            .then_some("page")
    };
    view! {
        <a href=href aria-current=current>{t(label)}{children.map(|c| c())}</a>
    }
}

/// Whether the link to `href` stands for `path`: the same page, or with `section` a page below.
fn is_current(path: &str, href: &str, section: bool) -> bool {
    let path = path.trim_end_matches('/');
    path == href
        || (section
            && path
                .strip_prefix(href)
                .is_some_and(|rest| rest.starts_with('/')))
}

#[cfg(test)]
mod tests {
    use super::is_current;

    #[test]
    fn a_section_link_stands_for_its_pages_below() {
        assert!(is_current("/kecamatan", "/kecamatan", false));
        assert!(!is_current("/kecamatan/kiriman", "/kecamatan", false));
        assert!(is_current(
            "/dinas/adjudikasi/abc",
            "/dinas/adjudikasi",
            true
        ));
        assert!(is_current("/dinas/adjudikasi/", "/dinas/adjudikasi", true));
        assert!(!is_current("/dinas/adjudikasix", "/dinas/adjudikasi", true));
    }
}
