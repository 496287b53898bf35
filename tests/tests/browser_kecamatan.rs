//! Browser journeys of the kecamatan staff console at tablet size (1280x800) in real headless
//! Chromium against the real worker runtime: sign-in → queue → document check → recording of ten
//! FVC2002 scanner images, face and signature → receipt; that no fingerprint image leaves the
//! page; the offline outbox delivering a verification and a recording exactly once; a walk-in
//! typed in with the resident's form; a receipt's QR read by the (fake, file-fed) camera; and the
//! extraction worker kept for a recording that starts offline; and a printed card shipped from
//! the dinas desktop (1440x900), received at the tablet by scanning the manifest's QR, handed over
//! against the resident's signature, and shown as issued on the public status page; and a
//! recording made from the keyboard alone, whose outbox entry later shows the matcher's outcome.
//!
//! The cases share one runtime and one chromedriver (`tests::suite`); each opens its own
//! Chromium and asserts only about the applications and the session it made.

use base64::Engine as _;
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};
use shared::api::{AttachmentKind, FieldCode, LowQualityReason};
use shared::i18n::Lang;
use shared::lifecycle::Stage;
use std::process::ExitCode;
use std::time::Duration;
use tests::browser::act::{
    choose_file, click_button, click_link, pick, press, press_key, type_into, upload,
};
use tests::browser::application_form::{
    choose_village, fill_address, fill_identity_with_nik, save_resident_draft,
};
use tests::browser::camera::{fake_camera_args, qr_video};
use tests::browser::find::{button, by_label, focused, heading, link, value_of};
use tests::browser::network::{emulate_media, record_request_bodies, set_offline};
use tests::browser::pictures::face_jpeg;
use tests::browser::staff_console::{
    check_every_document, end_session, extraction_turn, fill_sign_in, finger_field, on_check_page,
    open_by_code, outbox_states, record_biometrics, scan_fingers, sign_in, sign_on_pad,
    wait_templates,
};
use tests::browser::wait::{
    promise_holds, sw_in_control, wait_js, wait_promise, wait_text, wait_text_in,
};
use tests::fingerprints::{self, finger_image};
use tests::fixtures::{self, purwodadi_application};
use tests::printing::{decided, print_ready, to_card_printed, verify};
use tests::suite::Ctx;
use tests::Runtime;

/// The tablet's viewport.
const TABLET: (u32, u32) = (1280, 800);

/// The operator every journey signs in as.
const OPERATOR: &str = "kec.purwodadi";

fn main() -> ExitCode {
    tests::suite::run(tests::cases![
        operator_verifies_records_and_prints_receipt_at_tablet_size,
        no_fingerprint_image_bytes_leave_the_page,
        outbox_sends_offline_work_once_after_reload_when_network_returns,
        expired_session_returns_to_sign_in_and_keeps_the_recording_draft,
        operator_enters_a_walk_in_that_lands_in_their_kecamatan_queue,
        scanning_a_receipt_qr_with_the_camera_opens_that_application,
        staff_console_keeps_the_extraction_worker_for_an_offline_first_recording,
        printed_card_is_shipped_received_by_qr_and_handed_over_against_a_signature,
        keyboard_alone_records_ten_fingers_in_order_and_the_outbox_shows_the_1n_outcome,
        signing_out_leaves_nothing_of_the_session_on_the_shared_tablet,
        // Write into the database file directly: alone (tests::suite::Case::alone).
        ; alone:
        a_low_print_needs_a_reason_and_a_duplicate_never_looks_like_success,
    ])
}

/// The whole desk journey at tablet size, with a screenshot of each step.
async fn operator_verifies_records_and_prints_receipt_at_tablet_size(ctx: Ctx) {
    const T: &str = "browser_kecamatan_journey";
    let rt = ctx.runtime().await;
    let (code, id) = purwodadi_application(rt, "journey-0001-0001-0001-000000000001").await;
    let b = ctx.browser(TABLET.0, TABLET.1).await;
    let tmp = tempfile::tempdir().unwrap();

    b.client.goto(&rt.url("/staf/masuk")).await.unwrap();
    heading(&b, "Masuk petugas").await;
    b.screenshot(T, "01-sign-in").await;
    sign_in(&b, &rt.base_url, OPERATOR).await;
    wait_text(&b, &code, 15).await;
    b.screenshot(T, "02-queue").await;

    open_by_code(&b, &code).await;
    wait_text(&b, "SITI AMINAH", 15).await;
    for kind in [
        AttachmentKind::CoverLetter,
        AttachmentKind::Photo3x4,
        AttachmentKind::KkCopy,
    ] {
        wait_text(&b, kind.label(Lang::Id), 5).await;
    }
    b.screenshot(T, "03-verification").await;
    check_every_document(&b).await;
    click_button(&b, "Berkas lengkap dan sesuai — setujui").await;
    wait_text(&b, "Terkirim", 20).await;
    assert_eq!(
        rt.d1_count(&format!("SELECT COUNT(*) AS n FROM application_events WHERE application_id = '{id}' AND stage = 'DOCUMENTS_VERIFIED'")),
        1
    );

    let face = face_jpeg(&b, tmp.path()).await;
    click_link(&b, "Lanjut ke perekaman biometrik").await;
    let (times, wall) = record_biometrics(&b, &face).await;
    eprintln!(
        "extraction in the Web Worker (ms per finger): {times:?}; mean {:.0} ms; ten fingers in {:.1} s wall",
        times.iter().sum::<f64>() / times.len() as f64,
        wall.as_secs_f64()
    );
    b.screenshot(T, "04-recording").await;
    click_button(&b, "Simpan dan kirim perekaman").await;

    heading(&b, "Status perekaman").await;
    // The receipt shows once the recording is on the server: wait for that first, as it may
    // take longer than finding an element waits when the runtime serves other cases too.
    wait_text(&b, "Terkirim", 30).await;
    heading(&b, "Tanda bukti pendaftaran").await;
    // A new card: the receipt says to bring it, and no old KTP (there is none).
    wait_text(&b, "dengan membawa tanda bukti ini", 30).await;
    assert!(!b.client.source().await.unwrap().contains("KTP lama"));
    b.find(Locator::Css("svg.qr[aria-label='QR status permohonan']"))
        .await;
    wait_js(
        &b,
        "document.querySelector('.status-steps li.reached[data-stage=SENT_FOR_ENROLLMENT]')",
        30,
        "SENT_FOR_ENROLLMENT shown",
    )
    .await;
    b.screenshot(T, "05-receipt-a4").await;
    pick(&b, "Termal 80 mm").await;
    b.find(Locator::Css(".receipt.paper-thermal")).await;
    b.screenshot(T, "06-receipt-thermal").await;

    assert_eq!(
        rt.d1_count(&format!(
            "SELECT COUNT(*) AS n FROM recordings WHERE application_id = '{id}'"
        )),
        1
    );
    let stage = rt.d1_query(&format!("SELECT stage FROM applications WHERE id = '{id}'"))[0]
        ["stage"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        [
            "SENT_FOR_ENROLLMENT",
            "PRINT_READY_RECORD",
            "ADJUDICATE_RECORD",
            "DUPLICATE_RECORD"
        ]
        .contains(&stage.as_str()),
        "stage after recording: {stage}"
    );
}

