//! The frame of every console screen: requires a signed-in staff member of the console's roles
//! (else to the sign-in page, remembering where to come back to), confirms the session with the
//! server, sends any later 401 to sign-in, and shows the staff bar above the page.

use super::{session, StaffBar};
use crate::api::{self, StaffApi};
use crate::i18n::{t, Tr};
use crate::kecamatan::strings::LOADING;
use crate::nav::{navigate, use_location};
use leptos::prelude::*;
use shared::auth::StaffRole;

/// The frame around a console's pages; `links` fills the bar, `children` is the page on screen.
#[component]
pub fn StaffShell(
    /// The console's name, first in the bar.
    title: Tr,
    /// Who may work in this console.
    roles: &'static [StaffRole],
    /// Said to a signed-in staff member of another role.
    wrong_role: Tr,
    /// The bar's links.
    #[prop(into)]
    links: ViewFn,
    children: ChildrenFn,
) -> impl IntoView {
    crate::staff::ensure_staff_css();
    crate::staff::install_panic_hook();
    let location = use_location();
    let staff_api = StaffApi::for_view();
    let current = session::Session(RwSignal::new(session::remembered()));
    provide_context(current);

    // Any 401 from now on: forget the session and ask for a sign-in, coming back here after.
    let to_sign_in = move || {
        session::forget();
        current.0.set(None);
        let here = location.path.get_untracked();
        navigate(&format!(
            "/staf/masuk?sesi=habis&lanjut={}",
            js_sys::encode_uri_component(&here)
        ));
    };
    api::set_on_unauthenticated(to_sign_in);
    // A password set by an administrator is changed before any console opens (the edge refuses
    // the console's requests meanwhile).
    let must_change = move |info: &shared::api::SessionInfo| {
        if info.must_change_password {
            navigate(super::CHANGE_PASSWORD);
        }
    };
    if let Some(info) = current.0.get_untracked() {
        must_change(&info);
    }
    if current.0.get_untracked().is_none() {
        let here = location.path.get_untracked();
        navigate(&format!(
            "/staf/masuk?lanjut={}",
            js_sys::encode_uri_component(&here)
        ));
    } else {
        // Confirm the cookie is still good; a network failure keeps the remembered session (the
        // kecamatan console works offline), a 401 goes to sign-in.
        leptos::task::spawn_local(async move {
            match staff_api.me().await {
                Ok(info) => {
                    session::remember(&info);
                    must_change(&info);
                    current.0.set(Some(info));
                }
                Err(e) if e.code() == Some(shared::api::ErrorCode::Unauthenticated) => to_sign_in(),
                Err(_) => {}
            }
        });
    }
    // A memo, so refreshing the session (same person) does not rebuild the screen under the
    // operator's fingers: only a change of who may work here does.
    let allowed = Memo::new(move |_| {
        current
            .0
            .with(|s| s.as_ref().map(|s| roles.contains(&s.role)))
    });

    view! {
        <div class="staff-console">
            <StaffBar title=title>{links.run()}</StaffBar>
            {move || match allowed.get() {
                Some(true) => children().into_any(),
                Some(false) => view! { <p class="field-error" role="alert">{t(wrong_role)}</p> }.into_any(),
                None => view! { <p>{t(LOADING)}</p> }.into_any(),
            }}
        </div>
    }
}
