//! The print room's throughput on the local Workers runtime: N applications are taken to
//! PRINT_READY_RECORD the honest way (submitted, verified and recorded with SYNTHETIC
//! fingerprints through the real endpoints, decided by the real matcher; not timed), then one
//! print run moves them all: made in one request, every card printed in one request, closed.
//! Prints the timings, cards per second, the previews' JSON time and the chip data file's size.
//!
//! `cargo run --release -p tests --bin bench-print-run -- [N]` (default 500). Needs the built
//! worker (`tools/build.sh edge`). Traffic goes to 127.0.0.1 only.

use serde_json::Value;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tests::fixtures::application_multipart;
use tests::fixtures::{recording_body, synthetic_finger};
use tests::matcher_wait::until_decided;
use tests::printing::{close_run, create_run, person_form, print_all, serial};
use tests::{Runtime, StaffClient};

/// Recordings sent at once while seeding.
const SEED_CONCURRENCY: usize = 3;
/// Recordings sent before waiting for the matcher to decide them.
const SEED_WAVE: usize = 50;
/// Tries of one seeding request: a loaded local runtime sometimes answers 503 ("worker
/// restarted mid-request"); every request here is idempotent, so it is simply sent again.
const SEED_TRIES: usize = 5;
/// Time without a decision after which the local queue counts as stalled.
const STALL: Duration = Duration::from_secs(30);
/// Chip data files fetched for the size figure.
const CHIP_SAMPLES: usize = 10;

#[tokio::main]
async fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(500);
    // The redrive sends a kept job again at once: the recovery from the local queue's stalls.
    let mut rt = Arc::new(tests::Runtime::start_with_vars(&["REDRIVE_AFTER_MINUTES:0"]).await);
    let mut stalls = 0;
    let seeding = Instant::now();
    // A few more than the run: the local runtime's in-memory queue can lose a job in a burst
    // (production Queues deliver at least once), and the run is to have exactly `n` cards.
    let run_size = n;
    let n = n + n.div_ceil(50);
    // In waves, each decided before the next is sent: a burst of hundreds of recordings makes
    // the local runtime restart, and its in-memory queue then loses jobs.
    let mut ids = Vec::with_capacity(n);
    for wave in (0..n).collect::<Vec<_>>().chunks(SEED_WAVE) {
        let mut handles = Vec::new();
        for part in wave.chunks(wave.len().div_ceil(SEED_CONCURRENCY)) {
            let rt = rt.clone();
            let part = part.to_vec();
            handles.push(tokio::spawn(async move {
                let kecamatan = rt.staff_client("kec.purwodadi").await;
                let mut ids = Vec::new();
                for i in part {
                    ids.push(seed(&rt, &kecamatan, 50_000 + i as u64).await);
                }
                ids
            }));
        }
        for h in handles {
            ids.extend(h.await.unwrap());
        }
        stalls += wait_decided(&mut rt, Duration::from_secs(60)).await;
        eprintln!("seeded {} of {n}", ids.len());
    }
    // A loaded machine's matcher can trail the waves: the run waits for the last decisions.
    stalls += wait_decided(&mut rt, Duration::from_secs(600)).await;
    eprintln!("the local queue stalled {stalls} times while seeding (each recovered by a restart and the redrive)");
    // The run takes every recording the matcher decided (all unique: distinct synthetic people).
    let ready = rt.d1_query("SELECT id FROM applications WHERE stage = 'PRINT_READY_RECORD'");
    let mut ids: Vec<String> = ready
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    eprintln!("{} of {n} recordings decided PRINT_READY_RECORD", ids.len());
    if ids.len() < run_size {
        eprintln!("fewer than {run_size} decided: the run takes {}", ids.len());
    }
    ids.truncate(run_size);
    let n = ids.len();
    eprintln!(
        "seeded {n} PRINT_READY_RECORD applications in {:.1} s (not part of the figures)",
        seeding.elapsed().as_secs_f64()
    );

    let dinas = rt.staff_client("dinas.operator").await;
    // Warm-up read: the first request of a session compiles nothing more than later ones.
    let _ = dinas.get_json("/api/dinas/print-queue").await;

    let t = Instant::now();
    let run = create_run(&dinas, "33.15.13", &ids, "bench").await;
    let create = t.elapsed();

    let t = Instant::now();
    let previews: Value = dinas
        .get_json(&format!("/api/dinas/print-runs/{run}/cards"))
        .await;
    let preview = t.elapsed();
    assert_eq!(previews["cards"].as_array().unwrap().len(), n);

    let mut chip_bytes = Vec::new();
    let t = Instant::now();
    for (i, id) in ids.iter().take(CHIP_SAMPLES).enumerate() {
        let resp = dinas
            .get(&format!(
                "/api/dinas/print-runs/{run}/cards/{id}/chip?serial={}",
                serial("bench", i)
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status().as_u16(), 200);
        chip_bytes.push(resp.bytes().await.unwrap().len());
    }
    let chip = t.elapsed() / chip_bytes.len() as u32;

    let t = Instant::now();
    print_all(&dinas, &run, &ids, "bench").await;
    let printed = t.elapsed();

    let t = Instant::now();
    let (status, body) = close_run(&dinas, &run, "bench").await;
    assert_eq!(status, 200, "{body}");
    let close = t.elapsed();

    let cards_printed =
        rt.d1_count("SELECT COUNT(*) AS n FROM applications WHERE stage = 'CARD_PRINTED'");
    assert_eq!(cards_printed as usize, n);
    let total = create + printed + close;
    let per_s = |d: Duration| n as f64 / d.as_secs_f64();
    let avg_chip = chip_bytes.iter().sum::<usize>() as f64 / chip_bytes.len() as f64;
    println!(
        "cards={n} run_create_ms={:.0} ({:.0} cards/s) mark_printed_ms={:.0} ({:.0} cards/s) close_ms={:.0} \
         run_end_to_end_cards_per_s={:.0} previews_json_ms={:.0} chip_data_bytes_per_card={avg_chip:.0} \
         (min {} max {}, of which photo {} and signature {}) chip_data_ms_per_card={:.0}",
        create.as_secs_f64() * 1000.0,
        per_s(create),
        printed.as_secs_f64() * 1000.0,
        per_s(printed),
        close.as_secs_f64() * 1000.0,
        per_s(total),
        preview.as_secs_f64() * 1000.0,
        chip_bytes.iter().min().unwrap(),
        chip_bytes.iter().max().unwrap(),
        tests::fixtures::jpeg(40_000).len(),
        tests::fixtures::png(5_000).len(),
        chip.as_secs_f64() * 1000.0,
    );
}