/// Everything the page sends while recording is templates, a face JPEG and a signature PNG:
/// no request body (nor the device's outbox or drafts) carries a fingerprint image.
async fn no_fingerprint_image_bytes_leave_the_page(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let (code, _) = purwodadi_application(rt, "leak-0001-0001-0001-0000000000001").await;
    let b = ctx.browser(TABLET.0, TABLET.1).await;
    let tmp = tempfile::tempdir().unwrap();
    sign_in(&b, &rt.base_url, OPERATOR).await;
    open_by_code(&b, &code).await;
    // Installed in the running page (the console is one page from here on).
    record_request_bodies(&b).await;
    check_every_document(&b).await;
    click_button(&b, "Berkas lengkap dan sesuai — setujui").await;
    wait_text(&b, "Terkirim", 20).await;
    let face = face_jpeg(&b, tmp.path()).await;
    click_link(&b, "Lanjut ke perekaman biometrik").await;
    record_biometrics(&b, &face).await;

    // What the device keeps (drafts and outbox) must hold templates only, too.
    let stored = b
        .client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               const open = indexedDB.open(arguments[0]);
               open.onsuccess = () => { const db = open.result;
                 const tx = db.transaction(['drafts', 'outbox']); const out = [];
                 let left = 2;
                 for (const s of ['drafts', 'outbox']) { const r = tx.objectStore(s).getAll();
                   r.onsuccess = () => { out.push(...r.result); if (--left === 0) done(out.join('\n')); }; } };
               open.onerror = () => done('');"#,
            vec![json!(staff_db(OPERATOR))],
        )
        .await
        .unwrap();
    let stored = stored.as_str().unwrap_or_default().to_string();
    assert!(
        stored.contains("template_base64"),
        "the draft holds the templates"
    );
    assert!(
        !stored.contains("SUkqA") && !stored.contains("TU0AK"),
        "no TIFF stored on the device"
    );

    click_button(&b, "Simpan dan kirim perekaman").await;
    wait_text(&b, "Terkirim", 30).await;
    let sent = wait_js(
        &b,
        "window.__sent.some(r => r.url.endsWith('/biometrics')) && window.__sent",
        15,
        "the recording request",
    )
    .await;
    let sent = sent.as_array().unwrap();
    let image_bytes: u64 = (1..=10u8)
        .map(|p| std::fs::metadata(finger_image(p)).unwrap().len())
        .sum();
    for r in sent {
        assert_eq!(r["tiffRaw"], json!(false), "raw TIFF in {}", r["url"]);
        assert_eq!(r["tiffB64"], json!(false), "base64 TIFF in {}", r["url"]);
    }
    let recording = sent
        .iter()
        .find(|r| r["url"].as_str().unwrap().ends_with("/biometrics"))
        .unwrap();
    let body: Value = serde_json::from_str(recording["text"].as_str().unwrap()).unwrap();
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut template_bytes = 0;
    for finger in body["fingers"].as_array().unwrap() {
        assert_eq!(finger["kind"], "template");
        let bytes = b64
            .decode(finger["template_base64"].as_str().unwrap())
            .unwrap();
        biometrics::template::wire::decode(&bytes).expect("a valid wire template");
        // A template is a few hundred bytes; an FVC image is about 90 KB.
        assert!(
            bytes.len() < 4 * 1024,
            "template of {} bytes is too big",
            bytes.len()
        );
        template_bytes += bytes.len();
    }
    let face_len = b64
        .decode(body["face_jpeg_base64"].as_str().unwrap())
        .unwrap()
        .len();
    let sig_len = b64
        .decode(body["signature_png_base64"].as_str().unwrap())
        .unwrap()
        .len();
    assert!(face_len <= 300 * 1024 && sig_len <= 100 * 1024);
    let total: u64 = sent.iter().map(|r| r["size"].as_u64().unwrap()).sum();
    eprintln!(
        "requests sent: {}; bytes sent {total}; ten templates {template_bytes} B vs ten images {image_bytes} B; face {face_len} B; signature {sig_len} B",
        sent.len()
    );
    assert!(
        (total as usize) < face_len * 2 + sig_len * 2 + 64 * 1024,
        "the page sent more than templates, face and signature"
    );
}

