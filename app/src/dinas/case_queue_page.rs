//! `/dinas/adjudikasi`: every open adjudication case (ADJUDICATE_RECORD and DUPLICATE_RECORD),
//! oldest first, with its age, kecamatan, best match worded as a chance, who holds it and any
//! proposal waiting for a supervisor. Opening a case (its link) claims it. A supervisor also
//! sees the flags raised for them.

use super::strings::*;
use super::wording;
use crate::api::StaffApi;
use crate::i18n::{t, use_lang};
use crate::staff::session::use_session;
use leptos::prelude::*;
use shared::api::CaseListItem;
use shared::auth::StaffRole;

/// The case queue.
#[component]
pub fn CaseQueuePage() -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let list = LocalResource::new(move || async move { api.cases().await });
    let session = use_session();
    let supervisor = move || {
        session
            .0
            .with(|s| s.as_ref().map(|s| s.role) == Some(StaffRole::DinasSupervisor))
    };
    let rows = move || {
        Suspend::new(async move {
            match list.await {
                Ok(list) if list.items.is_empty() => view! { <p>{t(NO_CASES)}</p> }.into_any(),
                Ok(list) => view! {
                    <table class="queue cases">
                        <thead><tr>
                            <th scope="col">{t(COL_CODE)}</th>
                            <th scope="col">{t(COL_AGE)}</th>
                            <th scope="col">{t(COL_KECAMATAN)}</th>
                            <th scope="col">{t(COL_STAGE)}</th>
                            <th scope="col">{t(COL_STRENGTH)}</th>
                            <th scope="col">{t(COL_HOLDER)}</th>
                            <th scope="col">{t(COL_PROPOSAL)}</th>
                        </tr></thead>
                        <tbody>{list.items.into_iter().map(|item| view! { <CaseRow item/> }).collect_view()}</tbody>
                    </table>
                }.into_any(),
                Err(e) => view! { <p class="field-error" role="alert">{move || e.message(lang.get())}</p> }.into_any(),
            }
        })
    };
    view! {
        <section class="case-queue">
            <h1>{t(CASES_TITLE)}</h1>
            <p>{t(CASES_INTRO)}</p>
            <Transition fallback=move || view! { <p>{t(crate::kecamatan::strings::LOADING)}</p> }>{rows}</Transition>
            {move || supervisor().then(|| view! { <super::FlagList/> })}
        </section>
    }
}

#[component]
fn CaseRow(item: CaseListItem) -> impl IntoView {
    let lang = use_lang();
    let href = format!("/dinas/adjudikasi/{}", item.case_id);
    let (stage, age, chance) = (item.stage, item.age_hours, item.best.chance);
    let more = (item.held_applications > 1).then(|| format!(" (+{})", item.held_applications - 1));
    let holder = item
        .claim
        .map(|c| if c.held_by_me { None } else { Some(c.holder) });
    let holder = move || match &holder {
        None => NOBODY.get(lang.get()).to_string(),
        Some(None) => YOU.get(lang.get()).to_string(),
        Some(Some(name)) => name.clone(),
    };
    let proposal = item.pending_proposal.map(|p| p.proposed_by);
    let proposal = move || {
        proposal
            .as_ref()
            .map(|by| format!("{} ({by})", AWAITING_SUPERVISOR.get(lang.get())))
            .unwrap_or_else(|| NOBODY.get(lang.get()).to_string())
    };
    view! {
        <tr>
            <td class="code"><a href=href>{item.registration_code}</a>{more}</td>
            <td>{move || wording::age(age, lang.get())}</td>
            <td>{item.district_name}</td>
            <td>{move || stage.label(lang.get())}</td>
            <td>{move || wording::chance(chance, lang.get())}</td>
            <td>{holder}</td>
            <td>{proposal}</td>
        </tr>
    }
}
