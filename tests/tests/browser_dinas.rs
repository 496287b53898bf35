//! Browser journeys of the regency office (dinas) console at desktop size (1440x900) in real
//! headless Chromium against the real worker runtime: sign-in lands each role where it works;
//! a person recorded under two NIKs is a case in the queue, whose view draws the aligned
//! minutiae; an operator proposes *duplicate of* and a supervisor in a second browser approves;
//! a Surat Keterangan is issued and shown as its A4 print view. Fingerprints are SYNTHETIC
//! templates (`biometrics::search::synthetic`), recorded through the API as in
//! `system_adjudication.rs`.
//!
//! The cases share one runtime and one chromedriver (`tests::suite`); each opens its own
//! Chromium and asserts only about the applications and sessions it made.

use fantoccini::Locator;
use serde_json::{json, Value};
use shared::i18n::Lang;
use shared::lifecycle::Stage;
use std::process::ExitCode;
use std::time::{Duration, Instant};
use tests::browser::act::{click_button, click_link, type_into};
use tests::browser::find::{by_label, heading, link};
use tests::browser::network::emulate_media;
use tests::browser::staff_console::fill_sign_in;
use tests::browser::wait::{wait_js, wait_text};
use tests::fixtures::{
    application_form, purwodadi_form, recording_body, submit_application, synthetic_finger,
};
use tests::suite::Ctx;
use tests::{Browser, Runtime, StaffClient};

/// The dinas desktop's viewport.
const DESKTOP: (u32, u32) = (1440, 900);

fn main() -> ExitCode {
    tests::suite::run(tests::cases![
        sign_in_lands_each_role_on_its_console,
        operator_proposes_duplicate_and_a_supervisor_approves_it,
        surat_keterangan_is_issued_and_printed_on_a4,
        print_queue_to_run_preview_and_printed_cards,
    ])
}

/// Signs in on a fresh page and waits until the path is `landing`.
async fn sign_in_to(b: &Browser, rt: &Runtime, username: &str, landing: &str) {
    b.client.goto(&rt.url("/staf/masuk")).await.unwrap();
    fill_sign_in(b, username).await;
    wait_js(
        b,
        &format!("location.pathname === {}", json!(landing)),
        45,
        &format!("{username} landing on {landing}"),
    )
    .await;
}

