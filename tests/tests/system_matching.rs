//! System tests of the matching worker on the real runtime: a recording goes through the queue
//! to the coordinator and gallery shards, and its 1:N outcome moves the application in D1.
//! Fingerprints are SYNTHETIC templates (`shared::biometrics::search::synthetic`): a "person" is
//! a seed; a second recording of them is the same minutiae shifted, jittered and partly missed.

use serde_json::Value;
use shared::biometrics::search::synthetic::{synthetic_template, Rng};
use shared::biometrics::Template;
use std::time::{Duration, Instant};
use tests::fixtures::{application_form, purwodadi_form, recording_body, submit_application};
use tests::{Runtime, StaffClient};

/// How long a recording may take to get its decision (queue batch wait + search).
const DECISION_TIMEOUT: Duration = Duration::from_secs(60);

/// Person `person`'s finger at `position`, as recorded the `take`-th time (0 = first).
fn finger(person: u64, take: u16, position: u8) -> Template {
    let mut t = synthetic_template(&mut Rng::new(person * 100 + u64::from(position)));
    if take > 0 {
        // Another impression: shifted, directions jittered, every seventh minutia missed.
        let (dx, dy) = (6 + take, 9 - take.min(8));
        t.minutiae = t
            .minutiae
            .iter()
            .enumerate()
            .filter(|(i, _)| (i + usize::from(take)) % 7 != 0)
            .map(|(i, m)| {
                let mut m = *m;
                m.x = (m.x + dx).min(t.width - 1);
                m.y = (m.y + dy).min(t.height - 1);
                m.direction = m.direction.wrapping_add(if i % 2 == 0 { 1 } else { 255 });
                m
            })
            .collect();
    }
    t
}

