//! `/dinas/distribusi`: what waits to be shipped (and packing it), the shipments with their
//! receipt at the kecamatan and any difference reported, and the uncollected cards.

use super::strings::*;
use crate::api::{ApiError, StaffApi};
use crate::dinas::WriteKey;
use crate::i18n::{format_timestamp, t, use_lang};
use crate::nav::navigate;
use leptos::prelude::*;
use shared::api::{PrintedWaiting, ShipmentSummary, WaitingCard};

/// The section's page.
#[component]
pub fn DistributionPage() -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let overview = LocalResource::new(move || async move { api.distribution().await });
    let body = move || {
        Suspend::new(async move {
            match overview.await {
                Ok(o) => {
                    let days = o.uncollected_after_days;
                    view! {
                        <section aria-labelledby="dist-waiting-h">
                            <h2 id="dist-waiting-h">{t(WAITING_TITLE)}</h2>
                            <Waiting rows=o.waiting_to_ship/>
                        </section>
                        <section aria-labelledby="dist-shipments-h">
                            <h2 id="dist-shipments-h">{t(SHIPMENTS_TITLE)}</h2>
                            <Shipments rows=o.shipments/>
                        </section>
                        <section aria-labelledby="dist-uncollected-h">
                            <h2 id="dist-uncollected-h">{t(UNCOLLECTED_TITLE)}</h2>
                            <p>{t(UNCOLLECTED_INTRO)}{days}"."</p>
                            <Uncollected rows=o.uncollected/>
                        </section>
                    }
                    .into_any()
                }
                Err(e) => view! { <p class="field-error" role="alert">{move || e.message(lang.get())}</p> }
                    .into_any(),
            }
        })
    };
    view! {
        <section class="distribution">
            <h1>{t(TITLE)}</h1>
            <p>{t(INTRO)}</p>
            <Transition fallback=move || view! { <p>{t(crate::kecamatan::strings::LOADING)}</p> }>{body}</Transition>
        </section>
    }
}

#[component]
fn Waiting(rows: Vec<PrintedWaiting>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p>{t(NOTHING_WAITING)}</p> }.into_any();
    }
    view! {
        <p class="hint">{t(PACK_HINT)}</p>
        <table class="queue">
            <thead><tr>
                <th scope="col">{t(COL_KECAMATAN)}</th>
                <th scope="col">{t(COL_CARDS)}</th>
                <th scope="col"><span class="visually-hidden">{t(PACK)}</span></th>
            </tr></thead>
            <tbody>{rows.into_iter().map(|row| view! { <WaitingRow row/> }).collect_view()}</tbody>
        </table>
    }
    .into_any()
}

/// One kecamatan's printed cards and the button that packs them.
#[component]
fn WaitingRow(row: PrintedWaiting) -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let key = WriteKey::new();
    let district = StoredValue::new(row.district_code.clone());
    let pack = Action::new_local(move |_: &()| async move {
        let Some(k) = key.get() else {
            return Err(ApiError::Unexpected { status: 0 });
        };
        let result = api.pack_shipment(&district.get_value(), &k).await;
        key.settle(&result);
        if let Ok(s) = &result {
            navigate(&format!("/dinas/distribusi/{}", s.id));
        }
        result
    });
    let error = move || {
        pack.value()
            .get()
            .and_then(|r| r.err())
            .map(|e| e.message(lang.get()))
    };
    let label = format!("{} {}", row.district_name, row.district_code);
    view! {
        <tr>
            <td>{label}</td>
            <td>{row.cards}</td>
            <td>
                <button type="button" class="primary" disabled=move || pack.pending().get()
                    on:click=move |_| { pack.dispatch(()); }>{t(PACK)}" · "{row.district_name.clone()}</button>
                <p class="field-error" role="alert">{error}</p>
            </td>
        </tr>
    }
}

#[component]
fn Shipments(rows: Vec<ShipmentSummary>) -> impl IntoView {
    let lang = use_lang();
    if rows.is_empty() {
        return view! { <p>{t(NO_SHIPMENTS)}</p> }.into_any();
    }
    view! {
        <table class="queue shipments">
            <thead><tr>
                <th scope="col">{t(COL_CODE)}</th>
                <th scope="col">{t(COL_KECAMATAN)}</th>
                <th scope="col">{t(COL_CARDS)}</th>
                <th scope="col">{t(COL_PACKED)}</th>
                <th scope="col">{t(COL_RECEIVED)}</th>
                <th scope="col">{t(COL_MISSING)}</th>
                <th scope="col">{t(COL_EXTRA)}</th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|s| {
                    let href = format!("/dinas/distribusi/{}", s.id);
                    let packed = s.packed_at.clone();
                    let received = s.received_at.clone();
                    let differs = s.missing_cards > 0 || s.extra_cards > 0;
                    view! {
                        <tr class:discrepancy=differs>
                            <td class="code"><a href=href>{s.code}</a></td>
                            <td>{s.district_name}</td>
                            <td>{s.cards}</td>
                            <td>{move || format_timestamp(&packed, lang.get())}</td>
                            <td>{move || match &received {
                                Some(at) => format_timestamp(at, lang.get()),
                                None => NOT_RECEIVED.get(lang.get()).to_string(),
                            }}</td>
                            <td>{s.missing_cards}</td>
                            <td>{s.extra_cards}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn Uncollected(rows: Vec<WaitingCard>) -> impl IntoView {
    let lang = use_lang();
    if rows.is_empty() {
        return view! { <p>{t(NONE_UNCOLLECTED)}</p> }.into_any();
    }
    view! {
        <table class="queue uncollected">
            <thead><tr>
                <th scope="col">{t(COL_REG_CODE)}</th>
                <th scope="col">{t(COL_KECAMATAN)}</th>
                <th scope="col">{t(COL_RECEIVED_ON)}</th>
                <th scope="col">{t(COL_DAYS)}</th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|c| {
                    let on = c.received_on.clone();
                    view! {
                        <tr>
                            <td class="code">{c.registration_code}</td>
                            <td>{c.district_name}</td>
                            <td>{move || format_timestamp(&on, lang.get())}</td>
                            <td>{c.days_waiting}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
