//! The frame of every dinas screen: the staff frame for dinas operators and supervisors, with
//! the console's sections in the bar.

use super::strings::*;
use super::Section;
use crate::staff::{BarLink, StaffShell};
use leptos::prelude::*;
use shared::auth::StaffRole;

const ROLES: [StaffRole; 2] = [StaffRole::DinasOperator, StaffRole::DinasSupervisor];

/// The frame around every `/dinas` page; `children` is the page on screen.
#[component]
pub fn DinasShell(children: ChildrenFn) -> impl IntoView {
    let links = || {
        Section::ALL
            .into_iter()
            .map(|s| view! { <BarLink href=s.href() label=s.label() section=true/> })
            .collect_view()
    };
    view! {
        <StaffShell title=CONSOLE_TITLE roles=&ROLES wrong_role=WRONG_ROLE links=links>
            <div class="dinas">{children()}</div>
        </StaffShell>
    }
}
