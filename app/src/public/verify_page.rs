//! `/v`: anyone checks a Surat Keterangan's QR on their own device, also offline: scanned with
//! the phone camera or pasted as text. The signature is checked here with the bundled public
//! keys (production keys only) and those the office's site serves (kept on the device); nothing
//! about the person is sent. The verdict carries the decoding and checking times as data
//! attributes (`data-decode-ms`, `data-check-ms`), which the browser test reports.

use super::revocation_cache;
use super::verify_camera::{CameraScan, Scanned};
use super::verify_keys::{self, KeySource};
use super::verify_texts::*;
use crate::i18n::{format_timestamp, t, use_lang, Tr};
use crate::platform::clock;
use leptos::prelude::*;
use shared::domain::Date;
use shared::i18n::Lang;
use shared::signed::{
    verify_certificate, CertificateClaims, CertificateError, KeyRole, RevocationCheck, Verdict,
    Verification,
};

/// The verification page: a text area for the QR text, then the verdict and the signed fields.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let keys = RwSignal::new(verify_keys::cached());
    let list = RwSignal::new(keys.with_untracked(|k| revocation_cache::cached(&k.ring)));
    // Fetch the office's key ring, then a newer list signed by one of its keys, while the page
    // is open; offline or unpublished, what the device kept (or the bundle alone) stays, and the
    // page says which.
    leptos::task::spawn_local(async move {
        if let Ok(fresh) = verify_keys::refresh().await {
            if list.get_untracked().is_none() {
                list.set(revocation_cache::cached(&fresh.ring));
            }
            keys.set(fresh);
        }
        let ring = keys.with_untracked(|k| k.ring.clone());
        let current = list.get_untracked();
        if let Ok(fresh) = revocation_cache::refresh(&ring, current.as_ref()).await {
            list.set(Some(fresh));
        }
    });

    let text = RwSignal::new(String::new());
    let checked = RwSignal::new(None::<String>);
    let empty = RwSignal::new(false);
    // How long the camera's decoder took on the frame read (None: the text was pasted).
    let decode_ms = RwSignal::new(None::<f64>);
    // Follows a list that arrives after the check, so the verdict never lags the device's list.
    let verification = Memo::new(move |_| {
        checked.get().map(|qr| {
            list.with(|l| {
                keys.with(|k| {
                    let started = clock::now_ms();
                    let v = verify_certificate(&qr, &k.ring, clock::today(), l.as_ref());
                    let check_ms = clock::now_ms() - started;
                    let source = match &v {
                        Verification::Genuine { certificate, .. } => k.source(certificate.key_id),
                        Verification::Forged(_) => None,
                    };
                    (v, source, check_ms)
                })
            })
        })
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let qr = text.get_untracked();
        empty.set(qr.trim().is_empty());
        decode_ms.set(None);
        checked.set((!qr.trim().is_empty()).then_some(qr));
    };
    let on_scan = Callback::new(move |scanned: Scanned| {
        empty.set(false);
        text.set(scanned.text.clone());
        decode_ms.set(Some(scanned.decode_ms));
        checked.set(Some(scanned.text));
    });

    view! {
        <h1>{t(VERIFY_TITLE)}</h1>
        <p class="lead">{t(VERIFY_INTRO)}</p>
        <CameraScan on_scan/>
        <form class="verify-form" on:submit=on_submit novalidate=true>
            <div class="field" class:invalid=move || empty.get()>
                <label for="qr-text">{t(QR_TEXT)}</label>
                <textarea
                    id="qr-text"
                    rows="5"
                    spellcheck="false"
                    autocomplete="off"
                    autocapitalize="characters"
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        text.set(event_target_value(&ev));
                        empty.set(false);
                    }
                ></textarea>
                {move || empty.get().then(|| view! { <p class="error" role="alert">{t(EMPTY_TEXT)}</p> })}
            </div>
            <button type="submit" class="button primary wide">{t(VERIFY)}</button>
        </form>
        {move || verification.get().map(|(v, source, check_ms)| view! {
            <div class="verification" data-check-ms=format!("{check_ms:.3}")
                data-decode-ms=move || decode_ms.get().map(|ms| format!("{ms:.3}"))>
                <VerificationView verification=v key_source=source/>
            </div>
        })}
    }
}