/// Waits until the matcher has decided every recording sent, or `limit` has passed (then says
/// how many are left; those are left out of the run). Returns the local queue's stalls.
async fn wait_decided(rt: &mut Arc<Runtime>, limit: Duration) -> u32 {
    let rt = Arc::get_mut(rt).expect("no seeding task holds the runtime between waves");
    let waited = until_decided(
        rt,
        |rt| {
            rt.d1_count(
                "SELECT COUNT(*) AS n FROM applications WHERE stage IN ('BIO_CAPTURED', 'SENT_FOR_ENROLLMENT')",
            )
        },
        STALL,
        limit,
    )
    .await;
    if waited.undecided > 0 {
        eprintln!(
            "{} recordings still undecided after {} s",
            waited.undecided,
            limit.as_secs()
        );
    }
    waited.stalls
}

/// Sends a request made by `send` until it is not a 503, up to [`SEED_TRIES`] times.
async fn retried<F, Fut>(what: &str, send: F) -> reqwest::Response
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = reqwest::Response>,
{
    for _ in 1..SEED_TRIES {
        let resp = send().await;
        if resp.status().as_u16() != 503 {
            return resp;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    send()
        .await
        .error_for_status()
        .unwrap_or_else(|e| panic!("{what}: {e}"))
}

/// Synthetic `person` submitted, verified and recorded (each step idempotent); its id.
async fn seed(rt: &Runtime, kecamatan: &StaffClient, person: u64) -> String {
    let form = person_form("33.15.13", "33.15.13.2001", person);
    let key = format!("bench-{person}");
    let submitted: Value = retried("submit", || async {
        tests::http_client()
            .post(rt.url("/api/applications"))
            .header("Idempotency-Key", format!("{key}-application"))
            .multipart(application_multipart(&form))
            .send()
            .await
            .unwrap()
    })
    .await
    .json()
    .await
    .unwrap();
    let code = submitted["registration_code"].as_str().expect("submitted");
    let detail: Value = retried("find", || async {
        kecamatan
            .get(&format!("/api/staff/applications/by-code/{code}"))
            .send()
            .await
            .unwrap()
    })
    .await
    .json()
    .await
    .unwrap();
    let id = detail["id"].as_str().expect("application id").to_string();
    let verified = retried("verify", || async {
        kecamatan
            .post(&format!("/api/staff/applications/{id}/verify"))
            .header("Idempotency-Key", format!("{key}-verification"))
            .send()
            .await
            .unwrap()
    })
    .await;
    assert!(verified.status().is_success(), "verify {id}");
    let body = recording_body(&format!("{key}-recording"), |p| {
        synthetic_finger(person, 0, p)
    });
    let recorded = retried("record", || async {
        kecamatan.record_biometrics(&id, &body).await
    })
    .await;
    assert!(recorded.status().is_success(), "record {id}");
    id
}
