//! Browser journeys of the resident surface on a phone viewport (412x915), against the real
//! worker: the whole pre-fill with a reload half-way, documents prepared in the browser, the
//! receipt (and Back from it), the public status page and the offline shell; field messages
//! following the language toggle; hints and summaries that follow what is typed; and a send made
//! without a signal that goes out by itself, also after the page was closed.
//!
//! The cases share one runtime and one chromedriver (`tests::suite`), except the journey, which
//! stops its own server to try the offline shell.
//!
//! Elements are found the way people find them: inputs by their label's text, buttons and links
//! by their visible text. That also checks that every input has a label.

use fantoccini::Locator;
use shared::api::{AttachmentKind, FieldCode};
use shared::i18n::Lang;
use shared::validation::WarningCode;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;
use tests::browser::act::{choose, pick, press, set_date, type_into, upload};
use tests::browser::application_form::{
    choose_village, fill_address, fill_identity, fill_identity_with_nik, save_resident_draft, KK,
    NAME, NIK,
};
use tests::browser::find::{by_label, value_of};
use tests::browser::network::set_offline;
use tests::browser::wait::{wait_js, wait_text_in};
use tests::suite::Ctx;
use tests::{Browser, Runtime};

/// The phone's viewport.
const PHONE: (u32, u32) = (412, 915);

fn main() -> ExitCode {
    tests::suite::run(tests::cases![
        resident_prefills_submits_and_sees_status_without_personal_data,
        invalid_nik_message_follows_the_language_toggle,
        hints_and_summaries_follow_what_is_typed,
        a_send_without_signal_goes_out_by_itself_once,
    ])
}

/// Waits for the app to have rendered its first heading (the wasm is loaded and running).
async fn app_ready(b: &Browser) {
    b.find(Locator::Css("main h1")).await;
}

// --- test files -----------------------------------------------------------------------------

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend((data.len() as u32).to_be_bytes());
    let mut body = kind.to_vec();
    body.extend(data);
    out.extend(&body);
    out.extend(crc32(&body).to_be_bytes());
}

/// An uncompressed (stored-deflate) RGB PNG of a colour gradient: a real, decodable picture of
/// `w` x `h` pixels, as large as a phone photo would be before the app shrinks it.
/// A JPEG of the gradient with an EXIF block holding a GPS position, as phone cameras write.
fn jpeg_with_gps(w: u32, h: u32) -> Vec<u8> {
    let pixels = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([
            (x * 255 / w) as u8,
            (y * 255 / h) as u8,
            ((x ^ y) & 0xFF) as u8,
        ])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85)
        .encode_image(&pixels)
        .unwrap();
    // TIFF (little-endian): IFD0 with one entry, the GPS IFD pointer (tag 0x8825) to offset 26;
    // the GPS IFD with GPSLatitudeRef (tag 1) = "S".
    let mut tiff = b"II*\0".to_vec();
    tiff.extend(8u32.to_le_bytes());
    tiff.extend(1u16.to_le_bytes());
    tiff.extend([0x25, 0x88, 4, 0, 1, 0, 0, 0, 26, 0, 0, 0]);
    tiff.extend(0u32.to_le_bytes());
    tiff.extend(1u16.to_le_bytes());
    tiff.extend([1, 0, 2, 0, 2, 0, 0, 0, b'S', 0, 0, 0]);
    tiff.extend(0u32.to_le_bytes());
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(((app1.len() + 2) as u16).to_be_bytes());
    out.extend(app1);
    out.extend(&jpeg[2..]);
    out
}

