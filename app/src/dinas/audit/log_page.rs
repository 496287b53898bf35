//! `/dinas/audit`: the chain check and the audit log viewer (supervisors). Filters go to the
//! edge in a POST body (a person's NIK never appears in a URL); pages are newest first by row
//! id, a stable order, with the ids of the pages seen kept for going back.

use super::strings::*;
use super::ChainPanel;
use crate::api::StaffApi;
use crate::i18n::{format_timestamp, t, use_lang};
use crate::staff::session::use_session;
use leptos::prelude::*;
use shared::api::{AuditPage, AuditQuery, AuditRowView};
use shared::auth::StaffRole;

/// Actions the viewer suggests (the edge accepts any name; others write their own).
const ACTIONS: &[&str] = &[
    "application.read",
    "application.verify",
    "application.return",
    "application.record_biometrics",
    "application.walk_in",
    "case.view",
    "case.approve",
    "certificate.issue",
    "certificate.revoke",
    "auth.sign_in",
    "auth.sign_in_failed",
    "request.refused",
    "audit.search",
    "subject_access.export",
];

#[component]
pub fn AuditLogPage() -> impl IntoView {
    let session = use_session();
    let supervisor = move || {
        session
            .0
            .with(|s| s.as_ref().map(|s| s.role) == Some(StaffRole::DinasSupervisor))
    };
    view! {
        <section class="audit-page">
            <h1>{t(AUDIT)}</h1>
            <Show when=supervisor fallback=|| view! { <p role="alert">{t(SUPERVISORS_ONLY)}</p> }>
                <p><a href="/dinas/audit/akses-subjek">{t(TO_SUBJECT_ACCESS)}</a></p>
                <ChainPanel/>
                <LogViewer/>
            </Show>
        </section>
    }
}

#[component]
fn LogViewer() -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let person = RwSignal::new(String::new());
    let staff = RwSignal::new(String::new());
    let action = RwSignal::new(String::new());
    let district = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    // The filters of the page on screen, and the `before_id` of each page before it.
    let query = RwSignal::new(AuditQuery::default());
    let pages_before = RwSignal::new(Vec::<Option<i64>>::new());
    let fetch = Action::new_local(move |q: &AuditQuery| {
        let q = q.clone();
        async move { api.audit_search(&q).await }
    });
    let show = move |q: AuditQuery| {
        query.set(q.clone());
        fetch.dispatch(q);
    };
    let opt = |s: RwSignal<String>| Some(s.get_untracked()).filter(|v| !v.trim().is_empty());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        pages_before.set(Vec::new());
        show(AuditQuery {
            person: opt(person),
            staff: opt(staff),
            action: opt(action),
            district_code: opt(district),
            from: opt(from),
            to: opt(to),
            before_id: None,
        });
    };
    let page = move || fetch.value().get().and_then(|r| r.ok());
    let error = move || {
        fetch
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| e.message(lang.get()))
    };
    let older = move |_| {
        let Some(next) = page().and_then(|p| p.next_before_id) else {
            return;
        };
        let mut q = query.get_untracked();
        pages_before.update(|p| p.push(q.before_id));
        q.before_id = Some(next);
        show(q);
    };
    let newer = move |_| {
        let mut before = pages_before.get_untracked();
        let Some(previous) = before.pop() else {
            return;
        };
        pages_before.set(before);
        let mut q = query.get_untracked();
        q.before_id = previous;
        show(q);
    };
    let newest = move |_| {
        pages_before.set(Vec::new());
        let mut q = query.get_untracked();
        q.before_id = None;
        show(q);
    };
    // The newest rows, unfiltered, when the page opens.
    fetch.dispatch(AuditQuery::default());
    view! {
        <section class="audit-log" aria-labelledby="audit-log-h">
            <h2 id="audit-log-h">{t(LOG_TITLE)}</h2>
            <form class="audit-filters" role="search" on:submit=submit>
                <div>
                    <label for="audit-person">{t(FILTER_PERSON)}</label>
                    <input id="audit-person" autocomplete="off" bind:value=person/>
                </div>
                <div>
                    <label for="audit-staff">{t(FILTER_STAFF)}</label>
                    <input id="audit-staff" autocomplete="off" bind:value=staff/>
                </div>
                <div>
                    <label for="audit-action">{t(FILTER_ACTION)}</label>
                    <input id="audit-action" list="audit-actions" autocomplete="off" bind:value=action/>
                    <datalist id="audit-actions">
                        {ACTIONS.iter().map(|a| view! { <option value=*a/> }).collect_view()}
                    </datalist>
                </div>
                <div>
                    <label for="audit-district">{t(FILTER_DISTRICT)}</label>
                    <input id="audit-district" autocomplete="off" bind:value=district/>
                </div>
                <div>
                    <label for="audit-from">{t(FILTER_FROM)}</label>
                    <input id="audit-from" type="date" bind:value=from/>
                </div>
                <div>
                    <label for="audit-to">{t(FILTER_TO)}</label>
                    <input id="audit-to" type="date" bind:value=to/>
                </div>
                <button type="submit" class="primary" disabled=move || fetch.pending().get()>{t(SHOW)}</button>
            </form>
            <p class="field-error" role="alert">{error}</p>
            {move || page().map(|p| view! { <RowsTable page=p/> })}
            <nav class="audit-paging">
                <button type="button" on:click=newest
                    disabled=move || pages_before.with(Vec::is_empty)>{t(NEWEST)}</button>
                <button type="button" on:click=newer
                    disabled=move || pages_before.with(Vec::is_empty)>{t(NEWER)}</button>
                <button type="button" on:click=older
                    disabled=move || page().and_then(|p| p.next_before_id).is_none()>{t(OLDER)}</button>
            </nav>
        </section>
    }
}

#[component]
fn RowsTable(page: AuditPage) -> impl IntoView {
    if page.rows.is_empty() {
        return view! { <p>{t(NO_ROWS)}</p> }.into_any();
    }
    view! { <AuditRows rows=page.rows/> }.into_any()
}

/// Audit rows as a table (the viewer's page, the report's accesses).
#[component]
pub fn AuditRows(rows: Vec<AuditRowView>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <table class="queue audit-rows">
            <thead><tr>
                <th scope="col">"#"</th>
                <th scope="col">{t(COL_AT)}</th>
                <th scope="col">{t(COL_STAFF)}</th>
                <th scope="col">{t(COL_ACTION)}</th>
                <th scope="col">{t(COL_CODE)}</th>
                <th scope="col">{t(COL_KECAMATAN)}</th>
                <th scope="col">{t(COL_CLIENT)}</th>
                <th scope="col">{t(COL_DETAIL)}</th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|r| {
                    let at = r.at.clone();
                    let who = match (r.staff_name, r.staff_username) {
                        (Some(name), Some(user)) => format!("{name} ({user}, {})", r.role),
                        _ => format!("{} {}", NOBODY.get(lang.get_untracked()), r.role),
                    };
                    view! {
                        <tr>
                            <td>{r.id}</td>
                            <td>{move || format_timestamp(&at, lang.get())}</td>
                            <td>{who}</td>
                            <td class="code">{r.action}</td>
                            <td class="code">{r.registration_code}</td>
                            <td>{r.district_code}</td>
                            <td>{r.client}</td>
                            <td class="audit-detail">{r.detail_json}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
