//! Bounded loopback load on the local Workers runtime, for the public form, the public status
//! page and the kecamatan's recordings: per phase and concurrency, throughput, p50/p99/max
//! latency and what was stored against what was accepted (they must be equal).
//!
//! `cargo run --release -p tests --bin load -- [SECONDS] [LEVELS] [RECORDING LEVELS]`, levels as
//! concurrencies like `4,8,16` (the default for both). Needs the built worker (`tools/build.sh
//! all`). Each phase at each concurrency runs for SECONDS or 2,000 requests (recordings: as many
//! as were prepared, 25 per loop), whichever ends first; traffic goes to 127.0.0.1 only. After
//! each phase, the CPU time per request of each process (the generator, wrangler's Node.js, each
//! workerd) says where the time went.
//!
//! Each simulated resident comes from an address of their own (`CF-Connecting-IP`), as on the
//! internet, so the per-address budgets do not stand in for the system's capacity; the shared
//! test runtime lifts the per-kecamatan pre-fill budget.

use serde_json::Value;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tests::fixtures::{application_multipart, recording_body, synthetic_finger};
use tests::printing::person_form;
use tests::process_cpu::CpuSample;
use tests::{Runtime, StaffClient};

/// Requests one phase at one concurrency sends at most.
const MAX_REQUESTS: usize = 2000;

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let seconds: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(10);
    let levels = args
        .next()
        .map_or_else(|| vec![4, 8, 16], |a| concurrencies(&a));
    // Recordings keep the matcher busy for minutes after each level: fewer levels may be asked.
    let recording_levels = args
        .next()
        .map_or_else(|| levels.clone(), |a| concurrencies(&a));
    let rt = Arc::new(Runtime::start().await);
    let span = Duration::from_secs(seconds);
    let person = Arc::new(AtomicUsize::new(1));

    // Warm-up: the first request compiles the worker's wasm; not part of the figures.
    submit(&rt, person.fetch_add(1, Ordering::Relaxed)).await;

    let mut codes = Vec::new();
    for &c in &levels {
        let before = count(&rt, "applications");
        let cpu = CpuSample::of_runtime(&rt.state_dir);
        let run = phase(c, span, MAX_REQUESTS, {
            let (rt, person) = (rt.clone(), person.clone());
            move |_| {
                let (rt, person) = (rt.clone(), person.clone());
                async move { submit(&rt, person.fetch_add(1, Ordering::Relaxed)).await }
            }
        })
        .await;
        let cpu = CpuSample::of_runtime(&rt.state_dir).since(&cpu);
        let stored = count(&rt, "applications") - before;
        report("submit", c, &run, Some(stored), &cpu);
        codes.extend(run.outputs.into_iter().flatten());
    }

    let codes = Arc::new(codes);
    for &c in &levels {
        let cpu = CpuSample::of_runtime(&rt.state_dir);
        let run = phase(c, span, MAX_REQUESTS, {
            let (rt, codes) = (rt.clone(), codes.clone());
            move |i| {
                let (rt, codes) = (rt.clone(), codes.clone());
                async move { status(&rt, &codes[i % codes.len()], i).await }
            }
        })
        .await;
        let cpu = CpuSample::of_runtime(&rt.state_dir).since(&cpu);
        report("status", c, &run, None, &cpu);
    }

    // Recordings: applications verified beforehand (not timed), then recorded under load.
    let staff = Arc::new(rt.staff_client("kec.purwodadi").await);
    for &c in &recording_levels {
        let ready = prepare_recordings(&rt, &staff, &person, MAX_REQUESTS.min(c * 25)).await;
        let ready = Arc::new(ready);
        let before = count(&rt, "recordings");
        let cpu = CpuSample::of_runtime(&rt.state_dir);
        let run = phase(c, span, ready.len(), {
            let (staff, ready) = (staff.clone(), ready.clone());
            move |i| {
                let (staff, ready) = (staff.clone(), ready.clone());
                async move {
                    let (id, person) = ready[i].clone();
                    record(&staff, &id, person).await
                }
            }
        })
        .await;
        let cpu = CpuSample::of_runtime(&rt.state_dir).since(&cpu);
        let stored = count(&rt, "recordings") - before;
        report("record", c, &run, Some(stored), &cpu);
    }
}

/// What one phase gave: per request its latency and output (None when refused or failed).
struct Run<T> {
    latencies: Vec<Duration>,
    outputs: Vec<Option<T>>,
    wall: Duration,
}

