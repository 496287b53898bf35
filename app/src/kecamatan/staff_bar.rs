//! The console's top bar: who is signed in and where, the queue, the outbox with its pending
//! count, and sign-out.

use crate::api::StaffApi;
use crate::i18n::t;
use crate::kecamatan::strings::*;
use crate::nav::{navigate, use_location};
use crate::staff::{outbox::outbox, session};
use leptos::prelude::*;

/// The staff bar.
#[component]
pub fn StaffBar() -> impl IntoView {
    let current = session::use_session();
    let location = use_location();
    let api = StaffApi::for_view();
    // Marks the bar's link to the page on screen, for the eye and for screen readers.
    let current_page =
        move |href: &'static str| move || location.path.with(|p| p == href).then_some("page");
    let ob = outbox();
    let pending = move || {
        ob.items
            .with(|items| items.iter().filter(|i| i.is_pending()).count())
    };
    let who = move || {
        current.0.with(|s| {
            s.as_ref().map(|s| {
                format!(
                    "{} · {}",
                    s.display_name,
                    s.district_name.clone().unwrap_or_default()
                )
            })
        })
    };
    let sign_out = move |_| {
        leptos::task::spawn_local(async move {
            // Signing out offline still forgets the session here; the cookie expires on its own.
            let _ = api.logout().await;
            session::forget();
            current.0.set(None);
            navigate("/staf/masuk");
        });
    };
    view! {
        <nav class="staff-bar" aria-label=t(CONSOLE_TITLE)>
            <span class="staff-title">{t(CONSOLE_TITLE)}</span>
            <a href="/kecamatan" aria-current=current_page("/kecamatan")>{t(QUEUE)}</a>
            <a href="/kecamatan/kiriman" aria-current=current_page("/kecamatan/kiriman")>
                {t(OUTBOX)}
                <span class="badge" hidden=move || pending() == 0>{move || pending().to_string()}</span>
            </a>
            <span class="staff-who">{who}</span>
            <button type="button" on:click=sign_out>{t(SIGN_OUT)}</button>
        </nav>
    }
}
