//! Browser journeys of the regency office (dinas) console at desktop size (1440x900) in real
//! headless Chromium against the real worker runtime: sign-in lands each role where it works;
//! a person recorded under two NIKs is a case in the queue, whose view draws the aligned
//! minutiae; an operator proposes *duplicate of* and a supervisor in a second browser approves,
//! both residents' status pages say so, and the clarification with the resident cancels the
//! second application; at 1280x800 the case view fits and a *not a duplicate* approval makes the
//! application printable and enrols the person, so a third recording is caught, and identity
//! fraud found at its clarification is flagged where supervisors look; a Surat Keterangan is
//! issued and shown as its A4 print view, and a phone reads its printed QR with the camera on `/v`:
//! valid, also with the network cut, revoked once a supervisor revoked it, and a changed payload
//! is not genuine. Fingerprints are SYNTHETIC
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
use tests::browser::act::{choose, click_button, click_link, pick, type_into};
use tests::browser::camera::{fake_camera_args, picture_video};
use tests::browser::find::{by_label, heading, link, value_of};
use tests::browser::network::{emulate_media, set_offline};
use tests::browser::staff_console::fill_sign_in;
use tests::browser::wait::{wait_cached, wait_js, wait_text, wait_text_in};
use tests::fixtures::{
    application_form, purwodadi_form, recording_body, submit_application, synthetic_finger,
};
use tests::suite::Ctx;
use tests::{Browser, Runtime, StaffClient};

/// The dinas desktop's viewport.
const DESKTOP: (u32, u32) = (1440, 900);
/// A resident's or a verifier's phone.
const PHONE: (u32, u32) = (412, 915);
/// The smallest desktop the console must stay usable on.
const SMALL_DESKTOP: (u32, u32) = (1280, 800);

/// The clarification outcome "the same person applying again", as the form words it.
const SAME_PERSON: &str =
    "Orang yang sama mendaftar lagi — permohonan baru dibatalkan dan ditautkan ke rekaman yang ada";
/// The clarification outcome "identity fraud", as the form words it.
const FRAUD: &str = "Pemalsuan identitas — dibatalkan, ditahan, dan ditandai untuk supervisor";

