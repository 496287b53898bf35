//! `/kecamatan/kiriman`: everything this tablet has queued, newest first, with each item's state
//! and, for a sent recording, its 1:N outcome once known (read again while one is awaited).

use super::outcome_watch::{self, latest_recordings};
use super::OutboxEntry;
use crate::i18n::t;
use crate::kecamatan::strings::*;
use crate::staff::outbox::outbox;
use leptos::prelude::*;

/// The outbox screen.
#[component]
pub fn OutboxPage() -> impl IntoView {
    let ob = outbox();
    let read = outcome_watch::watch(ob.items);
    view! {
        <section class="outbox-page">
            <h1>{t(OUTBOX_TITLE)}</h1>
            <p>{t(QUEUED_NOTE)}</p>
            <button type="button" on:click=move |_| ob.send_now()>{t(SEND_NOW)}</button>
            {move || {
                let items = ob.items.get();
                let latest: Vec<String> = latest_recordings(&items).into_iter().map(str::to_string).collect();
                if !ob.loaded.get() {
                    view! { <p>{t(LOADING)}</p> }.into_any()
                } else if items.is_empty() {
                    view! { <p>{t(OUTBOX_EMPTY)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="outbox-list" aria-label=t(OUTBOX_TITLE)>
                            {items.into_iter().rev().map(|item| {
                                // The latest recording of an application shows its stage as read
                                // since it was sent: the 1:N outcome.
                                let current = latest.iter().any(|k| k == item.key.as_str()).then(|| {
                                    let id = item.application_id.clone();
                                    Signal::derive(move || read.with(|r| r.get(&id).copied()))
                                });
                                view! { <OutboxEntry item=item current=current/> }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
    }
}
