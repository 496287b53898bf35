//! The clarification with the resident of a DUPLICATE_RECORD application, at the dinas: what the
//! resident said, the documents they showed, and the outcome (the same person applying again,
//! identity fraud, or a matcher error). The first two cancel the application at once, linked to
//! the existing record chosen here; a matcher error becomes a *not a duplicate* proposal that
//! another supervisor approves.

use super::clarification_strings::*;
use super::form_errors::{required, FormErrors};
use super::strings::SENDING;
use super::WriteKey;
use crate::api::{ApiError, StaffApi};
use crate::i18n::{t, use_lang};
use leptos::prelude::*;
use shared::api::{CaseActionResponse, ClarificationOutcome, ClarificationRequest, SeenDocument};

/// What the form holds, checked before sending: the request, or the fields to fix.
pub fn clarification_request(
    application_id: &str,
    statement: &str,
    documents_seen: &[SeenDocument],
    outcome: Option<ClarificationOutcome>,
    existing: Option<String>,
) -> Result<ClarificationRequest, FormErrors> {
    let mut local = vec![];
    local.extend(required("statement", statement, STATEMENT_REQUIRED));
    if outcome.is_none() {
        local.push(("outcome", CHOOSE_OUTCOME));
    }
    let links = outcome.is_some_and(|o| o.resolution().is_some());
    if links && existing.is_none() {
        local.push(("existing_application_id", CHOOSE_EXISTING));
    }
    let Some(outcome) = outcome.filter(|_| local.is_empty()) else {
        return Err(FormErrors {
            local,
            server: None,
        });
    };
    // In the order of the form, whatever order they were ticked in.
    let documents_seen = SeenDocument::ALL
        .into_iter()
        .filter(|d| documents_seen.contains(d))
        .collect();
    Ok(ClarificationRequest {
        application_id: Some(application_id.to_string()),
        statement: statement.trim().to_string(),
        documents_seen,
        outcome,
        existing_application_id: existing.filter(|_| links),
    })
}