async fn sign_in_lands_each_role_on_its_console(ctx: Ctx) {
    const T: &str = "browser_dinas_sign_in";
    let rt = ctx.runtime().await;
    let b = ctx.browser(DESKTOP.0, DESKTOP.1).await;
    sign_in_to(&b, rt, "dinas.operator", "/dinas").await;
    heading(&b, "Konsol Dinas").await;
    // The bar says who and in what role; the four sections are links (keyboard reachable).
    wait_text(&b, "Operator Dinas · Operator dinas", 15).await;
    for section in ["Adjudikasi", "Pencetakan", "Surat Keterangan", "Distribusi"] {
        let xpath = format!("//nav[@class='staff-bar']//a[normalize-space(.)='{section}']");
        b.find(Locator::XPath(&xpath)).await;
    }
    b.screenshot(T, "01-dinas-home").await;
    // A section not built yet says so, with no made-up rows.
    b.find(Locator::XPath(
        "//nav[@class='staff-bar']//a[normalize-space(.)='Distribusi']",
    ))
    .await
    .click()
    .await
    .unwrap();
    wait_text(&b, "Bagian ini sedang dibuat", 15).await;
    let current = b
        .client
        .execute(
            "return document.querySelector('.staff-bar a[aria-current=page]').innerText.trim();",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(current, json!("Distribusi"));
    assert_eq!(
        b.client.current_url().await.unwrap().path(),
        "/dinas/distribusi"
    );
    assert!(b
        .client
        .find_all(Locator::Css("table"))
        .await
        .unwrap()
        .is_empty());
    b.screenshot(T, "02-coming-section").await;
    click_button(&b, "Keluar").await;
    heading(&b, "Masuk petugas").await;

    // The supervisor lands here too; an administrator on the plain "no console" page.
    sign_in_to(&b, rt, "dinas.supervisor", "/dinas").await;
    wait_text(&b, "Supervisor dinas", 15).await;
    click_button(&b, "Keluar").await;
    heading(&b, "Masuk petugas").await;
    sign_in_to(&b, rt, "admin", "/staf/tanpa-konsol").await;
    heading(&b, "Belum ada konsol untuk peran ini").await;
    b.screenshot(T, "03-administrator").await;
}

fn stage_of(rt: &Runtime, id: &str) -> String {
    rt.d1_query(&format!("SELECT stage FROM applications WHERE id = '{id}'"))[0]["stage"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Submits `form`, verifies it and records `person`'s fingers (`take`-th impression); returns
/// (id, code, stage) once the matcher has decided.
async fn record(
    rt: &Runtime,
    staff: &StaffClient,
    form: &Value,
    key: &str,
    person: u64,
    take: u16,
) -> (String, String, String) {
    let (code, _) =
        submit_application(&rt.base_url, &format!("dinas-{key}-application"), form).await;
    let detail: Value = staff
        .get_json(&format!("/api/staff/applications/by-code/{code}"))
        .await;
    let id = detail["id"].as_str().expect("application id").to_string();
    let verified = staff
        .post(&format!("/api/staff/applications/{id}/verify"))
        .send()
        .await
        .unwrap();
    assert!(verified.status().is_success(), "verify {id}");
    let body = recording_body(&format!("dinas-{key}-recording"), |p| {
        synthetic_finger(person, take, p)
    });
    let resp = staff.record_biometrics(&id, &body).await;
    assert!(resp.status().is_success(), "record {id}");
    let start = Instant::now();
    loop {
        let stage = stage_of(rt, &id);
        if stage != "SENT_FOR_ENROLLMENT" {
            return (id, code, stage);
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "{id} still {stage}"
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

async fn operator_proposes_duplicate_and_a_supervisor_approves_it(ctx: Ctx) {
    const T: &str = "browser_dinas_adjudication";
    let rt = ctx.runtime().await;
    // One person recorded in Purwodadi, then again in Kedungjati under another NIK.
    let purwodadi = rt.staff_client("kec.purwodadi").await;
    let kedungjati = rt.staff_client("kec.kedungjati").await;
    let (first, first_code, stage) =
        record(rt, &purwodadi, &purwodadi_form(), "adj-a", 71, 0).await;
    assert_eq!(stage, "PRINT_READY_RECORD");
    let mut second_form = application_form("33.15.01", "33.15.01.2001");
    second_form["nik"] = json!("3315015211870004");
    let (held, held_code, stage) = record(rt, &kedungjati, &second_form, "adj-b", 71, 1).await;
    assert!(
        stage == "DUPLICATE_RECORD" || stage == "ADJUDICATE_RECORD",
        "{stage}"
    );

    let op = ctx.browser(DESKTOP.0, DESKTOP.1).await;
    sign_in_to(&op, rt, "dinas.operator", "/dinas").await;
    click_link(&op, "Adjudikasi").await;
    heading(&op, "Antrean kasus adjudikasi").await;
    wait_text(&op, &held_code, 30).await;
    wait_text(&op, "Orang lain mendapat skor setinggi ini", 5).await;
    op.screenshot(T, "01-case-queue").await;

    // Opening the case claims it; the figure: click to full view with the overlay drawn.
    let started = Instant::now();
    link(&op, &held_code).await.click().await.unwrap();
    wait_js(
        &op,
        "document.querySelector('svg.minutiae[data-pairs]') && document.querySelectorAll('table.finger-grid tbody tr').length === 10 && document.querySelectorAll('img.staff-image').length >= 2",
        60,
        "the case view with the overlay drawn",
    )
    .await;
    let open_ms = started.elapsed().as_millis();
    println!("figure: case opened to full view with overlay drawn in {open_ms} ms");
    let pairs = op
        .client
        .execute(
            "return Number(document.querySelector('svg.minutiae').dataset.pairs);",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        pairs.as_u64().unwrap() > 0,
        "paired minutiae drawn: {pairs}"
    );
    wait_text(&op, &first_code, 5).await;
    // The two NIKs differ, and that is said in words, not only by colour.
    wait_js(
        &op,
        "Array.from(document.querySelectorAll('table.demographics tr.differs th')).some(th => th.innerText.trim() === 'NIK')",
        5,
        "the NIK marked as differing",
    )
    .await;
    wait_text(&op, "≠ berbeda", 5).await;
    op.screenshot(T, "02-case-view").await;

    // A reason is required, said next to the field.
    click_button(&op, "Kirim usulan").await;
    wait_text(&op, "Pilih keputusan.", 5).await;
    op.find(Locator::XPath(
        "//label[contains(normalize-space(.), 'Duplikat dari kandidat')]/input",
    ))
    .await
    .click()
    .await
    .unwrap();
    click_button(&op, "Kirim usulan").await;
    wait_text(&op, "Tuliskan alasannya.", 5).await;
    type_into(
        &op,
        "Alasan (wajib)",
        "Sepuluh jari cocok dan wajah sama; NIK berbeda",
    )
    .await;
    click_button(&op, "Kirim usulan").await;
    wait_text(&op, "Menunggu persetujuan supervisor", 30).await;
    op.screenshot(T, "03-proposed").await;
    assert_eq!(stage_of(rt, &held), stage, "a proposal alone moves nothing");

    // The supervisor, in a second browser, opens the case and approves.
    let sup = ctx.browser(DESKTOP.0, DESKTOP.1).await;
    sign_in_to(&sup, rt, "dinas.supervisor", "/dinas").await;
    sup.client.goto(&rt.url("/dinas/adjudikasi")).await.unwrap();
    wait_text(&sup, "Menunggu supervisor (Operator Dinas)", 30).await;
    link(&sup, &held_code).await.click().await.unwrap();
    wait_text(&sup, "Tinjauan supervisor", 30).await;
    type_into(&sup, "Alasan tinjauan (wajib)", "Setuju: orang yang sama").await;
    sup.screenshot(T, "04-review").await;
    click_button(&sup, "Setujui").await;
    wait_text(&sup, "Disetujui", 30).await;
    let shown = sup
        .client
        .execute(
            "return document.querySelector('.outcome-stage').innerText.trim();",
            vec![],
        )
        .await
        .unwrap();
    let now = Stage::parse(&stage_of(rt, &held)).expect("a known stage");
    assert_eq!(now, Stage::DuplicateRecord, "held for the clarification");
    assert_eq!(shown, json!(now.label(Lang::Id)));
    assert_eq!(stage_of(rt, &first), "PRINT_READY_RECORD");
    sup.screenshot(T, "05-approved").await;
}

async fn surat_keterangan_is_issued_and_printed_on_a4(ctx: Ctx) {
    const T: &str = "browser_dinas_surat_keterangan";
    let rt = ctx.runtime().await;
    let purwodadi = rt.staff_client("kec.purwodadi").await;
    // A person of their own (no duplicate): printable, so a certificate may be issued.
    let (_, code, stage) = record(rt, &purwodadi, &purwodadi_form(), "sk", 83, 0).await;
    assert_eq!(stage, "PRINT_READY_RECORD");

    let b = ctx.browser(DESKTOP.0, DESKTOP.1).await;
    sign_in_to(&b, rt, "dinas.operator", "/dinas").await;
    click_link(&b, "Surat Keterangan").await;
    heading(&b, "Surat Keterangan").await;
    type_into(&b, "Kode pendaftaran", &code).await;
    click_button(&b, "Cari").await;
    wait_text(&b, "Belum ada surat keterangan", 30).await;
    click_button(&b, "Terbitkan Surat Keterangan").await;
    wait_js(
        &b,
        "document.querySelector('.sk-sheet svg.qr') && document.querySelector('.sk-sheet img.staff-image')",
        30,
        "the issued certificate with its QR and photo",
    )
    .await;
    for text in [
        "KTP-el belum dicetak",
        "SITI AMINAH",
        "3315135211870003",
        "SK-",
    ] {
        wait_text(&b, text, 5).await;
    }
    b.screenshot(T, "01-issued").await;
    // The print button opens the browser's print; the print view shows the sheet alone.
    b.client
        .execute(
            "window.__printed = 0; window.print = () => { window.__printed += 1; };",
            vec![],
        )
        .await
        .unwrap();
    click_button(&b, "Cetak").await;
    wait_js(&b, "window.__printed === 1", 5, "window.print called").await;
    emulate_media(&b, Some("print")).await;
    let hidden = b
        .client
        .execute(
            "return [getComputedStyle(document.querySelector('.staff-bar')).display, getComputedStyle(document.querySelector('.sk-application')).display, getComputedStyle(document.querySelector('.sk-sheet')).display];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(hidden, json!(["none", "none", "block"]));
    b.screenshot(T, "02-print-view").await;
    emulate_media(&b, None).await;

    // Reprint: the same certificate comes back after a reload.
    b.client.refresh().await.unwrap();
    type_into(&b, "Kode pendaftaran", &code).await;
    click_button(&b, "Cari").await;
    wait_js(
        &b,
        "document.querySelector('.sk-sheet svg.qr')",
        30,
        "the reprint",
    )
    .await;
    wait_text(&b, "Berlaku", 5).await;
    assert_eq!(
        by_label(&b, "Alasan pencabutan (wajib)")
            .await
            .prop("disabled")
            .await
            .unwrap()
            .as_deref(),
        Some("true"),
        "an operator cannot revoke"
    );
}

/// A real face JPEG and signature PNG drawn by the browser's own encoders (base64), so the
/// card preview shows real pictures.
async fn drawn_face_and_signature(b: &Browser) -> (String, String) {
    let v = b
        .client
        .execute(
            r#"const f = document.createElement('canvas'); f.width = 300; f.height = 400;
               const x = f.getContext('2d');
               x.fillStyle = '#d9363e'; x.fillRect(0, 0, 300, 400);
               x.fillStyle = '#c99a73'; x.beginPath(); x.ellipse(150, 190, 85, 110, 0, 0, 7); x.fill();
               x.fillStyle = '#222'; x.fillRect(110, 160, 20, 10); x.fillRect(170, 160, 20, 10);
               x.fillRect(130, 250, 40, 6);
               const s = document.createElement('canvas'); s.width = 300; s.height = 100;
               const y = s.getContext('2d'); y.lineWidth = 4; y.strokeStyle = '#000';
               y.beginPath(); y.moveTo(20, 70); y.bezierCurveTo(80, 0, 120, 120, 180, 40);
               y.lineTo(280, 60); y.stroke();
               return [f.toDataURL('image/jpeg', 0.85).split(',')[1], s.toDataURL('image/png').split(',')[1]];"#,
            vec![],
        )
        .await
        .unwrap();
    (
        v[0].as_str().unwrap().to_string(),
        v[1].as_str().unwrap().to_string(),
    )
}

async fn print_queue_to_run_preview_and_printed_cards(ctx: Ctx) {
    const T: &str = "browser_dinas_printing";
    let rt = ctx.runtime().await;
    let purwodadi = rt.staff_client("kec.purwodadi").await;
    let b = ctx.browser(DESKTOP.0, DESKTOP.1).await;
    b.client.goto(&rt.url("/staf/masuk")).await.unwrap();
    let (face, signature) = drawn_face_and_signature(&b).await;
    // Three residents of Purwodadi, printable, one with a name that takes both card lines.
    let mut apps = Vec::new();
    for (n, person) in [9701u64, 9702, 9703].into_iter().enumerate() {
        let mut form = tests::printing::person_form("33.15.13", "33.15.13.2001", person);
        if n == 0 {
            form["full_name"] = json!("MUHAMMAD ABDURRAHMAN WAHYUDI SETIAWAN NUGROHO");
        }
        let mut body = recording_body(&format!("printing-{person}-recording"), |p| {
            synthetic_finger(person, 0, p)
        });
        body["face_jpeg_base64"] = json!(face);
        body["signature_png_base64"] = json!(signature);
        let key = format!("printing-{person}");
        let id = tests::printing::submit_and_record(rt, &purwodadi, &form, &key, &body).await;
        assert_eq!(
            tests::printing::decided(&purwodadi, &id).await,
            "PRINT_READY_RECORD"
        );
        let code = purwodadi
            .get_json(&format!("/api/staff/applications/{id}"))
            .await["registration_code"]
            .as_str()
            .unwrap()
            .to_string();
        apps.push((id, code));
    }

    sign_in_to(&b, rt, "dinas.operator", "/dinas").await;
    click_link(&b, "Pencetakan").await;
    heading(&b, "Pencetakan KTP-el").await;
    for (_, code) in &apps {
        wait_text(&b, code, 30).await;
        tests::browser::find::field(&b, &format!("Pilih {code}"))
            .await
            .click()
            .await
            .unwrap();
    }
    b.screenshot(T, "01-print-queue").await;
    click_button(&b, "Buat cetakan (3 dipilih)").await;
    wait_js(
        &b,
        "/^\\/dinas\\/cetak\\/[0-9a-f]+$/.test(location.pathname)",
        30,
        "the new run's page",
    )
    .await;
    wait_text(&b, "Buku blangko", 30).await;
    for (_, code) in &apps {
        wait_text(&b, code, 10).await;
    }
    wait_text(&b, "KTP-el sedang dicetak", 10).await;
    b.screenshot(T, "02-print-run").await;

    // The preview: every card drawn at ID-1 size with its photo; the time it takes is printed.
    let started = Instant::now();
    click_link(&b, "Pratinjau dan cetak kartu").await;
    wait_js(
        &b,
        "document.querySelectorAll('.ktp-front').length === 3 && \
         [...document.querySelectorAll('.ktp-card img.staff-image')].length === 6 && \
         [...document.querySelectorAll('.ktp-card img.staff-image')].every(i => i.complete && i.naturalWidth > 0)",
        60,
        "three cards with their photos and signatures",
    )
    .await;
    let render = started.elapsed();
    eprintln!(
        "card previews: 3 cards rendered in {} ms (click to every card and image shown)",
        render.as_millis()
    );
    for text in [
        "PROVINSI JAWA TENGAH",
        "KABUPATEN GROBOGAN",
        "SEUMUR HIDUP",
        "MUHAMMAD ABDURRAHMAN WAHYUDI",
        "SETIAWAN NUGROHO",
        "Gol. Darah",
    ] {
        wait_text(&b, text, 5).await;
    }
    // ID-1 at CSS's 96 px an inch, and no value wider than its column: nothing is cut.
    let geometry = b
        .client
        .execute(
            "const r = document.querySelector('.ktp-front').getBoundingClientRect(); \
             const over = [...document.querySelectorAll('.ktp-value')].filter(v => v.scrollWidth > v.clientWidth + 1).length; \
             return [Math.round(r.width * 10) / 10, Math.round(r.height * 10) / 10, over];",
            vec![],
        )
        .await
        .unwrap();
    let mm = |px: f64| px * 25.4 / 96.0;
    assert!(
        (mm(geometry[0].as_f64().unwrap()) - 85.6).abs() < 0.3,
        "{geometry}"
    );
    assert!(
        (mm(geometry[1].as_f64().unwrap()) - 53.98).abs() < 0.3,
        "{geometry}"
    );
    assert_eq!(geometry[2], json!(0), "a value overflows its column");
    b.screenshot(T, "03-card-preview").await;
    // The print view is the cards alone.
    b.client
        .execute(
            "window.__printed = 0; window.print = () => { window.__printed += 1; };",
            vec![],
        )
        .await
        .unwrap();
    click_button(&b, "Cetak kartu").await;
    wait_js(&b, "window.__printed === 1", 5, "window.print called").await;
    emulate_media(&b, Some("print")).await;
    let shown = b
        .client
        .execute(
            "return [getComputedStyle(document.querySelector('.staff-bar')).display, \
                     getComputedStyle(document.querySelector('.card-preview h1')).display, \
                     getComputedStyle(document.querySelector('.ktp-front')).display];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(shown, json!(["none", "none", "block"]));
    b.screenshot(T, "04-print-view").await;
    emulate_media(&b, None).await;

    // Back at the run: each card's blank serial, then printed.
    click_link(&b, "Kembali ke cetakan").await;
    wait_text(&b, "Buku blangko", 30).await;
    for (n, (_, code)) in apps.iter().enumerate() {
        tests::browser::find::field(&b, &format!("Nomor seri blangko untuk {code}"))
            .await
            .send_keys(&format!("KTPB-9700{n}"))
            .await
            .unwrap();
        let xpath =
            format!("//tr[td[normalize-space(.)='{code}']]//button[normalize-space(.)='Tercetak']");
        b.find(Locator::XPath(&xpath)).await.click().await.unwrap();
        wait_text(&b, &format!("KTPB-9700{n}"), 30).await;
    }
    wait_text(&b, "Seimbang", 30).await;
    click_button(&b, "Tutup cetakan").await;
    wait_text(&b, "Ditutup", 30).await;
    b.screenshot(T, "05-run-closed").await;
    for (id, _) in &apps {
        assert_eq!(stage_of(rt, id), "CARD_PRINTED");
    }
}
