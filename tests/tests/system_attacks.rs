//! The attack suite (#15) on the real runtime: one case per attack, each asserting the refusal
//! and that nothing was stored or changed. The cases share one runtime (`tests::suite`).
//!
//! Addresses: the edge knows a client by `CF-Connecting-IP`, which Cloudflare sets and the local
//! runtime passes through, so a case plays several clients by sending that header itself
//! (addresses from the documentation ranges of RFC 5737).

use serde_json::{json, Value};
use std::process::ExitCode;
use tests::fixtures::{
    application_form, application_multipart, purwodadi_application, recording_body,
    synthetic_finger,
};
use tests::suite::Ctx;
use tests::{Runtime, StaffClient};

fn main() -> ExitCode {
    tests::suite::run(tests::cases![
        guessing_elsewhere_does_not_lock_the_office_out,
        unknown_and_existing_names_answer_alike,
        parallel_guesses_get_no_more_than_the_limit,
        guessing_from_many_addresses_is_bounded_but_known_devices_go_on,
        writes_sent_by_another_site_are_refused,
        json_is_accepted_only_as_json,
        bodies_without_a_length_are_cut_at_the_ceiling,
        an_empty_document_part_is_refused,
        stored_documents_are_served_as_what_they_are_and_never_rendered,
        two_session_cookies_are_no_session,
        a_recording_retried_with_other_templates_is_refused,
        anonymous_prefills_are_budgeted_per_address_and_per_kecamatan,
        junk_cannot_bury_the_queue_which_pages_in_a_stable_order,
    ])
}

/// One sign-in attempt from `client`: the status and the error code (empty on success).
async fn attempt(base: &str, client: &str, username: &str, password: &str) -> (u16, String) {
    let resp = tests::http_client()
        .post(format!("{base}/api/auth/login"))
        .header("CF-Connecting-IP", client)
        .json(&json!({ "username": username, "password": password }))
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    let body: Value = resp.json().await.unwrap_or(Value::Null);
    (
        status,
        body["code"].as_str().unwrap_or_default().to_string(),
    )
}

const WRONG: &str = "bukan-kata-sandinya";

/// A dinas operator account `username`, created by the administrator (through the API: a
/// write straight into the database beside the running worker could make one of its writes
/// fail); each case guesses at its own account, so no case's guessing reaches another's.
/// Returns its password.
async fn account(rt: &Runtime, username: &str) -> &'static str {
    static ADMIN: tokio::sync::OnceCell<StaffClient> = tokio::sync::OnceCell::const_new();
    let admin = ADMIN.get_or_init(|| rt.staff_client("admin")).await;
    let created = admin
        .post("/api/admin/staff")
        .header(
            "Idempotency-Key",
            format!("attack-account-{}", username.replace('.', "-")),
        )
        .json(&json!({
            "username": username, "display_name": "Petugas Uji", "role": "dinas_operator",
            "district_code": null, "password": FIRST_PASSWORD,
        }))
        .send()
        .await
        .unwrap();
    assert!(
        created.status().is_success(),
        "create {username}: {}",
        created.status()
    );
    FIRST_PASSWORD
}

/// The password an administrator gives a new account (to be changed at its first sign-in,
/// which does not matter here).
const FIRST_PASSWORD: &str = "sementara-untuk-anda-1";

/// Sign-in refusals audited for `username` with `reason`.
fn refusals(rt: &Runtime, username: &str, reason: &str) -> u64 {
    rt.d1_count(&format!(
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'auth.sign_in_failed' \
         AND json_extract(detail_json, '$.username') = '{username}' \
         AND json_extract(detail_json, '$.reason') = '{reason}'"
    ))
}

/// Sessions ever opened for the account `username`.
fn sessions(rt: &Runtime, username: &str) -> u64 {
    rt.d1_count(&format!(
        "SELECT COUNT(*) AS n FROM sessions s JOIN staff f ON f.id = s.staff_id \
         WHERE f.username = '{username}'"
    ))
}

