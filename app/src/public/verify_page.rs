//! `/v`: anyone checks a Surat Keterangan's QR text on their own device, also offline. The
//! signature is checked here with the bundled public keys; nothing about the person is sent.

use super::revocation_cache;
use super::verify_texts::*;
use crate::i18n::{format_timestamp, t, use_lang, Tr};
use crate::platform::clock;
use leptos::prelude::*;
use shared::domain::Date;
use shared::i18n::Lang;
use shared::signed::{
    bundled_ring, verify_certificate, CertificateClaims, CertificateError, KeyRole,
    RevocationCheck, Verdict, Verification,
};

/// The verification page: a text area for the QR text, then the verdict and the signed fields.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let ring = StoredValue::new(bundled_ring());
    let list = RwSignal::new(ring.with_value(revocation_cache::cached));
    // Fetch a newer list while the page is open; offline or unpublished, the cached one (or
    // none) stays, and the page says which.
    leptos::task::spawn_local(async move {
        let ring = ring.get_value();
        let current = list.get_untracked();
        if let Ok(fresh) = revocation_cache::refresh(&ring, current.as_ref()).await {
            list.set(Some(fresh));
        }
    });

    let text = RwSignal::new(String::new());
    let checked = RwSignal::new(None::<String>);
    let empty = RwSignal::new(false);
    // Follows a list that arrives after the check, so the verdict never lags the device's list.
    let verification = Memo::new(move |_| {
        checked.get().map(|qr| {
            list.with(|l| {
                ring.with_value(|r| verify_certificate(&qr, r, clock::today(), l.as_ref()))
            })
        })
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let qr = text.get_untracked();
        empty.set(qr.trim().is_empty());
        checked.set((!qr.trim().is_empty()).then_some(qr));
    };

    view! {
        <h1>{t(VERIFY_TITLE)}</h1>
        <p class="lead">{t(VERIFY_INTRO)}</p>
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
        {move || verification.get().map(|v| view! { <VerificationView verification=v/> })}
    }
}

/// One check's outcome: the verdict first, then what to compare with the paper.
#[component]
fn VerificationView(verification: Verification) -> impl IntoView {
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
                <Fields claims=certificate.claims key_id/>
            }
            .into_any()
        }
    }
}

/// The signed identity fields and dates, laid out like the review page.
#[component]
fn Fields(claims: CertificateClaims, key_id: String) -> impl IntoView {
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
                {row(KEY, Box::new(move || key_id.clone()))}
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