/// Submits an application in `form`'s kecamatan, verifies it and records `person`'s fingers.
/// Returns (application id, registration code).
async fn record(
    rt: &Runtime,
    staff: &StaffClient,
    form: &Value,
    key: &str,
    person: u64,
    take: u16,
) -> (String, String) {
    let (code, _) =
        submit_application(&rt.base_url, &format!("matching-{key}-application"), form).await;
    let detail: Value = staff
        .get(&format!("/api/staff/applications/by-code/{code}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = detail["id"].as_str().expect("application id").to_string();
    let verified = staff
        .post(&format!("/api/staff/applications/{id}/verify"))
        .send()
        .await
        .unwrap();
    assert!(verified.status().is_success(), "verify {id}");
    let body = recording_body(&format!("matching-{key}-recording"), |p| {
        finger(person, take, p)
    });
    let resp = staff
        .post(&format!("/api/staff/applications/{id}/biometrics"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert!(
        resp.status().is_success(),
        "record {id}: {}",
        resp.text().await.unwrap()
    );
    (id, code)
}

/// Waits until the application has left SENT_FOR_ENROLLMENT; returns its stage.
async fn decided(rt: &Runtime, id: &str) -> String {
    let start = Instant::now();
    loop {
        let stage = stage_of(rt, id);
        if stage != "SENT_FOR_ENROLLMENT" {
            return stage;
        }
        assert!(start.elapsed() < DECISION_TIMEOUT, "{id} still {stage}");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

fn stage_of(rt: &Runtime, id: &str) -> String {
    rt.d1_query(&format!("SELECT stage FROM applications WHERE id = '{id}'"))[0]["stage"]
        .as_str()
        .unwrap()
        .to_string()
}

/// (reference id, decision, candidates, searched people) of an application's recording.
fn match_result(rt: &Runtime, id: &str) -> (String, String, Value, u64) {
    let rows = rt.d1_query(&format!(
        "SELECT r.reference_id, m.decision, m.candidates_json, m.searched_people \
         FROM recordings r JOIN match_results m ON m.reference_id = r.reference_id \
         WHERE r.application_id = '{id}'"
    ));
    let row = &rows[0];
    (
        row["reference_id"].as_str().unwrap().to_string(),
        row["decision"].as_str().unwrap().to_string(),
        serde_json::from_str(row["candidates_json"].as_str().unwrap()).unwrap(),
        row["searched_people"].as_u64().unwrap(),
    )
}

async fn public_stage(rt: &Runtime, code: &str) -> Value {
    tests::get(rt.url(&format!("/api/status/{code}")))
        .await
        .json::<Value>()
        .await
        .unwrap()
}

#[tokio::test]
async fn unique_people_are_enrolled_and_a_second_recording_is_a_duplicate_of_the_first() {
    let rt = Runtime::start().await;
    let staff = rt.staff_client("kec.purwodadi").await;

    let (a, a_code) = record(&rt, &staff, &purwodadi_form(), "dup-a", 1, 0).await;
    assert_eq!(decided(&rt, &a).await, "PRINT_READY_RECORD");
    let (a_ref, decision, candidates, searched) = match_result(&rt, &a);
    assert_eq!((decision.as_str(), searched), ("PRINT_READY_RECORD", 0));
    assert_eq!(candidates, serde_json::json!([]));
    // The public status page shows the new stage and a timeline event for it.
    let status = public_stage(&rt, &a_code).await.to_string();
    assert!(status.contains("PRINT_READY_RECORD"), "{status}");
    let events = rt.d1_query(&format!(
        "SELECT actor FROM application_events WHERE application_id = '{a}' AND stage = 'PRINT_READY_RECORD'"
    ));
    assert_eq!(events[0]["actor"], "MatchingWorker");

    let (b, _) = record(&rt, &staff, &purwodadi_form(), "dup-b", 2, 0).await;
    assert_eq!(decided(&rt, &b).await, "PRINT_READY_RECORD");
    assert_eq!(match_result(&rt, &b).3, 1, "B was searched against A");

    let (a2, _) = record(&rt, &staff, &purwodadi_form(), "dup-a2", 1, 1).await;
    assert_eq!(decided(&rt, &a2).await, "DUPLICATE_RECORD");
    let (_, decision, candidates, searched) = match_result(&rt, &a2);
    assert_eq!((decision.as_str(), searched), ("DUPLICATE_RECORD", 2));
    assert_eq!(
        candidates[0]["reference_id"],
        a_ref.as_str(),
        "{candidates}"
    );
    assert!(candidates[0]["fused_score"].as_f64().unwrap() > 0.0);
    // Nine fingers were recorded (one bandaged): each has its own score.
    assert_eq!(candidates[0]["fingers"].as_array().unwrap().len(), 9);
}

#[tokio::test]
async fn the_gallery_survives_a_runtime_restart() {
    let mut rt = Runtime::start().await;
    let staff = rt.staff_client("kec.purwodadi").await;
    let (a, _) = record(&rt, &staff, &purwodadi_form(), "restart-a", 3, 0).await;
    assert_eq!(decided(&rt, &a).await, "PRINT_READY_RECORD");
    let a_ref = match_result(&rt, &a).0;

    rt.restart().await;
    let staff = rt.staff_client("kec.purwodadi").await;
    let (a2, _) = record(&rt, &staff, &purwodadi_form(), "restart-a2", 3, 2).await;
    assert_eq!(decided(&rt, &a2).await, "DUPLICATE_RECORD");
    let (_, _, candidates, searched) = match_result(&rt, &a2);
    assert_eq!(searched, 1);
    assert_eq!(candidates[0]["reference_id"], a_ref.as_str());
}

#[tokio::test]
async fn a_failed_outcome_write_is_retried_without_enrolling_twice() {
    let rt = Runtime::start().await;
    let staff = rt.staff_client("kec.purwodadi").await;
    // The outcome cannot be written while its table is missing: the consumer's batch fails after
    // the coordinator has searched and enrolled, and the message is retried with backoff.
    rt.d1_query("ALTER TABLE match_results RENAME TO match_results_away");
    let (a, _) = record(&rt, &staff, &purwodadi_form(), "retry-a", 4, 0).await;
    tokio::time::sleep(Duration::from_secs(4)).await;
    assert_eq!(stage_of(&rt, &a), "SENT_FOR_ENROLLMENT");
    rt.d1_query("ALTER TABLE match_results_away RENAME TO match_results");
    assert_eq!(decided(&rt, &a).await, "PRINT_READY_RECORD");
    let a_ref = match_result(&rt, &a).0;

    // Enrolled exactly once: the next person is searched against one person, and the same
    // person again finds a single candidate.
    let (b, _) = record(&rt, &staff, &purwodadi_form(), "retry-b", 5, 0).await;
    assert_eq!(decided(&rt, &b).await, "PRINT_READY_RECORD");
    assert_eq!(match_result(&rt, &b).3, 1);
    let (a2, _) = record(&rt, &staff, &purwodadi_form(), "retry-a2", 4, 1).await;
    assert_eq!(decided(&rt, &a2).await, "DUPLICATE_RECORD");
    let candidates = match_result(&rt, &a2).2;
    let refs: Vec<&str> = candidates
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["reference_id"].as_str().unwrap())
        .collect();
    assert_eq!(refs, [a_ref.as_str()]);
}

#[tokio::test]
async fn two_recordings_of_one_person_from_two_kecamatan_at_once_are_caught() {
    let rt = Runtime::start().await;
    let purwodadi = rt.staff_client("kec.purwodadi").await;
    let kedungjati = rt.staff_client("kec.kedungjati").await;
    let kedungjati_form = application_form("33.15.01", "33.15.01.2001");
    let purwodadi_form = purwodadi_form();
    let (x, y) = tokio::join!(
        record(&rt, &purwodadi, &purwodadi_form, "twin-p", 6, 0),
        record(&rt, &kedungjati, &kedungjati_form, "twin-k", 6, 1),
    );
    let mut stages = vec![decided(&rt, &x.0).await, decided(&rt, &y.0).await];
    stages.sort();
    assert_eq!(stages, ["DUPLICATE_RECORD", "PRINT_READY_RECORD"]);
}