/// With the network cut, a verification and a recording wait in the outbox, survive a reload,
/// and go out by themselves when the network returns — each stored exactly once.
async fn outbox_sends_offline_work_once_after_reload_when_network_returns(ctx: Ctx) {
    const T: &str = "browser_kecamatan_outbox";
    let rt = ctx.runtime().await;
    let (code, id) = purwodadi_application(rt, "outbox-0001-0001-0001-000000000001").await;
    let b = ctx.browser(TABLET.0, TABLET.1).await;
    let tmp = tempfile::tempdir().unwrap();
    sign_in(&b, &rt.base_url, OPERATOR).await;
    // The recording screen was opened once while online today (it loads the extraction worker,
    // which then stays for the page's life); the operator goes back to the queue.
    b.client
        .goto(&rt.url(&format!("/kecamatan/permohonan/{id}/rekam")))
        .await
        .unwrap();
    heading(&b, "Perekaman biometrik").await;
    let face = face_jpeg(&b, tmp.path()).await;
    link(&b, "Antrean").await.click().await.unwrap();
    heading(&b, "Antrean permohonan").await;
    open_by_code(&b, &code).await;
    sw_in_control(&b).await;
    // The documents are read while online (accepting needs each opened).
    check_every_document(&b).await;

    set_offline(&b, true).await;
    wait_js(&b, "navigator.onLine === false", 10, "offline").await;
    // The banner pushes the page down: clicking before it shows can miss the button.
    wait_text(&b, "Anda sedang offline", 10).await;
    // The checklist made the page long: bring the button to the middle before clicking, so
    // the banner's push cannot move it from under the click.
    b.client
        .execute(
            "Array.from(document.querySelectorAll('button')).find(e => e.innerText.includes('setujui')).scrollIntoView({block: 'center'});",
            vec![],
        )
        .await
        .unwrap();
    click_button(&b, "Berkas lengkap dan sesuai — setujui").await;
    wait_text(&b, "Menunggu jaringan", 40).await;
    click_link(&b, "Lanjut ke perekaman biometrik").await;
    record_biometrics(&b, &face).await;
    click_button(&b, "Simpan dan kirim perekaman").await;
    heading(&b, "Status perekaman").await;
    wait_text(&b, "Menunggu jaringan", 40).await;

    // Nothing reached the server.
    let recordings = format!("SELECT COUNT(*) AS n FROM recordings WHERE application_id = '{id}'");
    assert_eq!(rt.d1_count(&recordings), 0);

    // A reload (or a closed tab) while offline loses nothing.
    b.client.refresh().await.unwrap();
    // The outbox link carries a count of pending items after its name ("Kiriman 2").
    b.find(Locator::XPath(
        "//nav//a[starts-with(normalize-space(.), 'Kiriman')]",
    ))
    .await
    .click()
    .await
    .unwrap();
    heading(&b, "Kiriman dari tablet ini").await;
    let states = outbox_states(&b).await;
    assert_eq!(
        states,
        vec!["Menunggu jaringan", "Menunggu jaringan"],
        "after reload"
    );
    b.screenshot(T, "01-outbox-offline").await;

    set_offline(&b, false).await;
    wait_js(
        &b,
        "Array.from(document.querySelectorAll('.outbox-item .outbox-state')).filter(e => e.innerText.trim() === 'Terkirim').length === 2",
        60,
        "both items sent",
    )
    .await;
    b.screenshot(T, "02-outbox-sent").await;
    let states = outbox_states(&b).await;
    eprintln!(
        "outbox: {} created, {} sent",
        states.len(),
        states.iter().filter(|s| *s == "Terkirim").count()
    );

    // Exactly once on the server, even after further retries ("send now").
    click_button(&b, "Kirim sekarang").await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        rt.d1_count(&format!("SELECT COUNT(*) AS n FROM application_events WHERE application_id = '{id}' AND stage = 'DOCUMENTS_VERIFIED'")),
        1
    );
    assert_eq!(
        rt.d1_count(&format!("SELECT COUNT(*) AS n FROM audit_log WHERE application_id = '{id}' AND action = 'application.verify'")),
        1
    );
    assert_eq!(rt.d1_count(&recordings), 1);
}

/// When the session ends mid-recording, the operator is sent to sign in (told why) and, once
/// back, finds the fingers already read: the draft stayed on the tablet.
async fn expired_session_returns_to_sign_in_and_keeps_the_recording_draft(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let (_, id) = purwodadi_application(rt, "expiry-0001-0001-0001-000000000001").await;
    let b = ctx.browser(TABLET.0, TABLET.1).await;
    let recording = rt.url(&format!("/kecamatan/permohonan/{id}/rekam"));
    sign_in(&b, &rt.base_url, OPERATOR).await;
    b.client.goto(&recording).await.unwrap();
    scan_fingers(&b, 1..=2).await;
    wait_templates(&b, 2, 60, "two templates").await;

    // The server forgets this tablet's session (an expiry, or an administrator signing the
    // operator out).
    end_session(&b, rt).await;
    click_link(&b, "Antrean").await;
    wait_text(&b, "Sesi Anda berakhir", 15).await;
    assert!(b
        .client
        .current_url()
        .await
        .unwrap()
        .as_str()
        .contains("/staf/masuk"));

    sign_in(&b, &rt.base_url, OPERATOR).await;
    b.client.goto(&recording).await.unwrap();
    wait_templates(&b, 2, 15, "the two templates restored from the draft").await;
}

/// The NIK the walk-in is typed in with: the same applicant as the fixtures', under a serial
/// number of her own, so this journey's rows are hers alone on the shared runtime.
const WALK_IN_NIK: &str = "3315135211870011";

