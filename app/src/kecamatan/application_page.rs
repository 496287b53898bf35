//! `/kecamatan/permohonan/:id`: one application for the document check — the applicant's data,
//! the validation warnings, the checklist of required documents with each upload viewable, and
//! accept or return (queued in the outbox, so it works with the line down).

use super::{remember_detail, remembered_detail, DocumentItem, OutboxEntry, ReturnForm};
use crate::api::{get_region_children, ApiError, IdempotencyKey, StaffApi, ViewRequests};
use crate::components::StageChip;
use crate::i18n::{t, use_lang};
use crate::kecamatan::strings::*;
use crate::staff::outbox;
use crate::staff::outbox::{Action, Item, ItemState};
use leptos::prelude::*;
use shared::api::{ApplicationDetail, AttachmentKind};
use shared::domain::{ApplicationType, MaritalStatus, Occupation, Religion, Sex};
use shared::i18n::Lang;
use shared::lifecycle::{ReturnReason, StaffAction, Stage};

/// The verification screen.
#[component]
pub fn ApplicationPage(id: String) -> impl IntoView {
    let lang = use_lang();
    let id = StoredValue::new(id);
    let id = move || id.get_value();
    let ob = outbox::outbox();
    let api = StaffApi::for_view();
    // Re-read the application when one of its outbox items is accepted (its stage moved); the
    // waiting/sending flicker of a weak line must not re-render the screen under the operator.
    let item_states = Memo::new(move |_| {
        let id = id();
        ob.items.with(|items| {
            items
                .iter()
                .filter(|i| i.application_id == id && matches!(i.state, ItemState::Sent { .. }))
                .count()
        })
    });
    let detail = LocalResource::new(move || {
        let id = id();
        item_states.track();
        async move {
            match api.detail(&id).await {
                Ok(d) => {
                    remember_detail(&d);
                    Ok(d)
                }
                // Offline: keep working from the copy read earlier (the outbox does the rest).
                Err(ApiError::Network) => remembered_detail(&id).ok_or(ApiError::Network),
                Err(e) => Err(e),
            }
        }
    });
    let store_error = RwSignal::new(false);

    let enqueue = move |d: &ApplicationDetail, action: Action| {
        let Some(key) = IdempotencyKey::random() else {
            store_error.set(true);
            return;
        };
        let item = Item::new(
            key,
            d.id.clone(),
            d.registration_code.clone(),
            d.form.full_name.clone(),
            action,
        );
        leptos::task::spawn_local(async move {
            store_error.set(ob.enqueue(item).await.is_err());
        });
    };

    let body = move || {
        Suspend::new(async move {
            match detail.await {
                Ok(d) => {
                    let d = StoredValue::new(d);
                    view! { <Detail detail=d enqueue=enqueue/> }.into_any()
                }
                Err(e) => view! { <p class="field-error" role="alert">{move || e.message(lang.get())}</p> }.into_any(),
            }
        })
    };
    view! {
        <section class="application-page">
            <h1>{t(APPLICATION_TITLE)}</h1>
            <p class="field-error" role="alert" hidden=move || !store_error.get()>{t(STORAGE_FAILED)}</p>
            <Transition fallback=move || view! { <p>{t(LOADING)}</p> }>{body}</Transition>
        </section>
    }
}

/// A form value as shown: coded values by their official label in `lang` (the stored text when
/// a shared list does not know it, so nothing is hidden from the operator).
fn shown(row: &str, value: &str, lang: Lang) -> String {
    let label = match row {
        "Jenis kelamin" => Sex::parse(value).map(|v| v.label(lang)),
        "Agama" => Religion::parse(value).map(|v| v.label(lang)),
        "Status perkawinan" => MaritalStatus::parse(value).map(|v| v.label(lang)),
        "Pekerjaan" => Occupation::parse(value).map(|v| v.label(lang)),
        "Jenis permohonan" => ApplicationType::parse(value).map(|v| v.label(lang)),
        _ => None,
    };
    label
        .map(str::to_string)
        .unwrap_or_else(|| value.to_string())
}

