//! The dinas dashboard's answer time with many applications: seeds N applications (default
//! 100,000) and N/100 adjudication cases straight into a fresh local D1 (one SQL statement; the
//! rows carry placeholder personal data), then times `GET /api/dinas/dashboard` over loopback.
//!
//! `cargo run --release -p tests --bin bench-dashboard -- [APPLICATIONS] [RUNS]` (default 100000,
//! 10). Needs the built worker (`tools/build.sh all`). Prints min / median / max in ms.
//!
//! The seeded applications spread over Grobogan's 19 kecamatan, every stored stage but
//! SENT_FOR_ENROLLMENT (a placeholder code could not be shown as a stuck item) and the last 60
//! days.

use std::time::{Duration, Instant};

/// Stages the seed cycles through (stored names).
const STAGES: [&str; 12] = [
    "PRE_FILLED",
    "RETURNED",
    "DOCUMENTS_VERIFIED",
    "BIO_CAPTURED",
    "PRINT_READY_RECORD",
    "ADJUDICATE_RECORD",
    "DUPLICATE_RECORD",
    "ENROLL_FAILURE",
    "SENT_FOR_CARD_PRINTING",
    "CARD_PRINTED",
    "CARD_SHIPPED",
    "CARD_ISSUED",
];

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let n: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let runs: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(10)
        .max(1);
    let rt = tests::Runtime::start().await;

    let stages: Vec<String> = STAGES.iter().map(|s| format!("'{s}'")).collect();
    let seeded = Instant::now();
    rt.d1_query(&format!(
        "WITH RECURSIVE seq (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < {n}), \
         rows AS (SELECT i, printf('33.15.%02d', 1 + i % 19) AS d, \
                  json_extract(json_array({stages}), '$[' || (i * 7 % {k}) || ']') AS stage, \
                  (i * 7919) % (60 * 86400) AS age_s FROM seq) \
         INSERT INTO applications (id, registration_code, idempotency_key, request_hash, stage, application_type, \
           district_code, village_code, nik, full_name, form_json, warnings_json, created_at, updated_at) \
         SELECT printf('bench-%08d', i), printf('BENCH%011d', i), printf('bench-key-%08d', i), 'h', stage, 'baru', \
           d, d || '.2001', '3315000000000000', 'BENCH', '{{}}', '[]', \
           strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || age_s || ' seconds'), \
           strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || (age_s / 3) || ' seconds') FROM rows",
        stages = stages.join(", "),
        k = STAGES.len(),
    ));
    rt.d1_query(&format!(
        "WITH RECURSIVE seq (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < {cases}) \
         INSERT INTO adjudication_cases (id, opened_at) \
         SELECT printf('bench-case-%06d', i), strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || (i * 977 % 864000) || ' seconds') FROM seq",
        cases = (n / 100).max(1),
    ));
    let stored = rt.d1_count("SELECT COUNT(*) AS n FROM applications");
    println!(
        "seeded {stored} applications and {} open cases in {:.1} s",
        (n / 100).max(1),
        seeded.elapsed().as_secs_f64()
    );

    let supervisor = rt.staff_client("dinas.supervisor").await;
    // Warm-up: the first request compiles the worker's wasm; it is not part of the figures.
    let warm = supervisor.get("/api/dinas/dashboard").send().await.unwrap();
    assert!(warm.status().is_success(), "dashboard: {}", warm.status());
    let body: serde_json::Value = warm.json().await.unwrap();
    let open: u64 = body["backlog"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["count"].as_u64().unwrap())
        .sum();
    println!(
        "dashboard: {open} open applications over {} stages",
        body["backlog"].as_array().unwrap().len()
    );

    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        let resp = supervisor.get("/api/dinas/dashboard").send().await.unwrap();
        assert!(resp.status().is_success());
        resp.bytes().await.unwrap();
        times.push(t.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "GET /api/dinas/dashboard with {stored} applications, {runs} runs: min {:.0} ms, median {:.0} ms, max {:.0} ms",
        ms(times[0]),
        ms(times[runs / 2]),
        ms(times[runs - 1])
    );
}