/// One check's outcome: the verdict first, then what to compare with the paper.
#[component]
fn VerificationView(verification: Verification, key_source: Option<KeySource>) -> impl IntoView {
    let lang = use_lang();
    match verification {
        Verification::Forged(e) => view! {
            <section class="verdict verdict-bad" role="alert" aria-labelledby="verdict">
                <h2 id="verdict">{t(FORGED)}</h2>
                <p>{t(forged_reason(e))}</p>
            </section>
        }
        .into_any(),
        Verification::Genuine {
            certificate,
            verdict,
            revocation,
        } => {
            let test_key = certificate.key_role == KeyRole::Test;
            let key_id = certificate.key_id.to_string();
            let (class, heading) = match verdict {
                Verdict::Valid { .. } if !test_key => ("verdict verdict-ok", VALID),
                Verdict::Valid { .. } => ("verdict verdict-bad", VALID),
                Verdict::NotYetValid { .. } => ("verdict verdict-bad", NOT_YET_VALID),
                Verdict::Expired { .. } => ("verdict verdict-bad", EXPIRED),
                Verdict::Revoked { .. } => ("verdict verdict-bad", REVOKED),
            };
            let detail = move || {
                let lang = lang.get();
                match verdict {
                    Verdict::Valid { expires_on } => dated(VALID_UNTIL, expires_on, lang),
                    Verdict::Expired { expired_on } => dated(EXPIRED_ON, expired_on, lang),
                    Verdict::Revoked { as_of } => dated(STATUS_AS_OF, as_of, lang),
                    Verdict::NotYetValid { valid_from } => dated(ISSUED_ON, valid_from, lang),
                }
            };
            view! {
                <section class=class role="status" aria-labelledby="verdict">
                    {test_key.then(|| view! { <p class="test-key" role="alert"><strong>{t(TEST_KEY)}</strong></p> })}
                    <h2 id="verdict">{t(heading)}</h2>
                    <p>{detail}</p>
                    <p class="revocation">{move || revocation_line(revocation, lang.get())}</p>
                </section>
                <Fields claims=certificate.claims key_id key_source/>
            }
            .into_any()
        }
    }
}

/// The signed identity fields and dates, laid out like the review page.
#[component]
fn Fields(
    claims: CertificateClaims,
    key_id: String,
    key_source: Option<KeySource>,
) -> impl IntoView {
    let lang = use_lang();
    let c = claims;
    let number = c.number();
    let nik = c.nik.as_digits();
    let name = c.full_name.clone();
    let place = c.birth_place.clone();
    let (birth_date, issued_on, expires_on, sex) = (c.birth_date, c.issued_on, c.expires_on, c.sex);
    let issuer = c.issuer.regency().to_string();
    let row = |label: Tr, value: Box<dyn Fn() -> String + Send + Sync>| {
        view! {
            <div class="review-row">
                <dt>{t(label)}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    view! {
        <section class="review-section" aria-labelledby="compare">
            <h2 id="compare">{t(COMPARE)}</h2>
            <p>{t(COMPARE_HINT)}</p>
            <dl>
                {row(NUMBER, Box::new(move || number.clone()))}
                {row(NIK, Box::new(move || nik.clone()))}
                {row(NAME, Box::new(move || name.clone()))}
                {row(BIRTH, Box::new(move || format!("{place}, {}", date(birth_date, lang.get()))))}
                {row(SEX, Box::new(move || sex.label(lang.get()).to_string()))}
                {row(ISSUED_ON, Box::new(move || date(issued_on, lang.get())))}
                {row(EXPIRES_ON, Box::new(move || date(expires_on, lang.get())))}
                {row(ISSUER, Box::new(move || format!("{} {issuer}", ISSUER_NAME.get(lang.get()))))}
                {row(KEY, Box::new(move || {
                    let from = match key_source {
                        Some(KeySource::Served) => KEY_SERVED,
                        _ => KEY_BUNDLED,
                    };
                    format!("{key_id} ({})", from.get(lang.get()))
                }))}
            </dl>
        </section>
    }
}

fn forged_reason(e: CertificateError) -> Tr {
    match e {
        CertificateError::Malformed => FORGED_MALFORMED,
        CertificateError::UnsupportedVersion(_) => FORGED_VERSION,
        CertificateError::UnknownKey(_) => FORGED_UNKNOWN_KEY,
        CertificateError::BadSignature => FORGED_BAD_SIGNATURE,
    }
}

fn revocation_line(check: RevocationCheck, lang: Lang) -> String {
    match check {
        RevocationCheck::NoList => NO_LIST.get(lang).to_string(),
        RevocationCheck::NotCovered { list_made_on } => dated(LIST_TOO_OLD, list_made_on, lang),
        RevocationCheck::NotRevoked { as_of } => {
            format!(
                "{}: {}",
                dated(STATUS_AS_OF, as_of, lang),
                NOT_REVOKED.get(lang)
            )
        }
        RevocationCheck::Revoked { as_of } => {
            format!(
                "{}: {}",
                dated(STATUS_AS_OF, as_of, lang),
                REVOKED_SHORT.get(lang)
            )
        }
    }
}

fn dated(label: Tr, on: Date, lang: Lang) -> String {
    format!("{} {}", label.get(lang), date(on, lang))
}

fn date(on: Date, lang: Lang) -> String {
    format_timestamp(&on.to_string(), lang)
}
