//! `/dinas/cetak/:run`: one print run: its blank-card ledger, each application with its card
//! (serial typed or scanned from the blank), marked printed or spoiled with a reason, or
//! reprinted (the valid card voided); more blanks taken; the run closed once it balances.

use super::strings::*;
use crate::api::{ApiError, StaffApi};
use crate::dinas::WriteKey;
use crate::i18n::{format_timestamp, t, use_lang};
use leptos::prelude::*;
use shared::api::{CardOutcome, CardRecord, PrintRunItem, PrintRunView, RecordCardsRequest};

#[component]
pub fn PrintRunPage(run_id: String) -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let run_id = StoredValue::new(run_id);
    let version = RwSignal::new(0u32);
    let run = LocalResource::new(move || {
        version.track();
        async move { api.print_run(&run_id.get_value()).await }
    });
    let reload = Callback::new(move |_: ()| version.update(|v| *v += 1));
    let body = move || {
        Suspend::new(async move {
            match run.await {
                Ok(view) => view! { <Run view reload/> }.into_any(),
                Err(e) => view! { <p class="field-error" role="alert">{move || e.message(lang.get())}</p> }.into_any(),
            }
        })
    };
    view! {
        <section class="print-run">
            <p><a href="/dinas/cetak">{t(BACK_TO_PRINTING)}</a></p>
            <Transition fallback=move || view! { <p>{t(crate::kecamatan::strings::LOADING)}</p> }>{body}</Transition>
        </section>
    }
}

#[component]
fn Run(view: PrintRunView, reload: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let s = view.summary;
    let run_id = StoredValue::new(s.run_id.clone());
    let l = s.ledger;
    let open = s.closed_at.is_none();
    let made = s.created_at.clone();
    let blanks = RwSignal::new(String::from("1"));
    let blanks_key = WriteKey::new();
    let take = Action::new_local(move |count: &u32| {
        let count = *count;
        async move {
            let Some(k) = blanks_key.get() else {
                return Err(ApiError::Unexpected { status: 0 });
            };
            let result = api.take_blanks(&run_id.get_value(), count, &k).await;
            blanks_key.settle(&result);
            if result.is_ok() {
                reload.run(());
            }
            result
        }
    });
    let close_key = WriteKey::new();
    let close = Action::new_local(move |_: &()| async move {
        let Some(k) = close_key.get() else {
            return Err(ApiError::Unexpected { status: 0 });
        };
        let result = api.close_print_run(&run_id.get_value(), &k).await;
        close_key.settle(&result);
        if result.is_ok() {
            reload.run(());
        }
        result
    });
    let failure = move |e: Option<ApiError>| e.map(|e| e.message(lang.get()));
    view! {
        <h1>{t(RUN_TITLE)}" "<span class="code">{s.run_id.chars().take(8).collect::<String>()}</span>" · "{s.district_name.clone()}</h1>
        <p>{move || format_timestamp(&made, lang.get())}" · "{s.created_by.clone()}" · "
            {move || if open { t(OPEN)() } else { t(CLOSED)() }}</p>
        <section class="ledger" aria-labelledby="ledger-h">
            <h2 id="ledger-h">{t(LEDGER_TITLE)}</h2>
            <dl class="ledger-figures">
                <dt>{t(TAKEN)}</dt><dd>{l.blank_cards_taken}</dd>
                <dt>{t(PRINTED)}</dt><dd>{l.printed}</dd>
                <dt>{t(SPOILED)}</dt><dd>{l.spoiled}</dd>
                <dt>{t(UNACCOUNTED)}</dt><dd>{l.unaccounted()}</dd>
            </dl>
            {l.balanced().then(|| view! { <p class="notice">{t(BALANCED)}</p> })}
        </section>
        <p><a class="button" href=format!("/dinas/cetak/{}/kartu", s.run_id)>{t(PREVIEW)}</a></p>
        <table class="queue print-cards">
            <thead><tr>
                <th scope="col">{t(COL_CODE)}</th>
                <th scope="col">{t(COL_STAGE)}</th>
                <th scope="col">{t(COL_SERIAL)}</th>
                <th scope="col">{t(COL_OUTCOME)}</th>
            </tr></thead>
            <tbody>{view.items.into_iter().map(|item| view! { <CardRow run_id=run_id.get_value() item open reload/> }).collect_view()}</tbody>
        </table>
        {open.then(|| view! {
            <form class="take-blanks" on:submit=move |ev| {
                ev.prevent_default();
                if let Ok(n) = blanks.get_untracked().trim().parse::<u32>() {
                    take.dispatch(n);
                }
            }>
                <label for="blanks-count">{t(BLANKS_COUNT)}</label>
                <input id="blanks-count" type="number" min="1" max="1000" bind:value=blanks/>
                <button type="submit" disabled=move || take.pending().get()>{t(TAKE_BLANKS)}</button>
                <p class="field-error" role="alert">{move || failure(take.value().get().and_then(|r| r.err()))}</p>
            </form>
            <button type="button" class="primary" disabled=move || close.pending().get()
                on:click=move |_| { close.dispatch(()); }>{t(CLOSE_RUN)}</button>
            <p class="field-error" role="alert">{move || failure(close.value().get().and_then(|r| r.err()))}</p>
        })}
    }
}

