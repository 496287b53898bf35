//! `/dinas/cetak`: PRINT_READY_RECORD applications by kecamatan, oldest first, each saying
//! whether its card fits (and why not); select some or all of one kecamatan and make a print
//! run. Below, the runs: open ones first.

use super::strings::*;
use crate::api::{ApiError, StaffApi};
use crate::dinas::WriteKey;
use crate::i18n::{format_timestamp, t, use_lang};
use crate::nav::navigate;
use leptos::prelude::*;
use shared::api::{CreatePrintRunRequest, PrintQueueDistrict, PrintQueueItem, PrintRunSummary};

#[component]
pub fn PrintQueuePage() -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let queue = LocalResource::new(move || async move { api.print_queue().await });
    let runs = LocalResource::new(move || async move { api.print_runs().await });
    let error = move |e: ApiError| {
        view! { <p class="field-error" role="alert">{move || e.message(lang.get())}</p> }.into_any()
    };
    let districts = move || {
        Suspend::new(async move {
            match queue.await {
                Ok(q) if q.districts.is_empty() => view! { <p>{t(QUEUE_EMPTY)}</p> }.into_any(),
                Ok(q) => q
                    .districts
                    .into_iter()
                    .map(|district| view! { <District district/> })
                    .collect_view()
                    .into_any(),
                Err(e) => error(e),
            }
        })
    };
    let run_rows = move || {
        Suspend::new(async move {
            match runs.await {
                Ok(list) if list.runs.is_empty() => view! { <p>{t(RUNS_EMPTY)}</p> }.into_any(),
                Ok(list) => view! {
                    <table class="queue print-runs">
                        <thead><tr>
                            <th scope="col">{t(COL_RUN)}</th>
                            <th scope="col">{t(COL_KECAMATAN)}</th>
                            <th scope="col">{t(COL_MADE)}</th>
                            <th scope="col">{t(COL_CARDS)}</th>
                            <th scope="col">{t(COL_LEDGER)}</th>
                            <th scope="col">{t(COL_STATE)}</th>
                        </tr></thead>
                        <tbody>{list.runs.into_iter().map(|run| view! { <RunRow run/> }).collect_view()}</tbody>
                    </table>
                }
                .into_any(),
                Err(e) => error(e),
            }
        })
    };
    let loading = move || view! { <p>{t(crate::kecamatan::strings::LOADING)}</p> };
    view! {
        <section class="print-room">
            <h1>{t(PRINT_TITLE)}</h1>
            <p>{t(PRINT_INTRO)}</p>
            <h2>{t(QUEUE_TITLE)}</h2>
            <Transition fallback=loading>{districts}</Transition>
            <h2>{t(RUNS_TITLE)}</h2>
            <Transition fallback=loading>{run_rows}</Transition>
        </section>
    }
}

/// One kecamatan's waiting applications, with the selection that becomes a run.
#[component]
fn District(district: PrintQueueDistrict) -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let selected = RwSignal::new(Vec::<String>::new());
    let printable: Vec<String> = district
        .items
        .iter()
        .filter(|i| i.fit_problems.is_empty())
        .map(|i| i.application_id.clone())
        .collect();
    let printable = StoredValue::new(printable);
    let code = StoredValue::new(district.district_code.clone());
    let key = WriteKey::new();
    let create = Action::new_local(move |ids: &Vec<String>| {
        let request = CreatePrintRunRequest {
            district_code: code.get_value(),
            application_ids: ids.clone(),
            blank_cards: None,
        };
        async move {
            let Some(k) = key.get() else {
                return Err(ApiError::Unexpected { status: 0 });
            };
            let result = api.create_print_run(&request, &k).await;
            key.settle(&result);
            if let Ok(written) = &result {
                navigate(&format!("/dinas/cetak/{}", written.run_id));
            }
            result
        }
    });
    let heading_id = format!("district-{}", district.district_code);
    let labelled_by = heading_id.clone();
    let all_selected =
        move || printable.with_value(|p| !p.is_empty() && selected.with(|s| s.len() == p.len()));
    let count = move || selected.with(Vec::len);
    view! {
        <section class="print-district" aria-labelledby=labelled_by>
            <h3 id=heading_id>{district.district_name.clone()}" ("{district.items.len()}")"</h3>
            <label class="check">
                <input type="checkbox" prop:checked=all_selected on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    selected.set(if on { printable.get_value() } else { Vec::new() });
                }/>
                {t(SELECT_ALL)}
            </label>
            <table class="queue print-items">
                <thead><tr>
                    <th scope="col">{t(COL_SELECT)}</th>
                    <th scope="col">{t(COL_CODE)}</th>
                    <th scope="col">{t(COL_WAITING)}</th>
                    <th scope="col">{t(COL_CARD)}</th>
                </tr></thead>
                <tbody>{district.items.into_iter().map(|item| view! { <QueueRow item selected/> }).collect_view()}</tbody>
            </table>
            <button type="button" class="primary" disabled=move || count() == 0 || create.pending().get()
                on:click=move |_| { create.dispatch(selected.get_untracked()); }>
                {t(MAKE_RUN)}" ("{count}" "{t(SELECTED)}")"
            </button>
            <p class="field-error" role="alert">
                {move || create.value().get().and_then(|r| r.err()).map(|e| e.message(lang.get()))}
            </p>
        </section>
    }
}

#[component]
fn QueueRow(item: PrintQueueItem, selected: RwSignal<Vec<String>>) -> impl IntoView {
    let lang = use_lang();
    let id = StoredValue::new(item.application_id.clone());
    let fits = item.fit_problems.is_empty();
    let problems = item.fit_problems.clone();
    let age = item.age_days;
    let checked = move || id.with_value(|id| selected.with(|s| s.contains(id)));
    let code = item.registration_code.clone();
    let label = move || format!("{} {code}", COL_SELECT.get(lang.get()));
    view! {
        <tr class:unfit=!fits>
            <td><input type="checkbox" aria-label=label disabled=!fits prop:checked=checked
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    let id = id.get_value();
                    selected.update(|s| {
                        s.retain(|x| *x != id);
                        if on { s.push(id); }
                    });
                }/></td>
            <td class="code">{item.registration_code.clone()}</td>
            <td>{move || if age == 0 { TODAY.get(lang.get()).to_string() } else { format!("{age} {}", DAYS.get(lang.get())) }}</td>
            <td>
                {fits.then(|| view! { <span>{t(FITS)}</span> })}
                <ul class="fit-problems">
                    {problems.into_iter().map(|p| view! { <li class="field-error">{move || p.message(lang.get())}</li> }).collect_view()}
                </ul>
            </td>
        </tr>
    }
}

#[component]
fn RunRow(run: PrintRunSummary) -> impl IntoView {
    let lang = use_lang();
    let href = format!("/dinas/cetak/{}", run.run_id);
    let short = run.run_id.chars().take(8).collect::<String>();
    let l = run.ledger;
    let made = run.created_at.clone();
    let open = run.closed_at.is_none();
    view! {
        <tr>
            <td class="code"><a href=href>{short}</a></td>
            <td>{run.district_name.clone()}</td>
            <td>{move || format_timestamp(&made, lang.get())}" · "{run.created_by.clone()}</td>
            <td>{run.applications}</td>
            <td>{format!("{} / {} / {}", l.blank_cards_taken, l.printed, l.spoiled)}</td>
            <td>{move || if open { t(OPEN)() } else { t(CLOSED)() }}</td>
        </tr>
    }
}
