//! System tests of the staff side on the real runtime: sign-in and lock-out, kecamatan scoping
//! by every route, document verification, recording, receipt and the audit log.

use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::fixtures::{purwodadi_form, recording_body, submit_application, template};
use tests::Runtime;

async fn login(rt: &Runtime, username: &str, password: &str) -> reqwest::Response {
    tests::http_client()
        .post(rt.url("/api/auth/login"))
        .json(&json!({ "username": username, "password": password }))
        .send()
        .await
        .unwrap()
}

async fn code_of(resp: reqwest::Response) -> String {
    resp.json::<Value>().await.unwrap()["code"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn wrong_passwords_lock_the_account_and_sessions_end_at_sign_out() {
    let rt = Runtime::start().await;
    let resp = login(&rt, "nobody", "whatever").await;
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(code_of(resp).await, "invalid_credentials");
    for attempt in 1..=5 {
        let resp = login(&rt, "kec.purwodadi", "wrong-password").await;
        let expected = if attempt < 5 {
            "invalid_credentials"
        } else {
            "account_locked"
        };
        assert_eq!(code_of(resp).await, expected, "attempt {attempt}");
    }
    // Locked: even the right password is refused now.
    let resp = login(&rt, "kec.purwodadi", tests::seed::DEMO_PASSWORD).await;
    assert_eq!(resp.status(), StatusCode::LOCKED);

    let staff = rt.staff_client("kec.kedungjati").await;
    let me: Value = staff.get_json("/api/auth/me").await;
    assert_eq!(me["role"], "kecamatan_operator");
    assert_eq!(me["district_code"], "33.15.01");
    assert_eq!(
        staff
            .post("/api/auth/logout")
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        staff.get("/api/auth/me").send().await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        tests::get(rt.url("/api/staff/applications")).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn kecamatan_staff_cannot_see_or_change_another_kecamatans_application() {
    let rt = Runtime::start().await;
    let (code, _) =
        submit_application(&rt.base_url, "scope-0001-application", &purwodadi_form()).await;
    let own = rt.staff_client("kec.purwodadi").await;
    let other = rt.staff_client("kec.kedungjati").await;

    let list: Value = own.get_json("/api/staff/applications").await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    let id = list["items"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(list["items"][0]["registration_code"], code);

    let list: Value = other.get_json("/api/staff/applications").await;
    assert!(list["items"].as_array().unwrap().is_empty(), "{list}");
    // Asking for another kecamatan explicitly changes nothing for a kecamatan operator.
    let list: Value = other
        .get_json("/api/staff/applications?district=33.15.13")
        .await;
    assert!(list["items"].as_array().unwrap().is_empty(), "{list}");
    for path in [
        format!("/api/staff/applications/{id}"),
        format!("/api/staff/applications/by-code/{code}"),
        format!("/api/staff/applications/{id}/documents/photo_3x4"),
        format!("/api/staff/applications/{id}/receipt"),
    ] {
        assert_eq!(
            other.get(&path).send().await.unwrap().status(),
            StatusCode::NOT_FOUND,
            "GET {path}"
        );
    }
    let verify = other
        .post(&format!("/api/staff/applications/{id}/verify"))
        .send()
        .await
        .unwrap();
    assert_eq!(verify.status(), StatusCode::NOT_FOUND);
    let ret = other
        .post(&format!("/api/staff/applications/{id}/return"))
        .json(&json!({ "reasons": ["photo_unsuitable"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(ret.status(), StatusCode::NOT_FOUND);
    let rec = other
        .record_biometrics(
            &id,
            &recording_body("scope-recording-key-01", |p| template(p.into(), 30)),
        )
        .await;
    assert_eq!(rec.status(), StatusCode::NOT_FOUND);
    let stage = rt.d1_query("SELECT stage FROM applications")[0]["stage"].clone();
    assert_eq!(stage, "PRE_FILLED", "nothing changed");

    // The dinas sees every kecamatan; the administrator sees no applications at all.
    let dinas = rt.staff_client("dinas.operator").await;
    assert_eq!(
        dinas
            .get(&format!("/api/staff/applications/{id}"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    let admin = rt.staff_client("admin").await;
    assert_eq!(
        admin
            .get("/api/staff/applications")
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn operator_verifies_records_and_gets_a_receipt_and_everything_is_audited() {
    let rt = Runtime::start().await;
    let (code, status_path) =
        submit_application(&rt.base_url, "flow-0001-application", &purwodadi_form()).await;
    let staff = rt.staff_client("kec.purwodadi").await;
    let detail: Value = staff
        .get_json(&format!(
            "/api/staff/applications/by-code/{}",
            code.to_lowercase()
        ))
        .await;
    let id = detail["id"].as_str().unwrap().to_string();
    assert_eq!(detail["form"]["nik"], "3315135211870003");
    assert_eq!(detail["documents"].as_array().unwrap().len(), 3);
    assert!(
        detail["allowed_actions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "verify_documents"),
        "{detail}"
    );

    let photo = staff
        .get(&format!("/api/staff/applications/{id}/documents/photo_3x4"))
        .send()
        .await
        .unwrap();
    assert_eq!(photo.headers()["content-type"], "image/jpeg");
    assert_eq!(photo.bytes().await.unwrap().len(), 20_000);

    // Recording before verification is refused by the life cycle.
    let early = staff
        .record_biometrics(
            &id,
            &recording_body("flow-recording-key-001", |p| template(p.into(), 35)),
        )
        .await;
    assert_eq!(early.status(), StatusCode::CONFLICT);
    assert_eq!(code_of(early).await, "transition_refused");

    let verified = staff
        .post(&format!("/api/staff/applications/{id}/verify"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        verified.json::<Value>().await.unwrap()["stage"],
        "DOCUMENTS_VERIFIED"
    );

    let body = recording_body("flow-recording-key-001", |p| template(p.into(), 35));
    let first = staff.record_biometrics(&id, &body).await;
    assert_eq!(
        first.status(),
        StatusCode::OK,
        "{}",
        first.text().await.unwrap()
    );
    let first: Value = first.json().await.unwrap();
    assert_eq!(first["stage"], "SENT_FOR_ENROLLMENT");
    // The outbox may send the same recording again: one recording, same answer.
    let again: Value = staff
        .record_biometrics(&id, &body)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again["registration_code"], first["registration_code"]);
    assert_eq!(
        rt.d1_query("SELECT COUNT(*) AS n FROM recordings")[0]["n"],
        1
    );
    // No template is kept beside the identity.
    let fingers = rt.d1_query("SELECT fingers_json FROM recordings")[0]["fingers_json"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(!fingers.contains("template"), "{fingers}");

    let receipt: Value = staff
        .get_json(&format!("/api/staff/applications/{id}/receipt"))
        .await;
    assert_eq!(receipt["registration_code"], code);
    assert_eq!(receipt["district_name"], "Purwodadi");
    assert_eq!(receipt["status_path"], status_path);

    let public: Value = tests::get(rt.url(&format!("/api/status/{code}")))
        .await
        .json()
        .await
        .unwrap();
    let stages: Vec<&str> = public["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["stage"].as_str().unwrap())
        .collect();
    // The matching worker may already have decided: the recording's own stages come first.
    assert_eq!(
        stages[..4],
        [
            "PRE_FILLED",
            "DOCUMENTS_VERIFIED",
            "BIO_CAPTURED",
            "SENT_FOR_ENROLLMENT"
        ]
    );
    assert!(
        stages.len() == 4 || stages[4] == "PRINT_READY_RECORD",
        "{stages:?}"
    );

    let actions: Vec<String> = rt
        .d1_query("SELECT action FROM audit_log WHERE application_id IS NOT NULL ORDER BY id")
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["action"].as_str().unwrap().to_string())
        .collect();
    for expected in [
        "application.read",
        "document.read",
        "application.verify",
        "application.record_biometrics",
        "application.receipt",
    ] {
        assert!(
            actions.iter().any(|a| a == expected),
            "{expected} not audited: {actions:?}"
        );
    }
}

#[tokio::test]
async fn returned_application_shows_reasons_publicly_and_audit_log_is_append_only() {
    let rt = Runtime::start().await;
    let (code, _) =
        submit_application(&rt.base_url, "return-0001-application", &purwodadi_form()).await;
    let staff = rt.staff_client("kec.purwodadi").await;
    let list: Value = staff
        .post("/api/staff/applications/search")
        .json(&json!({ "search": "siti" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = list["items"][0]["id"].as_str().unwrap().to_string();
    let empty = staff
        .post(&format!("/api/staff/applications/{id}/return"))
        .json(&json!({ "reasons": [] }))
        .send()
        .await
        .unwrap();
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let ret = staff
        .post(&format!("/api/staff/applications/{id}/return"))
        .json(&json!({ "reasons": ["photo_unsuitable", "kk_copy_missing"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(ret.json::<Value>().await.unwrap()["stage"], "RETURNED");
    let public: Value = tests::get(rt.url(&format!("/api/status/{code}")))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        public["returned_reasons"],
        json!(["photo_unsuitable", "kk_copy_missing"])
    );
    assert_eq!(public["next_action"], "correct_and_resubmit");

    // A second verify on a stale view is refused by the life cycle, not applied twice.
    let verify = staff
        .post(&format!("/api/staff/applications/{id}/verify"))
        .send()
        .await
        .unwrap();
    assert_eq!(verify.status(), StatusCode::CONFLICT);

    let tamper = rt.d1_try("DELETE FROM audit_log");
    assert!(tamper.is_err(), "audit rows could be deleted");
    let tamper = rt.d1_try("UPDATE audit_log SET action = 'x'");
    assert!(tamper.is_err(), "audit rows could be changed");
}
