//! `/kecamatan/kartu/terima`: open a shipment by its manifest code (scanned from the manifest's
//! QR or typed), tick each card that is in the box, report the cards in the box that the
//! manifest does not list, and save: what is not ticked is reported to the dinas as missing.

use super::strings::*;
use crate::api::{ApiError, StaffApi};
use crate::dinas::WriteKey;
use crate::i18n::{t, use_lang};
use crate::kecamatan::QrScanner;
use leptos::prelude::*;
use shared::api::{CardState, ManifestCard, ReceiveRequest, ShipmentView};
use std::collections::BTreeSet;

/// The receiving screen.
#[component]
pub fn ReceivePage() -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let code = RwSignal::new(String::new());
    let lookup = Action::new_local(move |code: &String| {
        let code = code.clone();
        async move { api.shipment_by_code(&code).await }
    });
    let on_scan = Callback::new(move |text: String| {
        code.set(text.clone());
        lookup.dispatch(text);
    });
    let error = move || {
        lookup
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| e.message(lang.get()))
    };
    view! {
        <section class="receive-page">
            <h1>{t(RECEIVE_TITLE)}</h1>
            <p>{t(RECEIVE_INTRO)}</p>
            <form class="code-lookup" role="search" on:submit=move |ev| {
                ev.prevent_default();
                lookup.dispatch(code.get_untracked());
            }>
                <label for="manifest-code">{t(MANIFEST_CODE)}</label>
                <input id="manifest-code" class="code" autocomplete="off" autocapitalize="characters"
                    spellcheck="false" aria-describedby="manifest-error" bind:value=code/>
                <button type="submit" disabled=move || lookup.pending().get()>{t(OPEN)}</button>
                <p id="manifest-error" class="field-error" role="alert">{error}</p>
            </form>
            <QrScanner on_code=on_scan/>
            {move || lookup.value().get().and_then(|r| r.ok()).map(|v| view! { <Checklist initial=v/> })}
            <p><a href="/kecamatan/kartu">{t(BACK_TO_CARDS)}</a></p>
        </section>
    }
}

/// Whether a listed card can still be ticked.
fn open(card: &ManifestCard) -> bool {
    matches!(card.state, CardState::InTransit | CardState::Missing)
}

/// The manifest as a checklist, the extras and the save button.
#[component]
fn Checklist(initial: ShipmentView) -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let shipment = RwSignal::new(initial);
    let ticked = RwSignal::new(BTreeSet::<String>::new());
    let extras = RwSignal::new(Vec::<String>::new());
    let extra_text = RwSignal::new(String::new());
    let key = WriteKey::new();
    let save = Action::new_local(move |_: &()| async move {
        let Some(k) = key.get() else {
            return Err(ApiError::Unexpected { status: 0 });
        };
        let id = shipment.with_untracked(|s| s.shipment.id.clone());
        let body = ReceiveRequest {
            received: ticked.get_untracked().into_iter().collect(),
            extras: extras.get_untracked(),
        };
        let result = api.receive_shipment(&id, &body, &k).await;
        key.settle(&result);
        if let Ok(v) = &result {
            shipment.set(v.clone());
            ticked.set(BTreeSet::new());
            extras.set(Vec::new());
        }
        result
    });
    let error = move || {
        save.value()
            .get()
            .and_then(|r| r.err())
            .map(|e| e.message(lang.get()))
    };
    let saved = move || save.value().get().is_some_and(|r| r.is_ok());
    let summary = move || {
        shipment.with(|v| {
            let s = &v.shipment;
            format!(
                "{} {}, {} {}, {} {}",
                s.received_cards,
                COUNT_RECEIVED.get(lang.get()),
                s.missing_cards,
                COUNT_MISSING.get(lang.get()),
                s.extra_cards,
                COUNT_EXTRA.get(lang.get()),
            )
        })
    };
    let heading = move || {
        shipment.with(|v| {
            format!(
                "{} {} · {} ({})",
                SHIPMENT_OF.get(lang.get()),
                v.shipment.code,
                v.shipment.district_name,
                v.shipment.cards
            )
        })
    };
    let received_before = move || shipment.with(|v| v.shipment.received_at.is_some());
    view! {
        <section class="checklist" aria-labelledby="checklist-h">
            <h2 id="checklist-h">{heading}</h2>
            <p class="notice" role="note" hidden=move || !received_before()>{t(ALREADY_RECEIVED)}</p>
            <p class="hint">{t(TICK_HINT)}</p>
            <fieldset>
                <legend>{t(CARDS_LISTED)}</legend>
                <ul class="tick-list">
                    {move || shipment.get().cards.into_iter().map(|c| {
                        let id = c.application_id.clone();
                        let can_tick = open(&c);
                        let state = match c.state {
                            CardState::Received => Some(STATE_RECEIVED),
                            CardState::HandedOver => Some(STATE_HANDED_OVER),
                            CardState::Missing => Some(STATE_MISSING),
                            CardState::InTransit => None,
                        };
                        let checked = {
                            let id = id.clone();
                            move || !can_tick || ticked.with(|s| s.contains(&id))
                        };
                        view! {
                            <li>
                                <label class="check">
                                    <input type="checkbox" disabled=!can_tick prop:checked=checked
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            ticked.update(|s| { if on { s.insert(id.clone()); } else { s.remove(&id); } });
                                        }/>
                                    <span class="code">{c.registration_code}</span>" "{c.full_name}
                                    {c.card_serial.map(|s| view! { " · "<span class="code">{s}</span> })}
                                    {state.map(|s| view! { " ("{t(s)}")" })}
                                </label>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </fieldset>
            <fieldset class="extras">
                <legend>{t(EXTRA_TITLE)}</legend>
                <ul>
                    {move || extras.get().into_iter().enumerate().map(|(i, text)| view! {
                        <li>{text}" "
                            <button type="button" on:click=move |_| extras.update(|e| { e.remove(i); })>{t(EXTRA_REMOVE)}</button>
                        </li>
                    }).collect_view()}
                </ul>
                <label for="extra-card">{t(EXTRA_LABEL)}</label>
                <input id="extra-card" autocomplete="off" maxlength=shared::domain::MAX_EXTRA_DESCRIPTION_CHARS.to_string()
                    bind:value=extra_text/>
                <button type="button" on:click=move |_| {
                    let text = extra_text.get_untracked().trim().to_string();
                    if !text.is_empty() {
                        extras.update(|e| e.push(text));
                        extra_text.set(String::new());
                    }
                }>{t(EXTRA_ADD)}</button>
            </fieldset>
            <button type="button" class="primary" disabled=move || save.pending().get()
                on:click=move |_| { save.dispatch(()); }>{t(SAVE_RECEIPT)}</button>
            <p class="field-error" role="alert">{error}</p>
            <p role="status" hidden=move || !saved()>{t(SAVED)}" "{summary}</p>
        </section>
    }
}