/// Someone elsewhere guesses an operator's password until refused; the operator's own tablet
/// (another address) still signs in, and the guesser is refused even with the right password.
async fn guessing_elsewhere_does_not_lock_the_office_out(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let base = rt.url("");
    let (attacker, office) = ("198.51.100.10", "192.0.2.10");
    let password = account(rt, "dinas.godong").await;
    for n in 1..=4 {
        assert_eq!(
            attempt(&base, attacker, "dinas.godong", WRONG).await,
            (401, "invalid_credentials".into()),
            "guess {n}"
        );
    }
    assert_eq!(
        attempt(&base, attacker, "dinas.godong", WRONG).await,
        (423, "account_locked".into())
    );
    assert_eq!(
        attempt(&base, attacker, "dinas.godong", password).await,
        (423, "account_locked".into()),
        "the guesser is held even with the right password"
    );
    assert_eq!(
        sessions(rt, "dinas.godong"),
        0,
        "no session for the guesser"
    );
    assert_eq!(refusals(rt, "dinas.godong", "held"), 1);
    assert_eq!(
        attempt(&base, office, "dinas.godong", password).await,
        (200, String::new()),
        "the office signs in"
    );
    assert_eq!(sessions(rt, "dinas.godong"), 1);
}

/// The same guesses under a name no account has and under a real one get the same answers,
/// in the same order: the answers do not tell which names exist.
async fn unknown_and_existing_names_answer_alike(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let base = rt.url("");
    account(rt, "dinas.wirosari").await;
    let mut answers = Vec::new();
    for (client, name) in [
        ("198.51.100.20", "dinas.wirosari"),
        ("198.51.100.21", "dinas.tidakada"),
    ] {
        let mut seen = Vec::new();
        for _ in 0..6 {
            seen.push(attempt(&base, client, name, WRONG).await);
        }
        answers.push(seen);
    }
    assert_eq!(answers[0], answers[1]);
    assert_eq!(answers[0][0], (401, "invalid_credentials".into()));
    assert_eq!(answers[0][5], (423, "account_locked".into()));
    // Both were counted and audited the same way, the unknown name as unknown.
    assert_eq!(refusals(rt, "dinas.wirosari", "wrong_password"), 5);
    assert_eq!(refusals(rt, "dinas.tidakada", "unknown_user"), 5);
}

/// Twenty guesses sent at once from one address: at most five passwords are checked; the
/// others are refused as held before any check.
async fn parallel_guesses_get_no_more_than_the_limit(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let base = rt.url("");
    account(rt, "dinas.toroh").await;
    let mut guesses = tokio::task::JoinSet::new();
    for _ in 0..20 {
        let base = base.clone();
        guesses.spawn(async move { attempt(&base, "198.51.100.30", "dinas.toroh", WRONG).await });
    }
    let answers: Vec<(u16, String)> = guesses.join_all().await;
    let checked = refusals(rt, "dinas.toroh", "wrong_password");
    let held = refusals(rt, "dinas.toroh", "held");
    assert_eq!(checked, 5, "passwords checked: {answers:?}");
    assert_eq!(held, 15, "{answers:?}");
    assert_eq!(
        answers.iter().filter(|(s, _)| *s == 401).count(),
        4,
        "{answers:?}"
    );
}

/// Guessing one name from more addresses than the name's total allows: new addresses are then
/// held too, but a device that signed in as that name before goes on signing in.
async fn guessing_from_many_addresses_is_bounded_but_known_devices_go_on(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let base = rt.url("");
    let name = "dinas.gubug";
    let password = account(rt, name).await;
    let known = "192.0.2.40";
    assert_eq!(attempt(&base, known, name, password).await.0, 200);
    let total = shared::auth::MAX_FAILED_SIGN_INS_PER_NAME;
    // Four guesses from each address (under the per-address limit) until the name's total.
    let mut sent = 0;
    let mut address = 0;
    while sent < total {
        address += 1;
        for _ in 0..4.min(total - sent) {
            let (status, _) = attempt(&base, &format!("203.0.113.{address}"), name, WRONG).await;
            assert_eq!(status, 401, "guess {sent}");
            sent += 1;
        }
    }
    assert_eq!(
        attempt(&base, "203.0.113.200", name, WRONG).await,
        (423, "account_locked".into()),
        "a new address is held once the name's total is reached"
    );
    assert_eq!(
        attempt(&base, "203.0.113.201", name, password).await,
        (423, "account_locked".into()),
        "also with the right password"
    );
    assert_eq!(
        attempt(&base, known, name, password).await,
        (200, String::new()),
        "the device that signed in before goes on"
    );
}

