//! System tests of staff administration and the dinas dashboard on the real runtime: the
//! administrator creates, disables, re-enables, resets and unlocks accounts (each audited), the
//! password rules and the one-kecamatan rule are refused with field errors, a reset or new
//! account must change its password before anything else, the database and the queue refuse a
//! kecamatan operator without a kecamatan, other roles are refused, and the dashboard's numbers
//! match a history seeded into the local D1.
//!
//! The cases share one runtime (`tests::suite`). Only the dashboard case writes applications in
//! Purwodadi and Kedungjati within the last 28 days (the retention case's are elsewhere, older
//! and cancelled), so the dashboard's figures for those are exactly the seeded ones. Sign-ins are
//! rate-limited per client (60 a minute), so the cases together stay under that.

use reqwest::StatusCode;
use serde_json::{json, Value};
use std::process::ExitCode;
use tests::suite::Ctx;
use tests::{Runtime, StaffClient};

fn main() -> ExitCode {
    tests::suite::run(tests::cases![
        administrator_creates_an_operator_who_must_change_the_password,
        refused_accounts_name_each_field,
        disable_enable_and_reset_end_and_restore_sign_in,
        unlock_lifts_a_lockout,
        other_roles_cannot_administer,
        // Write into the database file directly: alone (tests::suite::Case::alone).
        ; alone:
        operator_without_kecamatan_is_refused_by_database_and_queue,
        dashboard_numbers_match_a_seeded_history,
        held_templates_are_released_after_the_retention_period,
    ])
}

/// The administrator's one session, shared by the cases (sign-ins are rate-limited).
static ADMIN: tokio::sync::OnceCell<StaffClient> = tokio::sync::OnceCell::const_new();

async fn admin(rt: &Runtime) -> &'static StaffClient {
    ADMIN.get_or_init(|| rt.staff_client("admin")).await
}

const FIRST_PASSWORD: &str = "sementara-untuk-anda-1";
const OWN_PASSWORD: &str = "kopi pagi di alun-alun";

async fn body(resp: reqwest::Response) -> (StatusCode, Value) {
    let status = resp.status();
    (status, resp.json().await.unwrap_or(Value::Null))
}

async fn get(client: &StaffClient, path: &str) -> (StatusCode, Value) {
    body(client.get(path).send().await.unwrap()).await
}

/// POST `payload` as JSON (a request that needs no idempotency key).
async fn send(client: &StaffClient, path: &str, payload: &Value) -> (StatusCode, Value) {
    body(client.post(path).json(payload).send().await.unwrap()).await
}

/// POST `payload` as JSON with a fresh idempotency key.
async fn post(client: &StaffClient, path: &str, payload: Value) -> (StatusCode, Value) {
    let key = format!("{:032x}", rand_u128());
    body(
        client
            .post(path)
            .header("idempotency-key", key)
            .json(&payload)
            .send()
            .await
            .unwrap(),
    )
    .await
}

fn rand_u128() -> u128 {
    use std::io::Read;
    let mut b = [0u8; 16];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut b))
        .unwrap();
    u128::from_le_bytes(b)
}

async fn create(
    admin: &StaffClient,
    username: &str,
    role: &str,
    district: Option<&str>,
) -> (StatusCode, Value) {
    post(
        admin,
        "/api/admin/staff",
        json!({
            "username": username, "display_name": format!("Petugas {username}"), "role": role,
            "district_code": district, "password": FIRST_PASSWORD,
        }),
    )
    .await
}

/// The audit rows of `action` about account `id`.
fn audited(rt: &Runtime, action: &str, id: &str) -> u64 {
    rt.d1_count(&format!(
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = '{action}' \
         AND json_extract(detail_json, '$.account_id') = '{id}' \
         AND staff_id IS NOT NULL"
    ))
}