fn main() -> ExitCode {
    tests::suite::run(tests::cases![
        sign_in_lands_each_role_on_its_console,
        operator_proposes_duplicate_and_a_supervisor_approves_it,
        not_a_duplicate_at_1280x800_then_a_third_recording_is_caught,
        surat_keterangan_is_printed_then_checked_by_phone_camera_also_offline_until_revoked,
        dashboard_draws_its_figures,
        administrator_creates_an_operator_who_works_in_one_kecamatan,
        supervisor_reads_a_persons_audit_trail_and_their_report,
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
    // A section's link opens it and marks it as the current one.
    b.find(Locator::XPath(
        "//nav[@class='staff-bar']//a[normalize-space(.)='Distribusi']",
    ))
    .await
    .click()
    .await
    .unwrap();
    heading(&b, "Distribusi KTP-el").await;
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
    b.screenshot(T, "02-distribution-section").await;
    click_button(&b, "Keluar").await;
    heading(&b, "Masuk petugas").await;

    // The supervisor lands here too; an administrator in the staff administration.
    sign_in_to(&b, rt, "dinas.supervisor", "/dinas").await;
    wait_text(&b, "Supervisor dinas", 15).await;
    click_button(&b, "Keluar").await;
    heading(&b, "Masuk petugas").await;
    sign_in_to(&b, rt, "admin", "/staf/administrasi").await;
    heading(&b, "Akun petugas").await;
    b.screenshot(T, "03-administrator").await;
}

/// Opens the public status page of `code` and waits until it names `stage`.
async fn public_status_is(b: &Browser, rt: &Runtime, code: &str, stage: Stage) {
    b.client.goto(&rt.url(&format!("/s/{code}"))).await.unwrap();
    wait_js(
        b,
        &format!(
            "document.querySelector('.stage-name') && document.querySelector('.stage-name').innerText.trim() === {}",
            json!(stage.label(Lang::Id))
        ),
        30,
        &format!("the status page of {code} saying {stage:?}"),
    )
    .await;
}

/// Opens the case at `case_path` and waits for its full view with the overlay drawn; the time
/// it took, in ms.
async fn open_case_view(b: &Browser, case_path: &str) -> u128 {
    let started = Instant::now();
    link_to(b, case_path).await;
    wait_js(
        b,
        "document.querySelector('svg.minutiae[data-pairs]') && document.querySelectorAll('table.finger-grid tbody tr').length === 10 && document.querySelectorAll('img.staff-image').length >= 2",
        60,
        "the case view with the overlay drawn",
    )
    .await;
    started.elapsed().as_millis()
}

/// Clicks the queue's link to `case_path`.
async fn link_to(b: &Browser, case_path: &str) {
    b.find(Locator::Css(&format!("a[href='{case_path}']")))
        .await
        .click()
        .await
        .unwrap();
}

/// The page has no horizontal overflow and the control `selector` can be scrolled to and
/// clicked (nothing covers it); the viewport's size for the message.
async fn fits_and_reaches(b: &Browser, selector: &str) {
    let found = b
        .client
        .execute(
            "const [sel] = arguments;
             const doc = document.documentElement;
             const page = document.querySelector('.case-page');
             const el = document.querySelector(sel);
             el.scrollIntoView({block: 'center', inline: 'nearest'});
             const r = el.getBoundingClientRect();
             const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
             return {
               doc: [doc.scrollWidth, doc.clientWidth],
               page: [page.scrollWidth, page.clientWidth],
               inside: r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight,
               reachable: hit === el || el.contains(hit),
               disabled: el.disabled === true,
             };",
            vec![json!(selector)],
        )
        .await
        .unwrap();
    let pair = |k: &str| (found[k][0].as_u64().unwrap(), found[k][1].as_u64().unwrap());
    let (doc, page) = (pair("doc"), pair("page"));
    assert!(doc.0 <= doc.1, "the page scrolls sideways: {found}");
    assert!(page.0 <= page.1, "the case view overflows: {found}");
    assert_eq!(
        found["inside"],
        json!(true),
        "{selector} not in view: {found}"
    );
    assert_eq!(
        found["reachable"],
        json!(true),
        "{selector} is covered: {found}"
    );
    assert_eq!(
        found["disabled"],
        json!(false),
        "{selector} is disabled: {found}"
    );
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
        let stage = rt.stage_of(&id);
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
    let case_path = link(&op, &held_code)
        .await
        .attr("href")
        .await
        .unwrap()
        .expect("the case link");
    let open_ms = open_case_view(&op, &case_path).await;
    println!("figure: case opened to full view with overlay drawn in {open_ms} ms at 1440x900");
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
    assert_eq!(rt.stage_of(&held), stage, "a proposal alone moves nothing");

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
    let now = Stage::parse(&rt.stage_of(&held)).expect("a known stage");
    assert_eq!(now, Stage::DuplicateRecord, "held for the clarification");
    assert_eq!(shown, json!(now.label(Lang::Id)));
    assert_eq!(rt.stage_of(&first), "PRINT_READY_RECORD");
    sup.screenshot(T, "05-approved").await;

    // Each resident's status page says where they stand, and nothing of the other person.
    public_status_is(&sup, rt, &first_code, Stage::PrintReadyRecord).await;
    public_status_is(&sup, rt, &held_code, Stage::DuplicateRecord).await;
    wait_text(&sup, "Datang langsung ke Dinas", 5).await;
    let page = sup
        .client
        .execute("return document.body.innerText;", vec![])
        .await
        .unwrap();
    assert!(!page.as_str().unwrap().contains(&first_code), "{page}");
    sup.screenshot(T, "06-status-held").await;

    // The resident comes to the dinas: the operator records the visit. Nothing filled in: each
    // problem is said next to its field.
    op.client.goto(&rt.url(&case_path)).await.unwrap();
    wait_text(&op, "Klarifikasi dengan penduduk", 30).await;
    click_button(&op, "Simpan klarifikasi").await;
    wait_text(&op, "Tuliskan keterangan penduduk.", 5).await;
    wait_text(&op, "Pilih hasil klarifikasi.", 5).await;
    type_into(
        &op,
        "Keterangan penduduk (wajib)",
        "Sudah merekam di Purwodadi, lupa; mendaftar lagi dengan NIK dari KK baru",
    )
    .await;
    pick(&op, "KTP lama").await;
    pick(&op, "Kartu Keluarga (KK)").await;
    pick(&op, SAME_PERSON).await;
    op.screenshot(T, "07-clarification").await;
    click_button(&op, "Simpan klarifikasi").await;
    wait_js(
        &op,
        &format!(
            "document.querySelector('.outcome-stage') && document.querySelector('.outcome-stage').innerText.trim() === {}",
            json!(Stage::Cancelled.label(Lang::Id))
        ),
        30,
        "the second application cancelled",
    )
    .await;
    assert_eq!(rt.stage_of(&held), "CANCELLED");
    assert_eq!(rt.stage_of(&first), "PRINT_READY_RECORD");
    let linked = rt.d1_query(&format!(
        "SELECT existing_application_id, outcome, documents_json FROM clarifications WHERE application_id = '{held}'"
    ));
    assert_eq!(
        linked[0]["existing_application_id"],
        json!(first),
        "{linked}"
    );
    assert_eq!(linked[0]["outcome"], json!("same_person_applying_again"));
    assert_eq!(
        linked[0]["documents_json"],
        json!(r#"["family_card","old_ktp"]"#)
    );
    op.screenshot(T, "08-clarified").await;
    public_status_is(&op, rt, &held_code, Stage::Cancelled).await;
    public_status_is(&op, rt, &first_code, Stage::PrintReadyRecord).await;
}

async fn not_a_duplicate_at_1280x800_then_a_third_recording_is_caught(ctx: Ctx) {
    const T: &str = "browser_dinas_not_duplicate";
    let rt = ctx.runtime().await;
    let purwodadi = rt.staff_client("kec.purwodadi").await;
    let kedungjati = rt.staff_client("kec.kedungjati").await;
    let (first, _, stage) = record(rt, &purwodadi, &purwodadi_form(), "nd-a", 72, 0).await;
    assert_eq!(stage, "PRINT_READY_RECORD");
    let mut second_form = application_form("33.15.01", "33.15.01.2001");
    second_form["nik"] = json!("3315015211870005");
    let (held, held_code, stage) = record(rt, &kedungjati, &second_form, "nd-b", 72, 1).await;
    assert!(
        stage == "DUPLICATE_RECORD" || stage == "ADJUDICATE_RECORD",
        "{stage}"
    );

    // The operator on the smallest desktop: the case view fits, the decision is in reach.
    let op = ctx.browser(SMALL_DESKTOP.0, SMALL_DESKTOP.1).await;
    sign_in_to(&op, rt, "dinas.operator", "/dinas").await;
    op.client.goto(&rt.url("/dinas/adjudikasi")).await.unwrap();
    let case_path = link(&op, &held_code)
        .await
        .attr("href")
        .await
        .unwrap()
        .expect("the case link");
    let open_ms = open_case_view(&op, &case_path).await;
    println!("figure: case opened to full view with overlay drawn in {open_ms} ms at 1280x800");
    op.screenshot(T, "01-case-view-1280x800").await;
    fits_and_reaches(&op, ".proposal-form button[type=submit]").await;
    fits_and_reaches(&op, "svg.minutiae").await;
    op.find(Locator::XPath(
        "//label[contains(normalize-space(.), 'Bukan duplikat')]/input",
    ))
    .await
    .click()
    .await
    .unwrap();
    type_into(
        &op,
        "Alasan (wajib)",
        "Kembar identik: wajah dan data berbeda, sidik jari berlainan pada tiga jari",
    )
    .await;
    click_button(&op, "Kirim usulan").await;
    wait_text(&op, "Menunggu persetujuan supervisor", 30).await;

    let sup = ctx.browser(SMALL_DESKTOP.0, SMALL_DESKTOP.1).await;
    sign_in_to(&sup, rt, "dinas.supervisor", "/dinas").await;
    sup.client.goto(&rt.url("/dinas/adjudikasi")).await.unwrap();
    link(&sup, &held_code).await.click().await.unwrap();
    wait_text(&sup, "Tinjauan supervisor", 30).await;
    fits_and_reaches(&sup, ".review-panel button.primary").await;
    sup.screenshot(T, "02-review-1280x800").await;
    type_into(&sup, "Alasan tinjauan (wajib)", "Setuju: dua orang berbeda").await;
    click_button(&sup, "Setujui").await;
    wait_js(
        &sup,
        &format!(
            "document.querySelector('.outcome-stage') && document.querySelector('.outcome-stage').innerText.trim() === {}",
            json!(Stage::PrintReadyRecord.label(Lang::Id))
        ),
        30,
        "the application printable",
    )
    .await;
    assert_eq!(rt.stage_of(&held), "PRINT_READY_RECORD");
    public_status_is(&sup, rt, &held_code, Stage::PrintReadyRecord).await;
    // The person joined the gallery after the approval.
    let enrolled = rt.d1_count(&format!(
        "SELECT COUNT(*) AS n FROM pending_enrolments WHERE application_id = '{held}' AND enrolled_at IS NOT NULL"
    ));
    assert_eq!(enrolled, 1, "the approved person is enrolled");

    // A third recording of that person, under yet another NIK, is caught and queued.
    let mut third_form = application_form("33.15.01", "33.15.01.2001");
    third_form["nik"] = json!("3315015211870006");
    let (third, third_code, stage) = record(rt, &kedungjati, &third_form, "nd-c", 72, 2).await;
    assert!(
        stage == "DUPLICATE_RECORD" || stage == "ADJUDICATE_RECORD",
        "the third recording was not caught: {stage}"
    );
    let third_case = rt.d1_query(&format!(
        "SELECT case_id FROM case_applications WHERE application_id = '{third}'"
    ))[0]["case_id"]
        .as_str()
        .expect("the third recording's case")
        .to_string();
    if stage == "ADJUDICATE_RECORD" {
        // Held for the resident first: *duplicate of* by two people, through the API.
        duplicate_by_two(rt, &third_case, &third, &first).await;
    }
    op.client.goto(&rt.url("/dinas/adjudikasi")).await.unwrap();
    wait_text(&op, &third_code, 30).await;
    let third_path = format!("/dinas/adjudikasi/{third_case}");
    open_case_view(&op, &third_path).await;

    // At its clarification the resident turns out to be using someone else's identity: the
    // application is cancelled and the supervisors see the flag above their queue.
    fits_and_reaches(&op, ".clarification-form button[type=submit]").await;
    type_into(
        &op,
        "Keterangan penduduk (wajib)",
        "Mengaku orang lain; KK yang dibawa bukan miliknya",
    )
    .await;
    pick(&op, "Lainnya").await;
    pick(&op, FRAUD).await;
    click_button(&op, "Simpan klarifikasi").await;
    wait_js(
        &op,
        &format!(
            "document.querySelector('.outcome-stage') && document.querySelector('.outcome-stage').innerText.trim() === {}",
            json!(Stage::Cancelled.label(Lang::Id))
        ),
        30,
        "the third application cancelled",
    )
    .await;
    assert_eq!(rt.stage_of(&third), "CANCELLED");
    sup.client.goto(&rt.url("/dinas/adjudikasi")).await.unwrap();
    heading(&sup, "Tanda untuk supervisor").await;
    wait_js(
        &sup,
        &format!(
            "Array.from(document.querySelectorAll('table.flags tr[data-kind=identity_fraud] a')).some(a => a.innerText.trim() === {})",
            json!(third_code)
        ),
        30,
        "the fraud flag in the supervisor's list",
    )
    .await;
    sup.screenshot(T, "03-flag-for-supervisor").await;
    link(&sup, &third_code).await.click().await.unwrap();
    wait_text(&sup, "KK yang dibawa bukan miliknya", 30).await;
    sup.screenshot(T, "04-flagged-case").await;
    // An operator is not shown the supervisors' list.
    assert!(op
        .client
        .find_all(Locator::Css("section.flag-list"))
        .await
        .unwrap()
        .is_empty());
}

/// *Duplicate of* `candidate` for `application` in `case`: the operator proposes and the
/// supervisor approves, through the API (the browser journeys above show the same by hand).
async fn duplicate_by_two(rt: &Runtime, case: &str, application: &str, candidate: &str) {
    let write = |staff: StaffClient, path: String, key: &'static str, body: Value| async move {
        let opened = staff
            .get(&format!("/api/dinas/cases/{case}"))
            .send()
            .await
            .unwrap();
        assert!(opened.status().is_success(), "open {case}");
        let resp = staff
            .post(&path)
            .header(
                "Idempotency-Key",
                format!("browser-dinas-{key}-{application}"),
            )
            .json(&body)
            .send()
            .await
            .unwrap();
        assert!(resp.status().is_success(), "{path}: {}", resp.status());
        resp.json::<Value>().await.unwrap()
    };
    let proposed = write(
        rt.staff_client("dinas.operator").await,
        format!("/api/dinas/cases/{case}/proposals"),
        "propose",
        json!({
            "application_id": application,
            "decision": "duplicate",
            "reason": "Sidik jari cocok dengan rekaman yang sudah ada",
            "candidate_application_id": candidate,
        }),
    )
    .await;
    let proposal = proposed["proposal"]["id"].as_str().expect("a proposal id");
    write(
        rt.staff_client("dinas.supervisor").await,
        format!("/api/dinas/cases/{case}/proposals/{proposal}/approve"),
        "approve",
        json!({ "reason": "Setuju" }),
    )
    .await;
    assert_eq!(rt.stage_of(application), "DUPLICATE_RECORD");
}

async fn surat_keterangan_is_printed_then_checked_by_phone_camera_also_offline_until_revoked(
    ctx: Ctx,
) {
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
    // The QR as printed is what the phone's camera will see.
    let qr = b.find(Locator::Css(".sk-sheet svg.qr")).await;
    b.client
        .execute(
            "arguments[0].scrollIntoView({block: 'center'});",
            vec![serde_json::to_value(&qr).unwrap()],
        )
        .await
        .unwrap();
    let printed_qr = qr.screenshot().await.unwrap();
    let number = b
        .client
        .execute(
            "return document.querySelector('.sk-number .code').innerText.trim();",
            vec![],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap()
        .to_string();
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

    // Anyone checks it with a phone camera on /v (Chromium's fake camera plays the printed QR).
    let picture = biometrics::codec::decode_image(&printed_qr).expect("the QR screenshot");
    // Chromium reads the fake camera's file format from its extension.
    let video = tempfile::Builder::new().suffix(".y4m").tempfile().unwrap();
    std::fs::write(video.path(), picture_video(&picture)).unwrap();
    let phone = ctx
        .browser_with_args(PHONE.0, PHONE.1, &fake_camera_args(video.path()))
        .await;
    phone.client.goto(&rt.url("/v")).await.unwrap();
    heading(&phone, "Periksa Surat Keterangan").await;
    let scanned = scan_verdict(&phone, "SAH").await;
    wait_text_in(&phone, "//dd", &number).await;
    wait_text_in(&phone, "//dd", "SITI AMINAH").await;
    println!(
        "figure: /v camera decode {} ms (the frame that held the QR), signature check {} ms",
        scanned.0, scanned.1
    );
    phone.screenshot(T, "03-phone-camera-valid").await;

    // With the network cut: the page, the decoder and the keys come from the device.
    for path in [
        "/pkg/public_bg.wasm",
        "/pkg/qr_decode_bg.wasm",
        "/qr-worker.js",
    ] {
        wait_cached(&phone, path, 60).await;
    }
    set_offline(&phone, true).await;
    phone.client.goto(&rt.url("/v")).await.unwrap();
    heading(&phone, "Periksa Surat Keterangan").await;
    scan_verdict(&phone, "SAH").await;
    wait_text_in(&phone, "//dd", &number).await;
    phone.screenshot(T, "04-phone-camera-offline-valid").await;

    // A supervisor revokes it; once the phone is online again its list is refreshed: revoked.
    let supervisor = rt.staff_client("dinas.supervisor").await;
    let revoked = supervisor
        .post(&format!("/api/dinas/certificates/{number}/revoke"))
        .header("Idempotency-Key", format!("browser-dinas-revoke-{number}"))
        .json(&json!({ "reason": "Diterbitkan untuk permohonan yang salah" }))
        .send()
        .await
        .unwrap();
    assert!(
        revoked.status().is_success(),
        "revoke: {}",
        revoked.status()
    );
    set_offline(&phone, false).await;
    phone.client.goto(&rt.url("/v")).await.unwrap();
    heading(&phone, "Periksa Surat Keterangan").await;
    scan_verdict(&phone, "DICABUT").await;
    phone.screenshot(T, "05-phone-camera-revoked").await;

    // A payload changed by one character is caught as not genuine.
    let read = value_of(&phone, "Teks kode QR").await;
    let mut chars: Vec<char> = read.chars().collect();
    let mid = chars.len() / 2;
    chars[mid] = if chars[mid] == 'A' { 'B' } else { 'A' };
    type_into(
        &phone,
        "Teks kode QR",
        &chars.into_iter().collect::<String>(),
    )
    .await;
    click_button(&phone, "Periksa").await;
    wait_text_in(&phone, "//section[@role='alert']//h2", "TIDAK ASLI").await;
    phone.screenshot(T, "06-tampered").await;
}

/// Opens the camera on /v, waits for the verdict whose heading contains `verdict`; the decode
/// and signature-check times (ms) the page recorded.
async fn scan_verdict(phone: &Browser, verdict: &str) -> (String, String) {
    click_button(phone, "Pindai dengan kamera").await;
    wait_js(
        phone,
        &format!(
            "Array.from(document.querySelectorAll('section[aria-labelledby=verdict] h2')).some(h => h.innerText.includes({}))",
            json!(verdict)
        ),
        30,
        &format!("the verdict {verdict}"),
    )
    .await;
    let times = wait_js(
        phone,
        "(() => { const v = document.querySelector('.verification'); return v && v.dataset.decodeMs && [v.dataset.decodeMs, v.dataset.checkMs]; })()",
        10,
        "the scan's timings",
    )
    .await;
    (
        times[0].as_str().unwrap().to_string(),
        times[1].as_str().unwrap().to_string(),
    )
}

/// The dashboard opens from the console's bar and draws its charts from the edge's figures.
async fn dashboard_draws_its_figures(ctx: Ctx) {
    const T: &str = "browser_dinas_dashboard";
    let rt = ctx.runtime().await;
    // At least one application submitted today, whatever the other cases did.
    submit_application(
        &rt.base_url,
        "dinas-dashboard-application",
        &purwodadi_form(),
    )
    .await;
    let b = ctx.browser(DESKTOP.0, DESKTOP.1).await;
    sign_in_to(&b, rt, "dinas.operator", "/dinas").await;
    b.find(Locator::XPath(
        "//nav[@class='staff-bar']//a[normalize-space(.)='Dasbor']",
    ))
    .await
    .click()
    .await
    .unwrap();
    heading(&b, "Dasbor pelayanan KTP-el").await;
    assert_eq!(
        b.client.current_url().await.unwrap().path(),
        "/dinas/dasbor"
    );
    // 28 day columns, today's not empty; a bar per open stage; a Purwodadi row in the matrix.
    let bars = wait_js(
        &b,
        "(c => c.length === 2 && [c[0].querySelectorAll('rect').length, \
           Number(c[0].querySelectorAll('rect')[27].getAttribute('height')), \
           c[1].querySelectorAll('rect').length])(document.querySelectorAll('svg.chart'))",
        30,
        "the dashboard's two charts",
    )
    .await;
    assert_eq!(bars[0], json!(28), "{bars}");
    assert!(bars[1].as_f64().unwrap() > 0.0, "today's column: {bars}");
    assert!(bars[2].as_u64().unwrap() >= 1, "{bars}");
    wait_text(&b, "Purwodadi", 15).await;
    wait_text(&b, "Permohonan berjalan", 15).await;
    b.screenshot(T, "01-dashboard").await;
}

/// The administrator creates a kecamatan operator (a weak password first, refused by field);
/// the operator signs in, must choose their own password, and sees only their kecamatan.
async fn administrator_creates_an_operator_who_works_in_one_kecamatan(ctx: Ctx) {
    const T: &str = "browser_dinas_admin";
    let rt = ctx.runtime().await;
    let (own, _) = submit_application(
        &rt.base_url,
        "dinas-admin-own-application",
        &purwodadi_form(),
    )
    .await;
    let (other, _) = submit_application(
        &rt.base_url,
        "dinas-admin-other-application",
        &application_form("33.15.01", "33.15.01.2001"),
    )
    .await;
    let b = ctx.browser(DESKTOP.0, DESKTOP.1).await;
    sign_in_to(&b, rt, "admin", "/staf/administrasi").await;
    heading(&b, "Akun petugas").await;
    type_into(&b, "Nama pengguna", "kec.purwodadi.dua").await;
    type_into(&b, "Nama lengkap", "Operator Kedua Purwodadi").await;
    choose(&b, "Peran", "Operator kecamatan").await;
    wait_js(
        &b,
        "document.querySelectorAll('#acc-kecamatan option').length > 1",
        15,
        "the kecamatan list",
    )
    .await;
    choose(&b, "Kecamatan", "Purwodadi").await;
    type_into(&b, "Kata sandi awal", "pendek").await;
    click_button(&b, "Buat akun").await;
    wait_text(&b, "Kata sandi minimal 12 karakter", 15).await;
    b.screenshot(T, "01-password-refused").await;
    let first = "kartu-baru-purwodadi";
    type_into(&b, "Kata sandi awal", first).await;
    click_button(&b, "Buat akun").await;
    wait_text(&b, "Akun dibuat: kec.purwodadi.dua", 15).await;
    wait_text(&b, "Harus ganti sandi", 15).await;
    b.screenshot(T, "02-account-created").await;
    click_button(&b, "Keluar").await;
    heading(&b, "Masuk petugas").await;

    type_into(&b, "Nama pengguna", "kec.purwodadi.dua").await;
    type_into(&b, "Kata sandi", first).await;
    click_button(&b, "Masuk").await;
    heading(&b, "Ganti kata sandi").await;
    assert_eq!(
        b.client.current_url().await.unwrap().path(),
        "/staf/ganti-sandi"
    );
    type_into(&b, "Kata sandi saat ini", first).await;
    type_into(&b, "Kata sandi baru", "sawah hijau di purwodadi").await;
    type_into(&b, "Ulangi kata sandi baru", "sawah hijau di purwodadi").await;
    b.screenshot(T, "03-change-password").await;
    click_button(&b, "Simpan kata sandi").await;
    wait_js(
        &b,
        "location.pathname === '/kecamatan'",
        30,
        "the operator's queue",
    )
    .await;
    heading(&b, "Antrean permohonan").await;
    wait_text(&b, &own, 30).await;
    let page = b
        .client
        .execute("return document.body.innerText;", vec![])
        .await
        .unwrap();
    assert!(
        !page.as_str().unwrap().contains(&other),
        "another kecamatan's application is shown"
    );
    wait_text(&b, "Purwodadi", 15).await;
    b.screenshot(T, "04-operator-queue").await;
}

async fn supervisor_reads_a_persons_audit_trail_and_their_report(ctx: Ctx) {
    const T: &str = "browser_dinas_audit";
    let rt = ctx.runtime().await;
    let purwodadi = rt.staff_client("kec.purwodadi").await;
    let (code, id) =
        tests::fixtures::purwodadi_application(rt, "browser-audit-application-1").await;
    let read = purwodadi
        .get(&format!("/api/staff/applications/{id}"))
        .send()
        .await
        .unwrap();
    assert!(read.status().is_success());
    let compact: String = code.chars().filter(|c| *c != '-').collect();

    let b = ctx.browser(DESKTOP.0, DESKTOP.1).await;
    sign_in_to(&b, rt, "dinas.supervisor", "/dinas").await;
    click_link(&b, "Audit").await;
    heading(&b, "Log audit").await;
    // The newest rows show at once; then the person's trail, asked for in the form.
    wait_js(
        &b,
        "document.querySelector('table.audit-rows tbody tr')",
        30,
        "the newest rows",
    )
    .await;
    type_into(&b, "Penduduk (NIK atau kode registrasi)", &code).await;
    click_button(&b, "Tampilkan").await;
    wait_js(
        &b,
        &format!(
            "(() => {{ const cells = [...document.querySelectorAll('table.audit-rows tbody tr td:nth-child(5)')]; \
             return cells.length >= 1 && cells.every(c => c.innerText.trim() === {}) \
             && [...document.querySelectorAll('table.audit-rows tbody tr td:nth-child(4)')].some(c => c.innerText.trim() === 'application.read'); }})()",
            json!(compact)
        ),
        30,
        "only the person's rows, their reading among them",
    )
    .await;
    let href: String = serde_json::from_value(
        b.client
            .execute("return location.href;", vec![])
            .await
            .unwrap(),
    )
    .unwrap();
    assert!(
        !href.contains(&compact) && !href.contains(&code),
        "the person is not in the URL: {href}"
    );
    click_button(&b, "Periksa rantai").await;
    wait_text(&b, "Rantai utuh.", 30).await;
    b.screenshot(T, "01-trail-and-chain").await;

    // The subject-access report, printable and as a JSON file.
    click_link(&b, "Permintaan akses data pribadi").await;
    heading(&b, "Akses data pribadi").await;
    type_into(&b, "NIK penduduk", "3315135211870003").await;
    click_button(&b, "Buat laporan").await;
    wait_text(&b, "Laporan data pribadi yang disimpan", 30).await;
    wait_text(&b, &code, 10).await;
    let download = b
        .client
        .execute(
            "const a = [...document.querySelectorAll('a[download]')].find(a => a.innerText.trim() === 'Unduh JSON'); \
             return [a.getAttribute('download'), a.getAttribute('href').slice(0, 30)];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        download,
        json!([
            "akses-data-3315135211870003.json",
            "data:application/json;charset="
        ])
    );
    let href: String = serde_json::from_value(
        b.client
            .execute("return location.href;", vec![])
            .await
            .unwrap(),
    )
    .unwrap();
    assert!(
        !href.contains("3315135211870003"),
        "the NIK is not in the URL: {href}"
    );
    b.screenshot(T, "02-subject-access-report").await;
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
        assert_eq!(rt.stage_of(id), "CARD_PRINTED");
    }
}
