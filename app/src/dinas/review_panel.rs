//! A supervisor's review of a pending proposal: approve or send back, with a reason. Shown
//! disabled with the rule that forbids it to the proposer, to whoever recorded the application,
//! and to operators.

use super::form_errors::{required, FormErrors};
use super::strings::*;
use super::WriteKey;
use crate::api::{ApiError, Review, StaffApi};
use crate::i18n::{t, use_lang, Tr};
use crate::staff::session::use_session;
use leptos::prelude::*;
use shared::api::{CaseActionResponse, ProposalView};
use shared::auth::StaffRole;

/// Why the signed-in staff member may not review, if they may not. The server decides too; this
/// only saves them a refused click. Names are what the contract carries for people.
pub fn review_forbidden(
    role: StaffRole,
    my_name: &str,
    proposed_by: &str,
    recorded_by: &str,
) -> Option<Tr> {
    if role != StaffRole::DinasSupervisor {
        Some(ONLY_SUPERVISOR)
    } else if my_name == proposed_by {
        Some(OWN_PROPOSAL)
    } else if my_name == recorded_by {
        Some(OWN_RECORDING)
    } else {
        None
    }
}

/// The review of `proposal`, on an application recorded by `recorded_by`.
#[component]
pub fn ReviewPanel(
    case_id: String,
    proposal: ProposalView,
    recorded_by: String,
    on_done: Callback<CaseActionResponse>,
) -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let session = use_session();
    let key = WriteKey::new();
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let (proposed_by, proposal_id) = (proposal.proposed_by.clone(), proposal.id.clone());
    let forbidden = Memo::new(move |_| {
        session.0.with(|s| {
            s.as_ref()
                .and_then(|s| review_forbidden(s.role, &s.display_name, &proposed_by, &recorded_by))
        })
    });
    let forbidden = move || forbidden.get();
    let ids = StoredValue::new((case_id, proposal_id.clone()));
    let send = Action::new_local(move |(review, text): &(Review, String)| {
        let (review, text) = (*review, text.clone());
        async move {
            let Some(k) = key.get() else {
                return Err(ApiError::Unexpected { status: 0 });
            };
            let (case_id, proposal_id) = ids.get_value();
            let result = api.review(&case_id, &proposal_id, review, &text, &k).await;
            key.settle(&result);
            result
        }
    });
    Effect::new(move |_| match send.value().get() {
        Some(Ok(answer)) => on_done.run(answer),
        Some(Err(e)) => errors.set(FormErrors {
            local: vec![],
            server: Some(e),
        }),
        None => {}
    });
    let act = move |review: Review| {
        let text = reason.get_untracked();
        if let Some(problem) = required("reason", &text, REASON_REQUIRED) {
            errors.set(FormErrors {
                local: vec![problem],
                server: None,
            });
            return;
        }
        errors.set(FormErrors::default());
        send.dispatch((review, text.trim().to_string()));
    };
    let reason_id = format!("review-reason-{proposal_id}");
    let disabled = Memo::new(move |_| forbidden().is_some() || send.pending().get());
    view! {
        <section class="review-panel" aria-labelledby=format!("{reason_id}-h")>
            <h4 id=format!("{reason_id}-h")>{t(REVIEW_TITLE)}</h4>
            <p class="notice" role="note" hidden=move || forbidden().is_none()>
                {move || forbidden().map(|tr| tr.get(lang.get()))}
            </p>
            <label for=reason_id.clone()>{t(REVIEW_REASON)}</label>
            <textarea id=reason_id.clone() rows="2" aria-describedby=format!("{reason_id}-error")
                disabled=move || forbidden().is_some() bind:value=reason></textarea>
            <p id=format!("{reason_id}-error") class="field-error">{move || errors.with(|e| e.field("reason", lang.get()))}</p>
            <p class="field-error" role="alert">{move || errors.with(|e| e.form(lang.get()))}</p>
            <div class="decision-actions">
                <button type="button" class="primary" disabled=disabled on:click=move |_| act(Review::Approve)>{t(APPROVE)}</button>
                <button type="button" class="danger" disabled=disabled on:click=move |_| act(Review::SendBack)>{t(SEND_BACK)}</button>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_supervisor_who_neither_proposed_nor_recorded_reviews() {
        let sup = StaffRole::DinasSupervisor;
        assert_eq!(review_forbidden(sup, "B", "A", "K"), None);
        assert_eq!(review_forbidden(sup, "A", "A", "K"), Some(OWN_PROPOSAL));
        assert_eq!(review_forbidden(sup, "K", "A", "K"), Some(OWN_RECORDING));
        assert_eq!(
            review_forbidden(StaffRole::DinasOperator, "B", "A", "K"),
            Some(ONLY_SUPERVISOR)
        );
    }
}