/// An operator types in a walk-in with the resident's form at the desk: the kecamatan is theirs
/// and fixed, the application is stored for that kecamatan, opens on the document check and
/// waits in the queue; a resident's draft on the same tablet is left alone. A session that ends
/// before sending costs a sign-in, not the typed form: the send then goes out by itself.
async fn operator_enters_a_walk_in_that_lands_in_their_kecamatan_queue(ctx: Ctx) {
    const T: &str = "browser_kecamatan_walk_in";
    let rt = ctx.runtime().await;
    let b = ctx.browser(TABLET.0, TABLET.1).await;
    let tmp = tempfile::tempdir().unwrap();
    sign_in(&b, &rt.base_url, OPERATOR).await;
    // Someone once began a pre-fill on this tablet's browser, and an operator of another
    // kecamatan left a walk-in unsent on it.
    save_resident_draft(&b, r#"{"step":2}"#).await;
    let elsewhere = json!({
        "step": 2, "idempotency_key": "e".repeat(32), "attachments": [],
        "form": fixtures::application_form("33.15.01", "33.15.01.2001"),
    });
    b.client
        .execute(
            "localStorage.setItem('rekam.staff.walk_in.v1', arguments[0]);",
            vec![elsewhere.to_string().into()],
        )
        .await
        .unwrap();
    let photo = face_jpeg(&b, tmp.path()).await;
    let photo = photo.to_string_lossy();

    click_link(&b, "Permohonan baru (datang langsung)").await;
    heading(&b, "Permohonan baru (datang langsung)").await;
    // Not this operator's to see: a fresh form at their own kecamatan.
    wait_js(
        &b,
        "!(localStorage.getItem('rekam.staff.walk_in.v1') || '').includes('33.15.01')",
        10,
        "the other kecamatan's walk-in dropped",
    )
    .await;
    pick(&b, "BARU").await;
    // The region lists come from the API; the preset shows once the kecamatan list arrived.
    b.find(Locator::XPath(
        "//select[@id='f-address-district']/option[normalize-space(.)='Purwodadi']",
    ))
    .await;
    assert_eq!(value_of(&b, "Kecamatan").await, "33.15.13");
    assert!(
        by_label(&b, "Kecamatan")
            .await
            .attr("disabled")
            .await
            .unwrap()
            .is_some(),
        "the operator's kecamatan is fixed"
    );
    choose_village(&b, "Candisari").await;
    b.screenshot(T, "01-type-and-region").await;
    press(&b, "Lanjut").await;
    assert_eq!(value_of(&b, "NIK").await, "");
    // The resident's field checks, in the console too.
    type_into(&b, "NIK", "3315139911870003").await;
    let problem = shared::api::FieldCode::NikDayOutOfRange.message(Lang::Id);
    wait_text_in(&b, "//p[@id='f-nik-error']", problem).await;
    fill_identity_with_nik(&b, WALK_IN_NIK).await;
    press(&b, "Lanjut").await;
    fill_address(&b).await;
    press(&b, "Lanjut").await;
    upload(&b, "Pilih foto dari galeri", "doc-photo_3x4", &photo).await;
    upload(&b, "Foto atau pilih berkas", "doc-cover_letter", &photo).await;
    upload(&b, "Foto atau pilih berkas", "doc-kk_copy", &photo).await;
    press(&b, "Lanjut").await;
    b.screenshot(T, "02-review").await;

    // The session ends while the operator types (expired or revoked): sending asks for a
    // sign-in, says why, and after it the walk-in goes out by itself, once.
    end_session(&b, rt).await;
    press(&b, "Kirim permohonan").await;
    heading(&b, "Masuk petugas").await;
    wait_text(&b, "Sesi Anda berakhir.", 30).await;
    b.screenshot(T, "03-session-ended").await;
    let walk_ins = format!("SELECT COUNT(*) AS n FROM applications WHERE nik = '{WALK_IN_NIK}'");
    assert_eq!(
        rt.d1_count(&walk_ins),
        0,
        "nothing stored without a session"
    );
    fill_sign_in(&b, OPERATOR).await;

    // Straight to the document check of the new application.
    heading(&b, "Pemeriksaan berkas").await;
    wait_text(&b, "SITI AMINAH", 30).await;
    let rows = rt.d1_query(&format!(
        "SELECT id, registration_code, district_code, stage FROM applications WHERE nik = '{WALK_IN_NIK}'"
    ));
    assert_eq!(
        rows.as_array().map(Vec::len),
        Some(1),
        "one application: {rows}"
    );
    let row = &rows[0];
    assert_eq!(row["district_code"], "33.15.13");
    assert_eq!(row["stage"], "PRE_FILLED");
    let id = row["id"].as_str().unwrap();
    on_check_page(&b, id).await;
    b.screenshot(T, "04-check").await;
    assert_eq!(
        rt.d1_count(&format!(
            "SELECT COUNT(*) AS n FROM documents WHERE application_id = '{id}'"
        )),
        3
    );
    assert_eq!(
        rt.d1_count(&format!("SELECT COUNT(*) AS n FROM audit_log WHERE application_id = '{id}' AND action = 'application.walk_in' AND staff_id = 'staff-kec-purwodadi'")),
        1
    );
    // The walk-in draft is gone; the resident's is untouched.
    let drafts = b
        .client
        .execute(
            "return [localStorage.getItem('rekam.staff.walk_in.v1'), localStorage.getItem('rekam.draft.v1')];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(drafts, json!([null, "{\"step\":2}"]));

    // And it waits in the queue with the other new applications.
    let code = shared::domain::RegistrationCode::parse(row["registration_code"].as_str().unwrap())
        .unwrap()
        .to_string();
    click_link(&b, "Antrean").await;
    heading(&b, "Antrean permohonan").await;
    wait_text(&b, &code, 30).await;
    b.screenshot(T, "05-queue").await;
}

/// The camera sees a receipt's status QR: the scanner reads it in the Web Worker and the
/// application opens on the document check.
async fn scanning_a_receipt_qr_with_the_camera_opens_that_application(ctx: Ctx) {
    const T: &str = "browser_kecamatan_qr_scan";
    let rt = ctx.runtime().await;
    let (code, id) = purwodadi_application(rt, "qrscan-0001-0001-0001-000000000001").await;
    let tmp = tempfile::tempdir().unwrap();
    let video = tmp.path().join("receipt-qr.y4m");
    std::fs::write(&video, qr_video(&rt.url(&format!("/s/{code}")))).unwrap();
    let b = ctx
        .browser_with_args(TABLET.0, TABLET.1, &fake_camera_args(&video))
        .await;
    sign_in(&b, &rt.base_url, OPERATOR).await;
    click_button(&b, "Pindai QR dengan kamera").await;
    wait_js(
        &b,
        "document.querySelector('video.qr-video') && document.querySelector('video.qr-video').videoWidth > 0",
        30,
        "the camera picture",
    )
    .await;
    b.screenshot(T, "01-scanning").await;
    on_check_page(&b, &id).await;
    wait_text(&b, &code, 30).await;
    // The camera is released once the code is read.
    wait_js(
        &b,
        "!document.querySelector('video.qr-video')",
        10,
        "the scanner closed",
    )
    .await;
    b.screenshot(T, "02-opened").await;
}

