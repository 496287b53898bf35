//! Steps of the dinas print room through its real endpoints, for the printing suites and for
//! later steps (shipping, handover) that need applications at CARD_PRINTED: a resident's
//! application recorded with SYNTHETIC fingerprints until the matcher makes it
//! PRINT_READY_RECORD, then a print run, every card printed, and the run closed.

use crate::fixtures::{application_form, recording_body, submit_application, synthetic_finger};
use crate::{Runtime, StaffClient};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// How long the matcher may take to decide one recording on a loaded machine.
const DECISION_TIMEOUT: Duration = Duration::from_secs(90);

/// A resident of kecamatan `district` (village `village`) as synthetic person `person` (every
/// person number gives other fingers, so distinct numbers never match), with NIK serial
/// `person` so each is its own resident.
pub fn person_form(district: &str, village: &str, person: u64) -> Value {
    let mut form = application_form(district, village);
    let nik = form["nik"].as_str().unwrap().to_string();
    form["nik"] = json!(format!("{}{:04}", &nik[..12], person % 9999 + 1));
    form
}

/// Submits `form`, has `kecamatan` verify it and record `body`'s biometrics; returns the
/// application id without waiting for the matcher.
pub async fn submit_and_record(
    rt: &Runtime,
    kecamatan: &StaffClient,
    form: &Value,
    key: &str,
    body: &Value,
) -> String {
    let (code, _) = submit_application(&rt.base_url, &format!("{key}-application"), form).await;
    let detail = kecamatan
        .get_json(&format!("/api/staff/applications/by-code/{code}"))
        .await;
    let id = detail["id"].as_str().expect("application id").to_string();
    verify(kecamatan, &id).await;
    let resp = kecamatan.record_biometrics(&id, body).await;
    assert!(
        resp.status().is_success(),
        "record {id}: {}",
        resp.text().await.unwrap_or_default()
    );
    id
}

/// Has `kecamatan` accept application `id`'s documents.
pub async fn verify(kecamatan: &StaffClient, id: &str) {
    let verified = kecamatan
        .post(&format!("/api/staff/applications/{id}/verify"))
        .send()
        .await
        .unwrap();
    assert!(verified.status().is_success(), "verify {id}");
}

/// The application's stage, as staff see it.
pub async fn stage_of(staff: &StaffClient, id: &str) -> String {
    staff
        .get_json(&format!("/api/staff/applications/{id}"))
        .await["stage"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Waits until the matcher has decided; returns the stage it decided.
pub async fn decided(staff: &StaffClient, id: &str) -> String {
    let start = Instant::now();
    loop {
        let stage = stage_of(staff, id).await;
        if stage != "SENT_FOR_ENROLLMENT" && stage != "BIO_CAPTURED" {
            return stage;
        }
        assert!(start.elapsed() < DECISION_TIMEOUT, "{id} still {stage}");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

/// A PRINT_READY_RECORD application of synthetic `person` in Purwodadi, recorded by the
/// signed-in Purwodadi operator `kecamatan`; its id.
pub async fn print_ready(rt: &Runtime, kecamatan: &StaffClient, person: u64) -> String {
    let form = person_form("33.15.13", "33.15.13.2001", person);
    let key = format!("print-{person}");
    let body = recording_body(&format!("{key}-recording"), |p| {
        synthetic_finger(person, 0, p)
    });
    let id = submit_and_record(rt, kecamatan, &form, &key, &body).await;
    assert_eq!(decided(kecamatan, &id).await, "PRINT_READY_RECORD", "{id}");
    id
}

/// POSTs `body` with idempotency key `key`; (status, JSON body).
pub async fn write(staff: &StaffClient, path: &str, key: &str, body: &Value) -> (u16, Value) {
    let resp = staff
        .post(path)
        .header("Idempotency-Key", format!("print-room-test-{key}"))
        .json(body)
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

/// Makes a run of `ids` (all of kecamatan `district`) as dinas operator `dinas`; its id.
pub async fn create_run(dinas: &StaffClient, district: &str, ids: &[String], key: &str) -> String {
    let (status, body) = write(
        dinas,
        "/api/dinas/print-runs",
        key,
        &json!({ "district_code": district, "application_ids": ids }),
    )
    .await;
    assert_eq!(status, 200, "create run: {body}");
    body["run_id"].as_str().expect("run id").to_string()
}

/// A card serial unique to this `key` and `n`.
pub fn serial(key: &str, n: usize) -> String {
    let digits: u64 = key
        .bytes()
        .fold(7, |h, b| h.wrapping_mul(31).wrapping_add(b.into()));
    format!("KTP{:08}-{n:05}", digits % 100_000_000)
}

/// Records every application of the run as printed, one card each (serials from `key`), in
/// one request; returns the serials in the order of `ids`.
pub async fn print_all(
    dinas: &StaffClient,
    run_id: &str,
    ids: &[String],
    key: &str,
) -> Vec<String> {
    let serials: Vec<String> = (0..ids.len()).map(|n| serial(key, n)).collect();
    let cards: Vec<Value> = ids
        .iter()
        .zip(&serials)
        .map(|(id, s)| json!({ "application_id": id, "serial": s, "outcome": "printed" }))
        .collect();
    let (status, body) = write(
        dinas,
        &format!("/api/dinas/print-runs/{run_id}/cards"),
        &format!("{key}-cards"),
        &json!({ "cards": cards }),
    )
    .await;
    assert_eq!(status, 200, "print cards: {body}");
    serials
}

/// Closes the run (its ledger must balance).
pub async fn close_run(dinas: &StaffClient, run_id: &str, key: &str) -> (u16, Value) {
    write(
        dinas,
        &format!("/api/dinas/print-runs/{run_id}/close"),
        &format!("{key}-close"),
        &json!({}),
    )
    .await
}

/// Takes PRINT_READY_RECORD applications `ids` of kecamatan `district` to CARD_PRINTED through
/// one run (created, every card printed, closed) as dinas operator `dinas`; the run id and
/// each application's card serial.
pub async fn to_card_printed(
    dinas: &StaffClient,
    district: &str,
    ids: &[String],
    key: &str,
) -> (String, Vec<String>) {
    let run = create_run(dinas, district, ids, key).await;
    let serials = print_all(dinas, &run, ids, key).await;
    let (status, body) = close_run(dinas, &run, key).await;
    assert_eq!(status, 200, "close run: {body}");
    (run, serials)
}
