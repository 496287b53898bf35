//! `/kecamatan/permohonan/:id/tanda-bukti`: after a recording — the outbox state of the
//! recording, the application's stage as it moves BIO_CAPTURED → SENT_FOR_ENROLLMENT → the 1:N
//! result (polled), and the registration receipt to print on A4 or 80 mm thermal paper.

use super::{OutboxEntry, RecordingStatus};
use crate::api::StaffApi;
use crate::components::QrCode;
use crate::i18n::{format_timestamp, t, use_lang};
use crate::kecamatan::qr_scanner::sleep;
use crate::kecamatan::strings::*;
use crate::staff::outbox::{self, Action};
use leptos::prelude::*;
use shared::api::ReceiptView;
use shared::domain::ApplicationType;
use shared::lifecycle::{receipt_instruction, Stage};

/// How often the stage is asked for while the 1:N result is pending.
const POLL_MS: i32 = 3_000;

/// The paper the receipt is printed on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Paper {
    A4,
    Thermal,
}

/// The status-and-receipt screen.
#[component]
pub fn ReceiptPage(id: String) -> impl IntoView {
    let lang = use_lang();
    let ob = outbox::outbox();
    let api = StaffApi::for_view();
    let stage = RwSignal::new(None::<Stage>);
    let kind = RwSignal::new(None::<ApplicationType>);
    let receipt = RwSignal::new(None::<ReceiptView>);
    let paper = RwSignal::new(Paper::A4);
    let alive = RwSignal::new(true);
    on_cleanup(move || alive.set(false));

    let record_item = {
        let id = id.clone();
        move || ob.latest_for(&id, |a| matches!(a, Action::Record { .. }))
    };
    // Poll the stage until the 1:N result is in (or the screen closes).
    leptos::task::spawn_local({
        let id = id.clone();
        async move {
            loop {
                if let Ok(d) = api.detail(&id).await {
                    stage.set(Some(d.stage));
                    kind.set(ApplicationType::parse(&d.form.application_type));
                    if d.stage.has_recorded_biometrics() && receipt.get_untracked().is_none() {
                        if let Ok(r) = api.receipt(&id).await {
                            receipt.set(Some(r));
                        }
                    }
                    let settled = !matches!(
                        d.stage,
                        Stage::BioCaptured
                            | Stage::SentForEnrollment
                            | Stage::DocumentsVerified
                            | Stage::PreFilled
                    );
                    if settled && receipt.get_untracked().is_some() {
                        break;
                    }
                }
                sleep(POLL_MS).await;
                if !alive.try_get_untracked().unwrap_or(false) {
                    break;
                }
            }
        }
    });
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let paper_class = move || match paper.get() {
        Paper::A4 => "receipt paper-a4",
        Paper::Thermal => "receipt paper-thermal",
    };

    view! {
        <section class="receipt-page">
            <div class="no-print">
                <h1>{t(STATUS_TITLE)}</h1>
                {move || record_item().map(|item| view! { <ul class="outbox-list"><OutboxEntry item=item current=Some(stage.into())/></ul> })}
                <RecordingStatus stage=stage.into()/>
            </div>
            {move || match receipt.get() {
                None => view! { <p class="no-print">{t(RECEIPT_NOT_YET)}</p> }.into_any(),
                Some(r) => {
                    let url = format!("{origin}{}", r.status_path);
                    let qr_label = Signal::derive(move || t(STATUS_QR)().to_string());
                    let recorded_at = r.recorded_at.clone();
                    view! {
                        <div class="print-controls no-print">
                            <fieldset>
                                <legend>{t(PAPER)}</legend>
                                <label class="check"><input type="radio" name="paper" checked=move || paper.get() == Paper::A4
                                    on:change=move |_| paper.set(Paper::A4)/>{t(PAPER_A4)}</label>
                                <label class="check"><input type="radio" name="paper" checked=move || paper.get() == Paper::Thermal
                                    on:change=move |_| paper.set(Paper::Thermal)/>{t(PAPER_THERMAL)}</label>
                            </fieldset>
                            <button type="button" class="primary" on:click=move |_| {
                                if let Some(w) = web_sys::window() { let _ = w.print(); }
                            }>{t(PRINT)}</button>
                        </div>
                        <article class=paper_class aria-labelledby="receipt-h">
                            <h2 id="receipt-h">{t(RECEIPT_TITLE)}</h2>
                            <p class="receipt-office">"Disdukcapil Kabupaten Grobogan"</p>
                            <p class="receipt-code">{r.registration_code.clone()}</p>
                            <QrCode text=url.clone() label=qr_label/>
                            <dl>
                                <dt>{t(NAME)}</dt><dd>{r.full_name.clone()}</dd>
                                <dt>{t(KECAMATAN)}</dt><dd>{format!("{} ({})", r.district_name, r.district_code)}</dd>
                                <dt>{t(RECORDED_AT)}</dt><dd>{move || format_timestamp(&recorded_at, lang.get())}</dd>
                                <dt>{t(OFFICER)}</dt><dd>{r.recorded_by.clone()}</dd>
                            </dl>
                            <p>{t(CHECK_AT)}" "<span class="receipt-url">{url}</span></p>
                            // What to do follows the outcome and the application's type: a
                            // duplicate goes to the dinas, only a replaced card is brought back.
                            <p class="receipt-bring">{move || match (kind.get(), stage.get()) {
                                (Some(k), Some(s)) => receipt_instruction(k, s, lang.get()),
                                _ => "",
                            }}</p>
                            <p>{t(FREE)}</p>
                        </article>
                    }.into_any()
                }
            }}
            <p class="no-print"><a href="/kecamatan">{t(BACK_TO_QUEUE)}</a></p>
        </section>
    }
}