/// A resident's visit does not download the fingerprint engine; a staff screen has the service
/// worker keep it, so a tablet that loses the line before its first recording still reads
/// fingerprints.
async fn staff_console_keeps_the_extraction_worker_for_an_offline_first_recording(ctx: Ctx) {
    // Its own runtime: the journey stops the server.
    let rt = Runtime::start().await;
    let base = rt.base_url.clone();
    let b = ctx.browser(TABLET.0, TABLET.1).await;
    b.client.goto(&format!("{base}/")).await.unwrap();
    sw_in_control(&b).await;
    wait_promise(&b, "caches.has('rekam-shell-v4')", 30, "the shell cached").await;
    assert!(
        !promise_holds(&b, "caches.has('rekam-staff-v1')").await,
        "a resident's visit caches the engine"
    );

    sign_in(&b, &base, OPERATOR).await;
    wait_promise(
        &b,
        "caches.open('rekam-staff-v1').then(c => Promise.all(['/pkg/extract_worker.js', '/pkg/extract_worker_bg.wasm'].map(u => c.match(u)))).then(r => r.every(Boolean))",
        60,
        "the extraction worker cached",
    )
    .await;

    // The line drops (the server is gone) before this tablet ever opened a recording.
    drop(rt);
    b.client
        .goto(&format!("{base}/kecamatan/permohonan/offline-first/rekam"))
        .await
        .unwrap();
    heading(&b, "Perekaman biometrik").await;
    choose_file(&b, &finger_field(1), &finger_image(1)).await;
    wait_templates(&b, 1, 90, "a template read offline").await;
}

