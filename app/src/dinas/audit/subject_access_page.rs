//! `/dinas/audit/akses-subjek`: a supervisor answers a resident's access request (UU 27/2022):
//! the NIK goes in a form body, the edge returns everything held and every staff access, shown
//! as a printable report and offered as a JSON file. Producing it is audited by the edge.

use super::strings::*;
use super::AuditRows;
use crate::api::StaffApi;
use crate::i18n::{format_timestamp, t, use_lang};
use crate::staff::session::use_session;
use leptos::prelude::*;
use shared::api::{SubjectAccessReport, SubjectApplication};
use shared::auth::StaffRole;

#[component]
pub fn SubjectAccessPage() -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let session = use_session();
    let supervisor = move || {
        session
            .0
            .with(|s| s.as_ref().map(|s| s.role) == Some(StaffRole::DinasSupervisor))
    };
    let nik = RwSignal::new(String::new());
    let make = Action::new_local(move |nik: &String| {
        let nik = nik.clone();
        async move { api.subject_access(&nik).await }
    });
    let report = move || make.value().get().and_then(|r| r.ok());
    let error = move || {
        make.value()
            .get()
            .and_then(|r| r.err())
            .map(|e| e.message(lang.get()))
    };
    view! {
        <section class="subject-access">
            <h1 class="no-print">{t(SAR_TITLE)}</h1>
            <Show when=supervisor fallback=|| view! { <p role="alert">{t(SUPERVISORS_ONLY)}</p> }>
                <p class="no-print">{t(SAR_INTRO)}</p>
                <form class="code-lookup no-print" on:submit=move |ev| {
                    ev.prevent_default();
                    make.dispatch(nik.get_untracked());
                }>
                    <label for="sar-nik">{t(SAR_NIK)}</label>
                    <input id="sar-nik" class="code" inputmode="numeric" autocomplete="off" required
                        aria-describedby="sar-nik-error" bind:value=nik/>
                    <button type="submit" class="primary" disabled=move || make.pending().get()>{t(SAR_MAKE)}</button>
                    <p id="sar-nik-error" class="field-error" role="alert">{error}</p>
                </form>
            </Show>
            {move || report().map(|r| view! { <Report report=r/> })}
        </section>
    }
}

/// The JSON file as a `data:` link: made in the page, never sent anywhere.
fn json_link(report: &SubjectAccessReport) -> String {
    let json = serde_json::to_string_pretty(report).unwrap_or_default();
    format!(
        "data:application/json;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&json))
    )
}

#[component]
fn Report(report: SubjectAccessReport) -> impl IntoView {
    let lang = use_lang();
    let href = json_link(&report);
    let file = format!("akses-data-{}.json", report.nik);
    let generated = report.generated_at.clone();
    let applications = if report.applications.is_empty() {
        view! { <p>{t(SAR_NONE)}</p> }.into_any()
    } else {
        report
            .applications
            .into_iter()
            .map(|a| view! { <Application app=a/> })
            .collect_view()
            .into_any()
    };
    let accesses = if report.accesses.is_empty() {
        view! { <p>{t(SAR_NOTHING)}</p> }.into_any()
    } else {
        view! { <AuditRows rows=report.accesses/> }.into_any()
    };
    view! {
        <article class="subject-report" aria-labelledby="sar-report-h">
            <div class="decision-actions no-print">
                <button type="button" on:click=move |_| {
                    if let Some(w) = web_sys::window() { let _ = w.print(); }
                }>{t(SAR_PRINT)}</button>
                <a class="button" href=href download=file>{t(SAR_DOWNLOAD)}</a>
            </div>
            <h2 id="sar-report-h">{t(SAR_REPORT)}</h2>
            <p>"NIK "<span class="code">{report.nik}</span>" · "{t(SAR_GENERATED)}" "
                {move || format_timestamp(&generated, lang.get())}" "{t(SAR_BY)}" "{report.generated_by}</p>
            {applications}
            <h3>{t(SAR_ACCESSES)}</h3>
            {accesses}
        </article>
    }
}

