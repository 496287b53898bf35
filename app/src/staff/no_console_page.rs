//! `/staf/tanpa-konsol`: where a signed-in role without a console yet (the administrator)
//! lands. It says so plainly and offers sign-out; nothing here reads applications.

use super::session::{home_of, NO_CONSOLE};
use super::strings::*;
use super::StaffShell;
use crate::i18n::t;
use leptos::prelude::*;
use shared::auth::StaffRole;

/// The page for a role without a console.
#[component]
pub fn NoConsolePage() -> impl IntoView {
    view! {
        <StaffShell title=NO_CONSOLE_BAR roles=&StaffRole::ALL wrong_role=NO_CONSOLE_TITLE links=|| ()>
            <Body/>
        </StaffShell>
    }
}

#[component]
fn Body() -> impl IntoView {
    let session = super::session::use_session();
    // Someone whose role does have a console (an old bookmark) is pointed to it.
    let console = move || {
        session.0.with(|s| {
            s.as_ref()
                .map(|s| home_of(s.role))
                .filter(|home| *home != NO_CONSOLE)
        })
    };
    view! {
        <section class="no-console">
            <h1>{t(NO_CONSOLE_TITLE)}</h1>
            {move || match console() {
                None => view! { <p>{t(NO_CONSOLE_TEXT)}</p> }.into_any(),
                Some(home) => view! {
                    <p>{t(HAS_CONSOLE)}" "<a href=home>{t(OPEN_CONSOLE)}</a></p>
                }.into_any(),
            }}
        </section>
    }
}
