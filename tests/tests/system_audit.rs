//! System tests of accountability on the real runtime: the audit log's hash chain (every row
//! linked, a row altered in the database found at its own link, a re-hashed chain caught by the
//! signed checkpoint in R2, the offline verifier agreeing), refused requests and sign-ins in
//! the log, the log and chain refusing INSERT OR REPLACE / upsert / UPDATE / DELETE, the audit
//! viewer's filters and paging, the subject-access report against a seeded history, and an
//! enrolment job that fails every retry landing in the dead-letter queue and on the dashboard.
//!
//! The cases share one runtime (`tests::suite`) and assert only about rows they made; the cases
//! that break the chain or a table on purpose run their own runtime.

use biometrics::search::synthetic::{synthetic_template, Rng};
use reqwest::StatusCode;
use serde_json::{json, Value};
use shared::api::{
    AuditPage, ChainReport, Dashboard, ErrorBody, ErrorCode, StuckReason, SubjectAccessReport,
};
use shared::audit::LinkFault;
use shared::lifecycle::Stage;
use std::process::ExitCode;
use std::time::{Duration, Instant};
use tests::audit_chain::verify_state;
use tests::fixtures::{
    application_form, purwodadi_application, recording_body, submit_application,
};
use tests::suite::Ctx;
use tests::{Runtime, StaffClient};

fn main() -> ExitCode {
    tests::suite::run(tests::cases![
        chain_links_every_row_refuses_rewrites_and_finds_the_altered_one,
        viewer_filters_and_pages_in_a_stable_order,
        export_holds_the_whole_history_and_every_access,
        a_job_failing_every_retry_becomes_a_stuck_item_not_a_loss,
        // Write into the database file directly: alone (tests::suite::Case::alone).
        ; alone:
        refused_requests_and_sign_ins_are_audited,
    ])
}

async fn chain(supervisor: &StaffClient) -> ChainReport {
    let resp = supervisor
        .get("/api/dinas/audit/chain")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    resp.json().await.unwrap()
}

async fn search(supervisor: &StaffClient, query: Value) -> AuditPage {
    let resp = supervisor
        .post("/api/dinas/audit/search")
        .json(&query)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK, "search {query}");
    resp.json().await.unwrap()
}