async fn field_codes(resp: (StatusCode, Value)) -> Vec<(String, String)> {
    assert_eq!(resp.0, StatusCode::UNPROCESSABLE_ENTITY, "{}", resp.1);
    assert_eq!(resp.1["code"], "validation_failed");
    let mut fields: Vec<(String, String)> = resp.1["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap().to_string(),
                f["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    fields.sort();
    fields
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = list
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    v.sort();
    v
}

/// The new account signs in, must change its password, and then works in its own kecamatan only.
async fn administrator_creates_an_operator_who_must_change_the_password(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let admin = admin(rt).await;
    let (status, account) =
        create(admin, "kec.toroh.a", "kecamatan_operator", Some("33.15.13")).await;
    assert_eq!(status, StatusCode::OK, "{account}");
    assert_eq!(account["role"], "kecamatan_operator");
    assert_eq!(account["district_code"], "33.15.13");
    assert_eq!(account["district_name"], "Purwodadi");
    assert_eq!(account["must_change_password"], true);
    let id = account["id"].as_str().unwrap().to_string();
    assert_eq!(audited(rt, "staff.create", &id), 1);
    let listed: Value = admin.get_json("/api/admin/staff").await;
    assert!(listed["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["id"] == id.as_str() && a["username"] == "kec.toroh.a"));

    let operator = rt.sign_in("kec.toroh.a", FIRST_PASSWORD).await.unwrap();
    let me: Value = operator.get_json("/api/auth/me").await;
    assert_eq!(me["must_change_password"], true);
    // Nothing else until the password is the person's own.
    let (status, refused) = get(&operator, "/api/staff/applications").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(refused["code"], "password_change_required");

    let change =
        |current: &str, new: &str| json!({ "current_password": current, "new_password": new });
    let wrong = send(
        &operator,
        "/api/auth/password",
        &change("not-it-at-all", OWN_PASSWORD),
    )
    .await;
    assert_eq!(
        field_codes(wrong).await,
        pairs(&[("current_password", "password_wrong")])
    );
    let weak = send(
        &operator,
        "/api/auth/password",
        &change(FIRST_PASSWORD, "kec.toroh.a"),
    )
    .await;
    assert_eq!(
        field_codes(weak).await,
        pairs(&[
            ("new_password", "password_contains_username"),
            ("new_password", "password_too_short")
        ])
    );
    let (status, me) = send(
        &operator,
        "/api/auth/password",
        &change(FIRST_PASSWORD, OWN_PASSWORD),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["must_change_password"], false);
    assert_eq!(rt.d1_count(&format!(
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'auth.password_change' AND staff_id = '{id}'"
    )), 1);
    let (status, queue) = get(&operator, "/api/staff/applications").await;
    assert_eq!(status, StatusCode::OK, "{queue}");
    // Asking for another kecamatan still gives only their own.
    let (status, queue) = get(&operator, "/api/staff/applications?district=33.15.01").await;
    assert_eq!(status, StatusCode::OK);
    assert!(queue["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["district_code"] == "33.15.13"));
}

/// Every refused field is named, with the shared rule's code.
async fn refused_accounts_name_each_field(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let admin = admin(rt).await;
    let refused = post(
        admin,
        "/api/admin/staff",
        json!({ "username": "Bad Name", "display_name": "  ", "role": "kecamatan_operator",
                "district_code": null, "password": "pendek" }),
    )
    .await;
    assert_eq!(
        field_codes(refused).await,
        pairs(&[
            ("display_name", "required"),
            ("district_code", "kecamatan_required"),
            ("password", "password_too_short"),
            ("username", "username_format"),
        ])
    );
    // A kecamatan of another regency is no kecamatan of this office's.
    let other_regency = create(admin, "kec.lain", "kecamatan_operator", Some("33.16.01")).await;
    assert_eq!(
        field_codes(other_regency).await,
        pairs(&[("district_code", "kecamatan_required")])
    );
    // The dinas serves the whole regency: no kecamatan.
    let dinas = create(admin, "dinas.lain", "dinas_operator", Some("33.15.13")).await;
    assert_eq!(
        field_codes(dinas).await,
        pairs(&[("district_code", "kecamatan_not_for_role")])
    );
    let simple = post(
        admin,
        "/api/admin/staff",
        json!({ "username": "dinas.simple", "display_name": "X", "role": "dinas_operator",
                "district_code": null, "password": "abababababababab" }),
    )
    .await;
    assert_eq!(
        field_codes(simple).await,
        pairs(&[("password", "password_too_simple")])
    );
    let taken = create(admin, "admin", "administrator", None).await;
    assert_eq!(
        field_codes(taken).await,
        pairs(&[("username", "username_taken")])
    );
    assert_eq!(
        rt.d1_count("SELECT COUNT(*) AS n FROM staff WHERE username IN ('kec.lain', 'dinas.lain', 'dinas.simple')"),
        0
    );
}

async fn disable_enable_and_reset_end_and_restore_sign_in(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let admin = admin(rt).await;
    let (_, account) = create(admin, "dinas.siklus", "dinas_operator", None).await;
    let id = account["id"].as_str().unwrap().to_string();
    let path = |verb: &str| format!("/api/admin/staff/{id}/{verb}");
    let session = rt.sign_in("dinas.siklus", FIRST_PASSWORD).await.unwrap();

    let (status, disabled) = post(admin, &path("disable"), json!({})).await;
    assert_eq!(status, StatusCode::OK, "{disabled}");
    assert_eq!(disabled["active"], false);
    // The session ended at once, and signing in is refused.
    assert_eq!(
        get(&session, "/api/auth/me").await.0,
        StatusCode::UNAUTHORIZED
    );
    let refused = rt
        .sign_in("dinas.siklus", FIRST_PASSWORD)
        .await
        .err()
        .unwrap();
    assert_eq!(body(refused).await.1["code"], "invalid_credentials");

    let (status, enabled) = post(admin, &path("enable"), json!({})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(enabled["active"], true);
    let session = rt.sign_in("dinas.siklus", FIRST_PASSWORD).await.unwrap();
    let change = json!({ "current_password": FIRST_PASSWORD, "new_password": OWN_PASSWORD });
    assert!(send(&session, "/api/auth/password", &change)
        .await
        .0
        .is_success());
    assert_eq!(get(&session, "/api/dinas/cases").await.0, StatusCode::OK);

    // A reset password breaks the rules: refused by field.
    let weak = post(
        admin,
        &path("reset-password"),
        json!({ "password": "dinas.siklus-12345" }),
    )
    .await;
    assert_eq!(
        field_codes(weak).await,
        pairs(&[("password", "password_contains_username")])
    );
    let temporary = "reset-sementara-2026";
    let (status, reset) = post(
        admin,
        &path("reset-password"),
        json!({ "password": temporary }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{reset}");
    assert_eq!(reset["must_change_password"], true);
    assert_eq!(
        get(&session, "/api/auth/me").await.0,
        StatusCode::UNAUTHORIZED
    );
    let session = rt.sign_in("dinas.siklus", temporary).await.unwrap();
    let (status, refused) = get(&session, "/api/dinas/cases").await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("password_change_required"))
    );

    for action in [
        "staff.create",
        "staff.disable",
        "staff.enable",
        "staff.reset_password",
    ] {
        assert_eq!(audited(rt, action, &id), 1, "{action}");
    }
    // An administrator cannot disable their own account (the office could be left with none).
    let me = rt.d1_query("SELECT id FROM staff WHERE username = 'admin'")[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, _) = post(admin, &format!("/api/admin/staff/{me}/disable"), json!({})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

async fn unlock_lifts_a_lockout(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let admin = admin(rt).await;
    let (_, account) = create(admin, "dinas.kunci", "dinas_supervisor", None).await;
    let id = account["id"].as_str().unwrap().to_string();
    for _ in 0..4 {
        assert!(rt
            .sign_in("dinas.kunci", "salah-salah-salah")
            .await
            .is_err());
    }
    let locked = rt
        .sign_in("dinas.kunci", "salah-salah-salah")
        .await
        .err()
        .unwrap();
    assert_eq!(locked.status(), StatusCode::LOCKED);
    let listed: Value = admin.get_json("/api/admin/staff").await;
    let row = listed["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id.as_str())
        .cloned()
        .unwrap();
    assert!(row["locked_until"].is_string());

    let (status, unlocked) = post(admin, &format!("/api/admin/staff/{id}/unlock"), json!({})).await;
    assert_eq!(status, StatusCode::OK);
    assert!(unlocked["locked_until"].is_null());
    assert_eq!(audited(rt, "staff.unlock", &id), 1);
    assert!(rt.sign_in("dinas.kunci", FIRST_PASSWORD).await.is_ok());
}

async fn other_roles_cannot_administer(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let supervisor = rt.staff_client("dinas.supervisor").await;
    assert_eq!(
        get(&supervisor, "/api/admin/staff").await.0,
        StatusCode::FORBIDDEN
    );
    let (status, refused) = create(
        &supervisor,
        "kec.diam",
        "kecamatan_operator",
        Some("33.15.13"),
    )
    .await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("forbidden"))
    );
    let admin_id = rt.d1_query("SELECT id FROM staff WHERE username = 'admin'")[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, _) = post(
        &supervisor,
        &format!("/api/admin/staff/{admin_id}/disable"),
        json!({}),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        rt.d1_count("SELECT COUNT(*) AS n FROM staff WHERE username = 'kec.diam'"),
        0
    );
    assert_eq!(
        rt.d1_count("SELECT COUNT(*) AS n FROM staff WHERE username = 'admin' AND active = 1"),
        1
    );
    // Nor does the administrator see the dashboard or the queue (no applications).
    let admin = admin(rt).await;
    assert_eq!(
        get(admin, "/api/dinas/dashboard").await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        get(admin, "/api/staff/applications").await.0,
        StatusCode::FORBIDDEN
    );
}

async fn operator_without_kecamatan_is_refused_by_database_and_queue(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let insert = |id: &str, role: &str, district: &str| {
        format!(
            "INSERT INTO staff (id, username, display_name, role, district_code, password_hash, created_at) \
             VALUES ('{id}', '{id}', 'X', '{role}', {district}, 'x', '2026-01-01T00:00:00.000Z')"
        )
    };
    // Whatever statement writes it, the database refuses the row.
    for (role, district) in [
        ("kecamatan_operator", "NULL"),
        ("kecamatan_operator", "''"),
        ("dinas_operator", "'33.15.13'"),
    ] {
        let err = rt.d1_try(&insert("staff-bad", role, district)).unwrap_err();
        assert!(
            err.contains("exactly one kecamatan"),
            "{role} {district}: {err}"
        );
    }
    let err = rt
        .d1_try("UPDATE staff SET district_code = NULL WHERE username = 'kec.kedungjati'")
        .unwrap_err();
    assert!(err.contains("exactly one kecamatan"), "{err}");

    // A row from before the rule (the migration disables those; one that slipped back in is
    // simulated by lifting the trigger for one insert): the queue refuses its session.
    let hash = tests::seed::demo_staff_sql()
        .split('\'')
        .find(|part| part.starts_with("$argon2id$"))
        .unwrap()
        .to_string();
    rt.d1_query("DROP TRIGGER staff_operator_kecamatan_insert");
    let inserted = rt.d1_try(&format!(
        "INSERT INTO staff (id, username, display_name, role, district_code, password_hash, created_at) \
         VALUES ('staff-unscoped', 'kec.unscoped', 'X', 'kecamatan_operator', NULL, '{hash}', '2026-01-01T00:00:00.000Z')"
    ));
    rt.d1_query(
        "CREATE TRIGGER staff_operator_kecamatan_insert BEFORE INSERT ON staff \
         WHEN (NEW.role = 'kecamatan_operator') <> (NEW.district_code IS NOT NULL AND NEW.district_code <> '') \
         BEGIN SELECT RAISE(ABORT, 'a kecamatan operator has exactly one kecamatan; other roles none'); END",
    );
    inserted.unwrap();
    let unscoped = rt.staff_client("kec.unscoped").await;
    let (status, refused) = get(&unscoped, "/api/staff/applications").await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("forbidden"))
    );
    // The trigger is back.
    assert!(rt
        .d1_try(&insert("staff-bad-2", "kecamatan_operator", "NULL"))
        .is_err());
}

/// One seeded application: stage, kecamatan, hours since it entered the stage, WIB days ago it
/// was created.
struct Seed {
    stage: &'static str,
    district: &'static str,
    hours_in_stage: f64,
    days_ago: u32,
}

const HISTORY: &[Seed] = &[
    Seed {
        stage: "PRE_FILLED",
        district: "33.15.13",
        hours_in_stage: 1.0,
        days_ago: 0,
    },
    Seed {
        stage: "PRE_FILLED",
        district: "33.15.13",
        hours_in_stage: 3.0,
        days_ago: 0,
    },
    Seed {
        stage: "PRE_FILLED",
        district: "33.15.01",
        hours_in_stage: 10.0,
        days_ago: 1,
    },
    Seed {
        stage: "DOCUMENTS_VERIFIED",
        district: "33.15.01",
        hours_in_stage: 2.0,
        days_ago: 2,
    },
    Seed {
        stage: "DOCUMENTS_VERIFIED",
        district: "33.15.01",
        hours_in_stage: 4.0,
        days_ago: 2,
    },
    Seed {
        stage: "DOCUMENTS_VERIFIED",
        district: "33.15.01",
        hours_in_stage: 6.0,
        days_ago: 2,
    },
    Seed {
        stage: "DOCUMENTS_VERIFIED",
        district: "33.15.13",
        hours_in_stage: 8.0,
        days_ago: 5,
    },
    Seed {
        stage: "CARD_SHIPPED",
        district: "33.15.13",
        hours_in_stage: 24.0,
        days_ago: 20,
    },
    Seed {
        stage: "CARD_SHIPPED",
        district: "33.15.13",
        hours_in_stage: 48.0,
        days_ago: 20,
    },
    Seed {
        stage: "CARD_SHIPPED",
        district: "33.15.01",
        hours_in_stage: 30.0,
        days_ago: 27,
    },
    Seed {
        stage: "CARD_ISSUED",
        district: "33.15.01",
        hours_in_stage: 5.0,
        days_ago: 40,
    },
    // Stuck: no outcome for 2 h; a dead letter (index 12, see below); waiting 5 minutes is not stuck.
    Seed {
        stage: "SENT_FOR_ENROLLMENT",
        district: "33.15.13",
        hours_in_stage: 2.0,
        days_ago: 3,
    },
    Seed {
        stage: "SENT_FOR_ENROLLMENT",
        district: "33.15.01",
        hours_in_stage: 3.0,
        days_ago: 3,
    },
    Seed {
        stage: "SENT_FOR_ENROLLMENT",
        district: "33.15.13",
        hours_in_stage: 0.08,
        days_ago: 3,
    },
];
const DEAD_LETTERED: usize = 12;
/// Open adjudication cases opened these hours ago, and one closed.
const OPEN_CASE_HOURS: [f64; 3] = [1.0, 5.0, 30.0];

fn close(a: f64, b: f64) -> bool {
    // The seed and the request are a few seconds apart on a loaded machine.
    (a - b).abs() < 0.05
}

async fn dashboard_numbers_match_a_seeded_history(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let codes: Vec<String> = (0..HISTORY.len())
        .map(|_| {
            shared::domain::RegistrationCode::from_random(
                rand_u128().to_le_bytes()[..8].try_into().unwrap(),
            )
            .compact()
        })
        .collect();
    let mut sql = String::new();
    for (i, s) in HISTORY.iter().enumerate() {
        // Created at noon WIB (05:00 UTC) `days_ago` days before today's WIB date.
        sql.push_str(&format!(
            "INSERT INTO applications (id, registration_code, idempotency_key, request_hash, stage, application_type, \
             district_code, village_code, nik, full_name, form_json, warnings_json, created_at, updated_at) VALUES \
             ('dash-{i}', '{code}', 'dash-key-{i}', 'h', '{stage}', 'new', '{d}', '{d}.2001', '3315130101900001', 'Seed', '{{}}', '[]', \
             strftime('%Y-%m-%dT%H:%M:%fZ', date('now', '+7 hours'), '-{days} days', '+5 hours'), \
             strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-{secs} seconds'));\n",
            code = codes[i],
            stage = s.stage,
            d = s.district,
            days = s.days_ago,
            secs = (s.hours_in_stage * 3600.0) as u64,
        ));
    }
    sql.push_str(&format!(
        "INSERT INTO dead_letters (job_id, queue, reference_id, application_id, purpose, enqueued_at, recorded_at) \
         VALUES ('dash-job', 'rekam-enrollment-dlq', 'dash-ref', 'dash-{DEAD_LETTERED}', 'search', \
         strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-3 hours'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 hours'));\n"
    ));
    for (i, h) in OPEN_CASE_HOURS.iter().enumerate() {
        sql.push_str(&format!(
            "INSERT INTO adjudication_cases (id, opened_at) VALUES ('dash-case-{i}', \
             strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-{} seconds'));\n",
            (h * 3600.0) as u64
        ));
    }
    sql.push_str(
        "INSERT INTO adjudication_cases (id, opened_at, closed_at) VALUES ('dash-case-closed', \
         strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-90 hours'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));",
    );
    rt.d1_query(&sql);

    let supervisor = rt.staff_client("dinas.supervisor").await;
    let (status, d) = get(&supervisor, "/api/dinas/dashboard").await;
    assert_eq!(status, StatusCode::OK, "{d}");

    // Counts per stage per kecamatan: every seeded cell, nothing else.
    let mut expected: Vec<(String, String, u64)> = vec![];
    for s in HISTORY {
        match expected
            .iter_mut()
            .find(|(d, st, _)| d == s.district && st == s.stage)
        {
            Some(cell) => cell.2 += 1,
            None => expected.push((s.district.into(), s.stage.into(), 1)),
        }
    }
    let mut got: Vec<(String, String, u64)> = d["by_kecamatan"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["district_code"] == "33.15.13" || c["district_code"] == "33.15.01")
        .map(|c| {
            (
                c["district_code"].as_str().unwrap().into(),
                c["stage"].as_str().unwrap().into(),
                c["count"].as_u64().unwrap(),
            )
        })
        .collect();
    expected.sort();
    got.sort();
    assert_eq!(got, expected);
    assert!(d["by_kecamatan"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["district_name"] == "Kedungjati"));

    // Backlog per open stage: count, oldest, median (the mean of the middle two when even).
    let backlog = |stage: &str| {
        d["backlog"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["stage"] == stage)
            .cloned()
            .unwrap_or(Value::Null)
    };
    for (stage, count, oldest, median) in [
        ("PRE_FILLED", 3, 10.0, 3.0),
        ("DOCUMENTS_VERIFIED", 4, 8.0, 5.0),
        ("CARD_SHIPPED", 3, 48.0, 30.0),
        ("SENT_FOR_ENROLLMENT", 3, 3.0, 2.0),
    ] {
        let b = backlog(stage);
        assert_eq!(b["count"], count, "{stage}: {b}");
        assert!(
            close(b["oldest_hours"].as_f64().unwrap(), oldest),
            "{stage} oldest: {b}"
        );
        assert!(
            close(b["median_hours"].as_f64().unwrap(), median),
            "{stage} median: {b}"
        );
    }
    assert_eq!(
        backlog("CARD_ISSUED"),
        Value::Null,
        "terminal stages are no backlog"
    );

    // Per day: 28 WIB days ending today, zero days included.
    let per_day = d["per_day"].as_array().unwrap();
    assert_eq!(per_day.len(), 28);
    assert_eq!(per_day[27]["day"], wib_today());
    for days_ago in 0..28u32 {
        let seeded = HISTORY.iter().filter(|s| s.days_ago == days_ago).count() as u64;
        assert_eq!(
            per_day[27 - days_ago as usize]["count"],
            seeded,
            "{days_ago} days ago"
        );
    }

    let cases = &d["cases"];
    assert_eq!(cases["open"], 3);
    assert!(
        close(cases["oldest_hours"].as_f64().unwrap(), 30.0),
        "{cases}"
    );
    assert!(
        close(cases["median_hours"].as_f64().unwrap(), 5.0),
        "{cases}"
    );

    let collection: Vec<(String, u64)> = d["awaiting_collection"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["district_name"].as_str().unwrap().into(),
                c["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        collection,
        vec![("Kedungjati".into(), 1), ("Purwodadi".into(), 2)]
    );

    // Stuck, oldest first: the dead letter (recorded 2 h ago... its application sent 3 h ago),
    // then the one without an outcome for 2 h; not the one sent 5 minutes ago.
    let stuck: Vec<(String, String)> = d["stuck"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["reason"].as_str().unwrap().into(),
                s["registration_code"].as_str().unwrap().replace('-', ""),
            )
        })
        .collect();
    let mut stuck_sorted = stuck.clone();
    stuck_sorted.sort();
    let mut want = vec![
        ("dead_letter".to_string(), codes[DEAD_LETTERED].clone()),
        ("no_outcome".to_string(), codes[11].clone()),
    ];
    want.sort();
    assert_eq!(stuck_sorted, want, "{stuck:?}");
    assert_eq!(
        rt.d1_count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'dashboard.read'"),
        1
    );
}

/// Today's date in WIB (UTC+7), from the system clock.
fn wib_today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 7 * 3600;
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// A decided case's held templates go after the retention period, unless their enrolment is
/// still owed; the daily sweep (the cron trigger, fired through the test runtime's
/// `/__scheduled`) audits it.
async fn held_templates_are_released_after_the_retention_period(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let ago = |days: u32| format!("strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-{days} days')");
    let mut sql = String::new();
    // (recording, days since its decision, enrolment still owed)
    let held = [
        ("ret-ref-1", 35, false),
        ("ret-ref-2", 35, true),
        ("ret-ref-3", 5, false),
    ];
    sql.push_str(&format!(
        "INSERT INTO adjudication_cases (id, opened_at, closed_at) VALUES ('ret-case', {}, {});\n",
        ago(40),
        ago(5)
    ));
    for (i, (reference, decided, owed)) in held.iter().enumerate() {
        let code = shared::domain::RegistrationCode::from_random(
            rand_u128().to_le_bytes()[..8].try_into().unwrap(),
        )
        .compact();
        sql.push_str(&format!(
            "INSERT INTO applications (id, registration_code, idempotency_key, request_hash, stage, application_type, \
             district_code, village_code, nik, full_name, form_json, warnings_json, created_at, updated_at) VALUES \
             ('ret-app-{i}', '{code}', 'ret-key-{i}', 'h', 'CANCELLED', 'baru', '33.15.05', '33.15.05.2001', \
             '3315050101900001', 'Seed', '{{}}', '[]', {old}, {old});\n\
             INSERT INTO recordings (reference_id, application_id, idempotency_key, recorded_by, district_code, \
             face_r2_key, signature_r2_key, fingers_json, recorded_at) VALUES ('{reference}', 'ret-app-{i}', \
             'ret-rec-{i}', 'staff-kec-purwodadi', '33.15.05', 'x', 'x', '[]', {old});\n\
             INSERT INTO case_applications (case_id, application_id, reference_id, attached_at, decided_at) \
             VALUES ('ret-case', 'ret-app-{i}', '{reference}', {opened}, {decided});\n",
            old = ago(100),
            opened = ago(40),
            decided = ago(*decided),
        ));
        if *owed {
            sql.push_str(&format!(
                "INSERT INTO pending_enrolments (reference_id, application_id, approved_at) \
                 VALUES ('{reference}', 'ret-app-{i}', {});\n",
                ago(35)
            ));
        }
    }
    rt.d1_query(&sql);
    let released = || {
        rt.d1_query("SELECT reference_id FROM held_template_releases WHERE reference_id LIKE 'ret-ref-%' ORDER BY 1")
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["reference_id"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let sweeps = || {
        rt.d1_count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'retention.held_templates_released'")
    };
    let fire = || async {
        let resp = tests::get(rt.url("/__scheduled?cron=17+20+*+*+*")).await;
        assert!(resp.status().is_success(), "scheduled: {}", resp.status());
    };
    fire().await;
    assert_eq!(released(), vec!["ret-ref-1".to_string()]);
    assert_eq!(sweeps(), 1);
    // Nothing more is due: the next sweep changes nothing and audits nothing.
    fire().await;
    assert_eq!(released(), vec!["ret-ref-1".to_string()]);
    assert_eq!(sweeps(), 1);
}
