//! The frame of every kecamatan screen: the staff frame for kecamatan operators (session check,
//! staff bar with the queue and the outbox's pending count), and the outbox started.

use crate::kecamatan::strings::*;
use crate::staff::{outbox::outbox, BarLink, StaffShell};
use leptos::prelude::*;
use shared::auth::StaffRole;

/// The frame around every `/kecamatan` page; `children` is the page on screen.
#[component]
pub fn KecamatanShell(children: ChildrenFn) -> impl IntoView {
    let _ = outbox();
    let links = move || {
        let ob = outbox();
        let pending = move || {
            ob.items
                .with(|items| items.iter().filter(|i| i.is_pending()).count())
        };
        view! {
            <BarLink href="/kecamatan" label=QUEUE/>
            <BarLink href="/kecamatan/kartu" label=crate::kecamatan::cards::strings::NAV_CARDS section=true/>
            <BarLink href="/kecamatan/kiriman" label=OUTBOX>
                <span class="badge" hidden=move || pending() == 0>{move || pending().to_string()}</span>
            </BarLink>
        }
    };
    view! {
        <StaffShell title=CONSOLE_TITLE roles=&[StaffRole::KecamatanOperator] wrong_role=WRONG_ROLE links=links>
            {children()}
        </StaffShell>
    }
}
