//! The attack suite (#15) on the real runtime: one case per attack, each asserting the refusal
//! and that nothing was stored or changed. The cases share one runtime (`tests::suite`).
//!
//! Addresses: the edge knows a client by `CF-Connecting-IP`, which Cloudflare sets and the local
//! runtime passes through, so a case plays several clients by sending that header itself
//! (addresses from the documentation ranges of RFC 5737).

use serde_json::{json, Value};
use std::process::ExitCode;
use tests::suite::Ctx;
use tests::Runtime;

fn main() -> ExitCode {
    tests::suite::run(tests::cases![
        guessing_elsewhere_does_not_lock_the_office_out,
        unknown_and_existing_names_answer_alike,
        parallel_guesses_get_no_more_than_the_limit,
        guessing_from_many_addresses_is_bounded_but_known_devices_go_on,
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

/// A dinas operator account `username` with the demo password, written straight into the local
/// database: each case guesses at its own account, so no case's guessing reaches another's.
fn account(rt: &Runtime, username: &str) -> &'static str {
    let hash = tests::seed::demo_staff_sql()
        .split('\'')
        .find(|part| part.starts_with("$argon2id$"))
        .unwrap()
        .to_string();
    rt.d1_query(&format!(
        "INSERT INTO staff (id, username, display_name, role, district_code, password_hash, created_at) \
         VALUES ('attack-{username}', '{username}', 'Petugas Uji', 'dinas_operator', NULL, '{hash}', \
         '2026-01-01T00:00:00.000Z')"
    ));
    tests::seed::DEMO_PASSWORD
}

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
    let password = account(rt, "dinas.godong");
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
    account(rt, "dinas.wirosari");
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
    account(rt, "dinas.toroh");
    let mut guesses = tokio::task::JoinSet::new();
    for _ in 0..20 {
        let base = base.clone();
        guesses.spawn(async move { attempt(&base, "198.51.100.30", "dinas.toroh", WRONG).await });
    }
    let answers: Vec<(u16, String)> = guesses.join_all().await;
    let checked = refusals(rt, "dinas.toroh", "wrong_password");
    let held = refusals(rt, "dinas.toroh", "held");
    assert_eq!(checked, 5, "passwords checked: {answers:?}");
    assert_eq!(held, 15);
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
    let password = account(rt, name);
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
