//! What a case's history holds beside its proposals: the clarifications recorded with the
//! resident (statement, documents seen, outcome, the record linked) and the flags raised for
//! the supervisor, with their reasons.

use super::clarification_strings::*;
use crate::i18n::{format_timestamp, t, use_lang};
use leptos::prelude::*;
use shared::api::{ClarificationView, FlagView};

#[component]
pub fn CaseNotes(
    clarifications: Vec<ClarificationView>,
    flags: Vec<FlagView>,
    /// (application id, registration code) of the case's records, to name the linked record.
    codes: Vec<(String, String)>,
) -> impl IntoView {
    let lang = use_lang();
    let clarifications = (!clarifications.is_empty()).then(|| {
        let items = clarifications
            .into_iter()
            .map(|c| {
                let at = c.recorded_at.clone();
                let docs = c.documents_seen.clone();
                let linked = c
                    .existing_application_id
                    .clone()
                    .map(|id| {
                        codes
                            .iter()
                            .find(|(a, _)| *a == id)
                            .map_or(id.clone(), |(_, code)| code.clone())
                    });
                view! {
                    <li class="clarification" data-outcome=c.outcome.as_str()>
                        <strong>{t(outcome_label(c.outcome))}</strong>
                        " — “"{c.statement.clone()}"” · "{t(CLARIFIED_BY)}" "{c.recorded_by.clone()}
                        ", "{move || format_timestamp(&at, lang.get())}
                        {(!docs.is_empty()).then(|| view! {
                            <br/>{t(DOCUMENTS_SEEN)}": "
                            {move || docs.iter().map(|d| document_label(*d).get(lang.get())).collect::<Vec<_>>().join(", ")}
                        })}
                        {linked.map(|code| view! { " · "{t(LINKED_TO)}" "<span class="code">{code}</span> })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="clarifications">
                <h2>{t(CLARIFICATIONS)}</h2>
                <ul>{items}</ul>
            </section>
        }
    });
    let flags = (!flags.is_empty()).then(|| {
        let items = flags
            .into_iter()
            .map(|f| {
                let at = f.raised_at.clone();
                view! {
                    <li class="flag" data-kind=f.kind.as_str()>
                        <strong>{t(flag_label(f.kind))}</strong>
                        " — “"{f.reason.clone()}"” · "{f.raised_by.clone()}", "
                        {move || format_timestamp(&at, lang.get())}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="flags notice" role="note">
                <h2>{t(FLAGS_TITLE)}</h2>
                <ul>{items}</ul>
            </section>
        }
    });
    view! { {flags}{clarifications} }
}