/// A Purwodadi form with its own NIK (`serial` 1-999), so a case counts only its own rows.
fn own_form(serial: u32) -> Value {
    let mut form = application_form("33.15.13", "33.15.13.2001");
    form["nik"] = json!(format!("3315135211879{serial:03}"));
    form
}

fn stored_with_nik(rt: &Runtime, form: &Value) -> u64 {
    rt.d1_count(&format!(
        "SELECT COUNT(*) AS n FROM applications WHERE nik = '{}'",
        form["nik"].as_str().unwrap()
    ))
}

/// A page on another site makes the browser post (with the staff member's cookie, were it
/// sent) or submits a form on the resident's behalf: refused, nothing written.
async fn writes_sent_by_another_site_are_refused(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let staff = rt.staff_client("kec.purwodadi").await;
    let (_, id) = purwodadi_application(rt, "attack-csrf-application").await;
    for (header, value) in [
        ("Sec-Fetch-Site", "cross-site"),
        ("Sec-Fetch-Site", "same-site"),
        ("Origin", "https://evil.example"),
        ("Origin", "null"),
    ] {
        let resp = staff
            .post(&format!("/api/staff/applications/{id}/verify"))
            .header(header, value)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status().as_u16(), 403, "{header}: {value}");
        assert_eq!(rt.stage_of(&id), "PRE_FILLED", "{header}: {value}");
    }
    let form = own_form(1);
    let resp = tests::http_client()
        .post(rt.url("/api/applications"))
        .header("Idempotency-Key", "attack-csrf-submission-0001")
        .header("Sec-Fetch-Site", "cross-site")
        .multipart(application_multipart(&form))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 403);
    assert_eq!(stored_with_nik(rt, &form), 0);
    // The staff refusals are audited under the application.
    assert_eq!(
        rt.d1_count(&format!(
            "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'request.refused' \
             AND application_id = '{id}'"
        )),
        4
    );
    // The same request from the app's own origin goes through.
    let resp = staff
        .post(&format!("/api/staff/applications/{id}/verify"))
        .header("Sec-Fetch-Site", "same-origin")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
}

/// JSON endpoints take JSON declared as JSON only: a form or text post (what another site's
/// page can send without asking) is refused before anything is done.
async fn json_is_accepted_only_as_json(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let password = account(rt, "dinas.json").await;
    let body = json!({ "username": "dinas.json", "password": password }).to_string();
    for content_type in ["text/plain", "application/x-www-form-urlencoded", ""] {
        let resp = tests::http_client()
            .post(rt.url("/api/auth/login"))
            .header("Content-Type", content_type)
            .body(body.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status().as_u16(), 400, "{content_type:?}");
    }
    assert_eq!(sessions(rt, "dinas.json"), 0);
    let resp = tests::http_client()
        .post(rt.url("/api/auth/login"))
        .header("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    assert_eq!(sessions(rt, "dinas.json"), 1);
}

/// Sends `total` bytes to `path` in chunks, with no Content-Length (chunked transfer coding),
/// over a raw connection, and returns the answer's status.
async fn chunked_post(base: &str, path: &str, headers: &[(&str, &str)], total: usize) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let authority = base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(authority).await.unwrap();
    let mut head = format!(
        "POST {path} HTTP/1.1\r\nHost: {authority}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n"
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).await.unwrap();
    let chunk = vec![b'7'; 64 * 1024];
    let mut sent = 0;
    while sent < total {
        let n = chunk.len().min(total - sent);
        let framed = [format!("{n:x}\r\n").as_bytes(), &chunk[..n], b"\r\n"].concat();
        // The server may answer and close before all is sent: that is the point.
        if stream.write_all(&framed).await.is_err() {
            break;
        }
        sent += n;
    }
    let _ = stream.write_all(b"0\r\n\r\n").await;
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer).await;
    let text = String::from_utf8_lossy(&answer);
    text.split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no HTTP answer: {text:?}"))
}

