//! System tests of the dinas adjudication console on the real runtime: a person recorded under
//! two NIKs at two kecamatan is held by the matcher, the case is opened, proposed on by one
//! person and approved (or sent back) by another supervisor, and every decision path moves the
//! application through the one transition path. Fingerprints are SYNTHETIC templates
//! (`biometrics::search::synthetic`), as in `system_matching.rs`.

use serde_json::{json, Value};
use std::time::{Duration, Instant};
use tests::fixtures::{
    application_form, purwodadi_form, recording_body, submit_application, synthetic_finger,
};
use tests::{Runtime, StaffClient};

const DECISION_TIMEOUT: Duration = Duration::from_secs(60);

/// The same resident's form in Kedungjati under another NIK.
fn kedungjati_form() -> Value {
    let mut form = application_form("33.15.01", "33.15.01.2001");
    form["nik"] = json!("3315015211870004");
    form
}

/// Submits, verifies and records `person`; returns the application id once the matcher decided,
/// with the stage it decided.
async fn record(
    rt: &Runtime,
    staff: &StaffClient,
    form: &Value,
    key: &str,
    person: u64,
    take: u16,
) -> (String, String) {
    let (code, _) = submit_application(&rt.base_url, &format!("adj-{key}-application"), form).await;
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
    let body = recording_body(&format!("adj-{key}-recording"), |p| {
        synthetic_finger(person, take, p)
    });
    let resp = staff.record_biometrics(&id, &body).await;
    assert!(resp.status().is_success(), "record {id}");
    let start = Instant::now();
    loop {
        let stage = rt.stage_of(&id);
        if stage != "SENT_FOR_ENROLLMENT" {
            return (id, stage);
        }
        assert!(start.elapsed() < DECISION_TIMEOUT, "{id} still {stage}");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

/// A person recorded first in Purwodadi (printable) and again in Kedungjati under another NIK
/// (held). Returns (first application, held application, case id).
async fn held_person(
    rt: &Runtime,
    purwodadi: &StaffClient,
    kedungjati: &StaffClient,
    person: u64,
) -> (String, String, String) {
    let (first, stage) = record(
        rt,
        purwodadi,
        &purwodadi_form(),
        &format!("{person}-a"),
        person,
        0,
    )
    .await;
    assert_eq!(stage, "PRINT_READY_RECORD");
    let (held, stage) = record(
        rt,
        kedungjati,
        &kedungjati_form(),
        &format!("{person}-b"),
        person,
        1,
    )
    .await;
    assert!(
        stage == "DUPLICATE_RECORD" || stage == "ADJUDICATE_RECORD",
        "{stage}"
    );
    (first, held.clone(), case_of(rt, &held))
}

/// The open case holding `application`.
fn case_of(rt: &Runtime, application: &str) -> String {
    let rows = rt.d1_query(&format!(
        "SELECT ca.case_id FROM case_applications ca JOIN adjudication_cases c ON c.id = ca.case_id \
         WHERE ca.application_id = '{application}' AND c.closed_at IS NULL"
    ));
    rows[0]["case_id"]
        .as_str()
        .expect("an open case")
        .to_string()
}

fn audit_rows(rt: &Runtime, action: &str, case: &str) -> u64 {
    rt.d1_count(&format!(
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = '{action}' \
         AND json_extract(detail_json, '$.case_id') = '{case}'"
    ))
}

/// POSTs `body` with an idempotency key made from `key`; (status, body).
async fn write(staff: &StaffClient, path: &str, key: &str, body: &Value) -> (u16, Value) {
    let resp = staff
        .post(path)
        .header("Idempotency-Key", format!("adjudication-test-{key}"))
        .json(body)
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

async fn open(staff: &StaffClient, case: &str) -> (u16, Value) {
    let resp = staff
        .get(&format!("/api/dinas/cases/{case}"))
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

async fn propose(staff: &StaffClient, case: &str, key: &str, body: Value) -> (u16, Value) {
    write(
        staff,
        &format!("/api/dinas/cases/{case}/proposals"),
        key,
        &body,
    )
    .await
}

async fn review(
    staff: &StaffClient,
    case: &str,
    proposal: &str,
    verb: &str,
    key: &str,
    reason: &str,
) -> (u16, Value) {
    write(
        staff,
        &format!("/api/dinas/cases/{case}/proposals/{proposal}/{verb}"),
        key,
        &json!({ "reason": reason }),
    )
    .await
}

#[tokio::test]
async fn not_a_duplicate_is_two_persons_then_enrolled_so_a_third_recording_is_caught() {
    let rt = Runtime::start().await;
    let purwodadi = rt.staff_client("kec.purwodadi").await;
    let kedungjati = rt.staff_client("kec.kedungjati").await;
    let operator = rt.staff_client("dinas.operator").await;
    let supervisor = rt.staff_client("dinas.supervisor").await;
    let admin = rt.staff_client("admin").await;
    let (first, held, case) = held_person(&rt, &purwodadi, &kedungjati, 11).await;

    // The list: oldest first, the best score with its chance, nobody holding it.
    let list = operator.get_json("/api/dinas/cases").await;
    let item = &list["items"][0];
    assert_eq!(item["case_id"], case.as_str(), "{list}");
    assert_eq!(item["application_id"], held.as_str());
    assert_eq!(item["district_code"], "33.15.01");
    assert!(item["best"]["fused_score"].as_f64().unwrap() > 0.0);
    assert!(
        item["best"]["chance"]["one_in"].as_u64().unwrap() >= 10,
        "{item}"
    );
    assert!(item["claim"].is_null());

    // Nobody outside the dinas reaches any adjudication route.
    for outsider in [&purwodadi, &kedungjati, &admin] {
        let list = outsider.get("/api/dinas/cases").send().await.unwrap();
        assert_eq!(list.status().as_u16(), 403);
        assert_eq!(open(outsider, &case).await.0, 403);
        let overlay = outsider
            .get(&format!(
                "/api/dinas/cases/{case}/overlay?candidate={first}&finger=2"
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(overlay.status().as_u16(), 403);
        let face = outsider
            .get(&format!("/api/dinas/cases/{case}/faces/{first}"))
            .send()
            .await
            .unwrap();
        assert_eq!(face.status().as_u16(), 403);
        let body = json!({ "decision": "not_duplicate", "reason": "x" });
        assert_eq!(propose(outsider, &case, "out-p", body).await.0, 403);
        assert_eq!(
            review(outsider, &case, "p", "approve", "out-a", "x")
                .await
                .0,
            403
        );
        assert_eq!(
            review(outsider, &case, "p", "send-back", "out-s", "x")
                .await
                .0,
            403
        );
        let clarify = json!({ "statement": "x", "documents_seen": [], "outcome": "matcher_error" });
        let path = format!("/api/dinas/cases/{case}/clarifications");
        assert_eq!(write(outsider, &path, "out-c", &clarify).await.0, 403);
        let release = format!("/api/dinas/cases/{case}/release");
        assert_eq!(write(outsider, &release, "out-r", &json!({})).await.0, 403);
    }

    // Opening claims the case and shows both records side by side; audited per record shown.
    let (status, view) = open(&operator, &case).await;
    assert_eq!(status, 200, "{view}");
    let h = &view["held"][0];
    assert_eq!(h["probe"]["application_id"], held.as_str());
    assert_eq!(
        h["candidates"][0]["record"]["application_id"],
        first.as_str()
    );
    assert_eq!(
        h["candidates"][0]["differing_fields"],
        json!(["nik", "address"])
    );
    assert_eq!(h["candidates"][0]["scores"].as_array().unwrap().len(), 10);
    assert_eq!(h["probe"]["fingers"][4]["exception"], "bandaged");
    assert_eq!(h["probe"]["recorded_by"], "Operator Kec. Kedungjati");
    assert_eq!(view["claim"]["held_by_me"], true);
    let view_rows = audit_rows(&rt, "case.view", &case);
    assert_eq!(view_rows, 2, "one row per application shown");
    // Someone else's live claim: 409.
    let (status, body) = open(&supervisor, &case).await;
    assert_eq!((status, body["code"].as_str()), (409, Some("case_held")));

    // The overlay of one finger pair: minutiae, pairs and a score, audited for both records.
    let overlay: Value = operator
        .get_json(&format!(
            "/api/dinas/cases/{case}/overlay?candidate={first}&finger=2"
        ))
        .await;
    assert!(overlay["score"].as_f64().unwrap() > 0.0, "{overlay}");
    assert!(!overlay["pairs"].as_array().unwrap().is_empty());
    assert!(!overlay["candidate_minutiae"].as_array().unwrap().is_empty());
    let overlay_rows = audit_rows(&rt, "case.overlay", &case);
    assert_eq!(overlay_rows, 2);
    let face = operator
        .get(&format!("/api/dinas/cases/{case}/faces/{first}"))
        .send()
        .await
        .unwrap();
    assert_eq!(face.status().as_u16(), 200);

    // A reason is required; the proposal changes no stage and frees the case.
    let blank = json!({ "decision": "not_duplicate", "reason": "  " });
    assert_eq!(propose(&operator, &case, "p-blank", blank).await.0, 422);
    let body = json!({ "decision": "not_duplicate", "reason": "Twins: different faces, KK shows two daughters" });
    let (status, proposed) = propose(&operator, &case, "p-1", body).await;
    assert_eq!(status, 200, "{proposed}");
    assert_eq!(proposed["proposal"]["status"], "pending");
    let proposal = proposed["proposal"]["id"].as_str().unwrap().to_string();
    assert_eq!(rt.stage_of(&held), "DUPLICATE_RECORD");
    let propose_rows = audit_rows(&rt, "case.propose", &case);
    assert_eq!(propose_rows, 1);
    // The operator cannot approve at all; the supervisor must open the case and give a reason.
    assert_eq!(
        review(&operator, &case, &proposal, "approve", "a-op", "ok")
            .await
            .0,
        403
    );
    let (status, body) = review(&supervisor, &case, &proposal, "approve", "a-0", "ok").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("claim_required"))
    );
    assert_eq!(open(&supervisor, &case).await.0, 200);
    assert_eq!(
        review(&supervisor, &case, &proposal, "approve", "a-1", " ")
            .await
            .0,
        422
    );
    let (status, approved) = review(
        &supervisor,
        &case,
        &proposal,
        "approve",
        "a-2",
        "Faces and KK checked",
    )
    .await;
    assert_eq!(status, 200, "{approved}");
    assert_eq!(approved["stage"], "PRINT_READY_RECORD");
    assert_eq!(approved["enrolment"], "enrolled");
    assert_eq!(approved["case_closed"], true);
    let approve_rows = audit_rows(&rt, "case.approve", &case);
    assert_eq!(approve_rows, 1);
    // A replay answers the same and changes nothing more.
    let (status, replayed) = review(
        &supervisor,
        &case,
        &proposal,
        "approve",
        "a-2",
        "Faces and KK checked",
    )
    .await;
    assert_eq!(
        (status, replayed["stage"].clone()),
        (200, json!("PRINT_READY_RECORD"))
    );
    assert_eq!(audit_rows(&rt, "case.approve", &case), 1);
    let events = rt.d1_query(&format!(
        "SELECT actor FROM application_events WHERE application_id = '{held}' AND stage = 'PRINT_READY_RECORD'"
    ));
    assert_eq!(events[0]["actor"], "dinas_supervisor");
    assert_eq!(
        rt.d1_count("SELECT COUNT(*) AS n FROM pending_enrolments WHERE enrolled_at IS NOT NULL"),
        1
    );

    // Enrolled after the approval: a third recording of the person finds both earlier ones.
    let (third, stage) = record(&rt, &purwodadi, &purwodadi_form(), "11-c", 11, 2).await;
    assert_eq!(stage, "DUPLICATE_RECORD");
    let searched = rt.d1_query(&format!(
        "SELECT m.searched_people, m.candidates_json FROM recordings r \
         JOIN match_results m ON m.reference_id = r.reference_id WHERE r.application_id = '{third}'"
    ));
    assert_eq!(
        searched[0]["searched_people"], 2,
        "the approved recording joined the gallery"
    );
    let third_case = case_of(&rt, &third);
    assert_ne!(
        third_case, case,
        "the first case is closed: a new one opens"
    );

    // The proposer cannot approve their own proposal.
    assert_eq!(open(&supervisor, &third_case).await.0, 200);
    let body = json!({ "decision": "inconclusive", "reason": "Smudged prints" });
    let (status, proposed) = propose(&supervisor, &third_case, "p-own", body).await;
    assert_eq!(status, 200, "{proposed}");
    let own = proposed["proposal"]["id"].as_str().unwrap().to_string();
    assert_eq!(open(&supervisor, &third_case).await.0, 200);
    let (status, _) = review(&supervisor, &third_case, &own, "approve", "a-own", "Mine").await;
    assert_eq!(status, 403);
    assert_eq!(rt.stage_of(&third), "DUPLICATE_RECORD");

    // Nobody adjudicates a record they recorded (as if the dinas operator had recorded it).
    rt.d1_query(&format!(
        "UPDATE recordings SET recorded_by = 'staff-dinas-supervisor' WHERE application_id = '{first}'"
    ));
    let (status, _) = review(&supervisor, &third_case, &own, "send-back", "s-own", "Mine").await;
    assert_eq!(status, 403, "own proposal and own recording");
    let (status, _) = propose(
        &supervisor,
        &third_case,
        "p-rec",
        json!({ "decision": "not_duplicate", "reason": "x" }),
    )
    .await;
    assert_eq!(
        status, 403,
        "the candidate's recording operator may not propose"
    );
    eprintln!(
        "audit rows for case {case}: view {view_rows} (2 records shown), overlay {overlay_rows}, \
         propose {propose_rows}, approve {approve_rows}"
    );
}

#[tokio::test]
async fn duplicate_clarification_rerecord_and_operator_prints_paths() {
    let rt = Runtime::start().await;
    let purwodadi = rt.staff_client("kec.purwodadi").await;
    let kedungjati = rt.staff_client("kec.kedungjati").await;
    let operator = rt.staff_client("dinas.operator").await;
    let supervisor = rt.staff_client("dinas.supervisor").await;

    // Duplicate of the first record -> stays DUPLICATE_RECORD -> clarification: same person.
    let (first, held, case) = held_person(&rt, &purwodadi, &kedungjati, 21).await;
    assert_eq!(open(&operator, &case).await.0, 200);
    let no_candidate = json!({ "decision": "duplicate", "reason": "Same prints" });
    assert_eq!(propose(&operator, &case, "d-0", no_candidate).await.0, 422);
    let body = json!({ "decision": "duplicate", "reason": "Same prints, same face", "candidate_application_id": first });
    let (status, proposed) = propose(&operator, &case, "d-1", body).await;
    assert_eq!(status, 200, "{proposed}");
    let proposal = proposed["proposal"]["id"].as_str().unwrap().to_string();
    assert_eq!(open(&supervisor, &case).await.0, 200);
    let (status, approved) =
        review(&supervisor, &case, &proposal, "approve", "d-2", "Confirmed").await;
    assert_eq!(status, 200, "{approved}");
    assert_eq!(approved["stage"], "DUPLICATE_RECORD");
    assert_eq!(approved["case_closed"], false, "open for the clarification");
    // The public page asks the resident to come with documents; nothing of the other person.
    let code = rt.d1_query(&format!(
        "SELECT registration_code FROM applications WHERE id = '{held}'"
    ))[0]["registration_code"]
        .as_str()
        .unwrap()
        .to_string();
    let status_page = tests::get(rt.url(&format!("/api/status/{code}")))
        .await
        .text()
        .await
        .unwrap();
    assert!(status_page.contains("clarify_at_dinas"), "{status_page}");
    assert!(!status_page.contains(&first) && !status_page.contains("3315135211870003"));

    assert_eq!(open(&operator, &case).await.0, 200);
    let clarification = json!({
        "statement": "Lost the old KTP and applied again at the new address",
        "documents_seen": ["registration_receipt", "family_card"],
        "outcome": "same_person_applying_again",
    });
    let path = format!("/api/dinas/cases/{case}/clarifications");
    let (status, clarified) = write(&operator, &path, "c-1", &clarification).await;
    assert_eq!(status, 200, "{clarified}");
    assert_eq!(clarified["stage"], "CANCELLED");
    assert_eq!(clarified["case_closed"], true);
    let link = rt.d1_query(&format!(
        "SELECT existing_application_id FROM clarifications WHERE application_id = '{held}'"
    ));
    assert_eq!(
        link[0]["existing_application_id"],
        first.as_str(),
        "linked to the existing record"
    );
    let clarify_rows = audit_rows(&rt, "case.clarify", &case);
    assert_eq!(clarify_rows, 1);

    // Inconclusive -> ENROLL_FAILURE, with the reason visible at the kecamatan; a sent-back
    // proposal first.
    let (_, held, case) = held_person(&rt, &purwodadi, &kedungjati, 22).await;
    assert_eq!(open(&operator, &case).await.0, 200);
    let body = json!({ "decision": "not_duplicate", "reason": "Looks different" });
    let (_, proposed) = propose(&operator, &case, "i-0", body).await;
    let proposal = proposed["proposal"]["id"].as_str().unwrap().to_string();
    assert_eq!(open(&supervisor, &case).await.0, 200);
    assert_eq!(
        review(&supervisor, &case, &proposal, "send-back", "i-s0", "")
            .await
            .0,
        422
    );
    let (status, sent_back) = review(
        &supervisor,
        &case,
        &proposal,
        "send-back",
        "i-s1",
        "Prints too poor to say",
    )
    .await;
    assert_eq!(
        (status, sent_back["proposal"]["status"].clone()),
        (200, json!("sent_back"))
    );
    assert_eq!(rt.stage_of(&held), "DUPLICATE_RECORD");
    assert_eq!(open(&operator, &case).await.0, 200);
    let body = json!({ "decision": "inconclusive", "reason": "Smudged right hand, record again" });
    let (_, proposed) = propose(&operator, &case, "i-1", body).await;
    let proposal = proposed["proposal"]["id"].as_str().unwrap().to_string();
    assert_eq!(open(&supervisor, &case).await.0, 200);
    let (status, approved) =
        review(&supervisor, &case, &proposal, "approve", "i-2", "Agreed").await;
    assert_eq!(
        (status, approved["stage"].clone()),
        (200, json!("ENROLL_FAILURE"))
    );
    let detail = kedungjati
        .get_json(&format!("/api/staff/applications/{held}"))
        .await;
    assert_eq!(
        detail["rerecord_reason"]["decision"], "inconclusive",
        "{detail}"
    );
    assert_eq!(
        detail["rerecord_reason"]["reason"],
        "Smudged right hand, record again"
    );

    // The operator's own prints -> ENROLL_FAILURE and the recording flagged; a stale claim and
    // someone else's claim on the way.
    let (_, held, case) = held_person(&rt, &purwodadi, &kedungjati, 23).await;
    // Another recording of the person while the case is open joins it instead of opening one.
    let (again, stage) = record(&rt, &purwodadi, &purwodadi_form(), "23-c", 23, 2).await;
    assert_eq!(stage, "DUPLICATE_RECORD");
    assert_eq!(case_of(&rt, &again), case, "attached to the open case");
    let list = operator.get_json("/api/dinas/cases").await;
    let item = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["case_id"] == case.as_str())
        .expect("the case is listed");
    assert_eq!(item["held_applications"], 2, "{item}");
    assert_eq!(
        item["application_id"],
        held.as_str(),
        "the first held application leads"
    );
    assert_eq!(open(&operator, &case).await.0, 200);
    rt.d1_query(&format!(
        "UPDATE adjudication_cases SET last_activity_at = '2000-01-01T00:00:00.000Z' WHERE id = '{case}'"
    ));
    let body =
        json!({ "decision": "operator_fingerprints", "reason": "Prints match the operator's" });
    let (status, stale) = propose(&operator, &case, "o-0", body.clone()).await;
    assert_eq!(
        (status, stale["code"].as_str()),
        (409, Some("claim_required"))
    );
    assert_eq!(
        open(&supervisor, &case).await.0,
        200,
        "a lapsed claim is taken over"
    );
    let (status, taken) = propose(&operator, &case, "o-1", body.clone()).await;
    assert_eq!((status, taken["code"].as_str()), (409, Some("case_held")));
    // A supervisor frees a case someone else holds.
    let release = format!("/api/dinas/cases/{case}/release");
    assert_eq!(write(&supervisor, &release, "o-r", &json!({})).await.0, 200);
    assert_eq!(open(&operator, &case).await.0, 200);
    let (status, released) = write(&supervisor, &release, "o-r2", &json!({})).await;
    assert_eq!((status, released["released"].clone()), (200, json!(true)));
    let (status, freed) = propose(&operator, &case, "o-1b", body.clone()).await;
    assert_eq!(
        (status, freed["code"].as_str()),
        (409, Some("claim_required"))
    );
    // The operator opens it again and proposes; the supervisor approves.
    assert_eq!(open(&operator, &case).await.0, 200);
    let (status, proposed) = propose(&operator, &case, "o-2", body).await;
    assert_eq!(status, 200, "{proposed}");
    let proposal = proposed["proposal"]["id"].as_str().unwrap().to_string();
    assert_eq!(open(&supervisor, &case).await.0, 200);
    let (status, approved) = review(
        &supervisor,
        &case,
        &proposal,
        "approve",
        "o-3",
        "Confirmed with the operator",
    )
    .await;
    assert_eq!(
        (status, approved["stage"].clone()),
        (200, json!("ENROLL_FAILURE"))
    );
    let flags = rt.d1_query(&format!(
        "SELECT f.kind, f.reference_id = r.reference_id AS same FROM adjudication_flags f \
         JOIN recordings r ON r.application_id = f.application_id WHERE f.application_id = '{held}'"
    ));
    assert_eq!(flags[0]["kind"], "operator_fingerprints");
    assert_eq!(flags[0]["same"], 1, "the held recording is flagged");
    // Supervisors see the flags listed (codes, no names); nobody else reaches the list.
    let listed = supervisor.get_json("/api/dinas/flags").await;
    let mine: Vec<&Value> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["application_id"] == held.as_str())
        .collect();
    assert_eq!(mine.len(), 1, "{listed}");
    assert_eq!(mine[0]["kind"], "operator_fingerprints");
    assert_eq!(mine[0]["case_id"], case.as_str());
    assert!(
        mine[0].get("reason").is_none(),
        "the reason is read in the case"
    );
    let operator_list = operator.get("/api/dinas/flags").send().await.unwrap();
    assert_eq!(operator_list.status().as_u16(), 403);
    assert_eq!(
        rt.stage_of(&again),
        "DUPLICATE_RECORD",
        "the other one is still to decide"
    );
    assert_eq!(
        rt.d1_count(&format!(
        "SELECT COUNT(*) AS n FROM adjudication_cases WHERE id = '{case}' AND closed_at IS NULL"
    )),
        1
    );
    let case_audit = rt.d1_count(&format!(
        "SELECT COUNT(*) AS n FROM audit_log WHERE json_extract(detail_json, '$.case_id') = '{case}'"
    ));
    eprintln!(
        "audit rows: clarification {clarify_rows}; operator-prints case {case_audit} in all \
         (views, release, proposal, approval)"
    );
}
