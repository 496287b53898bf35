//! System tests of the matching worker on the real runtime: a recording goes through the queue
//! to the coordinator and gallery shards, and its 1:N outcome moves the application in D1.
//! Fingerprints are SYNTHETIC templates (`biometrics::search::synthetic`): a "person" is
//! a seed; a second recording of them is the same minutiae shifted, jittered and partly missed.

use biometrics::search::synthetic::{synthetic_template, Rng};
use biometrics::Template;
use serde_json::Value;
use std::time::{Duration, Instant};
use tests::fixtures::{
    application_form, purwodadi_form, recording_body, submit_application, synthetic_finger,
};
use tests::{Runtime, StaffClient};

/// How long a recording may take to get its decision (queue batch wait + search).
const DECISION_TIMEOUT: Duration = Duration::from_secs(60);

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
        .get_json(&format!("/api/staff/applications/by-code/{code}"))
        .await;
    let id = detail["id"].as_str().expect("application id").to_string();
    let verified = staff
        .post(&format!("/api/staff/applications/{id}/verify"))
        .send()
        .await
        .unwrap();
    assert!(verified.status().is_success(), "verify {id}");
    let body = recording_body(&format!("matching-{key}-recording"), |p| {
        synthetic_finger(person, take, p)
    });
    let resp = staff.record_biometrics(&id, &body).await;
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
        let stage = rt.stage_of(id);
        if stage != "SENT_FOR_ENROLLMENT" {
            return stage;
        }
        assert!(start.elapsed() < DECISION_TIMEOUT, "{id} still {stage}");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
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
    assert_eq!(events[0]["actor"], "matching_worker");

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

    // Ruled "not a duplicate" (say, twins) by two persons in the dinas console (the one-person
    // `POST .../adjudicate` is gone: it let one supervisor bypass the two-person rule and
    // enrolled before the decision committed): printable, and enrolled, so the next search
    // sees three people.
    let case = rt.d1_query(&format!(
        "SELECT case_id FROM case_applications WHERE application_id = '{a2}'"
    ))[0]["case_id"]
        .as_str()
        .unwrap()
        .to_string();
    let operator = rt.staff_client("dinas.operator").await;
    let supervisor = rt.staff_client("dinas.supervisor").await;
    let _: serde_json::Value = operator.get_json(&format!("/api/dinas/cases/{case}")).await;
    let proposed: serde_json::Value = operator
        .post(&format!("/api/dinas/cases/{case}/proposals"))
        .json(&serde_json::json!({ "decision": "not_duplicate", "reason": "twins" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let proposal = proposed["proposal"]["id"].as_str().expect("proposal id");
    let _: serde_json::Value = supervisor
        .get_json(&format!("/api/dinas/cases/{case}"))
        .await;
    let ruled: serde_json::Value = supervisor
        .post(&format!(
            "/api/dinas/cases/{case}/proposals/{proposal}/approve"
        ))
        .json(&serde_json::json!({ "reason": "twins, faces differ" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(ruled["stage"], "PRINT_READY_RECORD", "{ruled}");
    // The old route is gone: nobody decides alone.
    let alone = supervisor
        .post(&format!("/api/staff/applications/{a2}/adjudicate"))
        .json(&serde_json::json!({ "decision": "not_duplicate" }))
        .send()
        .await
        .unwrap();
    assert_eq!(alone.status().as_u16(), 405);
    let (a3, _) = record(&rt, &staff, &purwodadi_form(), "dup-a3", 1, 2).await;
    assert_eq!(decided(&rt, &a3).await, "DUPLICATE_RECORD");
    assert_eq!(
        match_result(&rt, &a3).3,
        3,
        "the adjudicated recording joined the gallery"
    );
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

/// Codes of an older version in a shard's rows (a code format that changed since they were
/// written) are rebuilt from the stored templates when the shard loads, and written back: a
/// format change needs no migration, and the person is still found.
#[tokio::test]
async fn a_shard_rebuilds_codes_of_an_older_version_from_the_templates() {
    let mut rt = Runtime::start().await;
    let staff = rt.staff_client("kec.purwodadi").await;
    let (a, _) = record(&rt, &staff, &purwodadi_form(), "stale-a", 5, 0).await;
    assert_eq!(decided(&rt, &a).await, "PRINT_READY_RECORD");
    let a_ref = match_result(&rt, &a).0;
    let files = bench::shard_files(&rt);
    let written = stored_codes(&files);
    assert_eq!(written.len(), 1, "one enrolled person: {written:?}");

    // Mark every row's codes as the previous version, then let the shards load them again.
    let current = format!("{:02X}", biometrics::search::PERSON_CODES_VERSION);
    let older = format!("{:02X}", biometrics::search::PERSON_CODES_VERSION - 1);
    for (file, slot, hex) in &written {
        assert!(hex.starts_with(&current), "stored as the current version");
        sqlite(
            file,
            &format!(
                "UPDATE people SET codes = X'{older}{}' WHERE slot = {slot};",
                &hex[2..]
            ),
        );
    }
    rt.restart().await;
    let staff = rt.staff_client("kec.purwodadi").await;
    let (a2, _) = record(&rt, &staff, &purwodadi_form(), "stale-a2", 5, 1).await;
    assert_eq!(decided(&rt, &a2).await, "DUPLICATE_RECORD");
    let (_, _, candidates, _) = match_result(&rt, &a2);
    assert_eq!(candidates[0]["reference_id"], a_ref.as_str());
    // Compared whole, reported short: a row is over 2 KB of hex.
    assert!(
        stored_codes(&files) == written,
        "the shard did not write the rebuilt codes back"
    );
}

/// `(shard file, slot, hex of codes)` of every row in the shards' SQLite files.
fn stored_codes(files: &[std::path::PathBuf]) -> Vec<(std::path::PathBuf, u32, String)> {
    let mut rows = Vec::new();
    for file in files {
        for line in sqlite(file, "SELECT slot, hex(codes) FROM people ORDER BY slot;").lines() {
            let (slot, hex) = line.split_once('|').expect("slot|hex");
            rows.push((file.clone(), slot.parse().unwrap(), hex.to_string()));
        }
    }
    rows
}

/// Runs the `sql` script (read from standard input, so it may be large) on a shard's SQLite file
/// with the sqlite3 shell; its output.
fn sqlite(file: &std::path::Path, sql: &str) -> String {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut child = Command::new("sqlite3")
        .args(["-batch", "-noheader"])
        .arg(file)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sqlite3 (apt package sqlite3, installed by tools/setup.sh)");
    // Written whole before the output is read: these scripts print little, or nothing.
    child
        .stdin
        .take()
        .unwrap()
        .write_all(sql.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "sqlite3 {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
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
    assert_eq!(rt.stage_of(&a), "SENT_FOR_ENROLLMENT");
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

/// Runtime benchmark, run when `REKAM_RUNTIME_BENCH_PEOPLE` is set (tools/bench-runtime.sh; CI
/// sets it): a gallery of that many SYNTHETIC people is written straight into the shards'
/// SQLite files (no endpoint can bulk-load a gallery), two FVC2002 people hidden among them,
/// then their second impressions are recorded through the real endpoint and timed until the
/// public status page shows the decision. Prints the figures; fails above 5 s warm.
#[tokio::test]
async fn a_large_gallery_is_searched_end_to_end_within_five_seconds() {
    let Some(people) = std::env::var("REKAM_RUNTIME_BENCH_PEOPLE")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    else {
        return;
    };
    let mut rt = Runtime::start().await;
    let staff = rt.staff_client("kec.purwodadi").await;
    // A first recording creates the coordinator and every shard (and their SQLite files).
    let (warm, _) = record(&rt, &staff, &purwodadi_form(), "bench-warm", 900, 0).await;
    assert_eq!(decided(&rt, &warm).await, "PRINT_READY_RECORD");
    let shard_files = bench::shard_files(&rt);
    let fvc = bench::fvc_people();
    let start = Instant::now();
    bench::fill_shards(&shard_files, people, &fvc);
    eprintln!(
        "bench: wrote {people} SYNTHETIC + {} FVC people into {} shards in {:.0} s",
        fvc.len(),
        shard_files.len(),
        start.elapsed().as_secs_f64()
    );
    rt.restart().await;
    let staff = rt.staff_client("kec.purwodadi").await;

    let mut timings = Vec::new();
    for (i, person) in fvc.iter().enumerate() {
        let label = if i == 0 {
            "cold (shards load lazily)"
        } else {
            "warm"
        };
        let (id, elapsed, stage) = bench::record_and_time(&rt, &staff, i, person).await;
        let (_, _, candidates, searched) = match_result(&rt, &id);
        let searched = (candidates[0]["reference_id"].clone(), searched);
        eprintln!(
            "bench: {label}: {stage} in {:.2} s end to end; candidate and people searched: {searched:?}",
            elapsed.as_secs_f64()
        );
        assert_eq!(stage, "DUPLICATE_RECORD");
        timings.push(elapsed);
    }
    println!(
        "runtime_people={} search_end_to_end_s_cold={:.2} warm={:.2}",
        people + fvc.len() + 1,
        timings[0].as_secs_f64(),
        timings[1].as_secs_f64()
    );
    assert!(timings[1] <= Duration::from_secs(5), "{timings:?}");
}

mod bench {
    use super::*;
    use base64::Engine as _;
    use biometrics::search::{person_codes_to_bytes, FingerCode, FINGER_POSITIONS};
    use biometrics::template::wire;
    use biometrics::{codec, extract};
    use shared::api::FingerTemplate;
    use std::path::PathBuf;

    /// An FVC2002 person: (reference id, [right index, left index] x [impression 1, impression 2]).
    pub struct FvcPerson {
        pub reference_id: String,
        pub enrolled: [Template; 2],
        pub probe: [Template; 2],
    }

    fn fvc(finger: u32, impression: u32) -> Template {
        let path = tests::repo_root().join(format!(
            "../shared/data/fingerprints/fvc2002/DB1_B/{finger}_{impression}.tif"
        ));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        extract(&codec::decode(&bytes, 500).expect("FVC image decodes"))
    }

    /// Fingers (101, 102) and (103, 104) of FVC2002 DB1_B as right and left index.
    pub fn fvc_people() -> Vec<FvcPerson> {
        [(101, 102), (103, 104)]
            .into_iter()
            .map(|(r, l)| FvcPerson {
                reference_id: format!("fvc-db1-{r}-{l}"),
                enrolled: [fvc(r, 1), fvc(l, 1)],
                probe: [fvc(r, 2), fvc(l, 2)],
            })
            .collect()
    }

    pub fn shard_files(rt: &Runtime) -> Vec<PathBuf> {
        let dir = rt.state_dir.join("v3/do/rekam-GalleryShard");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|x| x == "sqlite")
                    && p.file_name().is_none_or(|n| n != "metadata.sqlite")
            })
            .collect();
        files.sort();
        assert!(!files.is_empty(), "no shard files in {}", dir.display());
        files
    }

    fn row_sql(reference_id: &str, right: &Template, left: &Template) -> String {
        let b64 = base64::engine::general_purpose::STANDARD;
        let (r, l) = (FingerCode::new(right), FingerCode::new(left));
        // Ten-finger codes like a full recording (other positions copy the index fingers' codes);
        // the exact stage reads only the index fingers' templates.
        let codes: [Option<FingerCode>; FINGER_POSITIONS] =
            std::array::from_fn(|i| Some(if i < 5 { r.clone() } else { l.clone() }));
        let hex: String = person_codes_to_bytes(&codes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let templates = serde_json::to_string(&[
            FingerTemplate {
                position: 2,
                template: b64.encode(wire::encode(right)),
            },
            FingerTemplate {
                position: 7,
                template: b64.encode(wire::encode(left)),
            },
        ])
        .unwrap();
        format!(
            "INSERT INTO people (reference_id, codes, templates) VALUES ('{reference_id}', X'{hex}', '{templates}');\n"
        )
    }

    /// Writes the gallery into the shard files round-robin, FVC people among the synthetic.
    pub fn fill_shards(files: &[PathBuf], people: usize, fvc: &[FvcPerson]) {
        let mut sql: Vec<String> = files.iter().map(|_| "BEGIN;\n".to_string()).collect();
        for i in 0..people {
            let right = synthetic_template(&mut Rng::new(7_000_000 + 2 * i as u64));
            let left = synthetic_template(&mut Rng::new(7_000_001 + 2 * i as u64));
            sql[i % files.len()].push_str(&row_sql(&format!("synthetic-{i}"), &right, &left));
            // FVC person k goes in at (k + 1) / (n + 1) of the way through.
            for (k, p) in fvc.iter().enumerate() {
                if i == people * (k + 1) / (fvc.len() + 1) {
                    sql[i % files.len()].push_str(&row_sql(
                        &p.reference_id,
                        &p.enrolled[0],
                        &p.enrolled[1],
                    ));
                }
            }
        }
        for (file, mut sql) in files.iter().zip(sql) {
            sql.push_str("COMMIT;\n");
            super::sqlite(file, &sql);
        }
    }

    /// Records the FVC person's second impressions (index fingers only, the other eight marked
    /// scarred) and times POST -> decision visible on the public status page.
    pub async fn record_and_time(
        rt: &Runtime,
        staff: &StaffClient,
        i: usize,
        person: &FvcPerson,
    ) -> (String, Duration, String) {
        let b64 = base64::engine::general_purpose::STANDARD;
        let key = format!("matching-bench-{i}-application");
        let (code, _) = submit_application(&rt.base_url, &key, &purwodadi_form()).await;
        let detail: Value = staff
            .get_json(&format!("/api/staff/applications/by-code/{code}"))
            .await;
        let id = detail["id"].as_str().unwrap().to_string();
        staff
            .post(&format!("/api/staff/applications/{id}/verify"))
            .send()
            .await
            .unwrap();
        let fingers: Vec<Value> = (1..=10u8)
            .map(|p| match p {
                2 | 7 => {
                    let t = &person.probe[usize::from(p == 7)];
                    serde_json::json!({ "position": p, "kind": "template", "template_base64": b64.encode(wire::encode(t)), "quality": 60 })
                }
                _ => serde_json::json!({ "position": p, "kind": "exception", "reason": "scarred" }),
            })
            .collect();
        let mut body = recording_body(&format!("matching-bench-{i}-recording"), |p| {
            synthetic_finger(1, 0, p)
        });
        body["fingers"] = Value::Array(fingers);
        let start = Instant::now();
        let resp = staff.record_biometrics(&id, &body).await;
        assert!(resp.status().is_success(), "{}", resp.text().await.unwrap());
        loop {
            let status = public_stage(rt, &code).await;
            // A refused poll (the public endpoint is rate limited) has no stage: ask again.
            let stage = status["stage"].as_str().unwrap_or("SENT_FOR_ENROLLMENT");
            if stage != "SENT_FOR_ENROLLMENT" {
                return (id, start.elapsed(), stage.to_string());
            }
            assert!(start.elapsed() < DECISION_TIMEOUT, "still {stage}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}