fn gradient_png(w: u32, h: u32) -> Vec<u8> {
    let mut raw = Vec::with_capacity(((w * 3 + 1) * h) as usize);
    for y in 0..h {
        raw.push(0); // filter: none
        for x in 0..w {
            raw.extend([
                (x * 255 / w) as u8,
                (y * 255 / h) as u8,
                ((x ^ y) & 0xFF) as u8,
            ]);
        }
    }
    let mut z = vec![0x78, 0x01];
    for (i, block) in raw.chunks(65_535).enumerate() {
        let last = (i + 1) * 65_535 >= raw.len();
        z.push(u8::from(last));
        let len = block.len() as u16;
        z.extend(len.to_le_bytes());
        z.extend((!len).to_le_bytes());
        z.extend(block);
    }
    let (mut a, mut s) = (1u32, 0u32);
    for &b in &raw {
        a = (a + u32::from(b)) % 65_521;
        s = (s + a) % 65_521;
    }
    z.extend(((s << 16) | a).to_be_bytes());
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend(w.to_be_bytes());
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(&mut png, b"IDAT", &z);
    chunk(&mut png, b"IEND", &[]);
    png
}

/// A one-page PDF, small enough to be sent as it is.
fn small_pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n\
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
        .to_vec()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

// --- journeys -------------------------------------------------------------------------------

