//! One outbox item as the operator sees it: what, for whom, and its state — waiting (with the last
//! temporary problem), sending, sent (with the new stage) or failed (with each field's problem).

use crate::i18n::{t, use_lang};
use crate::kecamatan::strings::*;
use crate::staff::outbox::{Action, Item, ItemState, RetryProblem};
use shared::i18n::Lang;

/// The last problem of a waiting item, in words.
fn problem_text(problem: RetryProblem, lang: Lang) -> String {
    match problem {
        RetryProblem::Network => PROBLEM_NETWORK.get(lang).to_string(),
        RetryProblem::SignedOut => PROBLEM_SIGNED_OUT.get(lang).to_string(),
        RetryProblem::Server { status, code } => {
            let said = code
                .map(|c| format!("{} ", c.message(lang)))
                .unwrap_or_default();
            format!("{}{} (HTTP {status})", said, PROBLEM_SERVER.get(lang))
        }
    }
}
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
    // A delivered item is coloured by what its answer means: a recording that came back a
    // duplicate was delivered, but it is no success.
    let class = match item.state {
        ItemState::Waiting => "outbox-item waiting".to_string(),
        ItemState::Sending => "outbox-item sending".to_string(),
        ItemState::Sent { stage } => {
            format!("outbox-item sent meaning-{}", stage.meaning().as_str())
        }
        ItemState::Failed { .. } => "outbox-item failed".to_string(),
    };
    let state = item.state.clone();
    let detail = {
        let state = state.clone();
        let problem = item.last_problem;
        move || match &state {
            ItemState::Sent { stage } => Some(format!(
                "{}: {}",
                stage.meaning().label(lang.get()),
                stage.label(lang.get())
            )),
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
            ItemState::Waiting => problem.map(|p| problem_text(p, lang.get())),
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