#[component]
fn Application(app: SubjectApplication) -> impl IntoView {
    let lang = use_lang();
    let f = app.form;
    let a = f.address;
    let address = format!(
        "{}, RT {}/RW {}, {} {}",
        a.street, a.rt, a.rw, a.village, a.postal_code
    );
    let stage = app.stage;
    let created = app.created_at;
    let nothing = || view! { <p>{t(SAR_NOTHING)}</p> };
    let stages = app
        .stages
        .into_iter()
        .map(|s| {
            let (stage, at) = (s.stage, s.at);
            view! {
                <tr>
                    <td>{move || stage.label(lang.get())}</td>
                    <td>{s.actor.as_str()}</td>
                    <td>{move || format_timestamp(&at, lang.get())}</td>
                </tr>
            }
        })
        .collect_view();
    let documents = (!app.documents.is_empty()).then(|| {
        app.documents
            .into_iter()
            .map(|d| {
                let kind = d.kind;
                view! {
                    <tr>
                        <td>{move || kind.label(lang.get())}</td>
                        <td>{d.content_type}</td>
                        <td>{format!("{} KB", d.bytes.div_ceil(1024))}</td>
                    </tr>
                }
            })
            .collect_view()
    });
    let recordings = (!app.recordings.is_empty()).then(|| {
        app.recordings
            .into_iter()
            .map(|r| {
                let at = r.recorded_at;
                let fingers = r
                    .fingers
                    .iter()
                    .map(|f| match f.quality {
                        Some(q) => format!("{}:{q}", f.position),
                        None => format!("{}:–", f.position),
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                view! {
                    <tr>
                        <td>{move || format_timestamp(&at, lang.get())}</td>
                        <td>{r.recorded_by}</td>
                        <td>{fingers}</td>
                        <td>{r.match_decision}</td>
                    </tr>
                }
            })
            .collect_view()
    });
    let certificates = (!app.certificates.is_empty()).then(|| {
        app.certificates
            .into_iter()
            .map(|c| {
                let ended = c.revoked_on.or(c.ended_on);
                view! {
                    <tr>
                        <td class="code">{c.number}</td>
                        <td>{c.issued_on}" – "{c.expires_on}</td>
                        <td>{ended}</td>
                    </tr>
                }
            })
            .collect_view()
    });
    view! {
        <section class="sar-application">
            <h3>{t(SAR_APPLICATION)}" "<span class="code">{app.registration_code}</span></h3>
            <p>{move || stage.label(lang.get())}" · "{app.district_code}" · "
                {move || format_timestamp(&created, lang.get())}</p>
            <h4>{t(SAR_FORM)}</h4>
            <dl class="sar-form">
                <dt>{t(FIELD_NAME)}</dt><dd>{f.full_name}</dd>
                <dt>"NIK"</dt><dd class="code">{f.nik}</dd>
                <dt>{t(FIELD_KK)}</dt><dd class="code">{f.kk_number}</dd>
                <dt>{t(FIELD_BIRTH)}</dt><dd>{f.birth_place}", "{f.birth_date}</dd>
                <dt>{t(FIELD_ADDRESS)}</dt><dd>{address}</dd>
                <dt>{t(FIELD_PHONE)}</dt><dd>{f.phone}</dd>
            </dl>
            <h4>{t(SAR_STAGES)}</h4>
            <table class="queue"><thead><tr>
                <th scope="col">{t(COL_STAGE)}</th><th scope="col">{t(COL_ACTOR)}</th><th scope="col">{t(COL_AT)}</th>
            </tr></thead><tbody>{stages}</tbody></table>
            <h4>{t(SAR_DOCUMENTS)}</h4>
            {match documents {
                Some(rows) => view! { <table class="queue"><thead><tr>
                    <th scope="col">{t(COL_KIND)}</th><th scope="col">"MIME"</th><th scope="col">{t(COL_SIZE)}</th>
                </tr></thead><tbody>{rows}</tbody></table> }.into_any(),
                None => nothing().into_any(),
            }}
            <h4>{t(SAR_RECORDINGS)}</h4>
            {match recordings {
                Some(rows) => view! { <table class="queue"><thead><tr>
                    <th scope="col">{t(COL_AT)}</th><th scope="col">{t(COL_STAFF)}</th>
                    <th scope="col">{t(COL_FINGERS)}</th><th scope="col">{t(COL_OUTCOME)}</th>
                </tr></thead><tbody>{rows}</tbody></table> }.into_any(),
                None => nothing().into_any(),
            }}
            <h4>{t(SAR_CERTIFICATES)}</h4>
            {match certificates {
                Some(rows) => view! { <table class="queue"><thead><tr>
                    <th scope="col">{t(COL_NUMBER)}</th><th scope="col">{t(COL_VALID)}</th><th scope="col">{t(COL_ENDED)}</th>
                </tr></thead><tbody>{rows}</tbody></table> }.into_any(),
                None => nothing().into_any(),
            }}
        </section>
    }
}
