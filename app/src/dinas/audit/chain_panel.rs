//! The chain check: walks the audit chain on the edge and says whether it is intact, or where
//! its first broken link is and why.

use super::strings::*;
use crate::api::StaffApi;
use crate::i18n::{t, use_lang, Tr};
use leptos::prelude::*;
use shared::api::ChainReport;
use shared::audit::LinkFault;

fn fault_text(fault: LinkFault) -> Tr {
    match fault {
        LinkFault::ContentAltered => FAULT_CONTENT,
        LinkFault::ChainBroken => FAULT_CHAIN,
        LinkFault::LinkMissing => FAULT_MISSING,
        LinkFault::CheckpointMismatch => FAULT_CHECKPOINT,
    }
}

#[component]
pub fn ChainPanel() -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let check = Action::new_local(move |_: &()| async move { api.audit_chain().await });
    let outcome = move || {
        check.value().get().map(|answer| match answer {
            Ok(report) => view! { <Report report/> }.into_any(),
            Err(e) => {
                view! { <p class="field-error" role="alert">{e.message(lang.get())}</p> }.into_any()
            }
        })
    };
    view! {
        <section class="audit-chain" aria-labelledby="audit-chain-h">
            <h2 id="audit-chain-h">{t(CHAIN_TITLE)}</h2>
            <p>{t(CHAIN_INTRO)}</p>
            <button type="button" disabled=move || check.pending().get()
                on:click=move |_| { check.dispatch(()); }>
                {move || if check.pending().get() { CHAIN_CHECKING } else { CHAIN_CHECK }.get(lang.get())}
            </button>
            <div role="status">{outcome}</div>
        </section>
    }
}

#[component]
fn Report(report: ChainReport) -> impl IntoView {
    let verdict = match report.first_broken {
        None => view! { <p class="chain-intact"><strong>{t(CHAIN_INTACT)}</strong></p> }.into_any(),
        Some(broken) => view! {
            <p class="field-error chain-broken"><strong>{t(CHAIN_BROKEN)}" #"{broken.id}</strong>": "{t(fault_text(broken.fault))}</p>
        }
        .into_any(),
    };
    let checkpoint = report
        .last_checkpoint_id
        .map(|id| view! { " ("{t(CHAIN_LAST_CHECKPOINT)}" #"{id}")" });
    view! {
        {verdict}
        <p>{t(CHAIN_ROWS)}": "{report.rows}" · "{report.linked}" "{t(CHAIN_LINKED)}" · "{report.pending}" "{t(CHAIN_PENDING)}</p>
        <p>{t(CHAIN_CHECKPOINTS)}": "{report.checkpoints}{checkpoint}</p>
    }
}
