//! Bounded loopback load on `POST /api/applications` in the local Workers runtime: prints p50/p99
//! latency and the number of records stored against the number of requests sent.
//!
//! `cargo run --release -p tests --bin load-submit -- [REQUESTS] [CONCURRENCY]` (default 300, 4).
//! Needs the built worker (`tools/build.sh all`). Traffic goes to 127.0.0.1 only and stops by itself.

use std::time::{Duration, Instant};
use tests::fixtures::{application_multipart, purwodadi_form};

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let requests: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(300);
    let concurrency: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(4).max(1);
    let rt = tests::Runtime::start().await;
    let url = rt.url("/api/applications");

    // Warm-up: the first request compiles the worker's wasm; it is not part of the figures.
    send(&url, "warmup-000000000000").await;

    let started = Instant::now();
    let mut handles = Vec::new();
    for worker in 0..concurrency {
        let url = url.clone();
        handles.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut failures = 0usize;
            for i in (worker..requests).step_by(concurrency) {
                let t = Instant::now();
                let ok = send(&url, &format!("load-{i:016}")).await;
                latencies.push(t.elapsed());
                failures += usize::from(!ok);
            }
            (latencies, failures)
        }));
    }
    let mut latencies: Vec<Duration> = Vec::with_capacity(requests);
    let mut failures = 0;
    for h in handles {
        let (l, f) = h.await.unwrap();
        latencies.extend(l);
        failures += f;
    }
    let wall = started.elapsed();
    latencies.sort();
    let pct = |p: f64| {
        latencies[((latencies.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1000.0
    };
    // The warm-up request stored one record too.
    let stored = rt.d1_query("SELECT COUNT(*) AS n FROM applications")[0]["n"]
        .as_u64()
        .unwrap() as usize
        - 1;
    println!(
        "requests={requests} concurrency={concurrency} failures={failures} stored={stored} p50_ms={:.1} p99_ms={:.1} max_ms={:.1} throughput_rps={:.1}",
        pct(0.5),
        pct(0.99),
        pct(1.0),
        requests as f64 / wall.as_secs_f64()
    );
    assert_eq!(
        stored,
        requests - failures,
        "every accepted request is stored exactly once"
    );
}

async fn send(url: &str, key: &str) -> bool {
    let resp = tests::http_client()
        .post(url)
        .header("Idempotency-Key", key)
        .multipart(application_multipart(&purwodadi_form()))
        .send()
        .await;
    matches!(resp, Ok(r) if r.status().as_u16() == 201)
}
