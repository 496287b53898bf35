//! Bounded loopback benchmark of the audit chain on the local Workers runtime.
//!
//! `cargo run --release -p tests --bin audit-bench -- [READS] [CONCURRENCY] [HISTORY]`
//! (default 1000, 8, 20000). Needs the built worker (`tools/build.sh all`). Prints:
//! - `chain_rows_per_s`: audit rows written per second, each with its link in its own batch,
//!   while `CONCURRENCY` clients read one application `READS` times (each read writes one row;
//!   concurrent readers race for the chain head and the losers retry their batch), with the
//!   chain verified intact afterwards;
//! - `export_ms`: the subject-access report of a resident whose application has `HISTORY` more
//!   audit rows (inserted directly, then linked by the cron's repair of unlinked rows:
//!   `repair_link_ms`), and `verify_ms`: walking the whole chain.
//!
//! Traffic goes to 127.0.0.1 only; it stops by itself (at most 120 s of load).

use std::time::{Duration, Instant};
use tests::fixtures::purwodadi_application;

const MAX_LOAD: Duration = Duration::from_secs(120);

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let reads: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let concurrency: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(8).max(1);
    let history: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let rt = tests::Runtime::start().await;
    let kecamatan = rt.staff_client("kec.purwodadi").await;
    let supervisor = rt.staff_client("dinas.supervisor").await;
    let (_, id) = purwodadi_application(&rt, "audit-bench-application-1").await;
    let path = format!("/api/staff/applications/{id}");
    // Warm-up: compiles the worker's wasm.
    assert!(kecamatan
        .get(&path)
        .send()
        .await
        .unwrap()
        .status()
        .is_success());

    // The machine may be shared: the 1-minute load average goes with the figure.
    let load = std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split(' ').next().unwrap_or("?").to_string())
        .unwrap_or_else(|_| "?".into());
    let rows_before = rt.d1_count("SELECT COUNT(*) AS n FROM audit_log");
    let started = Instant::now();
    let mut handles = Vec::new();
    for worker in 0..concurrency {
        let (client, path) = (kecamatan.clone(), path.clone());
        handles.push(tokio::spawn(async move {
            let mut failures = 0usize;
            for _ in (worker..reads).step_by(concurrency) {
                if started.elapsed() > MAX_LOAD {
                    break;
                }
                let ok = client
                    .get(&path)
                    .send()
                    .await
                    .is_ok_and(|r| r.status().is_success());
                failures += usize::from(!ok);
            }
            failures
        }));
    }
    let mut failures = 0;
    for h in handles {
        failures += h.await.unwrap();
    }
    let wall = started.elapsed().as_secs_f64();
    let rows = rt.d1_count("SELECT COUNT(*) AS n FROM audit_log") - rows_before;
    let unlinked = rt.d1_count(
        "SELECT COUNT(*) AS n FROM audit_log WHERE id > (SELECT COALESCE(MAX(id), 0) FROM audit_chain)",
    );
    let chain = supervisor
        .get("/api/dinas/audit/chain")
        .send()
        .await
        .unwrap();
    let chain: serde_json::Value = chain.json().await.unwrap();
    assert!(chain["first_broken"].is_null(), "chain broken: {chain}");
    println!(
        "reads={reads} concurrency={concurrency} failures={failures} audit_rows={rows} unlinked_after={unlinked} chain_rows_per_s={:.1} load_before={load}",
        rows as f64 / wall
    );

    // A long history: rows about the application, written straight into the database.
    rt.d1_query(&format!(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {history}) \
         INSERT INTO audit_log (at, staff_id, role, action, application_id, client, request_id, detail_json) \
         SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'staff-kec-purwodadi', 'kecamatan_operator', \
         'application.read', '{id}', 'bench', 'bench-' || i, NULL FROM n"
    ));
    let link_start = Instant::now();
    rt.fire_cron().await;
    let repair_link_ms = link_start.elapsed().as_secs_f64() * 1000.0;
    let verify_start = Instant::now();
    let chain: serde_json::Value = supervisor
        .get("/api/dinas/audit/chain")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let verify_ms = verify_start.elapsed().as_secs_f64() * 1000.0;
    assert!(chain["first_broken"].is_null(), "chain broken: {chain}");
    assert_eq!(chain["pending"], 0, "the repair linked every row: {chain}");
    let export_start = Instant::now();
    let export = supervisor
        .post("/api/dinas/subject-access")
        .json(&serde_json::json!({ "nik": "3315135211870003" }))
        .send()
        .await
        .unwrap();
    assert!(export.status().is_success(), "export: {}", export.status());
    let report: serde_json::Value = export.json().await.unwrap();
    let export_ms = export_start.elapsed().as_secs_f64() * 1000.0;
    println!(
        "history_rows={history} chain_rows={} repair_link_ms={repair_link_ms:.0} verify_ms={verify_ms:.0} export_ms={export_ms:.0} export_accesses={}",
        chain["rows"],
        report["accesses"].as_array().map_or(0, Vec::len)
    );
}
