//! The dashboard page: summary figures, the two charts and the tables behind them.

use super::charts::{BarChart, ColumnChart};
use super::strings::*;
use crate::api::StaffApi;
use crate::dinas::wording;
use crate::i18n::{format_timestamp, t, use_lang};
use leptos::prelude::*;
use shared::api::{Dashboard, StuckReason};
use shared::i18n::Lang;
use shared::lifecycle::Stage;

/// The dashboard.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let figures = LocalResource::new(move || async move { api.dashboard().await });
    let body = move || {
        Suspend::new(async move {
            match figures.await {
                Ok(d) => view! { <Figures d/> }.into_any(),
                Err(e) => view! { <p class="field-error" role="alert">{move || e.message(lang.get())}</p> }.into_any(),
            }
        })
    };
    view! {
        <section class="dashboard">
            <h1>{t(TITLE)}</h1>
            <Transition fallback=move || view! { <p>{t(crate::kecamatan::strings::LOADING)}</p> }>{body}</Transition>
        </section>
    }
}

/// Hours as the console words ages ("2 hari 3 jam").
fn age(hours: f64, lang: Lang) -> String {
    wording::age(hours.max(0.0).round() as u32, lang)
}

#[component]
fn Figures(d: Dashboard) -> impl IntoView {
    let lang = use_lang();
    let open_total: u64 = d.backlog.iter().map(|b| b.count).sum();
    let collection_total: u64 = d.awaiting_collection.iter().map(|c| c.count).sum();
    let stuck_total = d.stuck.len();
    let (open_cases, oldest, median) = (d.cases.open, d.cases.oldest_hours, d.cases.median_hours);
    let generated = d.generated_at.clone();
    let stuck_class = if stuck_total > 0 {
        "tile tile-alert"
    } else {
        "tile"
    };
    view! {
        <p class="hint">{move || format!("{} {}", AS_OF.get(lang.get()), format_timestamp(&generated, lang.get()))}</p>
        <div class="dashboard-tiles">
            <div class="tile"><span class="tile-number">{open_total}</span><span>{t(OPEN_APPLICATIONS)}</span></div>
            <div class="tile">
                <span class="tile-number">{open_cases}</span><span>{t(OPEN_CASES)}</span>
                {(open_cases > 0).then(|| view! {
                    <span class="hint">{move || format!("{} {} · {} {}",
                        OLDEST.get(lang.get()), age(oldest, lang.get()),
                        MEDIAN.get(lang.get()), age(median, lang.get()))}</span>
                })}
            </div>
            <div class="tile"><span class="tile-number">{collection_total}</span><span>{t(AWAITING_COLLECTION)}</span></div>
            <div class=stuck_class>
                <span class="tile-number">{stuck_total}</span><span>{t(STUCK)}</span>
            </div>
        </div>
        <div class="dashboard-grid">
            <PerDay d=d.clone()/>
            <Backlog d=d.clone()/>
        </div>
        <ByKecamatan d=d.clone()/>
        <Collection d=d.clone()/>
        <Stuck d/>
    }
}

#[component]
fn PerDay(d: Dashboard) -> impl IntoView {
    let lang = use_lang();
    let bars: Vec<(String, u64)> = d
        .per_day
        .iter()
        .map(|day| {
            let label = match (day.day.get(8..10), day.day.get(5..7)) {
                (Some(dd), Some(mm)) => format!("{dd}/{mm}"),
                _ => day.day.clone(),
            };
            (label, day.count)
        })
        .collect();
    view! {
        <figure class="panel">
            <figcaption><h2>{t(PER_DAY_TITLE)}</h2></figcaption>
            {move || view! { <ColumnChart bars=bars.clone() label=CHART_PER_DAY.get(lang.get()).to_string()/> }}
        </figure>
    }
}

