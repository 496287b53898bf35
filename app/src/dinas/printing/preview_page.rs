//! `/dinas/cetak/:run/kartu`: every card of a run at ID-1 size, front and back, as the card
//! printer prints them (the print stylesheet prints the cards alone, one side a page); a card
//! whose text does not fit says why instead of being drawn. Opening it is an audited read.

use super::strings::*;
use super::KtpCard;
use crate::api::StaffApi;
use crate::i18n::{t, use_lang};
use leptos::prelude::*;
use shared::api::CardPreview;

#[component]
pub fn CardPreviewPage(run_id: String) -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let back = format!("/dinas/cetak/{run_id}");
    let run_id = StoredValue::new(run_id);
    let previews =
        LocalResource::new(move || async move { api.card_previews(&run_id.get_value()).await });
    let cards = move || {
        Suspend::new(async move {
            match previews.await {
                Ok(p) => view! {
                    <div class="ktp-cards">{p.cards.into_iter().map(|card| view! { <Card card/> }).collect_view()}</div>
                }
                .into_any(),
                Err(e) => view! { <p class="field-error" role="alert">{move || e.message(lang.get())}</p> }.into_any(),
            }
        })
    };
    view! {
        <section class="card-preview">
            <p class="no-print"><a href=back>{t(BACK_TO_RUN)}</a></p>
            <h1 class="no-print">{t(PREVIEW_TITLE)}</h1>
            <p class="no-print">{t(PREVIEW_INTRO)}</p>
            <p class="no-print">
                <button type="button" class="primary" on:click=move |_| {
                    if let Some(w) = web_sys::window() { let _ = w.print(); }
                }>{t(PRINT_CARDS)}</button>
            </p>
            <Transition fallback=move || view! { <p>{t(crate::kecamatan::strings::LOADING)}</p> }>{cards}</Transition>
        </section>
    }
}

#[component]
fn Card(card: CardPreview) -> impl IntoView {
    let lang = use_lang();
    let CardPreview {
        registration_code,
        card_serial,
        face,
        fit_problems,
        photo_path,
        signature_path,
        ..
    } = card;
    let data_code = registration_code.clone();
    view! {
        <figure class="ktp-preview" data-code=data_code>
            <figcaption class="no-print code">{registration_code}</figcaption>
            {match face {
                Some(face) => view! { <KtpCard face photo_path signature_path serial=card_serial/> }.into_any(),
                None => view! {
                    <div class="ktp-refused" role="alert">
                        <p>{t(NOT_PRINTABLE)}</p>
                        <ul>{fit_problems.into_iter().map(|p| view! { <li>{move || p.message(lang.get())}</li> }).collect_view()}</ul>
                    </div>
                }
                .into_any(),
            }}
        </figure>
    }
}
