//! A proposed decision on one held application: not a duplicate, duplicate of a chosen
//! candidate, inconclusive (record again) or the operator's own fingerprints (record again),
//! always with a reason. A supervisor who neither proposed nor recorded approves it later.

use super::form_errors::{required, FormErrors};
use super::strings::*;
use super::WriteKey;
use crate::api::{ApiError, StaffApi};
use crate::i18n::{t, use_lang, Tr};
use leptos::prelude::*;
use shared::api::{CaseActionResponse, ProposalRequest};
use shared::lifecycle::Adjudication;

const CHOICES: [(Adjudication, Tr); 4] = [
    (Adjudication::NotDuplicate, DECISION_NOT_DUPLICATE),
    (Adjudication::Duplicate, DECISION_DUPLICATE),
    (Adjudication::Inconclusive, DECISION_INCONCLUSIVE),
    (Adjudication::OperatorFingerprints, DECISION_OPERATOR),
];

/// The label of a decision.
pub fn decision_label(d: Adjudication) -> Tr {
    CHOICES
        .iter()
        .find(|(c, _)| *c == d)
        .map(|(_, tr)| *tr)
        .unwrap_or(DECISION_INCONCLUSIVE)
}

/// The form; `candidates` are (application id, registration code), best first.
#[component]
pub fn ProposalForm(
    case_id: String,
    application_id: String,
    candidates: Vec<(String, String)>,
    /// The candidate on screen, preselected for *duplicate of*.
    shown_candidate: Signal<Option<String>>,
    on_done: Callback<CaseActionResponse>,
) -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let key = WriteKey::new();
    let decision = RwSignal::new(None::<Adjudication>);
    let candidate = RwSignal::new(None::<String>);
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let (case_id, application_id) = (StoredValue::new(case_id), StoredValue::new(application_id));
    let send = Action::new_local(move |req: &ProposalRequest| {
        let req = req.clone();
        async move {
            let Some(k) = key.get() else {
                return Err(ApiError::Unexpected { status: 0 });
            };
            let result = api.propose(&case_id.get_value(), &req, &k).await;
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
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = decision.get_untracked();
        let text = reason.get_untracked();
        let chosen = candidate
            .get_untracked()
            .or_else(|| shown_candidate.get_untracked());
        let mut local = vec![];
        if d.is_none() {
            local.push(("decision", CHOOSE_DECISION));
        }
        if d == Some(Adjudication::Duplicate) && chosen.is_none() {
            local.push(("candidate_application_id", CHOOSE_CANDIDATE));
        }
        local.extend(required("reason", &text, REASON_REQUIRED));
        let Some(d) = d.filter(|_| local.is_empty()) else {
            errors.set(FormErrors {
                local,
                server: None,
            });
            return;
        };
        errors.set(FormErrors::default());
        send.dispatch(ProposalRequest {
            application_id: Some(application_id.get_value()),
            decision: d,
            reason: text.trim().to_string(),
            candidate_application_id: (d == Adjudication::Duplicate).then_some(chosen).flatten(),
        });
    };
    let error_of = move |field: &'static str| move || errors.with(|e| e.field(field, lang.get()));
    let group = format!("decision-{}", application_id.get_value());
    let candidate_id = format!("dup-of-{}", application_id.get_value());
    let reason_id = format!("reason-{}", application_id.get_value());
    view! {
        <form class="proposal-form" on:submit=submit novalidate>
            <fieldset aria-describedby=format!("{group}-error")>
                <legend>{t(PROPOSE_TITLE)}</legend>
                {CHOICES.into_iter().map(|(d, label)| {
                    let group = group.clone();
                    view! {
                        <label class="check">
                            <input type="radio" name=group value=d.as_str()
                                prop:checked=move || decision.get() == Some(d)
                                on:change=move |_| decision.set(Some(d))/>
                            {t(label)}
                        </label>
                    }
                }).collect_view()}
                <p id=format!("{group}-error") class="field-error">{error_of("decision")}</p>
            </fieldset>
            <div class="dup-of" hidden=move || decision.get() != Some(Adjudication::Duplicate)>
                <label for=candidate_id.clone()>{t(DUPLICATE_OF)}</label>
                <select id=candidate_id.clone() aria-describedby=format!("{candidate_id}-error")
                    on:change=move |ev| candidate.set(Some(event_target_value(&ev)).filter(|v| !v.is_empty()))>
                    {candidates.into_iter().map(|(id, code)| {
                        let selected = {
                            let id = id.clone();
                            move || candidate.get().or_else(|| shown_candidate.get()).as_deref() == Some(id.as_str())
                        };
                        view! { <option value=id selected=selected>{code}</option> }
                    }).collect_view()}
                </select>
                <p id=format!("{candidate_id}-error") class="field-error">{error_of("candidate_application_id")}</p>
            </div>
            <label for=reason_id.clone()>{t(REASON)}</label>
            <textarea id=reason_id.clone() rows="3" aria-describedby=format!("{reason_id}-error")
                bind:value=reason></textarea>
            <p id=format!("{reason_id}-error") class="field-error">{error_of("reason")}</p>
            <p class="field-error" role="alert">{move || errors.with(|e| e.form(lang.get()))}</p>
            <button type="submit" class="primary" disabled=move || send.pending().get()>
                {move || if send.pending().get() { t(SENDING)() } else { t(PROPOSE)() }}
            </button>
        </form>
    }
}
