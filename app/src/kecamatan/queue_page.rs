//! `/kecamatan`: the operator's queue — applications of their kecamatan, filtered by stage and
//! searched by name or code, newest first, a page at a time — plus opening one by a typed code or a scanned QR, and entering a
//! walk-in resident's application.

use super::{CodeLookup, QrScanner};
use crate::api::StaffApi;
use crate::components::StageChip;
use crate::i18n::{format_timestamp, t, use_lang};
use crate::kecamatan::strings::*;
use crate::nav::navigate;
use leptos::prelude::*;
use shared::api::{ApplicationListItem, QueueCursor, QueueQuery};
use shared::lifecycle::Stage;

/// Stages an operator filters by: their own work, and every 1:N outcome of a recording they
/// made (a duplicate or a failure must be findable, not only the stages they act on).
const FILTER_STAGES: [Stage; 10] = [
    Stage::PreFilled,
    Stage::Returned,
    Stage::DocumentsVerified,
    Stage::BioCaptured,
    Stage::SentForEnrollment,
    Stage::PrintReadyRecord,
    Stage::AdjudicateRecord,
    Stage::DuplicateRecord,
    Stage::EnrollFailure,
    Stage::CardShipped,
];

/// The queue screen.
#[component]
pub fn QueuePage() -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let stage = RwSignal::new(Some(Stage::PreFilled));
    let typed = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    // Opening one application by a typed or scanned code (both feed the same lookup).
    let lookup = Action::new_local(move |code: &String| {
        let code = code.clone();
        async move { api.by_code(&code).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(detail)) = lookup.value().get() {
            navigate(&format!("/kecamatan/permohonan/{}", detail.id));
        }
    });
    let filters = move || QueueQuery {
        stage: stage.get(),
        search: Some(query.get()).filter(|q| !q.trim().is_empty()),
        ..QueueQuery::default()
    };
    let list = LocalResource::new(move || {
        let filters = filters();
        async move { api.search(&filters).await }
    });
    // Later pages, appended below the first (reset whenever the filters give a new first page).
    let more = RwSignal::new(Vec::<ApplicationListItem>::new());
    let next = RwSignal::new(None::<QueueCursor>);
    Effect::new(move |_| {
        if let Some(Ok(first)) = list.get() {
            more.set(Vec::new());
            next.set(first.next.clone());
        }
    });
    let load_more = Action::new_local(move |_: &()| {
        let page = QueueQuery {
            after: next.get_untracked(),
            ..filters()
        };
        async move { api.search(&page).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(page)) = load_more.value().get() {
            more.update(|rows| rows.extend(page.items));
            next.set(page.next);
        }
    });

    let rows = move || {
        Suspend::new(async move {
            match list.await {
                Ok(list) if list.items.is_empty() => view! { <p>{t(NO_APPLICATIONS)}</p> }.into_any(),
                Ok(list) => view! {
                    <table class="queue">
                        <thead><tr>
                            <th scope="col">{t(COL_CODE)}</th>
                            <th scope="col">{t(COL_NAME)}</th>
                            <th scope="col">{t(COL_TYPE)}</th>
                            <th scope="col">{t(COL_STAGE)}</th>
                            <th scope="col">{t(COL_UPDATED)}</th>
                        </tr></thead>
                        <tbody>
                            {list.items.into_iter().map(queue_row).collect_view()}
                            {move || more.get().into_iter().map(queue_row).collect_view()}
                        </tbody>
                    </table>
                    <Show when=move || next.with(Option::is_some)>
                        <button type="button" class="load-more"
                            disabled=move || load_more.pending().get()
                            on:click=move |_| { load_more.dispatch(()); }>
                            {t(LOAD_MORE)}
                        </button>
                    </Show>
                    {move || load_more.value().get().and_then(Result::err).map(|e| view! {
                        <p class="field-error" role="alert">{move || e.message(lang.get())}</p>
                    })}
                }.into_any(),
                Err(e) => view! { <p class="field-error" role="alert">{move || e.message(lang.get())}</p> }.into_any(),
            }
        })
    };

    view! {
        <section class="queue-page">
            <h1>{t(QUEUE_TITLE)}</h1>
            <div class="queue-tools">
                <a href="/kecamatan/baru" class="button primary">{t(NEW_WALK_IN)}</a>
                <CodeLookup lookup=lookup/>
                <QrScanner on_code=Callback::new(move |code: String| {
                    lookup.dispatch(code);
                })/>
            </div>
            <form class="queue-filter" role="search" on:submit=move |ev| {
                ev.prevent_default();
                query.set(typed.get_untracked());
            }>
                <label for="queue-stage">{t(FILTER_STAGE)}</label>
                <select id="queue-stage" on:change=move |ev| {
                    stage.set(Stage::parse(&event_target_value(&ev)));
                }>
                    <option value="" selected=move || stage.get().is_none()>{t(ALL_STAGES)}</option>
                    {FILTER_STAGES.into_iter().map(|s| view! {
                        <option value=s.as_str() selected=move || stage.get() == Some(s)>
                            {move || s.label(lang.get())}
                        </option>
                    }).collect_view()}
                </select>
                <label for="queue-search">{t(SEARCH)}</label>
                <input id="queue-search" type="search" bind:value=typed/>
                <button type="submit">{t(SEARCH_BUTTON)}</button>
            </form>
            <Transition fallback=move || view! { <p>{t(LOADING)}</p> }>{rows}</Transition>
        </section>
    }
}

/// One application in the queue.
fn queue_row(item: ApplicationListItem) -> impl IntoView {
    let lang = use_lang();
    let href = format!("/kecamatan/permohonan/{}", item.id);
    let updated = item.updated_at.clone();
    let kind = item.application_type.clone();
    view! {
        <tr>
            <td class="code"><a href=href>{item.registration_code}</a></td>
            <td>{item.full_name}</td>
            <td>{move || shared::domain::ApplicationType::parse(&kind).map(|k| k.label(lang.get()).to_string()).unwrap_or_else(|| kind.clone())}</td>
            <td><StageChip stage=item.stage/></td>
            <td>{move || format_timestamp(&updated, lang.get())}</td>
        </tr>
    }
}
