//! `/kecamatan/kartu/serah`: find the card by the resident's registration code (scanned from
//! the receipt's QR or typed), check the person against the photo taken at recording, note the
//! old KTP, take the resident's signature and hand the card over; then print the receipt.

use super::strings::*;
use super::HandoverReceiptSheet;
use crate::api::{ApiError, StaffApi};
use crate::dinas::{StaffImage, WriteKey};
use crate::i18n::{format_timestamp, t, use_lang};
use crate::kecamatan::{QrScanner, SignaturePad};
use leptos::prelude::*;
use shared::api::{HandoverCheck, HandoverReceipt, HandoverRequest};

/// The handover screen.
#[component]
pub fn HandoverPage() -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let code = RwSignal::new(String::new());
    let lookup = Action::new_local(move |code: &String| {
        let code = code.clone();
        async move { api.handover_check(&code).await }
    });
    let on_scan = Callback::new(move |text: String| {
        code.set(text.clone());
        lookup.dispatch(text);
    });
    let error = move || {
        lookup
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| e.message(lang.get()))
    };
    view! {
        <section class="handover-page">
            <h1 class="no-print">{t(HANDOVER_TITLE)}</h1>
            <p class="no-print">{t(HANDOVER_INTRO)}</p>
            <form class="code-lookup no-print" role="search" on:submit=move |ev| {
                ev.prevent_default();
                lookup.dispatch(code.get_untracked());
            }>
                <label for="handover-code">{t(REG_CODE)}</label>
                <input id="handover-code" class="code" autocomplete="off" autocapitalize="characters"
                    spellcheck="false" aria-describedby="handover-error" bind:value=code/>
                <button type="submit" disabled=move || lookup.pending().get()>{t(FIND)}</button>
                <p id="handover-error" class="field-error" role="alert">{error}</p>
            </form>
            <div class="no-print"><QrScanner on_code=on_scan/></div>
            {move || lookup.value().get().and_then(|r| r.ok()).map(|c| view! { <Handover check=c/> })}
            <p class="no-print"><a href="/kecamatan/kartu">{t(BACK_TO_CARDS)}</a></p>
        </section>
    }
}

/// The person to check, the old KTP, the signature; then the receipt.
#[component]
fn Handover(check: HandoverCheck) -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let receipt = RwSignal::new(check.receipt.clone());
    let already = check.receipt.is_some();
    let id = StoredValue::new(check.application_id.clone());
    let expected = check.old_ktp_expected;
    let old_ktp_in = RwSignal::new(false);
    let note = RwSignal::new(String::new());
    let signature = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<&'static str>);
    let key = WriteKey::new();
    let send = Action::new_local(move |body: &HandoverRequest| {
        let body = body.clone();
        async move {
            let Some(k) = key.get() else {
                return Err(ApiError::Unexpected { status: 0 });
            };
            let result = api.hand_over(&id.get_value(), &body, &k).await;
            key.settle(&result);
            if let Ok(r) = &result {
                receipt.set(Some(r.clone()));
            }
            result
        }
    });
    let error = move || {
        send.value()
            .get()
            .and_then(|r| r.err())
            .map(|e| e.message(lang.get()))
    };
    let signature_problem = Signal::derive(move || {
        (problem.get() == Some("signature")).then(|| SIGNATURE_REQUIRED.get(lang.get()).to_string())
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(png) = signature.get_untracked() else {
            problem.set(Some("signature"));
            return;
        };
        if expected && !old_ktp_in.get_untracked() && note.get_untracked().trim().is_empty() {
            problem.set(Some("note"));
            return;
        }
        problem.set(None);
        send.dispatch(HandoverRequest {
            old_ktp_handed_in: old_ktp_in.get_untracked(),
            old_ktp_note: note.get_untracked().trim().to_string(),
            signature_png_base64: png,
        });
    };
    let received_on = check.received_on.clone();
    let birth = format!("{}, ", check.birth_place);
    let birth_date = check.birth_date.clone();
    view! {
        {move || receipt.get().map(|r: HandoverReceipt| view! {
            <div class="no-print">
                <p class="notice" role="status" hidden=!already>{t(ALREADY_HANDED_OVER)}</p>
                <button type="button" class="primary" on:click=move |_| {
                    if let Some(w) = web_sys::window() { let _ = w.print(); }
                }>{t(PRINT)}</button>
            </div>
            <HandoverReceiptSheet receipt=r/>
        })}
        <form class="handover no-print" hidden=move || receipt.with(Option::is_some) on:submit=submit novalidate>
            <h2>{check.full_name.clone()}" · "<span class="code">{check.registration_code.clone()}</span></h2>
            <p class="hint">{t(CHECK_PERSON)}</p>
            <div class="handover-person">
                <StaffImage path=check.face_path.clone() alt=FACE class="handover-face"/>
                <dl>
                    <dt>{t(NIK)}</dt><dd>{check.nik.clone()}</dd>
                    <dt>{t(BIRTH)}</dt><dd>{birth}{move || format_timestamp(&birth_date, lang.get())}</dd>
                    <dt>{t(APPLICATION_TYPE)}</dt><dd>{check.application_type.clone()}</dd>
                    <dt>{t(RECEIVED_ON)}</dt><dd>{move || format_timestamp(&received_on, lang.get())}</dd>
                </dl>
            </div>
            {if expected {
                view! {
                    <label class="check"><input type="checkbox" prop:checked=old_ktp_in
                        on:change=move |ev| old_ktp_in.set(event_target_checked(&ev))/>{t(OLD_KTP_HANDED_IN)}</label>
                    <div hidden=move || old_ktp_in.get()>
                        <label for="old-ktp-note">{t(OLD_KTP_NOTE)}</label>
                        <textarea id="old-ktp-note" rows="2" maxlength="500" aria-describedby="old-ktp-note-error" bind:value=note></textarea>
                        <p id="old-ktp-note-error" class="field-error">{move || (problem.get() == Some("note")).then(|| OLD_KTP_NOTE_REQUIRED.get(lang.get()))}</p>
                    </div>
                }.into_any()
            } else {
                view! { <p>{t(NO_OLD_KTP)}</p> }.into_any()
            }}
            <p class="hint">{t(SIGN_HINT)}</p>
            <SignaturePad signature=signature problem=signature_problem/>
            <button type="submit" class="primary" disabled=move || send.pending().get()>{t(HAND_OVER)}</button>
            <p class="field-error" role="alert">{error}</p>
        </form>
    }
}
