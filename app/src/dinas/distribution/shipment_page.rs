//! `/dinas/distribusi/:id`: one shipment: its receipt at the kecamatan, any difference reported
//! (missing and extra cards), and the manifest to print.

use super::strings::*;
use super::ManifestSheet;
use crate::api::StaffApi;
use crate::i18n::{format_timestamp, t, use_lang};
use leptos::prelude::*;

/// One shipment.
#[component]
pub fn ShipmentPage(id: String) -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let id = StoredValue::new(id);
    let shipment = LocalResource::new(move || async move { api.shipment(&id.get_value()).await });
    let body = move || {
        Suspend::new(async move {
            match shipment.await {
                Ok(v) => {
                    let s = v.shipment.clone();
                    let differs = s.missing_cards > 0 || s.extra_cards > 0;
                    let received = match s.received_at.clone() {
                        Some(at) => {
                            let by = s.received_by.clone().unwrap_or_default();
                            view! {
                                <p>{t(COL_RECEIVED)}": "{move || format_timestamp(&at, lang.get())}" · "{t(RECEIVED_BY)}" "{by}</p>
                            }
                            .into_any()
                        }
                        None => view! { <p>{t(NOT_RECEIVED)}</p> }.into_any(),
                    };
                    let extras = v.extras.clone();
                    view! {
                        <div class="no-print">
                            {received}
                            {differs.then(|| view! { <p class="notice" role="status">{t(DISCREPANCY)}</p> })}
                            {(!extras.is_empty()).then(|| view! {
                                <section aria-labelledby="extras-h">
                                    <h2 id="extras-h">{t(EXTRAS_TITLE)}</h2>
                                    <ul class="extras">
                                        {extras.into_iter().map(|e| {
                                            let at = e.reported_at.clone();
                                            view! { <li>{e.description}" — "{t(REPORTED_BY)}" "{e.reported_by}", "{move || format_timestamp(&at, lang.get())}</li> }
                                        }).collect_view()}
                                    </ul>
                                </section>
                            })}
                            <button type="button" class="primary" on:click=move |_| {
                                if let Some(w) = web_sys::window() { let _ = w.print(); }
                            }>{t(PRINT_MANIFEST)}</button>
                        </div>
                        <ManifestSheet shipment=v/>
                    }
                    .into_any()
                }
                Err(e) => view! { <p class="field-error" role="alert">{move || e.message(lang.get())}</p> }
                    .into_any(),
            }
        })
    };
    view! {
        <section class="shipment-page">
            <h1 class="no-print">{t(SHIPMENT_TITLE)}</h1>
            <p class="no-print"><a href="/dinas/distribusi">{t(BACK)}</a></p>
            <Transition fallback=move || view! { <p>{t(crate::kecamatan::strings::LOADING)}</p> }>{body}</Transition>
        </section>
    }
}
