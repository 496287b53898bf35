//! System tests of the dinas print room on the real runtime: a print run moves many
//! applications in one guarded batch, each card is printed (CARD_PRINTED) or spoiled, a reprint
//! voids the card it replaces, the blank-card ledger must balance before a run closes, the chip
//! data file is signed with the regency's key and carries two ISO/IEC 19794-2 index-finger
//! records (or a same-hand substitute), and the print routes refuse what they must.
//! Fingerprints are SYNTHETIC templates (`biometrics::search::synthetic`).
//!
//! The cases share one runtime (`tests::suite`); each uses its own synthetic people (distinct
//! person numbers) and asserts only about its own applications and runs.

use biometrics::template::from_iso;
use serde_json::{json, Value};
use shared::signed::{open_chip_data, KeyRing};
use std::process::ExitCode;
use tests::fixtures::{recording_body, synthetic_finger};
use tests::printing::{
    close_run, create_run, decided, person_form, print_all, print_ready, serial, submit_and_record,
    write,
};
use tests::suite::Ctx;
use tests::Runtime;

const PURWODADI: &str = "33.15.13";

fn main() -> ExitCode {
    tests::suite::run(tests::cases![
        a_run_moves_many_applications_in_one_batch_to_printed,
        a_run_with_an_unaccounted_card_cannot_close,
        a_reprint_voids_the_old_serial,
        chip_data_is_signed_and_substitutes_a_missing_index_finger,
        print_routes_refuse_outsiders_long_cards_and_strangers_to_the_run,
    ])
}

/// `n` PRINT_READY_RECORD applications of persons `first..first + n` in Purwodadi.
async fn ready(rt: &Runtime, first: u64, n: u64) -> Vec<String> {
    let purwodadi = rt.staff_client("kec.purwodadi").await;
    let mut ids = Vec::new();
    for person in first..first + n {
        ids.push(print_ready(rt, &purwodadi, person).await);
    }
    ids
}

fn audit_count(rt: &Runtime, action: &str, ids: &[String]) -> u64 {
    let list: Vec<String> = ids.iter().map(|i| format!("'{i}'")).collect();
    rt.d1_count(&format!(
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = '{action}' \
         AND application_id IN ({})",
        list.join(",")
    ))
}

fn stages(rt: &Runtime, ids: &[String]) -> Vec<String> {
    let list: Vec<String> = ids.iter().map(|i| format!("'{i}'")).collect();
    let rows = rt.d1_query(&format!(
        "SELECT stage FROM applications WHERE id IN ({}) ORDER BY id",
        list.join(",")
    ));
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| r["stage"].as_str().unwrap().to_string())
        .collect()
}

async fn run_view(dinas: &tests::StaffClient, run: &str) -> Value {
    dinas
        .get_json(&format!("/api/dinas/print-runs/{run}"))
        .await
}

