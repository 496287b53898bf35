//! The printable A4 Surat Keterangan: letterhead of the issuing office, the holder's identity
//! and photo, "KTP-el belum dicetak", issue and expiry dates, and the QR code of the signed
//! payload that anyone checks at `/v`. The print stylesheet prints this sheet alone.

use super::strings::*;
use super::StaffImage;
use crate::components::QrCode;
use crate::i18n::{format_timestamp, t, ts, use_lang, Tr};
use leptos::prelude::*;
use shared::api::CertificateDocument;

/// The document as printed.
#[component]
pub fn CertificateSheet(doc: CertificateDocument) -> impl IntoView {
    let lang = use_lang();
    let h = &doc.holder;
    let a = &h.address;
    let address = format!(
        "{} RT {} RW {}, {}, KEC. {}, {}, {}",
        a.street, a.rt, a.rw, a.village_name, a.district_name, a.regency_name, a.province_name
    );
    let birth = h.birth_date.clone();
    let birth_place = h.birth_place.clone();
    let rows: Vec<(Tr, String)> = vec![
        (F_NIK, h.nik.clone()),
        (F_NAME, h.full_name.clone()),
        (F_SEX, h.sex.clone()),
        (SK_RELIGION, h.religion.clone()),
        (SK_MARITAL, h.marital_status.clone()),
        (SK_OCCUPATION, h.occupation.clone()),
        (F_ADDRESS, address),
    ];
    let (issued, expires) = (doc.issued_on.clone(), doc.expires_on.clone());
    view! {
        <article class="sk-sheet" aria-label=ts(SK_DOC_TITLE)>
            {doc.test_key.then(|| view! { <p class="sk-test" role="note">{t(SK_TEST_KEY)}</p> })}
            <header class="sk-letterhead">
                <p class="sk-regency">{doc.office.regency_name.clone()}</p>
                <p class="sk-office">{doc.office.name.clone()}</p>
            </header>
            <h2 class="sk-title">{t(SK_DOC_TITLE)}</h2>
            <p class="sk-subtitle">{t(SK_DOC_SUBTITLE)}</p>
            <p class="sk-number">{t(SK_NUMBER)}": "<span class="code">{doc.number.clone()}</span></p>
            <div class="sk-body">
                <dl class="sk-identity">
                    <dt>{t(SK_BIRTH)}</dt>
                    <dd>{move || format!("{birth_place}, {}", format_timestamp(&birth, lang.get()))}</dd>
                    {rows.into_iter().map(|(label, value)| view! {
                        <dt>{t(label)}</dt><dd>{value}</dd>
                    }).collect_view()}
                </dl>
                {doc.photo_path.clone().map(|p| view! { <StaffImage path=p alt=SK_PHOTO class="sk-photo"/> })}
            </div>
            <p class="sk-statement">{t(SK_STATEMENT)}</p>
            <p class="sk-not-printed"><strong>{t(SK_NOT_PRINTED)}</strong></p>
            <div class="sk-foot">
                <dl class="sk-dates">
                    <dt>{t(SK_ISSUED_ON)}</dt><dd>{move || format_timestamp(&issued, lang.get())}</dd>
                    <dt>{t(SK_EXPIRES_ON)}</dt><dd>{move || format_timestamp(&expires, lang.get())}</dd>
                    <dt>{t(SK_ISSUED_BY)}</dt><dd>{doc.issued_by.clone()}</dd>
                </dl>
                <div class="sk-qr">
                    <QrCode text=doc.qr_text.clone() label=ts(SK_QR_LABEL)/>
                    <p>{t(SK_VERIFY_HINT)}</p>
                </div>
            </div>
        </article>
    }
}
