//! System tests of server-side idempotency for staff writes on the real runtime: a replay under
//! the same `Idempotency-Key` gets the first answer (same status and body) and changes nothing
//! more; another request under the key is refused and stores nothing; keys of one application or
//! staff member never meet another's.

use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::fixtures::{purwodadi_form, recording_body, submit_application, template};
use tests::{Runtime, StaffClient};

/// Sends `POST path` with a JSON body and an idempotency key; answers (status, body text).
async fn post(staff: &StaffClient, path: &str, key: &str, body: &Value) -> (StatusCode, String) {
    let resp = staff
        .post(path)
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await
        .unwrap();
    (resp.status(), resp.text().await.unwrap())
}

fn code_of(body: &str) -> String {
    serde_json::from_str::<Value>(body).unwrap()["code"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn count(rt: &Runtime, sql: &str) -> u64 {
    rt.d1_query(sql)[0]["n"].as_u64().unwrap()
}

/// Submits an application and answers its id.
async fn application(rt: &Runtime, staff: &StaffClient, key: &str) -> String {
    let (code, _) = submit_application(&rt.base_url, key, &purwodadi_form()).await;
    staff
        .get_json(&format!("/api/staff/applications/by-code/{code}"))
        .await["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn replayed_verify_and_return_get_the_first_answer_and_change_nothing() {
    let rt = Runtime::start().await;
    let staff = rt.staff_client("kec.purwodadi").await;
    let a = application(&rt, &staff, "idem-0001-application").await;
    let verify = format!("/api/staff/applications/{a}/verify");

    let first = post(&staff, &verify, "idem-verify-key-0001", &json!({})).await;
    assert_eq!(first.0, StatusCode::OK, "{}", first.1);
    let stage = serde_json::from_str::<Value>(&first.1).unwrap()["stage"].clone();
    assert_eq!(stage, "DOCUMENTS_VERIFIED");
    // The outbox sends the same item again after a lost answer: the first answer, byte for byte
    // (its `updated_at` included), and no second transition.
    let again = post(&staff, &verify, "idem-verify-key-0001", &json!({})).await;
    assert_eq!(again, first);
    let events =
        format!("SELECT COUNT(*) AS n FROM application_events WHERE application_id = '{a}'");
    let audits = format!(
        "SELECT COUNT(*) AS n FROM audit_log WHERE application_id = '{a}' AND action = 'application.verify'"
    );
    assert_eq!(count(&rt, &events), 2);
    assert_eq!(count(&rt, &audits), 1);
    // A different request under the same key is refused and stores nothing.
    let other = post(&staff, &verify, "idem-verify-key-0001", &json!({ "x": 1 })).await;
    assert_eq!(other.0, StatusCode::CONFLICT);
    assert_eq!(code_of(&other.1), "idempotency_key_reused");
    assert_eq!(count(&rt, &events), 2);
    assert_eq!(count(&rt, "SELECT COUNT(*) AS n FROM idempotency_keys"), 1);
    // Without the key the request is judged afresh: the life cycle refuses a second verify.
    let bare = staff.post(&verify).send().await.unwrap();
    assert_eq!(bare.status(), StatusCode::CONFLICT);
    assert_eq!(code_of(&bare.text().await.unwrap()), "transition_refused");

    let b = application(&rt, &staff, "idem-0002-application").await;
    let ret = format!("/api/staff/applications/{b}/return");
    let reasons = json!({ "reasons": ["photo_unsuitable"] });
    let first = post(&staff, &ret, "idem-return-key-0001", &reasons).await;
    assert_eq!(first.0, StatusCode::OK, "{}", first.1);
    let again = post(&staff, &ret, "idem-return-key-0001", &reasons).await;
    assert_eq!(again, first);
    let changed = json!({ "reasons": ["kk_copy_missing"] });
    let other = post(&staff, &ret, "idem-return-key-0001", &changed).await;
    assert_eq!(other.0, StatusCode::CONFLICT);
    assert_eq!(code_of(&other.1), "idempotency_key_reused");
    let rows = rt.d1_query(&format!(
        "SELECT stage, detail_json FROM application_events WHERE application_id = '{b}' ORDER BY id"
    ));
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[1]["stage"], "RETURNED");
    assert!(
        rows[1]["detail_json"]
            .as_str()
            .unwrap()
            .contains("photo_unsuitable"),
        "{rows:?}"
    );
}

#[tokio::test]
async fn a_replayed_recording_gets_the_first_answer_and_records_once() {
    let rt = Runtime::start().await;
    let staff = rt.staff_client("kec.purwodadi").await;
    let a = application(&rt, &staff, "idem-0003-application").await;
    let verified = post(
        &staff,
        &format!("/api/staff/applications/{a}/verify"),
        "idem-verify-key-0003",
        &json!({}),
    )
    .await;
    assert_eq!(verified.0, StatusCode::OK);

    let path = format!("/api/staff/applications/{a}/biometrics");
    let key = "idem-record-key-0003";
    let body = recording_body(key, |p| template(p.into(), 35));
    let first = post(&staff, &path, key, &body).await;
    assert_eq!(first.0, StatusCode::OK, "{}", first.1);
    assert_eq!(
        serde_json::from_str::<Value>(&first.1).unwrap()["stage"],
        "SENT_FOR_ENROLLMENT"
    );
    // Whatever the matcher did meanwhile, the replay is the first answer.
    let again = post(&staff, &path, key, &body).await;
    assert_eq!(again, first);
    let recordings = "SELECT COUNT(*) AS n FROM recordings";
    let own_events = format!(
        "SELECT COUNT(*) AS n FROM application_events WHERE application_id = '{a}' \
         AND stage IN ('BIO_CAPTURED', 'SENT_FOR_ENROLLMENT')"
    );
    assert_eq!(count(&rt, recordings), 1);
    assert_eq!(count(&rt, &own_events), 2);

    // Other templates under the same key: refused, nothing stored.
    let changed = recording_body(key, |p| template(u16::from(p) + 40, 35));
    let other = post(&staff, &path, key, &changed).await;
    assert_eq!(other.0, StatusCode::CONFLICT, "{}", other.1);
    assert_eq!(code_of(&other.1), "idempotency_key_reused");
    assert_eq!(count(&rt, recordings), 1);
    assert_eq!(count(&rt, &own_events), 2);
    let answered = count(
        &rt,
        "SELECT COUNT(*) AS n FROM idempotency_keys WHERE status = 200 AND response IS NOT NULL",
    );
    assert_eq!(answered, 2, "the verify and the recording");
}

#[tokio::test]
async fn one_key_on_two_applications_or_from_two_staff_members_is_two_keys() {
    let rt = Runtime::start().await;
    let staff = rt.staff_client("kec.purwodadi").await;
    let a = application(&rt, &staff, "idem-0004-application").await;
    let b = application(&rt, &staff, "idem-0005-application").await;
    let key = "idem-shared-key-0004";

    let on_a = post(
        &staff,
        &format!("/api/staff/applications/{a}/verify"),
        key,
        &json!({}),
    )
    .await;
    assert_eq!(on_a.0, StatusCode::OK, "{}", on_a.1);
    // The same key on another application is that application's own request, not a replay
    // (nor a clash with the first one's body hash).
    let on_b = post(
        &staff,
        &format!("/api/staff/applications/{b}/verify"),
        key,
        &json!({}),
    )
    .await;
    assert_eq!(on_b.0, StatusCode::OK, "{}", on_b.1);
    let stages = rt.d1_query("SELECT stage FROM applications ORDER BY id");
    for row in stages.as_array().unwrap() {
        assert_eq!(row["stage"], "DOCUMENTS_VERIFIED");
    }
    assert_eq!(count(&rt, "SELECT COUNT(*) AS n FROM idempotency_keys"), 2);

    // Another staff member sending the operator's key gets no replay of the operator's answer:
    // their request is judged on its own (and the life cycle refuses it).
    let supervisor = rt.staff_client("dinas.supervisor").await;
    let theirs = post(
        &supervisor,
        &format!("/api/staff/applications/{a}/verify"),
        key,
        &json!({}),
    )
    .await;
    assert_eq!(theirs.0, StatusCode::CONFLICT, "{}", theirs.1);
    assert_eq!(code_of(&theirs.1), "transition_refused");
    assert_eq!(count(&rt, "SELECT COUNT(*) AS n FROM idempotency_keys"), 2);
}