/// One application's card: its valid serial, the blanks spoiled for it, and the outcome form.
#[component]
fn CardRow(run_id: String, item: PrintRunItem, open: bool, reload: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let run_id = StoredValue::new(run_id);
    let application_id = StoredValue::new(item.application_id.clone());
    let current = StoredValue::new(item.card_serial.clone());
    let serial = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let key = WriteKey::new();
    let send = Action::new_local(move |outcome: &(CardOutcome, bool)| {
        let (outcome, reprint) = *outcome;
        let text = reason.get_untracked().trim().to_string();
        let card = CardRecord {
            application_id: application_id.get_value(),
            serial: serial.get_untracked(),
            outcome,
            reason: (!text.is_empty()).then_some(text),
            replaces: if reprint { current.get_value() } else { None },
        };
        async move {
            let Some(k) = key.get() else {
                return Err(ApiError::Unexpected { status: 0 });
            };
            let request = RecordCardsRequest { cards: vec![card] };
            let result = api.record_cards(&run_id.get_value(), &request, &k).await;
            key.settle(&result);
            if result.is_ok() {
                reload.run(());
            }
            result
        }
    });
    let code = item.registration_code.clone();
    let serial_label = {
        let code = code.clone();
        move || format!("{} {code}", SERIAL_FOR.get(lang.get()))
    };
    let reason_label = move || format!("{} {code}", REASON_FOR.get(lang.get()));
    let stage = item.stage;
    let printed = item.card_serial.is_some();
    view! {
        <tr>
            <td class="code">{item.registration_code.clone()}</td>
            <td>{move || stage.label(lang.get())}</td>
            <td>
                <span class="code">{item.card_serial.clone()}</span>
                <ul class="spoiled-cards">
                    {item.spoiled.into_iter().map(|s| view! {
                        <li><span class="code">{s.serial}</span>" · "{move || if s.voided { t(VOIDED)() } else { t(SPOILED)() }}": "{s.reason}</li>
                    }).collect_view()}
                </ul>
            </td>
            <td>
                {open.then(|| view! {
                    <div class="card-outcome">
                        <input class="code" autocomplete="off" aria-label=serial_label bind:value=serial/>
                        <input autocomplete="off" aria-label=reason_label bind:value=reason/>
                        {(!printed).then(|| view! {
                            <button type="button" class="primary" disabled=move || send.pending().get()
                                on:click=move |_| { send.dispatch((CardOutcome::Printed, false)); }>{t(MARK_PRINTED)}</button>
                        })}
                        {printed.then(|| view! {
                            <button type="button" disabled=move || send.pending().get()
                                on:click=move |_| { send.dispatch((CardOutcome::Printed, true)); }>{t(REPRINT)}</button>
                        })}
                        <button type="button" class="danger" disabled=move || send.pending().get()
                            on:click=move |_| { send.dispatch((CardOutcome::Spoiled, false)); }>{t(MARK_SPOILED)}</button>
                        <p class="field-error" role="alert">{move || send.value().get().and_then(|r| r.err()).map(|e| e.message(lang.get()))}</p>
                    </div>
                })}
            </td>
        </tr>
    }
}
