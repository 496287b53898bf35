//! `/kecamatan/kiriman`: everything this tablet has queued, newest first, with each item's state.

use super::OutboxEntry;
use crate::i18n::t;
use crate::kecamatan::strings::*;
use crate::staff::outbox::outbox;
use leptos::prelude::*;

/// The outbox screen.
#[component]
pub fn OutboxPage() -> impl IntoView {
    let ob = outbox();
    view! {
        <section class="outbox-page">
            <h1>{t(OUTBOX_TITLE)}</h1>
            <p>{t(QUEUED_NOTE)}</p>
            <button type="button" on:click=move |_| ob.send_now()>{t(SEND_NOW)}</button>
            {move || {
                let items = ob.items.get();
                if !ob.loaded.get() {
                    view! { <p>{t(LOADING)}</p> }.into_any()
                } else if items.is_empty() {
                    view! { <p>{t(OUTBOX_EMPTY)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="outbox-list" aria-label=t(OUTBOX_TITLE)>
                            {items.into_iter().rev().map(|item| view! { <OutboxEntry item=item/> }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
    }
}