/// A body sent without a declared length is read only up to the ceiling, then refused with 413,
/// for the public form and for a staff JSON write alike.
///
/// On its own runtime: when the worker answers before the client has sent all, the local
/// runtime's proxy (wrangler dev, not the Workers runtime itself) answers 503 to requests of
/// other cases that are in flight at that moment.
async fn bodies_without_a_length_are_cut_at_the_ceiling(_ctx: Ctx) {
    let own = Runtime::start().await;
    let rt = &own;
    let base = rt.url("");
    let status = chunked_post(
        &base,
        "/api/applications",
        &[
            ("Content-Type", "multipart/form-data; boundary=x"),
            ("Idempotency-Key", "attack-chunked-submission-01"),
        ],
        6 * 1024 * 1024,
    )
    .await;
    assert_eq!(status, 413);
    let staff = rt.staff_client("kec.purwodadi").await;
    let (_, id) = purwodadi_application(rt, "attack-chunked-application").await;
    let status = chunked_post(
        &base,
        &format!("/api/staff/applications/{id}/return"),
        &[
            ("Content-Type", "application/json"),
            ("Cookie", staff.cookie.as_str()),
        ],
        2 * 1024 * 1024,
    )
    .await;
    assert_eq!(status, 413);
    assert_eq!(rt.stage_of(&id), "PRE_FILLED");
}

/// A document part with no content, whatever type it declares, is a field error; nothing of
/// the application is stored.
async fn an_empty_document_part_is_refused(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let form = own_form(2);
    let multipart = application_multipart(&form).part(
        "old_ktp",
        reqwest::multipart::Part::bytes(Vec::new())
            .file_name("ktp.html")
            .mime_str("text/html")
            .unwrap(),
    );
    let resp = tests::http_client()
        .post(rt.url("/api/applications"))
        .header("Idempotency-Key", "attack-empty-part-000001")
        .multipart(multipart)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 422);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["fields"][0]["field"], "attachments.old_ktp", "{body}");
    assert_eq!(stored_with_nik(rt, &form), 0);
}