/// Sends `request(i)` from `concurrency` loops for `span` or until `count` were sent.
async fn phase<T, F, Fut>(concurrency: usize, span: Duration, count: usize, request: F) -> Run<T>
where
    T: Send + 'static,
    F: Fn(usize) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = Option<T>> + Send,
{
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut loops = Vec::new();
    for _ in 0..concurrency {
        let (next, request) = (next.clone(), request.clone());
        loops.push(tokio::spawn(async move {
            let mut done = Vec::new();
            while started.elapsed() < span {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= count {
                    break;
                }
                let t = Instant::now();
                let out = request(i).await;
                done.push((t.elapsed(), out));
            }
            done
        }));
    }
    let mut run = Run {
        latencies: Vec::new(),
        outputs: Vec::new(),
        wall: Duration::ZERO,
    };
    for l in loops {
        for (latency, out) in l.await.unwrap() {
            run.latencies.push(latency);
            run.outputs.push(out);
        }
    }
    run.wall = started.elapsed();
    run
}

fn report<T>(what: &str, concurrency: usize, run: &Run<T>, stored: Option<u64>, cpu: &CpuSample) {
    let mut l = run.latencies.clone();
    l.sort();
    let pct = |p: f64| l[((l.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1000.0;
    let accepted = run.outputs.iter().filter(|o| o.is_some()).count();
    let stored = stored.map_or(String::new(), |s| format!(" stored={s}"));
    println!(
        "phase={what} concurrency={concurrency} requests={} accepted={accepted}{stored} \
         throughput_rps={:.1} p50_ms={:.1} p99_ms={:.1} max_ms={:.1}",
        l.len(),
        l.len() as f64 / run.wall.as_secs_f64(),
        pct(0.5),
        pct(0.99),
        pct(1.0),
    );
    // Where the CPU went: per request, by process, and how many of the machine's cores were busy.
    let per_request = |secs: f64| secs * 1000.0 / l.len().max(1) as f64;
    let mut line = format!(
        "  cpu_ms_per_request generator={:.1}",
        per_request(cpu.this_process)
    );
    let mut total = cpu.this_process;
    for (process, secs) in &cpu.by_process {
        line.push_str(&format!(" {process}={:.1}", per_request(*secs)));
        total += secs;
    }
    println!(
        "{line} total={:.1} cores_busy={:.2}",
        per_request(total),
        total / run.wall.as_secs_f64()
    );
}

fn count(rt: &Runtime, table: &str) -> u64 {
    rt.d1_count(&format!("SELECT COUNT(*) AS n FROM {table}"))
}

/// "4,8,16" as concurrency levels.
fn concurrencies(list: &str) -> Vec<usize> {
    list.split(',').filter_map(|n| n.parse().ok()).collect()
}

/// A distinct documentation-range address per simulated person.
fn address(n: usize) -> String {
    format!("10.{}.{}.{}", (n >> 16) & 255, (n >> 8) & 255, n & 255)
}

/// Person `n`'s pre-fill: the registration code when accepted.
async fn submit(rt: &Runtime, n: usize) -> Option<String> {
    let resp = tests::http_client()
        .post(rt.url("/api/applications"))
        .header("CF-Connecting-IP", address(n))
        .header("Idempotency-Key", format!("load-{n:020}"))
        .multipart(application_multipart(&person_form(
            "33.15.13",
            "33.15.13.2001",
            n as u64,
        )))
        .send()
        .await
        .ok()?;
    if resp.status().as_u16() != 201 {
        return None;
    }
    let body: Value = resp.json().await.ok()?;
    body["registration_code"].as_str().map(str::to_string)
}

/// A status lookup of `code` by the `i`-th visitor.
async fn status(rt: &Runtime, code: &str, i: usize) -> Option<()> {
    let resp = tests::http_client()
        .get(rt.url(&format!("/api/status/{code}")))
        .header("CF-Connecting-IP", address(1_000_000 + i))
        .send()
        .await
        .ok()?;
    (resp.status().as_u16() == 200).then_some(())
}

/// `n` new applications, verified: (id, person).
async fn prepare_recordings(
    rt: &Runtime,
    staff: &StaffClient,
    person: &AtomicUsize,
    n: usize,
) -> Vec<(String, u64)> {
    let mut ready = Vec::with_capacity(n);
    for _ in 0..n {
        let p = person.fetch_add(1, Ordering::Relaxed);
        let Some(code) = submit(rt, p).await else {
            continue;
        };
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
        ready.push((id, p as u64));
    }
    ready
}

/// A recording of synthetic `person`'s ten fingers for application `id`.
async fn record(staff: &StaffClient, id: &str, person: u64) -> Option<()> {
    let body = recording_body(&format!("load-recording-{person}"), |p| {
        synthetic_finger(person, 0, p)
    });
    let resp = staff.record_biometrics(id, &body).await;
    if resp.status().is_success() {
        return Some(());
    }
    // A refusal is a finding to explain, not only a count.
    let status = resp.status().as_u16();
    let text = resp.text().await.unwrap_or_default();
    eprintln!(
        "recording {id} refused: {status} {}",
        text.chars().take(200).collect::<String>()
    );
    None
}