async fn a_run_moves_many_applications_in_one_batch_to_printed(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let dinas = rt.staff_client("dinas.operator").await;
    let ids = ready(rt, 9101, 8).await;

    // The queue lists them under Purwodadi, oldest first, each fitting its card.
    let queue = dinas.get_json("/api/dinas/print-queue").await;
    let purwodadi = queue["districts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["district_code"] == PURWODADI)
        .expect("Purwodadi in the queue");
    let listed: Vec<&Value> = purwodadi["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| ids.iter().any(|id| i["application_id"] == id.as_str()))
        .collect();
    assert_eq!(listed.len(), ids.len(), "{queue}");
    assert!(listed.iter().all(|i| i["fit_problems"] == json!([])));
    assert!(
        !queue.to_string().contains("SITI"),
        "the queue shows no names"
    );

    let run = create_run(&dinas, PURWODADI, &ids, "many").await;
    assert!(stages(rt, &ids)
        .iter()
        .all(|s| s == "SENT_FOR_CARD_PRINTING"));
    assert_eq!(audit_count(rt, "print.run_create", &ids), ids.len() as u64);
    // One batch: every timeline event of the move carries the same instant.
    let list: Vec<String> = ids.iter().map(|i| format!("'{i}'")).collect();
    let instants = rt.d1_count(&format!(
        "SELECT COUNT(DISTINCT at) AS n FROM application_events \
         WHERE stage = 'SENT_FOR_CARD_PRINTING' AND application_id IN ({})",
        list.join(",")
    ));
    assert_eq!(instants, 1);
    // They left the queue.
    let queue = dinas.get_json("/api/dinas/print-queue").await.to_string();
    assert!(ids.iter().all(|id| !queue.contains(id.as_str())));

    let view = run_view(&dinas, &run).await;
    assert_eq!(view["summary"]["applications"], 8);
    assert_eq!(
        view["summary"]["ledger"],
        json!({ "blank_cards_taken": 8, "printed": 0, "spoiled": 0 })
    );

    let serials = print_all(&dinas, &run, &ids, "many").await;
    assert!(stages(rt, &ids).iter().all(|s| s == "CARD_PRINTED"));
    assert_eq!(
        audit_count(rt, "print.card_printed", &ids),
        ids.len() as u64
    );
    let view = run_view(&dinas, &run).await;
    for item in view["items"].as_array().unwrap() {
        let at = ids
            .iter()
            .position(|i| item["application_id"] == i.as_str())
            .unwrap();
        assert_eq!(item["card_serial"], serials[at].as_str());
        assert_eq!(item["stage"], "CARD_PRINTED");
    }
    let (status, body) = close_run(&dinas, &run, "many").await;
    assert_eq!(status, 200, "{body}");
    let runs = dinas.get_json("/api/dinas/print-runs").await;
    let listed = runs["runs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["run_id"] == run.as_str())
        .expect("the run is listed");
    assert!(listed["closed_at"].is_string());
    // The public status says printed, with no personal data.
    let code = view["items"][0]["registration_code"].as_str().unwrap();
    let status = tests::get(rt.url(&format!("/api/status/{code}"))).await;
    let status: Value = status.json().await.unwrap();
    assert_eq!(status["stage"], "CARD_PRINTED");
    assert!(!status.to_string().contains("3315"), "{status}");
}

async fn a_run_with_an_unaccounted_card_cannot_close(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let dinas = rt.staff_client("dinas.operator").await;
    let ids = ready(rt, 9201, 2).await;
    let (status, body) = write(
        &dinas,
        "/api/dinas/print-runs",
        "ledger-run",
        &json!({ "district_code": PURWODADI, "application_ids": ids, "blank_cards": 3 }),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let run = body["run_id"].as_str().unwrap().to_string();
    print_all(&dinas, &run, &ids, "ledger").await;
    // Three blanks taken, two printed: one card unaccounted.
    let (status, body) = close_run(&dinas, &run, "ledger-1").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("ledger_unbalanced"))
    );
    assert!(run_view(&dinas, &run).await["summary"]["closed_at"].is_null());
    // The third blank jammed: recorded as spoiled, with its reason.
    let cards = |serial: &str| {
        json!({ "cards": [{ "application_id": ids[0], "serial": serial, "outcome": "spoiled",
                             "reason": "kartu macet di printer" }] })
    };
    let spoiled = serial("ledger-spoiled", 0);
    let (status, body) = write(
        &dinas,
        &format!("/api/dinas/print-runs/{run}/cards"),
        "ledger-spoil",
        &cards(&spoiled),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    // No blank is left: a fourth card is refused until more are taken.
    let (status, body) = write(
        &dinas,
        &format!("/api/dinas/print-runs/{run}/cards"),
        "ledger-fourth",
        &cards(&serial("ledger-spoiled", 1)),
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("no_blank_card_left"))
    );
    let view = run_view(&dinas, &run).await;
    assert_eq!(
        view["summary"]["ledger"],
        json!({ "blank_cards_taken": 3, "printed": 2, "spoiled": 1 })
    );
    assert_eq!(audit_count(rt, "print.card_spoiled", &ids[..1]), 1);
    // The spoiled blank changed no stage.
    assert!(stages(rt, &ids).iter().all(|s| s == "CARD_PRINTED"));
    let (status, body) = close_run(&dinas, &run, "ledger-2").await;
    assert_eq!(status, 200, "{body}");
    // A closed run takes nothing more.
    let (status, body) = write(
        &dinas,
        &format!("/api/dinas/print-runs/{run}/blanks"),
        "ledger-after-close",
        &json!({ "count": 1 }),
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("print_run_closed"))
    );
}

async fn a_reprint_voids_the_old_serial(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let dinas = rt.staff_client("dinas.operator").await;
    let ids = ready(rt, 9301, 1).await;
    let run = create_run(&dinas, PURWODADI, &ids, "reprint").await;
    let old = print_all(&dinas, &run, &ids, "reprint").await.remove(0);
    let new = serial("reprint-new", 0);
    let reprint = |replaces: &str, serial: &str| {
        json!({ "cards": [{ "application_id": ids[0], "serial": serial, "outcome": "printed",
                             "replaces": replaces, "reason": "foto buram saat pemeriksaan" }] })
    };
    // No blank left for the reprint: take one more, then reprint.
    let (status, body) = write(
        &dinas,
        &format!("/api/dinas/print-runs/{run}/blanks"),
        "reprint-blank",
        &json!({ "count": 1 }),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = write(
        &dinas,
        &format!("/api/dinas/print-runs/{run}/cards"),
        "reprint-1",
        &reprint(&old, &new),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let view = run_view(&dinas, &run).await;
    let item = &view["items"][0];
    assert_eq!(item["card_serial"], new.as_str());
    assert_eq!(
        item["spoiled"],
        json!([{ "serial": old, "reason": "foto buram saat pemeriksaan", "voided": true }])
    );
    assert_eq!(item["stage"], "CARD_PRINTED");
    let rows = rt.d1_query(&format!(
        "SELECT serial, state, replaced_by FROM card_prints WHERE application_id = '{}' ORDER BY recorded_at, serial",
        ids[0]
    ));
    let valid: Vec<&Value> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["state"] == "printed")
        .collect();
    assert_eq!(valid.len(), 1, "one valid card: {rows}");
    assert_eq!(valid[0]["serial"], new.as_str());
    assert!(rows
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["serial"] == old.as_str()
            && r["state"] == "spoiled"
            && r["replaced_by"] == new.as_str()));
    assert_eq!(audit_count(rt, "print.card_reprinted", &ids), 1);
    // The voided serial cannot be replaced again, nor reused.
    let (status, _) = write(
        &dinas,
        &format!("/api/dinas/print-runs/{run}/cards"),
        "reprint-2",
        &reprint(&old, &serial("reprint-new", 1)),
    )
    .await;
    assert_eq!(status, 409, "no blank left is checked first");
    let (status, body) = write(
        &dinas,
        &format!("/api/dinas/print-runs/{run}/blanks"),
        "reprint-blank-2",
        &json!({ "count": 1 }),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = write(
        &dinas,
        &format!("/api/dinas/print-runs/{run}/cards"),
        "reprint-3",
        &reprint(&old, &serial("reprint-new", 1)),
    )
    .await;
    assert_eq!(status, 404, "the old card is no longer the valid one");
    let (status, body) = write(
        &dinas,
        &format!("/api/dinas/print-runs/{run}/cards"),
        "reprint-4",
        &reprint(&new, &old),
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("card_serial_taken"))
    );
}

async fn chip_data_is_signed_and_substitutes_a_missing_index_finger(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let dinas = rt.staff_client("dinas.operator").await;
    let purwodadi = rt.staff_client("kec.purwodadi").await;
    // The right index finger (2) could not be recorded: the right thumb (1) stands in.
    let person = 9401;
    let mut body = recording_body("chip-9401-recording", |p| synthetic_finger(person, 0, p));
    body["fingers"][1] = json!({ "position": 2, "kind": "exception", "reason": "bandaged" });
    let form = person_form(PURWODADI, "33.15.13.2001", person);
    let id = submit_and_record(rt, &purwodadi, &form, "chip-9401", &body).await;
    assert_eq!(decided(&purwodadi, &id).await, "PRINT_READY_RECORD");
    let ids = vec![id.clone()];
    let run = create_run(&dinas, PURWODADI, &ids, "chip").await;
    let blank = serial("chip", 0);
    let resp = dinas
        .get(&format!(
            "/api/dinas/print-runs/{run}/cards/{id}/chip?serial={blank}"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let file = resp.bytes().await.unwrap().to_vec();
    eprintln!("chip data file: {} bytes", file.len());
    let ring_text = tests::get(rt.url("/api/certificates/keys"))
        .await
        .text()
        .await
        .unwrap();
    let ring = KeyRing::parse(&ring_text).unwrap();
    let (data, key) = open_chip_data(&ring, &file).expect("signed by the served key ring");
    assert_eq!(key.id, rt.certificate_signer().key_id());
    assert_eq!(data.card_serial, blank);
    assert_eq!(data.nik, form["nik"].as_str().unwrap());
    assert_eq!(data.full_name, "SITI AMINAH");
    assert_eq!(data.valid_until, "SEUMUR HIDUP");
    assert!(data.photo_jpeg.starts_with(&[0xFF, 0xD8]));
    assert!(data.signature_png.starts_with(b"\x89PNG"));
    let slots: Vec<(u8, u8)> = data.fingers.iter().map(|f| (f.slot, f.position)).collect();
    assert_eq!(slots, [(2, 1), (7, 7)]);
    for f in &data.fingers {
        let views = from_iso(&f.iso_record).expect("an ISO/IEC 19794-2 record");
        assert_eq!(views.len(), 1);
        assert_eq!(views[0].finger_position, f.position);
        let recorded = synthetic_finger(person, 0, f.position);
        assert_eq!(views[0].template.minutiae.len(), recorded.minutiae.len());
    }
    let audited = rt.d1_query(&format!(
        "SELECT detail_json FROM audit_log WHERE action = 'print.chip_data' AND application_id = '{id}'"
    ));
    let detail: Value =
        serde_json::from_str(audited[0]["detail_json"].as_str().expect("audited")).unwrap();
    assert_eq!(detail["serial"], blank.as_str());
    assert_eq!(
        detail["fingers"],
        json!([{ "slot": 2, "position": 1 }, { "slot": 7, "position": 7 }])
    );
    // The supervisor reads the run but does not encode cards.
    let supervisor = rt.staff_client("dinas.supervisor").await;
    let resp = supervisor
        .get(&format!(
            "/api/dinas/print-runs/{run}/cards/{id}/chip?serial={blank}"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 403);
}

async fn print_routes_refuse_outsiders_long_cards_and_strangers_to_the_run(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let dinas = rt.staff_client("dinas.operator").await;
    let purwodadi = rt.staff_client("kec.purwodadi").await;
    let ids = ready(rt, 9501, 2).await;

    // A kecamatan operator (or the administrator) reaches no print route.
    for outsider in [&purwodadi, &rt.staff_client("admin").await] {
        for path in ["/api/dinas/print-queue", "/api/dinas/print-runs"] {
            let resp = outsider.get(path).send().await.unwrap();
            assert_eq!(resp.status().as_u16(), 403, "{path}");
        }
        let (status, _) = write(
            outsider,
            "/api/dinas/print-runs",
            "outsider",
            &json!({ "district_code": PURWODADI, "application_ids": [ids[0]] }),
        )
        .await;
        assert_eq!(status, 403);
    }

    // A street too long for two lines of the card: shown in the queue, refused for a run.
    let person = 9503;
    let mut form = person_form(PURWODADI, "33.15.13.2001", person);
    form["address"]["street"] =
        json!("JALAN RAYA PURWODADI KUDUS KILOMETER DUA BELAS DEKAT PASAR HEWAN LAMA");
    let body = recording_body("long-9503-recording", |p| synthetic_finger(person, 0, p));
    let long = submit_and_record(rt, &purwodadi, &form, "long-9503", &body).await;
    assert_eq!(decided(&purwodadi, &long).await, "PRINT_READY_RECORD");
    let queue = dinas.get_json("/api/dinas/print-queue").await;
    let item = queue["districts"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["items"].as_array().unwrap().iter())
        .find(|i| i["application_id"] == long.as_str())
        .expect("listed");
    assert_eq!(
        item["fit_problems"],
        json!([{ "field": "street", "chars": 69, "lines": 2, "line_chars": 30, "long_word": false }])
    );
    let (status, body) = write(
        &dinas,
        "/api/dinas/print-runs",
        "long",
        &json!({ "district_code": PURWODADI, "application_ids": [ids[0], long] }),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(
        body["fields"],
        json!([{ "field": "application_ids.1.address.street", "code": "does_not_fit_card" }])
    );
    // Nothing moved: the refusal came before the batch.
    assert_eq!(
        stages(rt, &[ids[0].clone(), long.clone()]),
        ["PRINT_READY_RECORD"; 2]
    );

    // Printing an application that is not in the run.
    let run = create_run(&dinas, PURWODADI, &ids[..1], "stranger").await;
    let (status, _) = write(
        &dinas,
        &format!("/api/dinas/print-runs/{run}/cards"),
        "stranger-card",
        &json!({ "cards": [{ "application_id": ids[1], "serial": serial("stranger", 0), "outcome": "printed" }] }),
    )
    .await;
    assert_eq!(status, 404);
    assert_eq!(stages(rt, &ids[1..]), ["PRINT_READY_RECORD"]);
    // A run mixing kecamatan, a supervisor making a run, a malformed serial.
    let supervisor = rt.staff_client("dinas.supervisor").await;
    let (status, _) = write(
        &supervisor,
        "/api/dinas/print-runs",
        "supervisor-run",
        &json!({ "district_code": PURWODADI, "application_ids": [ids[1]] }),
    )
    .await;
    assert_eq!(status, 403);
    let (status, _) = write(
        &dinas,
        "/api/dinas/print-runs",
        "wrong-district",
        &json!({ "district_code": "33.15.01", "application_ids": [ids[1]] }),
    )
    .await;
    assert_eq!(status, 400);
    let (status, body) = write(
        &dinas,
        &format!("/api/dinas/print-runs/{run}/cards"),
        "bad-serial",
        &json!({ "cards": [{ "application_id": ids[0], "serial": "12 34", "outcome": "printed" }] }),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(body["fields"][0]["code"], "card_serial_format");
}