/// A stored document is served as what its bytes are, to be downloaded, in a sandbox; every
/// answer tells browsers to keep to HTTPS.
async fn stored_documents_are_served_as_what_they_are_and_never_rendered(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let staff = rt.staff_client("kec.purwodadi").await;
    let (_, id) = purwodadi_application(rt, "attack-served-document").await;
    let resp = staff
        .get(&format!("/api/staff/applications/{id}/documents/kk_copy"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let header = |name: &str| {
        resp.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    };
    assert_eq!(header("content-type"), "image/jpeg");
    assert_eq!(
        header("content-disposition"),
        "attachment; filename=\"kk_copy.jpg\""
    );
    assert!(header("content-security-policy").starts_with("sandbox"));
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert!(header("strict-transport-security").contains("max-age="));
}

/// A second session cookie (say, planted by a sibling site) makes no session at all, rather
/// than letting the order of cookies decide whose session it is.
async fn two_session_cookies_are_no_session(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let staff = rt.staff_client("kec.kedungjati").await;
    let planted = format!("rekam_session={}", "ab".repeat(32));
    for cookie in [
        format!("{planted}; {}", staff.cookie),
        format!("{}; {planted}", staff.cookie),
    ] {
        let resp = tests::http_client()
            .get(rt.url("/api/auth/me"))
            .header("Cookie", cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status().as_u16(), 401);
    }
    let me: Value = staff.get_json("/api/auth/me").await;
    assert_eq!(me["username"], "kec.kedungjati");
}

/// A recording sent again under its own recording key but with other prints (a tablet bug or a
/// forged retry) is refused; the first recording stays the only one, unchanged.
async fn a_recording_retried_with_other_templates_is_refused(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let staff = rt.staff_client("kec.purwodadi").await;
    let (_, id) = purwodadi_application(rt, "attack-recording-replay").await;
    let verified = staff
        .post(&format!("/api/staff/applications/{id}/verify"))
        .send()
        .await
        .unwrap();
    assert_eq!(verified.status().as_u16(), 200);
    let first = recording_body("attack-recording-key-01", |p| synthetic_finger(9101, 0, p));
    assert_eq!(
        staff.record_biometrics(&id, &first).await.status().as_u16(),
        200
    );
    let stored = |rt: &Runtime| {
        rt.d1_query(&format!(
            "SELECT reference_id, fingers_json FROM recordings WHERE application_id = '{id}'"
        ))
    };
    let before = stored(rt);
    // The same retry is answered as the first; one with other prints is refused.
    assert_eq!(
        staff.record_biometrics(&id, &first).await.status().as_u16(),
        200
    );
    let other = recording_body("attack-recording-key-01", |p| synthetic_finger(9102, 0, p));
    let refused = staff.record_biometrics(&id, &other).await;
    assert_eq!(refused.status().as_u16(), 409);
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["code"], "idempotency_key_reused");
    assert_eq!(stored(rt), before);
    assert_eq!(before.as_array().unwrap().len(), 1);
}

/// Submits `form` from `client` with a fresh key: the status and error code.
async fn prefill(base: &str, client: &str, key: &str, form: &Value) -> (u16, String) {
    let resp = tests::http_client()
        .post(format!("{base}/api/applications"))
        .header("CF-Connecting-IP", client)
        .header("Idempotency-Key", key)
        .multipart(application_multipart(form))
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    let body: Value = resp.json().await.unwrap_or(Value::Null);
    (
        status,
        body["code"].as_str().unwrap_or_default().to_string(),
    )
}

/// One address sending pre-fills without end is stopped at its hourly budget; many addresses
/// sending into one kecamatan are stopped at the kecamatan's, while another kecamatan's
/// residents still get through. A refused pre-fill stores nothing. On its own runtime, with
/// edge/wrangler.toml's budgets as they are (the shared runtime lifts them).
async fn anonymous_prefills_are_budgeted_per_address_and_per_kecamatan(_ctx: Ctx) {
    let own = Runtime::start_as_configured().await;
    let base = own.url("");
    let (per_client, per_kecamatan) = (30, 120);
    let pulokulon = |n: u32| {
        let mut form = application_form("33.15.06", "33.15.06.2001");
        form["nik"] = json!(format!("3315065211{:06}", 870001 + n));
        form
    };
    // One address: its budget, then refusals (which store nothing).
    for n in 0..per_client {
        let form = pulokulon(n);
        let key = format!("attack-budget-one-{n:04}");
        assert_eq!(
            prefill(&base, "198.51.100.60", &key, &form).await.0,
            201,
            "{n}"
        );
    }
    let refused = pulokulon(per_client);
    assert_eq!(
        prefill(&base, "198.51.100.60", "attack-budget-one-over", &refused).await,
        (429, "rate_limited".into())
    );
    assert_eq!(stored_with_nik(&own, &refused), 0);
    // Many addresses into one kecamatan: the rest of its budget, then refusals.
    for n in per_client..per_kecamatan {
        let form = pulokulon(n);
        let key = format!("attack-budget-many-{n:04}");
        let client = format!("203.0.113.{}", n % 200);
        assert_eq!(prefill(&base, &client, &key, &form).await.0, 201, "{n}");
    }
    let refused = pulokulon(per_kecamatan);
    assert_eq!(
        prefill(&base, "192.0.2.99", "attack-budget-many-over", &refused).await,
        (429, "rate_limited".into())
    );
    assert_eq!(stored_with_nik(&own, &refused), 0);
    // Another kecamatan's resident is not held by Pulokulon's budget.
    let form = own_form(3);
    assert_eq!(
        prefill(&base, "192.0.2.99", "attack-budget-other-kecamatan", &form)
            .await
            .0,
        201
    );
    assert_eq!(stored_with_nik(&own, &form), 1);
}

/// Hundreds of pre-fills into one kecamatan (junk, say) do not hide an older real one: the
/// queue pages through all of them in a stable order (newest first), each row exactly once,
/// also while new ones arrive between pages; a searched name travels in the body only.
async fn junk_cannot_bury_the_queue_which_pages_in_a_stable_order(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let staff = rt.staff_client("kec.kedungjati").await;
    let kedungjati = |n: u32| {
        let mut form = application_form("33.15.01", "33.15.01.2001");
        form["nik"] = json!(format!("3315015211{:06}", 880001 + n));
        form["full_name"] = json!(format!("PENDUDUK NYATA {}", in_words(n)));
        form
    };
    let base = rt.url("");
    let real = kedungjati(0);
    assert_eq!(
        prefill(&base, "192.0.2.70", "attack-bury-real", &real)
            .await
            .0,
        201
    );
    for n in 1..=130 {
        let mut junk = kedungjati(n);
        junk["full_name"] = json!(format!("SAMPAH {}", in_words(n)));
        let key = format!("attack-bury-junk-{n:04}");
        assert_eq!(prefill(&base, "192.0.2.71", &key, &junk).await.0, 201);
    }
    let staff = &staff;
    let page = |after: Value| async move {
        let resp = staff
            .post("/api/staff/applications/search")
            .json(&json!({ "stage": "PRE_FILLED", "after": after }))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status().as_u16(), 200);
        resp.json::<Value>().await.unwrap()
    };
    let mut seen: Vec<String> = Vec::new();
    let mut after = Value::Null;
    let mut pages = 0;
    loop {
        let list = page(after.clone()).await;
        pages += 1;
        seen.extend(
            list["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["full_name"].as_str().unwrap().to_string()),
        );
        if pages == 1 {
            // One arrives while the operator pages: it is on the first page, not a later one.
            let late = kedungjati(500);
            assert_eq!(
                prefill(&base, "192.0.2.72", "attack-bury-late", &late)
                    .await
                    .0,
                201
            );
        }
        if list["next"].is_null() {
            break;
        }
        after = list["next"].clone();
    }
    let ours: Vec<&String> = seen
        .iter()
        .filter(|n| n.starts_with("SAMPAH") || n.starts_with("PENDUDUK NYATA"))
        .collect();
    let unique: std::collections::BTreeSet<&&String> = ours.iter().collect();
    assert_eq!(ours.len(), unique.len(), "a row shown twice");
    assert!(pages >= 3, "{pages} pages");
    assert!(
        seen.contains(&format!("PENDUDUK NYATA {}", in_words(0))),
        "the real one is reachable"
    );
    assert!(
        !seen.contains(&format!("PENDUDUK NYATA {}", in_words(500))),
        "the late one is not mixed in"
    );
    assert_eq!(ours.len(), 131);
    // The real one found by name, the name in the body; a name in the URL is refused.
    let found: Value = staff
        .post("/api/staff/applications/search")
        .json(&json!({ "search": format!("penduduk nyata {}", in_words(0)) }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        found["items"][0]["full_name"],
        format!("PENDUDUK NYATA {}", in_words(0))
    );
    let in_url = staff
        .get("/api/staff/applications?q=penduduk")
        .send()
        .await
        .unwrap();
    assert_eq!(in_url.status().as_u16(), 400);
}

/// `n` in words, digit by digit (names take no digits, and short letter groups can read as a
/// title such as "DR"): 105 = "SATU NOL LIMA".
fn in_words(n: u32) -> String {
    const WORDS: [&str; 10] = [
        "NOL", "SATU", "DUA", "TIGA", "EMPAT", "LIMA", "ENAM", "TUJUH", "DELAPAN", "SEMBILAN",
    ];
    n.to_string()
        .bytes()
        .map(|d| WORDS[usize::from(d - b'0')])
        .collect::<Vec<_>>()
        .join(" ")
}
