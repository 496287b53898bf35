//! One outbox item as the operator sees it: what, for whom, and its state — waiting (with the last
//! temporary problem), sending, sent (with the application's stage: for a recording, its 1:N
//! outcome once the matcher has decided) or failed (with each field's problem).

use super::outcome_watch::outcome_known;
use crate::components::StageChip;
use crate::i18n::{t, use_lang};
use crate::kecamatan::strings::*;
use crate::staff::outbox::{Action, Item, ItemState, RetryProblem};
use leptos::prelude::*;
use shared::i18n::Lang;
use shared::lifecycle::Stage;

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

/// Text of an item's state, for lists and tests alike.
pub fn state_label(state: &ItemState) -> crate::i18n::Tr {
    match state {
        ItemState::Waiting => STATE_WAITING,
        ItemState::Sending => STATE_SENDING,
        ItemState::Sent { .. } => STATE_SENT,
        ItemState::Failed { .. } => STATE_FAILED,
    }
}

/// An outbox item. `current` is the application's stage as read since the send (given for the
/// latest recording of an application): the 1:N outcome, which arrives after "sent".
#[component]
pub fn OutboxEntry(
    item: Item,
    #[prop(optional_no_strip)] current: Option<Signal<Option<Stage>>>,
) -> impl IntoView {
    let lang = use_lang();
    let is_record = matches!(item.action, Action::Record { .. });
    let what = match item.action {
        Action::Verify => ACTION_VERIFY,
        Action::Return { .. } => ACTION_RETURN,
        Action::Record { .. } => ACTION_RECORD,
    };
    let sent = match item.state {
        ItemState::Sent { stage } => Some(stage),
        _ => None,
    };
    // A sent item shows the stage its answer gave, or the one read since (a recording's outcome).
    let shown = move || sent.map(|s| current.and_then(|c| c.get()).unwrap_or(s));
    // A delivered item is coloured by what its stage means: a recording that came back a
    // duplicate was delivered, but it is no success.
    let class = {
        let state = item.state.clone();
        move || match (&state, shown()) {
            (ItemState::Waiting, _) => "outbox-item waiting".to_string(),
            (ItemState::Sending, _) => "outbox-item sending".to_string(),
            (ItemState::Sent { .. }, Some(stage)) => {
                format!("outbox-item sent meaning-{}", stage.meaning().as_str())
            }
            (ItemState::Sent { .. }, None) => "outbox-item sent".to_string(),
            (ItemState::Failed { .. }, _) => "outbox-item failed".to_string(),
        }
    };
    let state = item.state.clone();
    let problem = {
        let state = state.clone();
        let problem = item.last_problem;
        move || match &state {
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
            ItemState::Sending | ItemState::Sent { .. } => None,
        }
    };
    let stage = move || {
        shown().map(|stage| {
            let known = is_record && outcome_known(stage);
            // Said only where the outcome is being read (an earlier recording's never will be).
            let pending = is_record && current.is_some() && !known;
            view! {
                {known.then(|| view! { <span class="outbox-outcome">{t(OUTCOME)}": "</span> })}
                <StageChip stage=stage/>
                {pending.then(|| view! { " " <span class="outbox-pending">{t(OUTCOME_PENDING)}</span> })}
            }
        })
    };
    view! {
        <li class=class data-key=item.key.to_string()>
            <span class="outbox-what">{t(what)}</span>
            <span class="outbox-who">{format!("{} · {}", item.registration_code, item.full_name)}</span>
            <span class="outbox-state" role="status">{t(state_label(&state))}</span>
            <span class="outbox-detail">{problem}{stage}</span>
        </li>
    }
}