/// The form; `candidates` are (application id, registration code), best first.
#[component]
pub fn ClarificationForm(
    case_id: String,
    application_id: String,
    candidates: Vec<(String, String)>,
    /// The candidate on screen, preselected as the existing record.
    shown_candidate: Signal<Option<String>>,
    on_done: Callback<CaseActionResponse>,
) -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let key = WriteKey::new();
    let statement = RwSignal::new(String::new());
    let documents = RwSignal::new(Vec::<SeenDocument>::new());
    let outcome = RwSignal::new(None::<ClarificationOutcome>);
    let existing = RwSignal::new(None::<String>);
    let errors = RwSignal::new(FormErrors::default());
    let (case_id, application_id) = (StoredValue::new(case_id), StoredValue::new(application_id));
    let send = Action::new_local(move |req: &ClarificationRequest| {
        let req = req.clone();
        async move {
            let Some(k) = key.get() else {
                return Err(ApiError::Unexpected { status: 0 });
            };
            let result = api.clarify(&case_id.get_value(), &req, &k).await;
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
        let chosen = existing
            .get_untracked()
            .or_else(|| shown_candidate.get_untracked());
        let request = documents.with_untracked(|docs| {
            clarification_request(
                &application_id.get_value(),
                &statement.get_untracked(),
                docs,
                outcome.get_untracked(),
                chosen,
            )
        });
        match request {
            Ok(req) => {
                errors.set(FormErrors::default());
                send.dispatch(req);
            }
            Err(problems) => errors.set(problems),
        }
    };
    let error_of = move |field: &'static str| move || errors.with(|e| e.field(field, lang.get()));
    let id = |what: &str| format!("clarify-{what}-{}", application_id.get_value());
    let (statement_id, outcome_id, existing_id) = (id("statement"), id("outcome"), id("existing"));
    let links = move || outcome.get().is_some_and(|o| o.resolution().is_some());
    view! {
        <form class="clarification-form" on:submit=submit novalidate>
            <h4>{t(CLARIFY_TITLE)}</h4>
            <p>{t(CLARIFY_INTRO)}</p>
            <label for=statement_id.clone()>{t(STATEMENT)}</label>
            <textarea id=statement_id.clone() rows="3" aria-describedby=format!("{statement_id}-error")
                bind:value=statement></textarea>
            <p id=format!("{statement_id}-error") class="field-error">{error_of("statement")}</p>
            <fieldset class="documents-seen">
                <legend>{t(DOCUMENTS_SEEN)}</legend>
                {SeenDocument::ALL.into_iter().map(|d| view! {
                    <label class="check">
                        <input type="checkbox"
                            prop:checked=move || documents.with(|v| v.contains(&d))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                documents.update(|v| {
                                    v.retain(|x| *x != d);
                                    if on {
                                        v.push(d);
                                    }
                                });
                            }/>
                        {t(document_label(d))}
                    </label>
                }).collect_view()}
            </fieldset>
            <fieldset aria-describedby=format!("{outcome_id}-error")>
                <legend>{t(OUTCOME)}</legend>
                {ClarificationOutcome::ALL.into_iter().map(|o| {
                    let group = outcome_id.clone();
                    view! {
                        <label class="check">
                            <input type="radio" name=group value=o.as_str()
                                prop:checked=move || outcome.get() == Some(o)
                                on:change=move |_| outcome.set(Some(o))/>
                            {t(outcome_label(o))}
                        </label>
                    }
                }).collect_view()}
                <p id=format!("{outcome_id}-error") class="field-error">{error_of("outcome")}</p>
            </fieldset>
            <div class="existing-record" hidden=move || !links()>
                <label for=existing_id.clone()>{t(EXISTING_RECORD)}</label>
                <select id=existing_id.clone() aria-describedby=format!("{existing_id}-error")
                    on:change=move |ev| existing.set(Some(event_target_value(&ev)).filter(|v| !v.is_empty()))>
                    {candidates.into_iter().map(|(id, code)| {
                        let selected = {
                            let id = id.clone();
                            move || existing.get().or_else(|| shown_candidate.get()).as_deref() == Some(id.as_str())
                        };
                        view! { <option value=id selected=selected>{code}</option> }
                    }).collect_view()}
                </select>
                <p id=format!("{existing_id}-error") class="field-error">{error_of("existing_application_id")}</p>
            </div>
            <p class="field-error" role="alert">{move || errors.with(|e| e.form(lang.get()))}</p>
            <button type="submit" class="primary" disabled=move || send.pending().get()>
                {move || if send.pending().get() { t(SENDING)() } else { t(SAVE_CLARIFICATION)() }}
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::i18n::Lang;

    #[test]
    fn a_statement_and_an_outcome_are_required_and_said_per_field() {
        let e = clarification_request("a", " ", &[], None, None).unwrap_err();
        assert_eq!(
            e.field("statement", Lang::Id).as_deref(),
            Some(STATEMENT_REQUIRED.get(Lang::Id))
        );
        assert_eq!(
            e.field("outcome", Lang::En).as_deref(),
            Some(CHOOSE_OUTCOME.get(Lang::En))
        );
        // Cancelling links to an existing record, so one must be chosen.
        let fraud = Some(ClarificationOutcome::IdentityFraud);
        let e = clarification_request("a", "said", &[], fraud, None).unwrap_err();
        assert_eq!(
            e.field("existing_application_id", Lang::En).as_deref(),
            Some(CHOOSE_EXISTING.get(Lang::En))
        );
        assert_eq!(e.field("statement", Lang::En), None);
    }

    #[test]
    fn the_request_carries_what_was_entered() {
        use SeenDocument::*;
        let again = Some(ClarificationOutcome::SamePersonApplyingAgain);
        let req = clarification_request(
            "a1",
            "  Lupa sudah merekam  ",
            &[OldKtp, FamilyCard],
            again,
            Some("b2".into()),
        )
        .unwrap();
        assert_eq!(req.application_id.as_deref(), Some("a1"));
        assert_eq!(req.statement, "Lupa sudah merekam");
        assert_eq!(req.documents_seen, vec![FamilyCard, OldKtp]);
        assert_eq!(req.existing_application_id.as_deref(), Some("b2"));
        // A matcher error links to nothing, whatever the select shows.
        let req = clarification_request(
            "a1",
            "Beda orang",
            &[],
            Some(ClarificationOutcome::MatcherError),
            Some("b2".into()),
        )
        .unwrap();
        assert_eq!(req.existing_application_id, None);
    }
}