/// The loaded application (kept apart so the page's Suspend stays small).
#[component]
fn Detail(
    detail: StoredValue<ApplicationDetail>,
    enqueue: impl Fn(&ApplicationDetail, Action) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let ob = outbox::outbox();
    let d = detail.get_value();
    let id = d.id.clone();
    let can = |action: StaffAction| d.allowed_actions.contains(&action);
    let (can_verify, can_return) = (
        can(StaffAction::VerifyDocuments),
        can(StaffAction::ReturnForCorrection),
    );
    let can_record = d.allowed_actions.iter().any(|a| a.records_biometrics());
    let recorded = d.stage.has_recorded_biometrics();
    let pending_decision = {
        let id = id.clone();
        move || ob.latest_for(&id, |a| matches!(a, Action::Verify | Action::Return { .. }))
    };
    // Offline, an accepted verification is still only queued: recording may begin anyway (the
    // outbox sends the verification first).
    let verify_queued = {
        let pending_decision = pending_decision.clone();
        move || {
            pending_decision().is_some_and(|i| {
                matches!(i.action, Action::Verify) && !matches!(i.state, ItemState::Failed { .. })
            })
        }
    };
    let record_href = format!("/kecamatan/permohonan/{id}/rekam");
    let receipt_href = format!("/kecamatan/permohonan/{id}/tanda-bukti");
    let f = &d.form;
    let rows: Vec<(&'static str, &'static str, String)> = vec![
        ("NIK", "NIK", f.nik.clone()),
        ("Nomor KK", "KK number", f.kk_number.clone()),
        (
            "Tempat/tgl lahir",
            "Place/date of birth",
            format!("{}, {}", f.birth_place, f.birth_date),
        ),
        ("Jenis kelamin", "Sex", f.sex.clone()),
        (
            "Alamat",
            "Address",
            format!(
                "{} RT {} RW {}, {}",
                f.address.street, f.address.rt, f.address.rw, f.address.village
            ),
        ),
        ("Agama", "Religion", f.religion.clone()),
        (
            "Status perkawinan",
            "Marital status",
            f.marital_status.clone(),
        ),
        ("Pekerjaan", "Occupation", f.occupation.clone()),
        (
            "Jenis permohonan",
            "Application type",
            f.application_type.clone(),
        ),
    ];
    // The desa by its name (the form holds its code); the public region list has it.
    let village_code = StoredValue::new(f.address.village.clone());
    let village_name = RwSignal::new(None::<String>);
    leptos::task::spawn_local({
        let (district, village) = (f.address.district.clone(), f.address.village.clone());
        async move {
            let list =
                get_region_children(&district, lang.get_untracked(), ViewRequests::new()).await;
            if let Ok(list) = list {
                village_name.set(list.into_iter().find(|e| e.code == village).map(|e| e.name));
            }
        }
    });
    // Accepting needs every uploaded document opened and ticked, not a glance at the list.
    let uploaded = StoredValue::new(
        d.documents
            .iter()
            .map(|doc| doc.kind)
            .collect::<Vec<AttachmentKind>>(),
    );
    let confirmed = RwSignal::new(Vec::<AttachmentKind>::new());
    let all_confirmed =
        move || confirmed.with(|c| uploaded.with_value(|u| u.iter().all(|k| c.contains(k))));
    let stage = d.stage;
    let warnings = d.warnings.clone();
    let returned = d.returned_reasons.clone();
    let docs: Vec<_> = {
        let mut kinds = d.required_documents.clone();
        for doc in &d.documents {
            if !kinds.contains(&doc.kind) {
                kinds.push(doc.kind);
            }
        }
        kinds
            .into_iter()
            .map(|k| (k, d.documents.iter().find(|x| x.kind == k).cloned()))
            .collect()
    };
    view! {
        <header class="application-head">
            <h2>{d.form.full_name.clone()}</h2>
            <p class="code">{d.registration_code.clone()}</p>
            <p class="stage"><StageChip stage=stage/></p>
        </header>
        {(!returned.is_empty()).then(|| view! {
            <div class="notice">
                <p>{t(RETURNED_FOR)}</p>
                <ul>{returned.iter().map(|r| { let r = *r; view! { <li>{move || r.message(lang.get())}</li> } }).collect_view()}</ul>
            </div>
        })}
        <div class="application-grid">
            <section aria-labelledby="identity-h">
                <h3 id="identity-h">{t(IDENTITY)}</h3>
                <dl class="identity">
                    {rows.into_iter().map(|(id_label, en_label, value)| view! {
                        <dt>{move || lang.get().pick(id_label, en_label)}</dt>
                        <dd>{move || {
                            let v = shown(id_label, &value, lang.get());
                            match village_name.get() {
                                Some(name) if id_label == "Alamat" => v.replace(&village_code.get_value(), &name),
                                _ => v,
                            }
                        }}</dd>
                    }).collect_view()}
                </dl>
                {(!warnings.is_empty()).then(|| view! {
                    <h3>{t(WARNINGS)}</h3>
                    <ul class="warnings">
                        {warnings.iter().map(|w| {
                            let (field, code) = (w.field.clone(), w.code);
                            view! { <li><strong>{field}</strong>": "{move || code.message(lang.get())}</li> }
                        }).collect_view()}
                    </ul>
                })}
            </section>
            <section aria-labelledby="docs-h">
                <h3 id="docs-h">{t(CHECKLIST)}</h3>
                <ul class="doc-list">
                    {docs.into_iter().map(|(kind, info)| view! {
                        <DocumentItem application_id=id.clone() kind=kind info=info
                            on_confirm=Callback::new(move |ok: bool| confirmed.update(|c| {
                                c.retain(|k| *k != kind);
                                if ok {
                                    c.push(kind);
                                }
                            }))/>
                    }).collect_view()}
                </ul>
            </section>
        </div>
        <section class="decision" aria-live="polite">
            {
                let pending_decision = pending_decision.clone();
                move || pending_decision().map(|item| view! { <ul class="outbox-list"><OutboxEntry item=item/></ul> })
            }
            {(can_verify || can_return).then(|| view! {
                <div class="decision-actions" hidden=move || pending_decision().is_some_and(|i| i.is_pending() || matches!(i.state, ItemState::Sent { .. }))>
                    {can_verify.then(|| view! {
                        <button type="button" class="primary" disabled=move || !all_confirmed()
                            on:click=move |_| enqueue(&detail.get_value(), Action::Verify)>
                            {t(VERIFY)}
                        </button>
                        <p class="hint" hidden=all_confirmed>{t(OPEN_EVERY_DOCUMENT)}</p>
                    })}
                    {can_return.then(|| view! {
                        <details class="return">
                            <summary>{t(RETURN)}</summary>
                            <ReturnForm on_return=Callback::new(move |reasons: Vec<ReturnReason>| {
                                enqueue(&detail.get_value(), Action::Return { reasons })
                            })/>
                        </details>
                    })}
                </div>
            })}
            {
                let record_href = record_href.clone();
                move || (can_record || verify_queued()).then(|| view! {
                    <a href=record_href.clone() class="button primary">{t(GO_RECORD)}</a>
                })
            }
            {recorded.then(|| view! { <a href=receipt_href.clone() class="button">{t(SHOW_RECEIPT)}</a> })}
            {(!can_verify && !can_return && !can_record && !recorded && stage != Stage::PreFilled).then(|| view! { <p>{t(NO_ACTION)}</p> })}
        </section>
    }
}
