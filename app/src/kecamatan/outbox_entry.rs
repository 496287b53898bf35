//! One outbox item as the operator sees it: what, for whom, and its state — waiting (with the last
//! temporary problem), sending, sent (with the new stage) or failed (with each field's problem).

use crate::i18n::{t, use_lang};
use crate::kecamatan::strings::*;
use crate::staff::outbox::{Action, Item, ItemState};
use leptos::prelude::*;

/// Text of an item's state, for lists and tests alike.
pub fn state_label(state: &ItemState) -> crate::i18n::Tr {
    match state {
        ItemState::Waiting => STATE_WAITING,
        ItemState::Sending => STATE_SENDING,
        ItemState::Sent { .. } => STATE_SENT,
        ItemState::Failed { .. } => STATE_FAILED,
    }
}

/// An outbox item.
#[component]
pub fn OutboxEntry(item: Item) -> impl IntoView {
    let lang = use_lang();
    let what = match item.action {
        Action::Verify => ACTION_VERIFY,
        Action::Return { .. } => ACTION_RETURN,
        Action::Record { .. } => ACTION_RECORD,
    };
    let class = match item.state {
        ItemState::Waiting => "outbox-item waiting",
        ItemState::Sending => "outbox-item sending",
        ItemState::Sent { .. } => "outbox-item sent",
        ItemState::Failed { .. } => "outbox-item failed",
    };
    let state = item.state.clone();
    let detail = {
        let state = state.clone();
        let problem = item.last_problem.clone();
        move || match &state {
            ItemState::Sent { stage } => Some(stage.label(lang.get()).to_string()),
            ItemState::Failed { error } => {
                let fields: Vec<String> = error
                    .fields
                    .iter()
                    .map(|f| format!("{}: {}", f.field, f.code.message(lang.get())))
                    .collect();
                Some(
                    std::iter::once(error.message(lang.get()))
                        .chain(fields)
                        .collect::<Vec<_>>()
                        .join(" · "),
                )
            }
            ItemState::Waiting => problem.clone(),
            ItemState::Sending => None,
        }
    };
    view! {
        <li class=class data-key=item.key.to_string()>
            <span class="outbox-what">{t(what)}</span>
            <span class="outbox-who">{format!("{} · {}", item.registration_code, item.full_name)}</span>
            <span class="outbox-state" role="status">{t(state_label(&state))}</span>
            <span class="outbox-detail">{detail}</span>
        </li>
    }
}
