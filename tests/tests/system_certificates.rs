//! System tests of the Surat Keterangan on the real runtime: issuing through the one transition
//! path (D1 row, timeline, audit, signed QR text that verifies with the served key ring), one
//! valid certificate at a time, idempotent replay, role and stage refusals, revocation by a
//! supervisor and the signed revocation list.

use biometrics::search::synthetic::{synthetic_template, Rng};
use reqwest::StatusCode;
use serde_json::{json, Value};
use shared::api::{CertificateDocument, CertificateStanding, ErrorBody, ErrorCode};
use shared::domain::Date;
use shared::signed::{
    open_revocation_list, status_of, verify_certificate, KeyRing, KeyRole, RevocationStatus,
    Verdict, Verification,
};
use std::time::{Duration, Instant};
use tests::fixtures::{purwodadi_application, recording_body};
use tests::{Runtime, StaffClient};

/// Submits, verifies and records `person` (a synthetic finger set of its own, so the matcher
/// finds no duplicate), then waits for PRINT_READY_RECORD. Returns (code, id).
async fn printable(
    rt: &Runtime,
    kecamatan: &StaffClient,
    key: &str,
    person: u64,
) -> (String, String) {
    let (code, id) = purwodadi_application(rt, &format!("cert-{key}-application")).await;
    let verified = kecamatan
        .post(&format!("/api/staff/applications/{id}/verify"))
        .send()
        .await
        .unwrap();
    assert!(verified.status().is_success(), "verify {id}");
    let body = recording_body(&format!("cert-{key}-recording"), |p| {
        synthetic_template(&mut Rng::new(person * 100 + u64::from(p)))
    });
    let recorded = kecamatan.record_biometrics(&id, &body).await;
    assert!(recorded.status().is_success(), "record {id}");
    let start = Instant::now();
    loop {
        let stage = rt.stage_of(&id);
        if stage == "PRINT_READY_RECORD" {
            return (code, id);
        }
        assert!(
            stage == "SENT_FOR_ENROLLMENT" && start.elapsed() < Duration::from_secs(60),
            "{id} is {stage}"
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

fn count(rt: &Runtime, sql: &str) -> u64 {
    rt.d1_count(sql)
}

async fn error_code(resp: reqwest::Response) -> ErrorCode {
    resp.json::<ErrorBody>().await.expect("error body").code
}

async fn ring(rt: &Runtime) -> KeyRing {
    let resp = tests::get(rt.url("/api/certificates/keys")).await;
    assert_eq!(resp.status(), StatusCode::OK);
    KeyRing::parse(&resp.text().await.unwrap()).expect("the served ring parses")
}

async fn issue(staff: &StaffClient, id: &str, key: Option<&str>) -> reqwest::Response {
    let mut req = staff.post(&format!("/api/dinas/applications/{id}/certificate"));
    if let Some(key) = key {
        req = req.header("Idempotency-Key", key);
    }
    req.send().await.unwrap()
}

async fn revoke(staff: &StaffClient, number: &str, reason: &str) -> reqwest::Response {
    staff
        .post(&format!("/api/dinas/certificates/{number}/revoke"))
        .json(&json!({ "reason": reason }))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_dinas_issues_one_verifiable_certificate_at_a_time_and_nobody_else_can() {
    let rt = Runtime::start().await;
    let kecamatan = rt.staff_client("kec.purwodadi").await;
    let operator = rt.staff_client("dinas.operator").await;
    let supervisor = rt.staff_client("dinas.supervisor").await;

    // Not yet recorded: the stage refuses, and nothing is stored.
    let (early_code, early) = purwodadi_application(&rt, "cert-early-application").await;
    let refused = issue(&operator, &early, Some("cert-early-issue-0001")).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert_eq!(error_code(refused).await, ErrorCode::TransitionRefused);
    assert_eq!(count(&rt, "SELECT COUNT(*) AS n FROM certificates"), 0);

    let (code, id) = printable(&rt, &kecamatan, "one", 1).await;
    // A kecamatan operator reaches this application elsewhere, but no certificate route.
    // Each refusal is audited as such, and nothing else is written.
    let refusals = "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'request.refused'";
    let others = "SELECT COUNT(*) AS n FROM audit_log WHERE action <> 'request.refused'";
    let (before_refusals, before_others) = (count(&rt, refusals), count(&rt, others));
    let k_issue = issue(&kecamatan, &id, None).await;
    assert_eq!(k_issue.status(), StatusCode::FORBIDDEN);
    let k_read = kecamatan
        .get(&format!("/api/dinas/applications/{id}/certificate"))
        .send()
        .await
        .unwrap();
    assert_eq!(k_read.status(), StatusCode::FORBIDDEN);
    let k_revoke = revoke(&kecamatan, "SK-3315-1-000001", "salah cetak").await;
    assert_eq!(k_revoke.status(), StatusCode::FORBIDDEN);
    // The rules let only the operator issue: a supervisor is refused too.
    let s_issue = issue(&supervisor, &id, None).await;
    assert_eq!(s_issue.status(), StatusCode::FORBIDDEN);
    assert_eq!(count(&rt, "SELECT COUNT(*) AS n FROM certificates"), 0);
    assert_eq!(
        (count(&rt, refusals), count(&rt, others)),
        (before_refusals + 4, before_others)
    );

    let first = issue(&operator, &id, Some("cert-one-issue-0001")).await;
    assert_eq!(first.status(), StatusCode::OK);
    let first_body = first.text().await.unwrap();
    let doc: CertificateDocument = serde_json::from_str(&first_body).unwrap();
    assert_eq!(doc.number, "SK-3315-1-000001");
    assert_eq!(doc.serial, 1);
    assert_eq!(doc.registration_code, code);
    assert_eq!(doc.standing, CertificateStanding::Valid);
    assert_eq!(doc.key_id, "DE03", "the test runtime's key id");
    assert!(doc.test_key, "a test runtime's key is never genuine");
    assert_eq!(doc.holder.nik, "3315135211870003");
    assert_eq!(doc.holder.full_name, "SITI AMINAH");
    assert_eq!(doc.holder.sex, "PEREMPUAN");
    assert_eq!(doc.holder.marital_status, "KAWIN TERCATAT");
    assert_eq!(doc.holder.address.district_name, "PURWODADI");
    assert!(!doc.holder.address.village_name.is_empty(), "{first_body}");
    assert_eq!(doc.office.regency_code, "33.15");
    assert_eq!(
        doc.photo_path.as_deref(),
        Some(format!("/api/staff/applications/{id}/documents/photo_3x4").as_str())
    );
    assert_eq!(doc.issued_by, "Operator Dinas");

    // The QR text verifies with the ring the edge serves and carries the applicant's identity.
    let ring = ring(&rt).await;
    let key = ring
        .find(shared::signed::KeyId(0xDE03))
        .expect("the runtime's key is served");
    assert_eq!(key.role, KeyRole::Test);
    let issued_on = Date::parse_iso(&doc.issued_on).unwrap();
    match verify_certificate(&doc.qr_text, &ring, issued_on, None) {
        Verification::Genuine {
            certificate,
            verdict,
            ..
        } => {
            assert_eq!(certificate.claims.nik.as_digits(), "3315135211870003");
            assert_eq!(certificate.claims.full_name, "SITI AMINAH");
            assert_eq!(certificate.claims.number(), doc.number);
            assert_eq!(certificate.claims.expires_on.to_string(), doc.expires_on);
            assert!(matches!(verdict, Verdict::Valid { .. }), "{verdict:?}");
        }
        forged => panic!("the issued QR text does not verify: {forged:?}"),
    }
    // Stored, with its timeline event and audit entry, and the stage unchanged.
    let rows = rt.d1_query(&format!(
        "SELECT number, serial, key_id, issued_by, revoked_on FROM certificates WHERE application_id = '{id}'"
    ));
    assert_eq!(
        rows,
        json!([{ "number": "SK-3315-1-000001", "serial": 1, "key_id": "DE03",
                 "issued_by": "staff-dinas-operator", "revoked_on": null }])
    );
    assert_eq!(
        count(
            &rt,
            &format!(
                "SELECT COUNT(*) AS n FROM audit_log WHERE application_id = '{id}' \
             AND action = 'certificate.issue' AND staff_id = 'staff-dinas-operator'"
            )
        ),
        1
    );
    assert_eq!(rt.stage_of(&id), "PRINT_READY_RECORD");

    // The same request under the same key is answered again, and nothing more is stored.
    let replay = issue(&operator, &id, Some("cert-one-issue-0001")).await;
    assert_eq!(replay.status(), StatusCode::OK);
    assert_eq!(replay.text().await.unwrap(), first_body);
    // Another issue while it is valid: 409 with its own code, nothing stored.
    let second = issue(&operator, &id, Some("cert-one-issue-0002")).await;
    assert_eq!(second.status(), StatusCode::CONFLICT);
    assert_eq!(error_code(second).await, ErrorCode::CertificateAlreadyValid);
    let without_key = issue(&operator, &id, None).await;
    assert_eq!(
        error_code(without_key).await,
        ErrorCode::CertificateAlreadyValid
    );
    assert_eq!(count(&rt, "SELECT COUNT(*) AS n FROM certificates"), 1);
    assert_eq!(
        count(&rt, &format!(
            "SELECT COUNT(*) AS n FROM audit_log WHERE application_id = '{id}' AND action = 'certificate.issue'"
        )),
        1
    );

    // Reprint: the same document, and the read is audited.
    let reprint: CertificateDocument = operator
        .get(&format!("/api/dinas/applications/{id}/certificate"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(reprint, doc);
    assert_eq!(
        count(&rt, &format!(
            "SELECT COUNT(*) AS n FROM audit_log WHERE application_id = '{id}' AND action = 'certificate.read'"
        )),
        1
    );

    // The public status page says a valid certificate exists, with dates only; its timeline
    // does not repeat the stage for the side event.
    let status: Value = tests::get(rt.url(&format!("/api/status/{code}")))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(status["certificate"]["valid"], true, "{status}");
    assert_eq!(status["certificate"]["issued_on"], doc.issued_on.as_str());
    assert_eq!(status["certificate"]["expires_on"], doc.expires_on.as_str());
    let text = status.to_string();
    assert!(
        !text.contains("3315135211870003") && !text.contains("SITI"),
        "{text}"
    );
    let prr = status["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["stage"] == "PRINT_READY_RECORD")
        .count();
    assert_eq!(prr, 1, "{status}");
    // An application without a certificate has no such field.
    let none: Value = tests::get(rt.url(&format!("/api/status/{early_code}")))
        .await
        .json()
        .await
        .unwrap();
    assert!(none.get("certificate").is_none(), "{none}");
}

#[tokio::test]
async fn a_supervisor_revokes_with_a_reason_and_the_signed_list_says_so() {
    let rt = Runtime::start().await;
    let kecamatan = rt.staff_client("kec.purwodadi").await;
    let operator = rt.staff_client("dinas.operator").await;
    let supervisor = rt.staff_client("dinas.supervisor").await;
    let (code, id) = printable(&rt, &kecamatan, "revoke", 2).await;
    let (_, other) = printable(&rt, &kecamatan, "keep", 3).await;
    let doc: CertificateDocument = issue(&operator, &id, None).await.json().await.unwrap();
    let kept: CertificateDocument = issue(&operator, &other, None).await.json().await.unwrap();
    assert_eq!((doc.serial, kept.serial), (1, 2));

    // Before any revocation the list covers both and marks neither.
    let ring = ring(&rt).await;
    let list_text = |rt: &Runtime| {
        let url = rt.url("/api/certificates/revocations");
        async move {
            let resp = tests::get(url).await;
            assert_eq!(resp.status(), StatusCode::OK);
            let cache = resp.headers()["cache-control"]
                .to_str()
                .unwrap()
                .to_string();
            assert!(cache.contains("max-age=300"), "{cache}");
            resp.text().await.unwrap()
        }
    };
    let list = open_revocation_list(&ring, &list_text(&rt).await).expect("signed list");
    assert_eq!(list.covered(), 3);
    assert_eq!(status_of(1, &list), RevocationStatus::NotRevoked);

    // The operator may not revoke; a supervisor must give a reason.
    let by_operator = revoke(&operator, &doc.number, "data keliru").await;
    assert_eq!(by_operator.status(), StatusCode::FORBIDDEN);
    let no_reason = revoke(&supervisor, &doc.number, "   ").await;
    assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let unknown = revoke(&supervisor, "SK-3315-1-000099", "data keliru").await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        count(
            &rt,
            "SELECT COUNT(*) AS n FROM certificates WHERE revoked_on IS NOT NULL"
        ),
        0
    );

    let revoked = supervisor
        .post(&format!("/api/dinas/certificates/{}/revoke", doc.number))
        .header("Idempotency-Key", "cert-revoke-0001")
        .json(&json!({ "reason": "data keliru" }))
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), StatusCode::OK);
    let answer: Value = revoked.json().await.unwrap();
    assert_eq!(answer["number"], doc.number.as_str());
    let row = &rt.d1_query(&format!(
        "SELECT revoked_on, revoked_by, revoke_reason FROM certificates WHERE number = '{}'",
        doc.number
    ))[0];
    assert_eq!(row["revoked_by"], "staff-dinas-supervisor");
    assert_eq!(row["revoke_reason"], "data keliru");
    assert_eq!(row["revoked_on"], answer["revoked_on"]);
    assert_eq!(
        count(
            &rt,
            &format!(
                "SELECT COUNT(*) AS n FROM audit_log WHERE application_id = '{id}' \
             AND action = 'certificate.revoke' AND staff_id = 'staff-dinas-supervisor'"
            )
        ),
        1
    );
    // Replayed under its key: the same answer; revoking again without it: not valid.
    let replay = supervisor
        .post(&format!("/api/dinas/certificates/{}/revoke", doc.number))
        .header("Idempotency-Key", "cert-revoke-0001")
        .json(&json!({ "reason": "data keliru" }))
        .send()
        .await
        .unwrap();
    assert_eq!(replay.json::<Value>().await.unwrap(), answer);
    let again = revoke(&supervisor, &doc.number, "data keliru").await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert_eq!(error_code(again).await, ErrorCode::CertificateNotValid);

    // The list now marks the revoked serial only, and a verifier holding it says "revoked".
    let list = open_revocation_list(&ring, &list_text(&rt).await).expect("signed list");
    assert_eq!(status_of(1, &list), RevocationStatus::Revoked);
    assert_eq!(status_of(2, &list), RevocationStatus::NotRevoked);
    let today = Date::parse_iso(&doc.issued_on).unwrap();
    match verify_certificate(&doc.qr_text, &ring, today, Some(&list)) {
        Verification::Genuine { verdict, .. } => {
            assert!(matches!(verdict, Verdict::Revoked { .. }), "{verdict:?}")
        }
        forged => panic!("{forged:?}"),
    }
    let text = list_text(&rt).await;
    assert!(!text.contains("SITI") && !text.contains("3315135211870003"));

    // The status page shows it as no longer valid; a new one may now be issued.
    let status: Value = tests::get(rt.url(&format!("/api/status/{code}")))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(status["certificate"]["valid"], false, "{status}");
    let reissued: CertificateDocument = issue(&operator, &id, None).await.json().await.unwrap();
    assert_eq!(reissued.number, "SK-3315-1-000003");
    let current: CertificateDocument = operator
        .get(&format!("/api/dinas/applications/{id}/certificate"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(current.number, reissued.number);
}