/// A Purwodadi application of a NIK of the case's own (so its trail and report are only its
/// own): the registration code as printed, compact, and the application id.
async fn application_of(rt: &Runtime, key: &str, nik: &str) -> (String, String, String) {
    let mut form = application_form("33.15.13", "33.15.13.2001");
    form["nik"] = json!(nik);
    let (code, _) = submit_application(&rt.base_url, key, &form).await;
    let compact: String = code.chars().filter(|c| *c != '-').collect();
    let id = rt.d1_query(&format!(
        "SELECT id FROM applications WHERE registration_code = '{compact}'"
    ))[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    (code, compact, id)
}

async fn error_code(resp: reqwest::Response) -> ErrorCode {
    resp.json::<ErrorBody>().await.expect("error body").code
}

fn max_audit_id(rt: &Runtime) -> i64 {
    rt.d1_query("SELECT COALESCE(MAX(id), 0) AS n FROM audit_log")[0]["n"]
        .as_i64()
        .unwrap()
}

/// Reads at once in the chain case (each writes its audit row in its own batch).
const CONCURRENT_READS: usize = 6;

async fn chain_links_every_row_refuses_rewrites_and_finds_the_altered_one(_ctx: Ctx) {
    // Writes the database directly and breaks the chain on purpose: its own runtime, so no other
    // case meets a locked database file or a broken log.
    let rt = Runtime::start().await;
    let kecamatan = rt.staff_client("kec.purwodadi").await;
    let supervisor = rt.staff_client("dinas.supervisor").await;
    let (_, id) = purwodadi_application(&rt, "audit-chain-application-1").await;
    for _ in 0..3 {
        let read = kecamatan
            .get(&format!("/api/staff/applications/{id}"))
            .send()
            .await
            .unwrap();
        assert_eq!(read.status(), StatusCode::OK);
    }
    // Concurrent reads race for the chain head: the losers' batches abort whole and are
    // retried on the new head, so every read is answered and every row linked in its batch.
    let burst: Vec<_> = (0..CONCURRENT_READS)
        .map(|_| {
            let (client, path) = (kecamatan.clone(), format!("/api/staff/applications/{id}"));
            tokio::spawn(async move { client.get(&path).send().await.unwrap().status() })
        })
        .collect();
    for read in burst {
        assert_eq!(read.await.unwrap(), StatusCode::OK);
    }
    let intact = chain(&supervisor).await;
    let rows = rt.d1_count("SELECT COUNT(*) AS n FROM audit_log");
    let links = rt.d1_count("SELECT COUNT(*) AS n FROM audit_chain");
    assert_eq!(intact.first_broken, None, "{intact:?}");
    assert_eq!(
        (intact.linked, intact.pending),
        (rows, 0),
        "every row is linked: {intact:?}"
    );
    assert_eq!(links, rows);
    assert!(
        rows >= 5 + CONCURRENT_READS as u64,
        "two sign-ins, three reads, the burst: {rows}"
    );
    // The cron signs the head into R2; the check then vouches for it.
    rt.fire_cron().await;
    let checked = chain(&supervisor).await;
    assert_eq!(checked.checkpoints, 1, "{checked:?}");
    assert_eq!(checked.first_broken, None);
    let checkpoint = checked.last_checkpoint_id.expect("a checkpoint");
    assert!(checkpoint >= rows as i64);
    let offline = verify_state(&rt.state_dir).expect("offline walk");
    assert_eq!(offline.first_broken, None);
    assert_eq!(offline.head.as_ref().map(|h| h.0), checked.head_id);
    refuses_rewrites(&rt);
    assert_eq!(chain(&supervisor).await.first_broken, None);

    // Someone with the database in hand drops the trigger and alters one read.
    let altered = rt.d1_query(&format!(
        "SELECT id FROM audit_log WHERE application_id = '{id}' AND action = 'application.read' ORDER BY id LIMIT 1 OFFSET 1"
    ))[0]["id"]
        .as_i64()
        .unwrap();
    rt.d1_query("DROP TRIGGER audit_log_no_update");
    rt.d1_query(&format!(
        "UPDATE audit_log SET action = 'application.list' WHERE id = {altered}"
    ));
    let broken = chain(&supervisor).await;
    assert_eq!(
        broken.first_broken.as_ref().map(|b| (b.id, b.fault)),
        Some((altered, LinkFault::ContentAltered)),
        "{broken:?}"
    );
    assert_eq!(
        verify_state(&rt.state_dir).unwrap().first_broken,
        Some((altered, LinkFault::ContentAltered)),
        "the offline walk finds the same link"
    );

    // Re-hashing from there on (links dropped and made again over the altered row) gives a
    // chain consistent in itself: the signed checkpoint is what still tells.
    rt.d1_query("DROP TRIGGER audit_chain_no_delete");
    rt.d1_query(&format!("DELETE FROM audit_chain WHERE id >= {altered}"));
    let rehashed = chain(&supervisor).await;
    assert_eq!(
        rehashed.first_broken.as_ref().map(|b| (b.id, b.fault)),
        Some((checkpoint, LinkFault::CheckpointMismatch)),
        "{rehashed:?}"
    );
    assert_eq!(
        verify_state(&rt.state_dir).unwrap().first_broken,
        None,
        "without the checkpoint the rewritten chain looks whole"
    );
}

async fn refused_requests_and_sign_ins_are_audited(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let (_, id) = purwodadi_application(rt, "audit-refusals-application-1").await;
    let other = rt.staff_client("kec.kedungjati").await;
    let own = rt.staff_client("kec.purwodadi").await;
    let since = max_audit_id(rt);

    // Another kecamatan's record: "not found", and a row under that application.
    let resp = other
        .get(&format!("/api/staff/applications/{id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    // A forbidden action: an operator at the supervisors' audit viewer.
    let resp = own
        .post("/api/dinas/audit/search")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(error_code(resp).await, ErrorCode::Forbidden);
    // A stage change the life cycle refuses: verifying twice.
    let verify = format!("/api/staff/applications/{id}/verify");
    assert!(own
        .post(&verify)
        .send()
        .await
        .unwrap()
        .status()
        .is_success());
    assert_eq!(
        error_code(own.post(&verify).send().await.unwrap()).await,
        ErrorCode::TransitionRefused
    );
    // Failed sign-ins: an unknown name and a wrong password.
    for (username, password) in [
        ("nobody.audit", "whatever-1"),
        ("dinas.operator", "wrong-password"),
    ] {
        let resp = tests::http_client()
            .post(rt.url("/api/auth/login"))
            .json(&json!({ "username": username, "password": password }))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    }

    let rows = rt.d1_query(&format!(
        "SELECT staff_id, action, application_id, json_extract(detail_json, '$.code') AS code, \
         json_extract(detail_json, '$.username') AS username, json_extract(detail_json, '$.reason') AS reason \
         FROM audit_log WHERE id > {since} AND action IN ('request.refused', 'auth.sign_in_failed') ORDER BY id"
    ));
    let refusal = |staff: &str, code: &str| {
        rows.as_array().unwrap().iter().any(|r| {
            r["action"] == "request.refused" && r["staff_id"] == staff && r["code"] == code
        })
    };
    assert!(refusal("staff-kec-kedungjati", "not_found"), "{rows}");
    assert!(refusal("staff-kec-purwodadi", "forbidden"), "{rows}");
    assert!(
        refusal("staff-kec-purwodadi", "transition_refused"),
        "{rows}"
    );
    let other_kecamatan = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["staff_id"] == "staff-kec-kedungjati");
    assert_eq!(
        other_kecamatan.unwrap()["application_id"],
        json!(id),
        "the row names the record asked for"
    );
    let failed = |username: &str, reason: &str| {
        rows.as_array().unwrap().iter().any(|r| {
            r["action"] == "auth.sign_in_failed"
                && r["username"] == username
                && r["reason"] == reason
        })
    };
    assert!(failed("nobody.audit", "unknown_user"), "{rows}");
    assert!(failed("dinas.operator", "wrong_password"), "{rows}");
}

/// Every statement that would rewrite the log or its chain is refused by the database itself.
fn refuses_rewrites(rt: &Runtime) {
    let row = rt.d1_query(
        "SELECT l.id, l.action, c.hash FROM audit_log l JOIN audit_chain c ON c.id = l.id ORDER BY l.id LIMIT 1",
    )[0]
        .clone();
    let id = row["id"].as_i64().unwrap();
    let rows_before = rt.d1_count("SELECT COUNT(*) AS n FROM audit_log");
    for sql in [
        format!(
            "INSERT OR REPLACE INTO audit_log (id, at, role, action, client, request_id) \
             VALUES ({id}, '2026-01-01T00:00:00.000Z', 'x', 'rewritten', 'x', 'x')"
        ),
        format!(
            "REPLACE INTO audit_log (id, at, role, action, client, request_id) \
             VALUES ({id}, '2026-01-01T00:00:00.000Z', 'x', 'rewritten', 'x', 'x')"
        ),
        format!(
            "INSERT INTO audit_log (id, at, role, action, client, request_id) \
             VALUES ({id}, '2026-01-01T00:00:00.000Z', 'x', 'rewritten', 'x', 'x') \
             ON CONFLICT (id) DO UPDATE SET action = 'rewritten'"
        ),
        format!("UPDATE audit_log SET action = 'rewritten' WHERE id = {id}"),
        format!("DELETE FROM audit_log WHERE id = {id}"),
        format!("INSERT OR REPLACE INTO audit_chain (id, prev_hash, hash) VALUES ({id}, 'x', 'y')"),
        format!("UPDATE audit_chain SET hash = 'y' WHERE id = {id}"),
        format!("DELETE FROM audit_chain WHERE id = {id}"),
    ] {
        let refused = rt.d1_try(&sql).expect_err(&sql);
        assert!(refused.contains("append-only"), "{sql}: {refused}");
    }
    let after = rt.d1_query(&format!(
        "SELECT l.action, c.hash FROM audit_log l JOIN audit_chain c ON c.id = l.id WHERE l.id = {id}"
    ));
    assert_eq!(
        (after[0]["action"].clone(), after[0]["hash"].clone()),
        (row["action"].clone(), row["hash"].clone())
    );
    assert!(rt.d1_count("SELECT COUNT(*) AS n FROM audit_log") >= rows_before);
    // A link out of turn (for a row that is not the next unlinked one) is refused.
    let wrong = rt.d1_try(
        "INSERT INTO audit_chain (id, prev_hash, hash) VALUES ((SELECT MAX(id) FROM audit_log) + 1000, \
         (SELECT hash FROM audit_chain ORDER BY id DESC LIMIT 1), 'y')",
    );
    assert!(
        wrong.is_err_and(|e| e.contains("linear")),
        "a link out of turn is refused"
    );
}

async fn viewer_filters_and_pages_in_a_stable_order(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let supervisor = rt.staff_client("dinas.supervisor").await;
    let kecamatan = rt.staff_client("kec.purwodadi").await;
    let (code, compact, id) =
        application_of(rt, "audit-viewer-application-1", "3315135211877402").await;
    for _ in 0..55 {
        let read = kecamatan
            .get(&format!("/api/staff/applications/{id}"))
            .send()
            .await
            .unwrap();
        assert_eq!(read.status(), StatusCode::OK);
    }
    let total = rt.d1_count(&format!(
        "SELECT COUNT(*) AS n FROM audit_log WHERE application_id = '{id}'"
    ));
    assert!(total >= 55, "{total}");

    // By registration code, paged: every row once, newest first, no overlap.
    let mut seen = Vec::new();
    let mut query = json!({ "person": code });
    loop {
        let page = search(&supervisor, query.clone()).await;
        assert!(page.rows.len() <= 50);
        assert!(page
            .rows
            .iter()
            .all(|r| r.registration_code.as_deref() == Some(compact.as_str())));
        seen.extend(page.rows.iter().map(|r| r.id));
        match page.next_before_id {
            Some(next) => query["before_id"] = json!(next),
            None => break,
        }
    }
    assert!(
        seen.windows(2).all(|w| w[0] > w[1]),
        "newest first, strictly"
    );
    // The search itself is audited under the person's application, so it may add rows: every
    // row that existed before the first page was seen.
    assert!(seen.len() as u64 >= total, "{} of {total}", seen.len());
    // By NIK, the same application's rows.
    let by_nik = search(&supervisor, json!({ "person": "3315135211877402" })).await;
    assert!(
        !by_nik.rows.is_empty()
            && by_nik
                .rows
                .iter()
                .all(|r| r.registration_code.as_deref() == Some(compact.as_str()))
    );
    // Staff member and action.
    let reads = search(
        &supervisor,
        json!({ "person": code, "staff": "kec.purwodadi", "action": "application.read" }),
    )
    .await;
    assert_eq!(reads.rows.len(), 50);
    assert!(reads
        .rows
        .iter()
        .all(|r| r.action == "application.read"
            && r.staff_username.as_deref() == Some("kec.purwodadi")));
    // Kecamatan and dates (today in WIB holds them, yesterday none).
    let wib_today = rt.d1_query("SELECT date('now', '+7 hours') AS d")[0]["d"]
        .as_str()
        .unwrap()
        .to_string();
    let wib_yesterday = rt.d1_query("SELECT date('now', '+7 hours', '-1 day') AS d")[0]["d"]
        .as_str()
        .unwrap()
        .to_string();
    let today = search(
        &supervisor,
        json!({ "person": code, "district_code": "33.15.13", "from": wib_today, "to": wib_today }),
    )
    .await;
    assert_eq!(today.rows.len(), 50);
    let elsewhere = search(
        &supervisor,
        json!({ "person": code, "district_code": "33.15.01" }),
    )
    .await;
    assert!(elsewhere.rows.is_empty());
    let yesterday = search(&supervisor, json!({ "person": code, "to": wib_yesterday })).await;
    assert!(yesterday.rows.is_empty());
    // The person never travels in a URL: the search is a POST only.
    let get = supervisor
        .get("/api/dinas/audit/search")
        .send()
        .await
        .unwrap();
    assert_eq!(get.status(), StatusCode::METHOD_NOT_ALLOWED);
    let searched = rt.d1_count(&format!(
        "SELECT COUNT(*) AS n FROM audit_log WHERE application_id = '{id}' AND action = 'audit.search' AND staff_id = 'staff-dinas-supervisor'"
    ));
    assert!(searched >= 2, "looking a person up is on their trail");
}

/// Verifies application `id` and records synthetic fingers (seeds `seed + position`) for it.
async fn verify_and_record(kecamatan: &StaffClient, id: &str, key: &str, seed: u64) {
    assert!(kecamatan
        .post(&format!("/api/staff/applications/{id}/verify"))
        .send()
        .await
        .unwrap()
        .status()
        .is_success());
    let body = recording_body(key, |p| {
        synthetic_template(&mut Rng::new(seed + u64::from(p)))
    });
    assert!(kecamatan
        .record_biometrics(id, &body)
        .await
        .status()
        .is_success());
}

async fn export_holds_the_whole_history_and_every_access(ctx: Ctx) {
    let rt = ctx.runtime().await;
    let kecamatan = rt.staff_client("kec.purwodadi").await;
    let dinas = rt.staff_client("dinas.operator").await;
    let supervisor = rt.staff_client("dinas.supervisor").await;
    let nik = "3315135211877301";
    let (code, _, id) = application_of(rt, "audit-export-application-1", nik).await;
    // Through verification, recording and the matcher to print-ready; read by staff on the way.
    assert!(kecamatan
        .get(&format!("/api/staff/applications/{id}"))
        .send()
        .await
        .unwrap()
        .status()
        .is_success());
    verify_and_record(&kecamatan, &id, "audit-export-recording", 7_301_000).await;
    let start = Instant::now();
    while rt.stage_of(&id) != "PRINT_READY_RECORD" {
        assert!(
            start.elapsed() < Duration::from_secs(90),
            "stuck at {}",
            rt.stage_of(&id)
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let issued = dinas
        .post(&format!("/api/dinas/applications/{id}/certificate"))
        .send()
        .await
        .unwrap();
    assert!(
        issued.status().is_success(),
        "certificate: {}",
        issued.status()
    );

    // Only a supervisor, and only a NIK.
    let refused = dinas
        .post("/api/dinas/subject-access")
        .json(&json!({ "nik": nik }))
        .send()
        .await
        .unwrap();
    assert_eq!(error_code(refused).await, ErrorCode::Forbidden);
    let malformed = supervisor
        .post("/api/dinas/subject-access")
        .json(&json!({ "nik": "12" }))
        .send()
        .await
        .unwrap();
    assert_eq!(error_code(malformed).await, ErrorCode::ValidationFailed);

    let resp = supervisor
        .post("/api/dinas/subject-access")
        .json(&json!({ "nik": nik }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let text = resp.text().await.unwrap();
    assert!(
        !text.to_ascii_lowercase().contains("template"),
        "no template in the report"
    );
    let report: SubjectAccessReport = serde_json::from_str(&text).unwrap();
    assert_eq!(report.nik, nik);
    assert_eq!(report.generated_by, "dinas.supervisor");
    assert_eq!(report.applications.len(), 1);
    let app = &report.applications[0];
    assert_eq!(app.registration_code, code);
    assert_eq!(app.form.nik, nik);
    let stages: Vec<Stage> = app.stages.iter().map(|s| s.stage).collect();
    let stored: Vec<String> = rt
        .d1_query(&format!(
            "SELECT stage FROM application_events WHERE application_id = '{id}' ORDER BY id"
        ))
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["stage"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        stages
            .iter()
            .map(|s| s.as_str().to_string())
            .collect::<Vec<_>>(),
        stored
    );
    assert!(stages.contains(&Stage::PrintReadyRecord) && app.stage == Stage::PrintReadyRecord);
    assert!(app.stages.iter().all(|s| !s.at.is_empty()));
    let documents = rt.d1_count(&format!(
        "SELECT COUNT(*) AS n FROM documents WHERE application_id = '{id}'"
    ));
    assert_eq!(app.documents.len() as u64, documents);
    assert_eq!(app.recordings.len(), 1);
    assert_eq!(app.recordings[0].fingers.len(), 10);
    assert_eq!(app.recordings[0].recorded_by, "kec.purwodadi");
    assert_eq!(
        app.recordings[0].match_decision.as_deref(),
        Some("PRINT_READY_RECORD")
    );
    assert_eq!(app.certificates.len(), 1);
    // Every audit row about the application, this export's own included.
    let audited = rt.d1_count(&format!(
        "SELECT COUNT(*) AS n FROM audit_log WHERE application_id = '{id}'"
    ));
    assert_eq!(report.accesses.len() as u64, audited);
    for (action, who) in [
        ("application.read", "kec.purwodadi"),
        ("application.verify", "kec.purwodadi"),
        ("application.record_biometrics", "kec.purwodadi"),
        ("certificate.issue", "dinas.operator"),
        ("subject_access.export", "dinas.supervisor"),
    ] {
        assert!(
            report
                .accesses
                .iter()
                .any(|a| a.action == action && a.staff_username.as_deref() == Some(who)),
            "{action} by {who} in {:?}",
            report
                .accesses
                .iter()
                .map(|a| &a.action)
                .collect::<Vec<_>>()
        );
    }
}

/// How long a job failing every try takes to reach the dead-letter queue and be recorded: six
/// tries (`max_retries = 5`, edge/wrangler.toml) with the consumer's backoff (its age in
/// seconds, at least 1 s: about 1 + 1 + 2 + 4 + 8 s) and the queues' batch waits.
const DEAD_LETTER_TIMEOUT: Duration = Duration::from_secs(120);

async fn a_job_failing_every_retry_becomes_a_stuck_item_not_a_loss(_ctx: Ctx) {
    // Takes a table away: its own runtime, so no other case meets it missing.
    let rt = Runtime::start().await;
    let kecamatan = rt.staff_client("kec.purwodadi").await;
    let supervisor = rt.staff_client("dinas.supervisor").await;
    // The outcome of a search cannot be written while its table is missing: the consumer's
    // batch fails on every try, after the search, and Queues moves the job to the DLQ.
    rt.d1_query("ALTER TABLE match_results RENAME TO match_results_away");
    let (code, id) = purwodadi_application(&rt, "audit-dlq-application-1").await;
    verify_and_record(&kecamatan, &id, "audit-dlq-recording", 7_302_000).await;
    let reference = rt.d1_query(&format!(
        "SELECT reference_id FROM recordings WHERE application_id = '{id}'"
    ))[0]["reference_id"]
        .as_str()
        .unwrap()
        .to_string();
    let start = Instant::now();
    let letter = loop {
        let found = rt.d1_query(&format!(
            "SELECT * FROM dead_letters WHERE application_id = '{id}'"
        ));
        if let Some(row) = found.as_array().unwrap().first() {
            break row.clone();
        }
        assert!(
            start.elapsed() < DEAD_LETTER_TIMEOUT,
            "no dead letter for {id} after {:?}",
            start.elapsed()
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    };
    assert_eq!(letter["reference_id"], json!(reference));
    // Recorded as dead: its copy kept for the redrive goes with it (ARCHITECTURE.md, "Retention").
    while !rt.r2_keys("matching-jobs/").is_empty() {
        assert!(
            start.elapsed() < DEAD_LETTER_TIMEOUT,
            "dead-lettered job still kept"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(letter["queue"], "rekam-enrollment-dlq");
    assert_eq!(letter["purpose"], "search");
    // The record keeps who and when, never the templates the message carried.
    let mut columns: Vec<&str> = letter
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    columns.sort_unstable();
    assert_eq!(
        columns,
        [
            "application_id",
            "enqueued_at",
            "job_id",
            "purpose",
            "queue",
            "recorded_at",
            "reference_id"
        ],
        "{letter}"
    );

    // With the table back, nothing comes again by itself (the job left the queues once it was
    // recorded): the application waits in SENT_FOR_ENROLLMENT, shown as stuck until its owner,
    // the dinas supervisor, has it recorded again (ARCHITECTURE.md, "Retention").
    rt.d1_query("ALTER TABLE match_results_away RENAME TO match_results");
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(rt.stage_of(&id), "SENT_FOR_ENROLLMENT");
    assert_eq!(
        rt.d1_count(&format!(
            "SELECT COUNT(*) AS n FROM match_results WHERE reference_id = '{reference}'"
        )),
        0
    );
    let resp = supervisor.get("/api/dinas/dashboard").send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let dashboard: Dashboard = resp.json().await.unwrap();
    let compact: String = code.chars().filter(|c| *c != '-').collect();
    let stuck: Vec<_> = dashboard
        .stuck
        .iter()
        .filter(|s| s.registration_code.replace('-', "") == compact)
        .collect();
    assert_eq!(stuck.len(), 1, "{:?}", dashboard.stuck);
    assert_eq!(stuck[0].reason, StuckReason::DeadLetter);
    assert_eq!(stuck[0].stage, Stage::SentForEnrollment);
    assert_eq!(json!(stuck[0].since), letter["recorded_at"]);
    // The failed tries wrote nothing half: every audit row, the consumer's too, is linked.
    let chain = chain(&supervisor).await;
    assert_eq!(
        (&chain.first_broken, chain.pending),
        (&None, 0),
        "{chain:?}"
    );
}
