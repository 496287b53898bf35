//! Browser journey of the Surat Keterangan check (`/v`) on a phone viewport, against the real
//! worker: a genuine QR text reads as valid with the fields to compare, a changed one as not
//! genuine, nothing from the QR text travels in any request, and the check still works with the
//! server gone (service worker and bundled keys).

use fantoccini::Locator;
use shared::domain::{Date, Nik, RegionCode, Sex};
use tests::browser::act::{click_button, type_into};
use tests::browser::wait::{wait_cached, wait_text_in};
use tests::{Browser, Runtime};

const T: &str = "browser_verify";
const NIK: &str = "3315135211870003";
const NAME: &str = "SITI NUR AISYAH";

/// Certificate `serial` signed by `signer`, valid over any day the test may run on.
fn signed_by(signer: &shared::signed::Signer, serial: u32) -> String {
    use shared::signed::{sign_certificate, CertificateClaims, Issuer};
    let issued_on = Date::new(2026, 1, 5).unwrap();
    let claims = CertificateClaims {
        serial,
        issuer: Issuer::new(RegionCode::parse("33.15").unwrap(), 1).unwrap(),
        issued_on,
        expires_on: Date::new(2099, 1, 5).unwrap(),
        nik: Nik::parse(NIK, issued_on).unwrap(),
        full_name: NAME.into(),
        birth_place: "GROBOGAN".into(),
        birth_date: Date::new(1987, 11, 12).unwrap(),
        sex: Sex::Female,
    };
    sign_certificate(signer, &claims).unwrap()
}

async fn check(b: &Browser, qr: &str) {
    type_into(b, "Teks kode QR", qr).await;
    click_button(b, "Periksa").await;
}

#[tokio::test]
async fn anyone_checks_a_surat_keterangan_on_the_phone_also_offline() {
    let rt = Runtime::start().await;
    let b = Browser::start(412, 915).await;
    // Signed with the runtime's own development key, which no build embeds (the bundle holds
    // production keys only): trusted through the ring the page fetches from its origin.
    let qr = signed_by(&rt.certificate_signer(), 7);

    b.client.goto(&rt.url("/v")).await.unwrap();
    wait_text_in(&b, "//h1", "Periksa Surat Keterangan").await;
    check(&b, &qr).await;
    wait_text_in(&b, "//section[@role='status']//h2", "SAH").await;
    // A development key: the page says so above the verdict.
    wait_text_in(&b, "//p[@role='alert']", "kunci UJI").await;
    wait_text_in(&b, "//dd", NAME).await;
    wait_text_in(&b, "//dd", NIK).await;
    wait_text_in(&b, "//dd", "GROBOGAN, 12 November 1987").await;
    wait_text_in(&b, "//dd", "PEREMPUAN").await;
    wait_text_in(&b, "//dd", "SK-3315-1-000007").await;
    wait_text_in(&b, "//dd", "DE03 (diunduh dari situs Dinas)").await;
    // The runtime's list covers the serials it gave out (none): it cannot tell about serial 7,
    // and the page says its list does not cover this certificate.
    wait_text_in(
        &b,
        "//p[@class='revocation']",
        "Daftar pencabutan di perangkat ini lebih lama",
    )
    .await;
    b.screenshot(T, "01-valid").await;

    // One character changed in the middle: not genuine, and no fields are shown.
    let mut chars: Vec<char> = qr.chars().collect();
    let mid = chars.len() / 2;
    chars[mid] = if chars[mid] == 'A' { 'B' } else { 'A' };
    let forged: String = chars.into_iter().collect();
    check(&b, &forged).await;
    wait_text_in(&b, "//section[@role='alert']//h2", "TIDAK ASLI").await;
    assert!(b.client.find(Locator::XPath("//dd")).await.is_err());
    b.screenshot(T, "02-forged").await;

    // Nothing of the QR text left the device: no request carries the NIK, the name or the text.
    let requests = b
        .client
        .execute(
            "return performance.getEntriesByType('resource').map((e) => e.name).join('\\n')",
            vec![],
        )
        .await
        .unwrap();
    let requests = requests.as_str().unwrap().to_string();
    for secret in [NIK, "SITI", &qr[..12]] {
        assert!(
            !requests.contains(secret),
            "a request carries {secret}: {requests}"
        );
    }

    // Offline: with the server stopped, the page comes from the service worker and the key from
    // the ring kept on the device.
    wait_cached(&b, "/pkg/public_bg.wasm", 60).await;
    let url = rt.url("/v");
    drop(rt);
    b.client.goto(&url).await.unwrap();
    wait_text_in(&b, "//h1", "Periksa Surat Keterangan").await;
    check(&b, &qr).await;
    wait_text_in(&b, "//section[@role='status']//h2", "SAH").await;
    wait_text_in(&b, "//dd", NAME).await;
    wait_text_in(&b, "//dd", "DE03 (diunduh dari situs Dinas)").await;
    b.screenshot(T, "03-offline-valid").await;
}
