//! The printable handover receipt ("tanda terima"): the resident, the card's shipment, the old
//! KTP, the officer and the resident's signature.

use super::strings::*;
use crate::dinas::StaffImage;
use crate::i18n::{format_timestamp, t, ts, use_lang, Tr};
use leptos::prelude::*;
use shared::api::{HandoverReceipt, OldKtp};

const fn old_ktp_words(o: OldKtp) -> Tr {
    match o {
        OldKtp::HandedIn => OLD_KTP_IN,
        OldKtp::NotHandedIn => OLD_KTP_NOT_IN,
        OldKtp::NotExpected => OLD_KTP_NONE,
    }
}

/// The receipt as printed.
#[component]
pub fn HandoverReceiptSheet(receipt: HandoverReceipt) -> impl IntoView {
    let lang = use_lang();
    let r = receipt;
    let at = r.handed_over_at.clone();
    let note = (!r.old_ktp_note.is_empty()).then(|| format!(" ({})", r.old_ktp_note));
    view! {
        <article class="receipt paper-a4 handover-receipt" aria-label=ts(RECEIPT_TITLE)>
            <h2>{t(RECEIPT_TITLE)}</h2>
            <p class="receipt-office">"Disdukcapil Kabupaten Grobogan"</p>
            <p>{t(RECEIPT_STATEMENT)}</p>
            <dl>
                <dt>{t(COL_NAME)}</dt><dd>{r.full_name.clone()}</dd>
                <dt>{t(NIK)}</dt><dd>{r.nik.clone()}</dd>
                <dt>{t(REG_CODE)}</dt><dd class="code">{r.registration_code.clone()}</dd>
                <dt>{t(KECAMATAN)}</dt><dd>{r.district_name.clone()}</dd>
                <dt>{t(SHIPMENT)}</dt><dd class="code">{r.shipment_code.clone()}</dd>
                <dt>{t(OLD_KTP)}</dt><dd>{t(old_ktp_words(r.old_ktp))}{note}</dd>
                <dt>{t(HANDED_OVER_AT)}</dt><dd>{move || format_timestamp(&at, lang.get())}</dd>
                <dt>{t(HANDED_OVER_BY)}</dt><dd>{r.handed_over_by.clone()}</dd>
            </dl>
            <figure class="receipt-signature">
                <StaffImage path=r.signature_path.clone() alt=RESIDENT_SIGNATURE class="signature-image"/>
                <figcaption>{t(RESIDENT_SIGNATURE)}</figcaption>
            </figure>
        </article>
    }
}