/// A print below the recapture threshold counts only by an explicit choice, whose reason is
/// stored with the recording; then the application held as a duplicate shows as a problem on the
/// recording result, in the queue (whose filter has the outcome stages) and on the receipt,
/// which sends the resident to the dinas and never to collect a card; and opening its
/// recording screen again says it is already recorded before any work.
async fn a_low_print_needs_a_reason_and_a_duplicate_never_looks_like_success(ctx: Ctx) {
    const T: &str = "browser_kecamatan_quality_gate";
    let rt = ctx.runtime().await;
    let (code, id) = purwodadi_application(rt, "quality-0001-0001-0001-000000000001").await;
    let b = ctx.browser(TABLET.0, TABLET.1).await;
    let tmp = tempfile::tempdir().unwrap();
    sign_in(&b, &rt.base_url, OPERATOR).await;
    open_by_code(&b, &code).await;
    // Accepting waits until every document was opened and ticked.
    let accept = "Berkas lengkap dan sesuai — setujui";
    assert!(!button(&b, accept).await.is_enabled().await.unwrap());
    check_every_document(&b).await;
    // The viewer zooms and turns a scan to read it.
    click_button(&b, "Perbesar").await;
    click_button(&b, "Putar").await;
    b.find(Locator::Css("img.doc-image.zoom-2.rot-90")).await;
    b.screenshot(T, "00-document-viewer").await;
    click_button(&b, accept).await;
    wait_text(&b, "Terkirim", 20).await;
    let face = face_jpeg(&b, tmp.path()).await;
    click_link(&b, "Lanjut ke perekaman biometrik").await;
    record_biometrics(&b, &face).await;

    // A noisy impression (FVC2002 DB3_B 110_3) for the right index finger.
    let noisy = fingerprints::fvc_dir().join("../DB3_B/110_3.tif");
    let noisy = std::fs::canonicalize(&noisy).unwrap_or(noisy);
    choose_file(&b, &finger_field(2), &noisy).await;
    wait_js(
        &b,
        "document.querySelector('.finger-slot[data-position=\"2\"].low')",
        90,
        "finger 2 marked for recapture",
    )
    .await;
    // The print shows as a thumbnail, so the operator sees the smudge.
    wait_js(
        &b,
        "(document.querySelector('.finger-slot[data-position=\"2\"] canvas.print-thumb:not([hidden])') || {}).width > 0",
        10,
        "the print's thumbnail",
    )
    .await;
    assert_eq!(
        b.find(Locator::Css("#finger-progress"))
            .await
            .attr("value")
            .await
            .unwrap()
            .as_deref(),
        Some("9"),
        "a finger marked for recapture counts as done"
    );
    b.screenshot(T, "01-recapture").await;
    click_button(&b, "Simpan dan kirim perekaman").await;
    wait_text(&b, FieldCode::LowQualityNotConfirmed.message(Lang::Id), 10).await;
    heading(&b, "Perekaman biometrik").await;

    // Kept, with a reason from the list.
    let reason = LowQualityReason::WornRidges;
    b.find(Locator::Css("#finger-2-keep"))
        .await
        .select_by_label(reason.label(Lang::Id))
        .await
        .unwrap();
    wait_js(
        &b,
        "document.querySelector('#finger-progress').value === 10",
        10,
        "ten fingers done",
    )
    .await;
    b.screenshot(T, "02-kept").await;
    click_button(&b, "Simpan dan kirim perekaman").await;
    heading(&b, "Status perekaman").await;
    wait_text(&b, "Terkirim", 30).await;
    let fingers = recorded_fingers(rt, &id);
    assert_eq!(fingers[1]["position"], 2);
    assert_eq!(fingers[1]["kept_below_threshold"], json!("worn_ridges"));
    assert!(fingers[0].get("kept_below_threshold").is_none());

    // The 1:N search settles; the application is then held as a duplicate (set here directly:
    // which of this suite's recordings of the same ten fingers comes first is not fixed).
    let settled = format!(
        "SELECT COUNT(*) AS n FROM applications WHERE id = '{id}' AND stage NOT IN ('BIO_CAPTURED', 'SENT_FOR_ENROLLMENT')"
    );
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while rt.d1_count(&settled) == 0 && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    rt.d1_query(&format!(
        "UPDATE applications SET stage = 'DUPLICATE_RECORD' WHERE id = '{id}'"
    ));
    b.client.refresh().await.unwrap();
    wait_js(
        &b,
        "document.querySelector('.status-steps li.reached.meaning-problem[data-stage=DUPLICATE_RECORD]')",
        30,
        "the duplicate shown as a problem",
    )
    .await;
    wait_text(&b, "Dinas Kependudukan", 30).await;
    let receipt = b
        .find(Locator::Css(".receipt-bring"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!receipt.contains("KTP lama"), "{receipt}");
    b.screenshot(T, "03-duplicate-receipt").await;

    // The queue finds it under its outcome, with the problem colour.
    b.client.goto(&rt.url("/kecamatan")).await.unwrap();
    heading(&b, "Antrean permohonan").await;
    b.find(Locator::Css("#queue-stage"))
        .await
        .select_by_label(Stage::DuplicateRecord.label(Lang::Id))
        .await
        .unwrap();
    b.find(Locator::XPath(&format!(
        "//tr[td[normalize-space(.)='{code}']]//span[contains(@class,'stage-chip') and contains(@class,'meaning-problem')]"
    )))
    .await;
    b.screenshot(T, "04-queue-duplicate").await;

    // Its recording screen says it is recorded, before anything is scanned.
    b.client
        .goto(&rt.url(&format!("/kecamatan/permohonan/{id}/rekam")))
        .await
        .unwrap();
    wait_text(&b, "sudah direkam", 30).await;
    wait_js(
        &b,
        "document.querySelector('.recording-form').hidden",
        10,
        "the recording form hidden",
    )
    .await;
    b.screenshot(T, "05-already-recorded").await;
}

/// The dinas's desktop viewport.
const DESKTOP: (u32, u32) = (1440, 900);

/// Distribution end to end: a printed card is packed at the dinas (desktop), its manifest
/// printed; the kecamatan scans the manifest's QR on the tablet, ticks the card and saves the
/// receipt; the resident's code finds the card, they sign on the pad and it is handed over; the
/// public status page says so. Screenshots of the manifest and the handover receipt are kept.
async fn printed_card_is_shipped_received_by_qr_and_handed_over_against_a_signature(ctx: Ctx) {
    const T: &str = "browser_kecamatan_distribution";
    let rt = ctx.runtime().await;
    let kecamatan = rt.staff_client(OPERATOR).await;
    let dinas = rt.staff_client("dinas.operator").await;
    let id = print_ready(rt, &kecamatan, 9501).await;
    to_card_printed(
        &dinas,
        "33.15.13",
        std::slice::from_ref(&id),
        "ship-browser",
    )
    .await;
    let code = kecamatan
        .get_json(&format!("/api/staff/applications/{id}"))
        .await["registration_code"]
        .as_str()
        .unwrap()
        .to_string();

    // The dinas packs Purwodadi's printed cards and prints the manifest.
    let started = std::time::Instant::now();
    let desk = ctx.browser(DESKTOP.0, DESKTOP.1).await;
    desk.client.goto(&rt.url("/staf/masuk")).await.unwrap();
    fill_sign_in(&desk, "dinas.operator").await;
    wait_js(
        &desk,
        "location.pathname === '/dinas'",
        45,
        "the dinas console",
    )
    .await;
    click_link(&desk, "Distribusi").await;
    heading(&desk, "Distribusi KTP-el").await;
    desk.find(Locator::XPath(
        "//tr[contains(., '33.15.13')]//button[starts-with(normalize-space(.), 'Kemas kiriman')]",
    ))
    .await
    .click()
    .await
    .unwrap();
    let manifest = wait_js(
        &desk,
        "document.querySelector('.manifest-sheet svg.qr') && document.querySelector('.manifest-code').innerText.trim()",
        30,
        "the manifest with its QR",
    )
    .await;
    let manifest = manifest.as_str().unwrap().to_string();
    assert!(manifest.starts_with("KRM-"), "{manifest}");
    wait_text(&desk, &code, 10).await;
    desk.screenshot(T, "01-manifest").await;
    emulate_media(&desk, Some("print")).await;
    desk.screenshot(T, "02-manifest-print").await;
    emulate_media(&desk, None).await;
    let shipped = started.elapsed();

    // The tablet scans the manifest's QR and ticks the card.
    let tmp = tempfile::tempdir().unwrap();
    let video = tmp.path().join("manifest-qr.y4m");
    std::fs::write(&video, qr_video(&manifest)).unwrap();
    let tablet = ctx
        .browser_with_args(TABLET.0, TABLET.1, &fake_camera_args(&video))
        .await;
    sign_in(&tablet, &rt.base_url, OPERATOR).await;
    click_link(&tablet, "Kartu").await;
    heading(&tablet, "KTP-el di kecamatan").await;
    wait_text(&tablet, &manifest, 30).await;
    click_link(&tablet, "Terima kiriman").await;
    click_button(&tablet, "Pindai QR dengan kamera").await;
    wait_text(&tablet, &format!("Kiriman {manifest}"), 60).await;
    tablet
        .find(Locator::XPath(&format!(
            "//label[contains(., '{code}')]/input[@type='checkbox']"
        )))
        .await
        .click()
        .await
        .unwrap();
    click_button(&tablet, "Simpan penerimaan").await;
    wait_text(&tablet, "Penerimaan tersimpan", 30).await;
    wait_text(&tablet, "1 diterima, 0 tidak ada, 0 lebih", 5).await;
    tablet.screenshot(T, "03-received").await;
    let received = started.elapsed();

    // The resident comes with the receipt's code, is checked against the photo and signs.
    click_link(&tablet, "Kembali ke daftar kartu").await;
    click_link(&tablet, "Serahkan KTP-el").await;
    heading(&tablet, "Penyerahan KTP-el").await;
    type_into(&tablet, "Kode pendaftaran", &code).await;
    click_button(&tablet, "Cari").await;
    wait_js(
        &tablet,
        "document.querySelector('img.handover-face')",
        30,
        "the photo taken at recording",
    )
    .await;
    wait_text(
        &tablet,
        "Jenis permohonan ini tidak menyerahkan KTP lama.",
        5,
    )
    .await;
    sign_on_pad(&tablet).await;
    tablet.screenshot(T, "04-signed").await;
    click_button(&tablet, "Serahkan KTP-el").await;
    wait_js(
        &tablet,
        "document.querySelector('.handover-receipt img.signature-image')",
        30,
        "the handover receipt with the signature",
    )
    .await;
    wait_text(&tablet, "TANDA TERIMA KTP-el", 5).await;
    tablet.screenshot(T, "05-handover-receipt").await;
    emulate_media(&tablet, Some("print")).await;
    tablet.screenshot(T, "06-handover-receipt-print").await;
    emulate_media(&tablet, None).await;
    let handed_over = started.elapsed();
    assert_eq!(
        kecamatan
            .get_json(&format!("/api/staff/applications/{id}"))
            .await["stage"],
        "CARD_ISSUED"
    );

    // The public status page says it in plain words.
    tablet
        .client
        .goto(&rt.url(&format!("/s/{code}")))
        .await
        .unwrap();
    wait_text(&tablet, "KTP-el Anda sudah diserahkan kepada Anda.", 30).await;
    tablet.screenshot(T, "07-status-issued").await;
    eprintln!(
        "distribution journey: shipped {:.1} s, received {:.1} s, handed over {:.1} s (from the dinas sign-in)",
        shipped.as_secs_f64(),
        received.as_secs_f64(),
        handed_over.as_secs_f64()
    );
}

/// The recording screen from the keyboard alone, as a scanner operator works: Tab walks the ten
/// fingers in finger order (right thumb to left little), each one's exception reason right after
/// it, then the face photo, the signature and the send button, and Shift+Tab walks back (no
/// trap); Enter or Space opens the focused finger's file picker; each print loaded moves the focus
/// on to the next finger, the tenth to the face photo; Enter on the send button sends. The
/// outbox entry of that recording, sent, later shows the real matcher's 1:N outcome with its
/// chip, in Indonesian and in English.
async fn keyboard_alone_records_ten_fingers_in_order_and_the_outbox_shows_the_1n_outcome(ctx: Ctx) {
    const T: &str = "browser_kecamatan_keyboard";
    let rt = ctx.runtime().await;
    let (code, id) = purwodadi_application(rt, "keyboard-0001-0001-0001-000000000001").await;
    let kecamatan = rt.staff_client(OPERATOR).await;
    verify(&kecamatan, &id).await;
    let b = ctx.browser(TABLET.0, TABLET.1).await;
    let tmp = tempfile::tempdir().unwrap();
    sign_in(&b, &rt.base_url, OPERATOR).await;
    let face = face_jpeg(&b, tmp.path()).await;
    b.client
        .goto(&rt.url(&format!("/kecamatan/permohonan/{id}/rekam")))
        .await
        .unwrap();
    heading(&b, "Perekaman biometrik").await;
    // Whom it records shows once the application is read: the screen is ready.
    wait_text(&b, &code, 30).await;

    // From the top of the page, Tab reaches the fingers after the "import all" picker.
    let mut before = String::new();
    for _ in 0..40 {
        press_key(&b, Key::Tab, false).await;
        let now = focused(&b).await;
        if now == "finger-1" {
            break;
        }
        before = now;
    }
    assert_eq!(
        focused(&b).await,
        "finger-1",
        "Tab never reached the first finger"
    );
    assert_eq!(before, "finger-import-all");
    b.screenshot(T, "01-focus-on-the-right-thumb").await;

    // The whole order, forward and back.
    let mut order: Vec<String> = (1..=10u8)
        .flat_map(|p| [format!("finger-{p}"), format!("finger-{p}-reason")])
        .collect();
    order.extend(
        [
            "Buka kamera",
            "face-file",
            "Hapus",
            "Simpan dan kirim perekaman",
        ]
        .map(String::from),
    );
    let mut walked = vec![focused(&b).await];
    for _ in 1..order.len() {
        press_key(&b, Key::Tab, false).await;
        walked.push(focused(&b).await);
    }
    assert_eq!(walked, order, "Tab order");
    let mut back = vec![focused(&b).await];
    for _ in 1..order.len() {
        press_key(&b, Key::Tab, true).await;
        back.push(focused(&b).await);
    }
    back.reverse();
    assert_eq!(back, order, "Shift+Tab order");

    // Enter and Space open the focused finger's picker (the page sees the picker's click; it is
    // cancelled here, as WebDriver cannot drive the system's file dialog).
    b.client
        .execute(
            "window.__picked = []; window.__pick = e => { if (e.target.type === 'file') { __picked.push(e.target.id); e.preventDefault(); } }; \
             document.addEventListener('click', __pick, true);",
            vec![],
        )
        .await
        .unwrap();
    press_key(&b, Key::Enter, false).await;
    press_key(&b, Key::Space, false).await;
    let picked = wait_js(
        &b,
        "__picked.length === 2 && __picked",
        5,
        "two picker clicks",
    )
    .await;
    assert_eq!(picked, json!(["finger-1", "finger-1"]));
    b.client
        .execute(
            "document.removeEventListener('click', __pick, true);",
            vec![],
        )
        .await
        .unwrap();

    // The scanner's ten files, one per key: each print loaded moves the focus on.
    let turn = extraction_turn().await;
    for position in 1..=10u8 {
        assert_eq!(focused(&b).await, format!("finger-{position}"));
        b.client
            .active_element()
            .await
            .unwrap()
            .send_keys(&finger_image(position).to_string_lossy())
            .await
            .unwrap();
        let next = match position {
            10 => "Buka kamera".to_string(),
            p => format!("finger-{}", p + 1),
        };
        wait_focus(&b, &next).await;
    }
    wait_templates(&b, 10, 120, "ten templates").await;
    drop(turn);
    press_key(&b, Key::Tab, false).await;
    assert_eq!(focused(&b).await, "face-file");
    b.client
        .active_element()
        .await
        .unwrap()
        .send_keys(&face.to_string_lossy())
        .await
        .unwrap();
    b.find(Locator::Css("img[alt='Foto wajah yang akan dikirim']"))
        .await;
    // The applicant signs with a finger or stylus; the operator goes on with the keyboard.
    sign_on_pad(&b).await;
    for _ in 0..40 {
        if focused(&b).await == "Simpan dan kirim perekaman" {
            break;
        }
        press_key(&b, Key::Tab, false).await;
    }
    assert_eq!(focused(&b).await, "Simpan dan kirim perekaman");
    b.screenshot(T, "02-ten-fingers-by-keyboard").await;
    press_key(&b, Key::Enter, false).await;
    heading(&b, "Status perekaman").await;
    wait_text(&b, "Terkirim", 30).await;

    // Each file went to its own finger.
    let fingers = recorded_fingers(rt, &id);
    let positions: Vec<u64> = fingers
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["position"].as_u64().unwrap())
        .collect();
    assert_eq!(positions, (1..=10).collect::<Vec<u64>>());

    // The outbox, open while the real matcher decides: the sent recording later shows the
    // outcome it decided, coloured by its meaning.
    b.find(Locator::XPath(
        "//nav//a[starts-with(normalize-space(.), 'Kiriman')]",
    ))
    .await
    .click()
    .await
    .unwrap();
    heading(&b, "Kiriman dari tablet ini").await;
    let outcome = Stage::parse(&decided(&kecamatan, &id).await).unwrap();
    let chip = format!(
        ".outbox-item.sent.meaning-{} .stage-chip[data-stage={}]",
        outcome.meaning().as_str(),
        outcome.as_str()
    );
    wait_js(
        &b,
        &format!("document.querySelector('{chip}')"),
        60,
        "the outcome on the outbox entry",
    )
    .await;
    let entry = b
        .find(Locator::Css(".outbox-item.sent"))
        .await
        .text()
        .await
        .unwrap();
    assert!(entry.contains("Hasil 1:N"), "{entry}");
    assert!(entry.contains(outcome.label(Lang::Id)), "{entry}");
    // The send's own answer, kept with the item, came before the matcher's: the outcome shown
    // was read later.
    let kept = b
        .client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               const open = indexedDB.open(arguments[0]);
               open.onsuccess = () => {
                 const r = open.result.transaction('outbox').objectStore('outbox').getAll();
                 r.onsuccess = () => done(r.result.map(t => JSON.parse(t).state)); };
               open.onerror = () => done(null);"#,
            vec![json!(staff_db(OPERATOR))],
        )
        .await
        .unwrap();
    let answered = kept[0]["Sent"]["stage"].as_str().unwrap_or_default();
    assert!(
        ["BIO_CAPTURED", "SENT_FOR_ENROLLMENT"].contains(&answered),
        "the outbox item as stored: {kept}"
    );
    b.screenshot(T, "03-outbox-outcome").await;
    b.find(Locator::Css("button.lang-toggle"))
        .await
        .click()
        .await
        .unwrap();
    wait_text(&b, "1:N outcome", 10).await;
    wait_text(&b, outcome.label(Lang::En), 10).await;
    b.screenshot(T, "04-outbox-outcome-en").await;
}

