//! `/kecamatan/kartu`: the shipments on their way to this kecamatan and the received cards
//! waiting for their residents, longest first, those waiting too long marked.

use super::strings::*;
use crate::api::StaffApi;
use crate::i18n::{format_timestamp, t, use_lang};
use leptos::prelude::*;
use shared::api::{ShipmentSummary, WaitingCard};

/// The cards page.
#[component]
pub fn CardsPage() -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let cards = LocalResource::new(move || async move { api.kecamatan_cards().await });
    let body = move || {
        Suspend::new(async move {
            match cards.await {
                Ok(c) => {
                    let days = c.uncollected_after_days;
                    view! {
                        <section aria-labelledby="expected-h">
                            <h2 id="expected-h">{t(EXPECTED_TITLE)}</h2>
                            <Expected rows=c.expected_shipments/>
                        </section>
                        <section aria-labelledby="waiting-h">
                            <h2 id="waiting-h">{t(WAITING_TITLE)}</h2>
                            <p class="hint">{t(UNCOLLECTED_NOTE)}{days}"."</p>
                            <Waiting rows=c.waiting/>
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
        <section class="cards-page">
            <h1>{t(CARDS_TITLE)}</h1>
            <p class="actions">
                <a class="button primary" href="/kecamatan/kartu/terima">{t(RECEIVE_LINK)}</a>
                " "
                <a class="button primary" href="/kecamatan/kartu/serah">{t(HANDOVER_LINK)}</a>
            </p>
            <Transition fallback=move || view! { <p>{t(crate::kecamatan::strings::LOADING)}</p> }>{body}</Transition>
        </section>
    }
}

#[component]
fn Expected(rows: Vec<ShipmentSummary>) -> impl IntoView {
    let lang = use_lang();
    if rows.is_empty() {
        return view! { <p>{t(NO_EXPECTED)}</p> }.into_any();
    }
    view! {
        <table class="queue">
            <thead><tr>
                <th scope="col">{t(COL_MANIFEST)}</th>
                <th scope="col">{t(COL_CARDS)}</th>
                <th scope="col">{t(COL_PACKED)}</th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|s| {
                    let packed = s.packed_at.clone();
                    view! {
                        <tr>
                            <td class="code">{s.code}</td>
                            <td>{s.cards}</td>
                            <td>{move || format_timestamp(&packed, lang.get())}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn Waiting(rows: Vec<WaitingCard>) -> impl IntoView {
    let lang = use_lang();
    if rows.is_empty() {
        return view! { <p>{t(NO_WAITING)}</p> }.into_any();
    }
    view! {
        <table class="queue waiting-cards">
            <thead><tr>
                <th scope="col">{t(COL_CODE)}</th>
                <th scope="col">{t(COL_NAME)}</th>
                <th scope="col">{t(COL_RECEIVED_ON)}</th>
                <th scope="col">{t(COL_DAYS)}</th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|c| {
                    let on = c.received_on.clone();
                    let late = c.uncollected;
                    view! {
                        <tr class:uncollected=late>
                            <td class="code">{c.registration_code}</td>
                            <td>{c.full_name}</td>
                            <td>{move || format_timestamp(&on, lang.get())}</td>
                            <td>{c.days_waiting}{late.then(|| view! { " · "<strong>{t(UNCOLLECTED)}</strong> })}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