/// The whole pre-fill on its own runtime: the end of it stops the server.
async fn resident_prefills_submits_and_sees_status_without_personal_data(ctx: Ctx) {
    const T: &str = "resident_prefill_journey";
    let rt = Runtime::start().await;
    let b = ctx.browser(PHONE.0, PHONE.1).await;
    let files = tempfile::tempdir().unwrap();
    // A phone camera's photo carries where it was taken (EXIF GPS): that must not leave the phone.
    let photo = write(files.path(), "selfie.jpg", &jpeg_with_gps(900, 1000));
    let letter = write(
        files.path(),
        "surat-pengantar.png",
        &gradient_png(2000, 1400),
    );
    let kk = write(files.path(), "kk.pdf", &small_pdf());

    b.client.goto(&rt.url("/")).await.unwrap();
    app_ready(&b).await;
    // The card's name never breaks at its hyphen ("KTP-" / "el"): a non-breaking one.
    wait_text_in(&b, "//h1", "KTP\u{2011}el").await;
    b.screenshot(T, "01-landing").await;
    press(&b, "Mulai isi formulir").await;

    // Step 1: type and region; the pickers start at Jawa Tengah / Grobogan. Region lists come
    // from the API; a picker is enabled once its list arrived.
    pick(&b, "BARU").await;
    b.find(Locator::XPath("//select[@id='f-address-district' and not(@disabled)]/option[normalize-space(.)='Purwodadi']")).await;
    assert_eq!(value_of(&b, "Provinsi").await, "33");
    assert_eq!(value_of(&b, "Kabupaten/kota").await, "33.15");
    choose(&b, "Kecamatan", "Purwodadi").await;
    choose_village(&b, "Candisari").await;
    b.screenshot(T, "02-type-and-region").await;
    press(&b, "Lanjut").await;

    // Step 2: identity.
    fill_identity(&b).await;
    b.screenshot(T, "03-identity").await;

    // Half-way reload: everything typed is still there, on the same step.
    b.client.refresh().await.unwrap();
    app_ready(&b).await;
    assert_eq!(value_of(&b, "NIK").await, NIK);
    assert_eq!(value_of(&b, "Nama lengkap").await, NAME);
    assert_eq!(value_of(&b, "Tanggal lahir").await, "1987-11-12");
    assert_eq!(value_of(&b, "Pekerjaan").await, "9");
    b.screenshot(T, "04-after-reload").await;
    press(&b, "Lanjut").await;

    // Step 3: address, inside the desa chosen on step 1 (named, not coded); RT "2" is kept
    // as written on the KK once the field is left.
    wait_text_in(&b, "//p[@class='lead']", "Candisari").await;
    fill_address(&b).await;
    assert_eq!(value_of(&b, "RT").await, "002");
    b.screenshot(T, "05-address").await;
    press(&b, "Lanjut").await;

    // Step 4: documents, prepared in the browser and kept on the device.
    upload(&b, "Pilih foto dari galeri", "doc-photo_3x4", &photo).await;
    upload(&b, "Foto atau pilih berkas", "doc-cover_letter", &letter).await;
    upload(&b, "Foto atau pilih berkas", "doc-kk_copy", &kk).await;
    b.screenshot(T, "06-documents").await;
    b.client.refresh().await.unwrap();
    app_ready(&b).await;
    for section in ["doc-photo_3x4", "doc-cover_letter", "doc-kk_copy"] {
        wait_text_in(
            &b,
            &format!("//section[@id='{section}']//p[@role='status']"),
            "Tersimpan",
        )
        .await;
    }
    // The photo was cropped to 3:4 and compressed to the 200 KB limit.
    let photo_status = b
        .find(Locator::Css("#doc-photo_3x4-status"))
        .await
        .text()
        .await
        .unwrap();
    let kb: u32 = photo_status
        .split('(')
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(kb <= 196, "photo is {kb} KB");
    press(&b, "Lanjut").await;

    // Step 5: review and submit.
    wait_text_in(&b, "//dd", "SITI AMINAH").await;
    wait_text_in(&b, "//dd", "Candisari").await;
    // Each label stands clear of its value on a phone ("Kewarganegaraan" / "WNI").
    let overlapping = b
        .client
        .execute(
            "return Array.from(document.querySelectorAll('.review-row')).filter(r => {                const t = r.querySelector('dt').getBoundingClientRect();                const d = r.querySelector('dd').getBoundingClientRect();                return t.right > d.left && t.bottom > d.top && d.bottom > t.top;              }).map(r => r.querySelector('dt').textContent);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        overlapping,
        serde_json::json!([]),
        "labels over their values"
    );
    b.screenshot(T, "07-review").await;
    press(&b, "Kirim permohonan").await;
    wait_text_in(&b, "//h1", "Permohonan terkirim").await;
    b.client
        .wait()
        .at_most(Duration::from_secs(5))
        .for_element(Locator::Css("svg.qr"))
        .await
        .unwrap();
    let url = b.client.current_url().await.unwrap();
    let code = url
        .path()
        .strip_prefix("/daftar/selesai/")
        .expect("receipt path")
        .to_string();
    assert!(
        shared::domain::RegistrationCode::parse(&code).is_ok(),
        "{code}"
    );
    // The code wraps in its middle if at all: its short last group never sits alone.
    let alone = b
        .client
        .execute(
            "const g = Array.from(document.querySelectorAll('.reg-code-group'));              const last = g[g.length - 1].getBoundingClientRect().top;              return g.filter(e => e.getBoundingClientRect().top === last).length === 1 && g.length > 1                && g[0].getBoundingClientRect().top !== last;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        alone,
        serde_json::json!(false),
        "the last group wraps alone"
    );
    b.screenshot(T, "08-receipt").await;

    // Back from the receipt leaves the form: no personal data, no send button stuck sending.
    b.client.back().await.unwrap();
    app_ready(&b).await;
    let back_at = b.client.current_url().await.unwrap();
    assert_eq!(back_at.path(), "/", "Back from the receipt");
    let html = b.client.source().await.unwrap();
    for secret in [NIK, KK, "Mengirim permohonan"] {
        assert!(!html.contains(secret), "after Back the page shows {secret}");
    }

    // The draft is gone, the code remembered on the device.
    b.client.goto(&rt.url("/")).await.unwrap();
    wait_text_in(&b, "//p[@class='last-code']", &code).await;
    assert!(b
        .client
        .find(Locator::XPath(
            "//a[normalize-space(.)='Mulai isi formulir']"
        ))
        .await
        .is_ok());

    // Public status: stage in plain Indonesian with its meaning (no office code such as "PRE"),
    // no personal data anywhere on the page.
    b.client.goto(&rt.url(&format!("/s/{code}"))).await.unwrap();
    wait_text_in(&b, "//p[@class='stage']", "Permohonan diterima").await;
    wait_text_in(
        &b,
        "//p[@class='stage']/span[contains(@class,'meaning-needs-action')]",
        "Perlu tindakan",
    )
    .await;
    let stage_text = b.find(Locator::Css("p.stage")).await.text().await.unwrap();
    assert!(!stage_text.contains("PRE"), "{stage_text}");
    b.screenshot(T, "09-status").await;
    let html = b.client.source().await.unwrap().to_uppercase();
    for secret in [NIK, KK, "SITI", "AMINAH", "1987", "12 NOVEMBER"] {
        assert!(!html.contains(secret), "status page shows {secret}");
    }

    // The photo as stored: a JPEG the phone made afresh, without the camera's EXIF (GPS).
    let id = tests::fixtures::application_id(&rt, &code);
    let staff = rt.staff_client("kec.purwodadi").await;
    let photo = staff
        .get(&format!("/api/staff/applications/{id}/documents/photo_3x4"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert!(photo.starts_with(&[0xFF, 0xD8, 0xFF]), "a JPEG");
    assert!(
        !photo.windows(4).any(|w| w == b"Exif"),
        "the camera's EXIF reached the server"
    );

    // A mistyped code is caught on the device with a clear message.
    let mut typo: Vec<char> = code.chars().collect();
    let i = typo.iter().position(|c| c.is_ascii_alphanumeric()).unwrap();
    typo[i] = if typo[i] == 'A' { 'B' } else { 'A' };
    let typo: String = typo.into_iter().collect();
    b.client.goto(&rt.url(&format!("/s/{typo}"))).await.unwrap();
    wait_text_in(&b, "//p[@role='alert']", "salah ketik").await;
    b.screenshot(T, "10-status-typo").await;

    // Offline: with the server stopped, the service worker still opens the form by its deep link.
    let form_url = rt.url("/daftar");
    drop(rt);
    b.client.goto(&form_url).await.unwrap();
    wait_text_in(&b, "//h1", "Formulir permohonan KTP\u{2011}el").await;
    by_label(&b, "Kecamatan").await;
    b.screenshot(T, "11-offline-form").await;
}

async fn invalid_nik_message_follows_the_language_toggle(ctx: Ctx) {
    const T: &str = "resident_invalid_nik";
    let rt = ctx.runtime().await;
    let b = ctx.browser(PHONE.0, PHONE.1).await;
    b.client.goto(&rt.url("/daftar")).await.unwrap();
    app_ready(&b).await;
    // Open the identity step directly through a saved draft, as a returning resident would.
    save_resident_draft(&b, r#"{"step":2}"#).await;
    b.client.refresh().await.unwrap();
    app_ready(&b).await;

    // Day 99 is neither a man's (01-31) nor a woman's (41-71) day of birth.
    type_into(&b, "NIK", "3315139911870003").await;
    let nik = by_label(&b, "NIK").await;
    let id_message = FieldCode::NikDayOutOfRange.message(Lang::Id);
    wait_text_in(&b, "//p[@id='f-nik-error']", id_message).await;
    assert_eq!(
        nik.attr("aria-invalid").await.unwrap().as_deref(),
        Some("true")
    );
    assert!(nik
        .attr("aria-describedby")
        .await
        .unwrap()
        .unwrap_or_default()
        .contains("f-nik-error"));
    b.screenshot(T, "01-indonesian").await;

    b.find(Locator::XPath(
        "//button[@aria-label='Ganti bahasa ke English']",
    ))
    .await
    .click()
    .await
    .unwrap();
    let en_message = FieldCode::NikDayOutOfRange.message(Lang::En);
    wait_text_in(&b, "//p[@id='f-nik-error']", en_message).await;
    by_label(&b, "NIK (identity number)").await;
    b.screenshot(T, "02-english").await;

    // The choice is remembered.
    b.client.refresh().await.unwrap();
    wait_text_in(&b, "//label", "Family card (KK) number").await;
    let lang = b
        .client
        .execute("return document.documentElement.lang;", vec![])
        .await
        .unwrap();
    assert_eq!(lang, "en");
}

/// Step 1 of a fresh pre-fill: a new card in desa Candisari, Purwodadi.
async fn choose_type_and_region(b: &Browser) {
    pick(b, "BARU").await;
    b.find(Locator::XPath("//select[@id='f-address-district' and not(@disabled)]/option[normalize-space(.)='Purwodadi']")).await;
    choose(b, "Kecamatan", "Purwodadi").await;
    choose_village(b, "Candisari").await;
    press(b, "Lanjut").await;
}

/// The three documents of a new card, as files in `dir`: (photo, cover letter, KK).
fn new_card_files(dir: &Path) -> [String; 3] {
    [
        write(dir, "selfie.png", &gradient_png(600, 800)),
        write(dir, "surat-pengantar.png", &gradient_png(800, 600)),
        write(dir, "kk.pdf", &small_pdf()),
    ]
}

/// A fresh pre-fill of the applicant under `nik`, filled up to the review step.
async fn fill_to_review(b: &Browser, rt: &Runtime, nik: &str, dir: &Path) {
    b.client.goto(&rt.url("/daftar")).await.unwrap();
    app_ready(b).await;
    choose_type_and_region(b).await;
    fill_identity_with_nik(b, nik).await;
    press(b, "Lanjut").await;
    fill_address(b).await;
    press(b, "Lanjut").await;
    let [photo, letter, kk] = new_card_files(dir);
    upload(b, "Pilih foto dari galeri", "doc-photo_3x4", &photo).await;
    upload(b, "Foto atau pilih berkas", "doc-cover_letter", &letter).await;
    upload(b, "Foto atau pilih berkas", "doc-kk_copy", &kk).await;
    press(b, "Lanjut").await;
    wait_text_in(b, "//dd", "SITI AMINAH").await;
}

/// Waits until the form shows no error summary.
async fn summary_gone(b: &Browser) {
    wait_js(
        b,
        "!document.querySelector('p.notice-error')",
        10,
        "summary gone",
    )
    .await;
}

/// Applications the server holds for `nik`.
fn applications_of(rt: &Runtime, nik: &str) -> u64 {
    rt.d1_count(&format!(
        "SELECT COUNT(*) AS n FROM applications WHERE nik = '{nik}'"
    ))
}

/// The form's messages follow the form, not the last press of "Lanjut": a summary goes once
/// its problem is fixed and names the documents still missing; a NIK that disagrees with the
/// declared birth date or sex gets a hint while typing; 29 February typed key by key stays; an
/// RT is kept three digits long.
async fn hints_and_summaries_follow_what_is_typed(ctx: Ctx) {
    const T: &str = "resident_hints";
    let rt = ctx.runtime().await;
    let b = ctx.browser(PHONE.0, PHONE.1).await;
    let files = tempfile::tempdir().unwrap();
    b.client.goto(&rt.url("/daftar")).await.unwrap();
    app_ready(&b).await;
    choose_type_and_region(&b).await;

    // Step 2 left empty: the summary shows, and goes once the fields are filled.
    press(&b, "Lanjut").await;
    wait_text_in(&b, "//p[@role='alert']", "Beberapa isian perlu diperbaiki").await;
    b.screenshot(T, "01-summary").await;
    fill_identity(&b).await;
    summary_gone(&b).await;

    // The NIK encodes 12 Nov 1987 and a woman: another date or sex gets a hint, as typed.
    let warning = "//p[@id='f-nik-hint']";
    let no_warning = "!document.getElementById('f-nik-hint').textContent.includes('⚠')";
    set_date(&b, "Tanggal lahir", "1987-11-13").await;
    wait_text_in(
        &b,
        warning,
        WarningCode::NikBirthDateMismatch.message(Lang::Id),
    )
    .await;
    b.screenshot(T, "02-nik-date-hint").await;
    set_date(&b, "Tanggal lahir", "1987-11-12").await;
    wait_js(&b, no_warning, 10, "warning gone").await;
    pick(&b, "LAKI-LAKI").await;
    wait_text_in(&b, warning, WarningCode::NikSexMismatch.message(Lang::Id)).await;
    pick(&b, "PEREMPUAN").await;
    wait_js(&b, no_warning, 10, "warning gone").await;

    // 29 February typed key by key over the date already there, in the browser's field order:
    // the day is invalid until the leap year is typed, and must not wipe the field meanwhile.
    let date = by_label(&b, "Tanggal lahir").await;
    let month_first = b
        .client
        .execute(
            "arguments[0].focus(); return new Intl.DateTimeFormat().formatToParts(new Date(2000, 1, 29)).find(p => p.type === 'month' || p.type === 'day').type === 'month';",
            vec![serde_json::to_value(&date).unwrap()],
        )
        .await
        .unwrap();
    let keys = if month_first == serde_json::json!(true) {
        "02291988"
    } else {
        "29021988"
    };
    date.send_keys(keys).await.unwrap();
    assert_eq!(value_of(&b, "Tanggal lahir").await, "1988-02-29");
    set_date(&b, "Tanggal lahir", "1987-11-12").await;
    press(&b, "Lanjut").await;

    // Step 3: RT "1" becomes "001" once the field is left.
    fill_address(&b).await;
    type_into(&b, "RT", "1").await;
    type_into(&b, "Kode pos", "58111").await;
    assert_eq!(value_of(&b, "RT").await, "001");
    press(&b, "Lanjut").await;

    // Step 4: the summary names what is missing, and shrinks as documents come.
    press(&b, "Lanjut").await;
    let summary = "//p[@role='alert' and contains(@class,'notice-error')]";
    let kk_label = AttachmentKind::KkCopy.label(Lang::Id);
    wait_text_in(&b, summary, kk_label).await;
    b.screenshot(T, "03-missing-documents").await;
    let [photo, letter, kk] = new_card_files(files.path());
    upload(&b, "Foto atau pilih berkas", "doc-kk_copy", &kk).await;
    wait_text_in(&b, summary, AttachmentKind::Photo3x4.label(Lang::Id)).await;
    let text = b.find(Locator::XPath(summary)).await.text().await.unwrap();
    assert!(!text.contains(kk_label), "{text}");
    upload(&b, "Pilih foto dari galeri", "doc-photo_3x4", &photo).await;
    upload(&b, "Foto atau pilih berkas", "doc-cover_letter", &letter).await;
    summary_gone(&b).await;
}

/// Sent without a signal, the application waits on the phone and goes out by itself: when the
/// signal returns with the page open, and when the page was closed and is opened again later.
/// Each lands once on the server.
async fn a_send_without_signal_goes_out_by_itself_once(ctx: Ctx) {
    const T: &str = "resident_offline_send";
    let rt = ctx.runtime().await;
    let files = tempfile::tempdir().unwrap();
    // Same applicant data as the journey, each run under its own NIK (a shared runtime).
    for (nik, close_page) in [("3315135211870021", false), ("3315135211870022", true)] {
        let b = ctx.browser(PHONE.0, PHONE.1).await;
        fill_to_review(&b, rt, nik, files.path()).await;
        set_offline(&b, true).await;
        press(&b, "Kirim permohonan").await;
        wait_text_in(&b, "//p[@class='send-when-online']", "terkirim otomatis").await;
        b.screenshot(T, &format!("01-waiting-{nik}")).await;
        assert_eq!(applications_of(rt, nik), 0);
        if close_page {
            b.client.goto("about:blank").await.unwrap();
            set_offline(&b, false).await;
            b.client.goto(&rt.url("/daftar")).await.unwrap();
        } else {
            set_offline(&b, false).await;
        }
        wait_text_in(&b, "//h1", "Permohonan terkirim").await;
        assert!(b
            .client
            .current_url()
            .await
            .unwrap()
            .path()
            .starts_with("/daftar/selesai/"));
        b.screenshot(T, &format!("02-sent-{nik}")).await;
        assert_eq!(applications_of(rt, nik), 1, "{nik} sent once");
        // Opened again, the form is a fresh one: nothing is sent twice.
        b.client.goto(&rt.url("/daftar")).await.unwrap();
        app_ready(&b).await;
        wait_text_in(&b, "//h2[@id='step-heading']", "Langkah 1 dari 5").await;
        assert_eq!(applications_of(rt, nik), 1, "{nik} not sent again");
    }
}