/// Waits until the element `expected` (its id, else its text) has the focus.
async fn wait_focus(b: &tests::Browser, expected: &str) {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let now = focused(b).await;
        if now == expected {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the focus is on {now:?}, not {expected:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The fingers stored with application `id`'s recording.
fn recorded_fingers(rt: &Runtime, id: &str) -> Value {
    let stored = rt.d1_query(&format!(
        "SELECT fingers_json FROM recordings WHERE application_id = '{id}'"
    ));
    serde_json::from_str(stored[0]["fingers_json"].as_str().unwrap()).unwrap()
}

/// Opens the outbox from the bar and returns its items' states.
async fn outbox_now(b: &tests::Browser) -> Vec<String> {
    b.find(Locator::XPath(
        "//nav//a[starts-with(normalize-space(.), 'Kiriman')]",
    ))
    .await
    .click()
    .await
    .unwrap();
    heading(b, "Kiriman dari tablet ini").await;
    // The stored items are read once the page opens.
    tokio::time::sleep(Duration::from_millis(500)).await;
    outbox_states(b).await
}

/// Two operators share a tablet. The first verifies an application (a sent outbox item) and
/// leaves a walk-in half typed, then signs out: the page starts afresh, the walk-in draft (a
/// resident's NIK) and the sent item are gone. The next operator finds an empty outbox of
/// their own; the first, signing in again, finds nothing of the old session either.
async fn signing_out_leaves_nothing_of_the_session_on_the_shared_tablet(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let (code, _) = purwodadi_application(rt, "handover-0001-0001-0001-00000000001").await;
    let b = ctx.browser(TABLET.0, TABLET.1).await;
    sign_in(&b, &rt.base_url, OPERATOR).await;
    open_by_code(&b, &code).await;
    check_every_document(&b).await;
    click_button(&b, "Berkas lengkap dan sesuai — setujui").await;
    wait_text(&b, "Terkirim", 30).await;
    assert_eq!(outbox_now(&b).await, vec!["Terkirim"]);
    let half_typed = json!({
        "step": 2, "idempotency_key": "f".repeat(32), "attachments": [],
        "form": fixtures::purwodadi_form(),
    });
    b.client
        .execute(
            "localStorage.setItem('rekam.staff.walk_in.v1', arguments[0]);",
            vec![half_typed.to_string().into()],
        )
        .await
        .unwrap();

    click_button(&b, "Keluar").await;
    heading(&b, "Masuk petugas").await;
    wait_js(
        &b,
        "localStorage.getItem('rekam.staff.walk_in.v1') === null && localStorage.getItem('rekam.staff.session') === null",
        15,
        "the walk-in draft and the session forgotten",
    )
    .await;

    sign_in(&b, &rt.base_url, "kec.kedungjati").await;
    assert!(outbox_now(&b).await.is_empty(), "another's outbox shown");
    click_button(&b, "Keluar").await;
    heading(&b, "Masuk petugas").await;
    sign_in(&b, &rt.base_url, OPERATOR).await;
    assert!(outbox_now(&b).await.is_empty(), "the sent item kept");
}

/// The console's IndexedDB database of staff member `username` (`app/src/staff/store.rs`).
fn staff_db(username: &str) -> String {
    format!("rekam-staff.{username}")
}