#[component]
fn Backlog(d: Dashboard) -> impl IntoView {
    let lang = use_lang();
    let backlog = StoredValue::new(d.backlog);
    let chart = move || {
        let bars = backlog.with_value(|b| {
            b.iter()
                .map(|s| (s.stage.label(lang.get()).to_string(), s.count))
                .collect::<Vec<_>>()
        });
        view! { <BarChart bars label=CHART_BACKLOG.get(lang.get()).to_string()/> }
    };
    let rows = move || {
        backlog.with_value(|b| {
            b.iter()
                .map(|s| {
                    let (stage, count, oldest, median) =
                        (s.stage, s.count, s.oldest_hours, s.median_hours);
                    view! {
                        <tr>
                            <th scope="row">{move || stage.label(lang.get())}</th>
                            <td class="number">{count}</td>
                            <td>{move || age(oldest, lang.get())}</td>
                            <td>{move || age(median, lang.get())}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <figure class="panel">
            <figcaption><h2>{t(BACKLOG_TITLE)}</h2></figcaption>
            {chart}
            <table class="queue backlog">
                <thead><tr>
                    <th scope="col">{t(COL_STAGE)}</th>
                    <th scope="col">{t(COL_COUNT)}</th>
                    <th scope="col">{t(COL_OLDEST)}</th>
                    <th scope="col">{t(COL_MEDIAN)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </figure>
    }
}

/// Rows: kecamatan; columns: the stages that occur, in life-cycle order (short codes, the full
/// name in each header's title).
#[component]
fn ByKecamatan(d: Dashboard) -> impl IntoView {
    let lang = use_lang();
    let mut stages: Vec<Stage> = d.by_kecamatan.iter().map(|c| c.stage).collect();
    stages.sort();
    stages.dedup();
    let mut districts: Vec<(String, String)> = d
        .by_kecamatan
        .iter()
        .map(|c| (c.district_code.clone(), c.district_name.clone()))
        .collect();
    districts.dedup();
    let count = |district: &str, stage: Stage| {
        d.by_kecamatan
            .iter()
            .find(|c| c.district_code == district && c.stage == stage)
            .map_or(0, |c| c.count)
    };
    let rows = districts
        .iter()
        .map(|(code, name)| {
            let cells: Vec<u64> = stages.iter().map(|s| count(code, *s)).collect();
            let total: u64 = cells.iter().sum();
            view! {
                <tr>
                    <th scope="row">{name.clone()}</th>
                    {cells.into_iter().map(|n| view! { <td class="number">{(n > 0).then_some(n)}</td> }).collect_view()}
                    <td class="number total">{total}</td>
                </tr>
            }
        })
        .collect_view();
    let heads = stages
        .iter()
        .map(|s| {
            let s = *s;
            view! { <th scope="col" title=move || s.label(lang.get())>{s.short_code()}</th> }
        })
        .collect_view();
    view! {
        <section class="panel">
            <h2>{t(BY_KECAMATAN_TITLE)}</h2>
            {if districts.is_empty() {
                view! { <p>{t(NOTHING)}</p> }.into_any()
            } else {
                view! {
                    <table class="queue matrix">
                        <thead><tr><th scope="col">{t(COL_KECAMATAN)}</th>{heads}<th scope="col">{t(COL_TOTAL)}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn Collection(d: Dashboard) -> impl IntoView {
    let lang = use_lang();
    let rows = d
        .awaiting_collection
        .into_iter()
        .map(|c| {
            view! {
                <tr>
                    <th scope="row">{c.district_name}</th>
                    <td class="number">{c.count}</td>
                    <td>{move || age(c.oldest_hours, lang.get())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel">
            <h2>{t(COLLECTION_TITLE)}</h2>
            <table class="queue">
                <thead><tr>
                    <th scope="col">{t(COL_KECAMATAN)}</th>
                    <th scope="col">{t(COL_COUNT)}</th>
                    <th scope="col">{t(COL_OLDEST)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

#[component]
fn Stuck(d: Dashboard) -> impl IntoView {
    let lang = use_lang();
    if d.stuck.is_empty() {
        return view! { <section class="panel"><h2>{t(STUCK_TITLE)}</h2><p>{t(STUCK_NONE)}</p></section> }
            .into_any();
    }
    let rows = d
        .stuck
        .into_iter()
        .map(|s| {
            let reason = match s.reason {
                StuckReason::DeadLetter => REASON_DEAD_LETTER,
                StuckReason::NoOutcome => REASON_NO_OUTCOME,
            };
            let (stage, since) = (s.stage, s.since);
            view! {
                <tr>
                    <td class="code">{s.registration_code}</td>
                    <td>{s.district_name}</td>
                    <td>{move || stage.label(lang.get())}</td>
                    <td>{t(reason)}</td>
                    <td>{move || format_timestamp(&since, lang.get())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel stuck">
            <h2>{t(STUCK_TITLE)}</h2>
            <table class="queue">
                <thead><tr>
                    <th scope="col">{t(COL_CODE)}</th>
                    <th scope="col">{t(COL_KECAMATAN)}</th>
                    <th scope="col">{t(COL_STAGE)}</th>
                    <th scope="col">{t(COL_REASON)}</th>
                    <th scope="col">{t(COL_SINCE)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
    .into_any()
}
