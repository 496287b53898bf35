//! The crash test: the runtime is killed (SIGKILL to all of wrangler and workerd) while
//! pre-fills, recordings and matching jobs are in flight, and restarted on the same state and
//! port; every client retries its request with its same key until it is accepted. The local
//! queue keeps its messages in memory, so the kill loses every queued matching job: the cron's
//! redrive (fired here with `/__scheduled`, threshold lowered to 0 minutes) sends them again from
//! the jobs kept in R2. Then every accepted request has reached its final state once: one
//! application with its documents per pre-fill key; one recording, one decision and one gallery
//! enrolment per recording key (distinct synthetic people: each ends PRINT_READY_RECORD).
//!
//! Each kill point prints one line of counts (requests sent, accepted before the kill, in flight
//! at the kill, queued jobs lost, resent by the redrive, final). Fingerprints are small
//! synthetic templates, so the matcher's work stays short.

use serde_json::Value;
use sha2::{Digest, Sha256};
use std::future::Future;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};
use tests::fixtures::{
    application_multipart, recording_body, submit_application, synthetic_finger,
};
use tests::matcher_wait::until_decided;
use tests::printing::{person_form, verify};
use tests::suite::Ctx;
use tests::Runtime;

fn main() -> ExitCode {
    tests::suite::run(tests::cases![;
        alone: a_job_the_queue_lost_is_resent_by_the_redrive,
        killed_at_three_points_every_request_ends_once,
    ])
}

/// The crash runtime: the redrive sends again any job still undecided when the cron fires.
async fn crash_runtime() -> Runtime {
    Runtime::start_with_vars(&["REDRIVE_AFTER_MINUTES:0"]).await
}

/// Every application is in this kecamatan (the recording operator's).
const DISTRICT: &str = "33.15.13";
const VILLAGE: &str = "33.15.13.2001";
/// How long the matcher may take to decide a kill point's recordings on a loaded machine.
const DECIDE_TIMEOUT: Duration = Duration::from_secs(240);
/// Time without any decision after which the local queue counts as stalled ([`wait_decided`]).
const STALL: Duration = Duration::from_secs(15);
/// Pause between a client's tries while the runtime is down.
const RETRY_PAUSE: Duration = Duration::from_millis(200);

async fn a_job_the_queue_lost_is_resent_by_the_redrive(_ctx: Ctx) {
    let mut rt = crash_runtime().await;
    let staff = rt.staff_client("kec.purwodadi").await;
    let id = prepared_application(&rt, &staff, 1).await;
    let resp = staff.record_biometrics(&id, &recording(1)).await;
    assert!(resp.status().is_success(), "record: {}", resp.status());
    // Killed as soon as the recording is answered: its job sits in the queue's memory (the
    // consumer takes a batch after a second at the earliest) and dies with it.
    rt.kill();
    let reference = reference_of(&rt, &id);
    assert_eq!(rt.stage_of(&id), "SENT_FOR_ENROLLMENT");
    assert_eq!(
        rt.r2_keys("matching-jobs/"),
        vec![format!("matching-jobs/{reference}.json")],
        "the job is kept until decided"
    );

    rt.restart().await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(rt.stage_of(&id), "SENT_FOR_ENROLLMENT", "the job was lost");
    assert_eq!(redrive(&rt).await["resent"], 1);
    let ids = std::slice::from_ref(&id);
    wait_decided(&mut rt, ids).await;
    assert_eq!(rt.stage_of(&id), "PRINT_READY_RECORD");
    assert_eq!(decisions(&rt, ids), 1);
    assert_eq!(coordinator_jobs(&rt), 1);
    assert_eq!(gallery_people(&rt), 1);
    wait_no_kept_jobs(&rt).await;
    // Decided: a later sweep sends nothing again.
    let audited = redrives_audited(&rt);
    rt.fire_cron().await;
    assert_eq!(redrives_audited(&rt), audited, "nothing to resend or clear");
}

async fn killed_at_three_points_every_request_ends_once(_ctx: Ctx) {
    let mut rt = crash_runtime().await;
    let started = Instant::now();
    prefills_killed_mid_burst(&mut rt).await;
    recordings_killed_mid_burst(&mut rt).await;
    matcher_killed_while_deciding(&mut rt).await;
    eprintln!(
        "crash: three kill points in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

/// Kill point 1: a burst of public pre-fills, killed once a third are accepted.
async fn prefills_killed_mid_burst(rt: &mut Runtime) {
    const PEOPLE: u64 = 24;
    const CLIENTS: usize = 6;
    let base = Base::of(rt);
    let counts = Arc::new(Counts::default());
    let people: Vec<u64> = (1..=PEOPLE).collect();
    let clients = spawn_clients(&people, CLIENTS, {
        let (base, counts) = (base.clone(), counts.clone());
        move |person| prefill(base.clone(), counts.clone(), person)
    });
    let at_kill = kill_when(rt, &counts, |_| {
        counts.accepted.load(Ordering::SeqCst) >= PEOPLE as usize / 3
    })
    .await;
    let stored_at_kill = rt.d1_count("SELECT COUNT(*) AS n FROM applications");
    restart(rt, &base).await;
    let codes = join(clients).await;

    for (person, code) in people.iter().zip(&codes) {
        let rows = rt.d1_query(&format!(
            "SELECT id, registration_code FROM applications WHERE idempotency_key = '{}'",
            sha256_hex(&prefill_key(*person))
        ));
        let rows = rows.as_array().unwrap();
        assert_eq!(rows.len(), 1, "person {person}: one application per key");
        assert_eq!(
            rows[0]["registration_code"].as_str().unwrap(),
            code.replace('-', "")
        );
        let id = rows[0]["id"].as_str().unwrap();
        let documents = rt.d1_count(&format!(
            "SELECT COUNT(*) AS n FROM documents WHERE application_id = '{id}'"
        ));
        assert_eq!(
            documents, 3,
            "person {person}: cover letter, photo, KK copy"
        );
        let stored = rt.r2_keys(&format!("applications/{id}/documents/"));
        assert_eq!(
            stored.len(),
            3,
            "person {person}: documents in R2: {stored:?}"
        );
    }
    let final_count = rt.d1_count("SELECT COUNT(*) AS n FROM applications");
    assert_eq!(final_count, PEOPLE, "no application twice, none lost");
    println!(
        "crash kill_point=prefill_burst sent={PEOPLE} accepted_before_kill={} in_flight_at_kill={} \
         stored_at_kill={stored_at_kill} tries={} final_applications={final_count}",
        at_kill.accepted,
        at_kill.in_flight,
        counts.tries.load(Ordering::SeqCst),
    );
}

/// Kill point 2: a burst of recordings, killed after a few are accepted at a moment one is
/// stored but not yet sent (BIO_CAPTURED), or else once two thirds are accepted: then some are
/// half-way, others sent and queued.
async fn recordings_killed_mid_burst(rt: &mut Runtime) {
    let people: Vec<u64> = (101..=116).collect();
    let two_thirds = people.len() * 2 / 3;
    recording_kill_point(
        rt,
        "recording_burst",
        &people,
        4,
        move |rt, ids, accepted| {
            (accepted >= 3 && count_at(rt, ids, "BIO_CAPTURED") > 0) || accepted >= two_thirds
        },
    )
    .await;
}

/// Kill point 3: recordings sent fast, killed as soon as the matcher has decided one of them:
/// the rest are queued (or in the consumer's hands) and die with the queue.
async fn matcher_killed_while_deciding(rt: &mut Runtime) {
    let people: Vec<u64> = (201..=224).collect();
    let decided_before = rt.d1_count("SELECT COUNT(*) AS n FROM match_results");
    recording_kill_point(rt, "matcher_deciding", &people, 8, move |rt, _, _| {
        rt.d1_count("SELECT COUNT(*) AS n FROM match_results") > decided_before
    })
    .await;
}

/// Applications of `people` prepared (not part of the counts), then recorded by `clients`
/// concurrent tablets that retry until accepted; the runtime is killed when `kill_now` says so,
/// restarted, the redrive fired, and every recording waited for until decided.
async fn recording_kill_point(
    rt: &mut Runtime,
    name: &str,
    people: &[u64],
    clients: usize,
    kill_now: impl Fn(&Runtime, &[String], usize) -> bool,
) {
    let staff = rt.staff_client("kec.purwodadi").await;
    let mut ids = Vec::new();
    for &person in people {
        ids.push(prepared_application(rt, &staff, person).await);
    }
    let recordings_before = rt.d1_count("SELECT COUNT(*) AS n FROM recordings");
    let base = Base::of(rt);
    let counts = Arc::new(Counts::default());
    let jobs: Vec<(u64, String)> = people.iter().copied().zip(ids.clone()).collect();
    let tasks = spawn_clients(&jobs, clients, {
        let (base, counts, cookie) = (base.clone(), counts.clone(), staff.cookie.clone());
        move |(person, id)| record(base.clone(), counts.clone(), cookie.clone(), person, id)
    });
    let at_kill = kill_when(rt, &counts, |rt| {
        kill_now(rt, &ids, counts.accepted.load(Ordering::SeqCst))
    })
    .await;
    // The runtime is down: what the kill left, read from the database file.
    let captured_not_sent = count_at(rt, &ids, "BIO_CAPTURED");
    let queued_lost = count_at(rt, &ids, "SENT_FOR_ENROLLMENT");
    let decided_at_kill = decisions(rt, &ids);
    restart(rt, &base).await;
    join(tasks).await;

    // Every tablet has its answer. Once the jobs still queued are decided, what the kill took
    // from the queue is left undecided: nothing else sends it again (a retry of a recording
    // already sent replays its answer).
    let stuck = settled_undecided(rt, &ids).await;
    let resent = redrive(rt).await["resent"].as_u64().unwrap_or(0);
    // The lost jobs can only be sent again by the redrive: it found every one of them (and at
    // most what was undecided a moment before).
    assert!(
        queued_lost <= resent && resent <= stuck,
        "lost at the kill {queued_lost}, undecided {stuck}, resent {resent}"
    );
    let stalls = wait_decided(rt, &ids).await;
    for (person, id) in people.iter().zip(&ids) {
        assert_eq!(rt.stage_of(id), "PRINT_READY_RECORD", "person {person}");
        let recordings = rt.d1_count(&format!(
            "SELECT COUNT(*) AS n FROM recordings WHERE application_id = '{id}'"
        ));
        assert_eq!(recordings, 1, "person {person}: one recording per key");
    }
    let decided = decisions(rt, &ids);
    assert_eq!(decided, people.len() as u64, "one decision per recording");
    let all_recordings = rt.d1_count("SELECT COUNT(*) AS n FROM recordings");
    assert_eq!(all_recordings - recordings_before, people.len() as u64);
    // The matcher saw each job id once and enrolled each person once, over all kill points.
    let ready =
        rt.d1_count("SELECT COUNT(*) AS n FROM applications WHERE stage = 'PRINT_READY_RECORD'");
    assert_eq!(
        coordinator_jobs(rt),
        all_recordings,
        "one coordinator outcome per job"
    );
    assert_eq!(gallery_people(rt), ready, "each person enrolled once");
    wait_no_kept_jobs(rt).await;
    println!(
        "crash kill_point={name} sent={} accepted_before_kill={} in_flight_at_kill={} \
         decided_at_kill={decided_at_kill} stored_not_sent_at_kill={captured_not_sent} \
         queued_lost_at_kill={queued_lost} undecided_before_redrive={stuck} resent_by_redrive={resent} \
         tries={} final_decided={decided} stalled_queue_restarts={stalls}",
        people.len(),
        at_kill.accepted,
        at_kill.in_flight,
        counts.tries.load(Ordering::SeqCst),
    );
}

/// A resident's application of synthetic `person`, submitted and verified; its id.
async fn prepared_application(rt: &Runtime, staff: &tests::StaffClient, person: u64) -> String {
    let form = person_form(DISTRICT, VILLAGE, person);
    let (code, _) = submit_application(&rt.base_url, &prefill_key(person), &form).await;
    let id = tests::fixtures::application_id(rt, &code);
    verify(staff, &id).await;
    id
}

fn prefill_key(person: u64) -> String {
    format!("crash-prefill-{person:08}")
}

/// Synthetic `person`'s ten fingers, under a recording key of their own.
fn recording(person: u64) -> Value {
    recording_body(&format!("crash-recording-{person}"), |p| {
        synthetic_finger(person, 0, p)
    })
}

/// The runtime's address, which a restart keeps when it can (and clients follow when not).
#[derive(Clone)]
struct Base(Arc<RwLock<String>>);

impl Base {
    fn of(rt: &Runtime) -> Self {
        Self(Arc::new(RwLock::new(rt.base_url.clone())))
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.0.read().unwrap())
    }
}

async fn restart(rt: &mut Runtime, base: &Base) {
    rt.restart().await;
    *base.0.write().unwrap() = rt.base_url.clone();
}

/// What the clients have done so far.
#[derive(Default)]
struct Counts {
    accepted: AtomicUsize,
    in_flight: AtomicUsize,
    tries: AtomicUsize,
}

/// The counts when the runtime was killed.
struct AtKill {
    accepted: usize,
    in_flight: usize,
}

/// Kills the runtime as soon as `now(rt)` holds (checked every 10 ms); the counts at that moment.
async fn kill_when(rt: &mut Runtime, counts: &Counts, now: impl Fn(&Runtime) -> bool) -> AtKill {
    let start = Instant::now();
    while !now(rt) {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the kill point never came"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    rt.kill();
    AtKill {
        accepted: counts.accepted.load(Ordering::SeqCst),
        in_flight: counts.in_flight.load(Ordering::SeqCst),
    }
}

/// Sends `request(item)` for every item from `clients` concurrent loops; each request retries
/// until accepted. The handles give the answers in the items' order.
fn spawn_clients<T, F, Fut>(
    items: &[T],
    clients: usize,
    request: F,
) -> Vec<tokio::task::JoinHandle<Vec<(usize, String)>>>
where
    T: Clone + Send + Sync + 'static,
    F: Fn(T) -> Fut + Clone + Send + 'static,
    Fut: Future<Output = String> + Send,
{
    let items = Arc::new(items.to_vec());
    let next = Arc::new(AtomicUsize::new(0));
    (0..clients)
        .map(|_| {
            let (items, next, request) = (items.clone(), next.clone(), request.clone());
            tokio::spawn(async move {
                let mut answers = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(item) = items.get(i) else {
                        return answers;
                    };
                    answers.push((i, request(item.clone()).await));
                }
            })
        })
        .collect()
}

async fn join(handles: Vec<tokio::task::JoinHandle<Vec<(usize, String)>>>) -> Vec<String> {
    let mut answers = Vec::new();
    for h in handles {
        answers.extend(h.await.expect("client"));
    }
    answers.sort();
    answers.into_iter().map(|(_, a)| a).collect()
}

/// Sends `build()` until it is answered with a success; a 5xx or no answer (the runtime down or
/// killed under the request) is tried again. Any other answer fails the test. Returns the body.
async fn until_accepted(counts: &Counts, build: impl Fn() -> reqwest::RequestBuilder) -> String {
    loop {
        counts.tries.fetch_add(1, Ordering::SeqCst);
        counts.in_flight.fetch_add(1, Ordering::SeqCst);
        let sent = build().timeout(Duration::from_secs(60)).send().await;
        // An answer cut off by the kill (status sent, body not) is no answer.
        let answer = match sent {
            Ok(resp) => {
                let status = resp.status();
                resp.text().await.ok().map(|body| (status, body))
            }
            Err(_) => None,
        };
        counts.in_flight.fetch_sub(1, Ordering::SeqCst);
        match answer {
            Some((status, body)) if status.is_success() => {
                counts.accepted.fetch_add(1, Ordering::SeqCst);
                return body;
            }
            Some((status, body)) if !status.is_server_error() => {
                panic!("refused: {status} {body}")
            }
            _ => tokio::time::sleep(RETRY_PAUSE).await,
        }
    }
}

/// Synthetic `person`'s pre-fill, retried with its key until accepted: its registration code.
async fn prefill(base: Base, counts: Arc<Counts>, person: u64) -> String {
    let form = person_form(DISTRICT, VILLAGE, person);
    let body = until_accepted(&counts, || {
        tests::http_client()
            .post(base.url("/api/applications"))
            .header("Idempotency-Key", prefill_key(person))
            .multipart(application_multipart(&form))
    })
    .await;
    let body: Value = serde_json::from_str(&body).expect("JSON answer");
    body["registration_code"].as_str().unwrap().to_string()
}

/// Synthetic `person`'s recording of application `id`, retried as a tablet's outbox does (same
/// body, same `Idempotency-Key`) until accepted: the stage it answers.
async fn record(
    base: Base,
    counts: Arc<Counts>,
    cookie: String,
    person: u64,
    id: String,
) -> String {
    let body = recording(person);
    let answer = until_accepted(&counts, || {
        tests::http_client()
            .post(base.url(&format!("/api/staff/applications/{id}/biometrics")))
            .header("cookie", &cookie)
            .header("Idempotency-Key", format!("crash-outbox-{person}"))
            .json(&body)
    })
    .await;
    let answer: Value = serde_json::from_str(&answer).expect("JSON answer");
    answer["stage"].as_str().unwrap().to_string()
}

/// Fires the cron and returns the counts its redrive audited (zeros when it did nothing).
async fn redrive(rt: &Runtime) -> Value {
    let before = redrives_audited(rt);
    rt.fire_cron().await;
    if redrives_audited(rt) == before {
        return serde_json::json!({ "resent": 0, "without_job": 0, "cleared": 0 });
    }
    let row = rt.d1_query(
        "SELECT detail_json FROM audit_log WHERE action = 'matching.jobs_redriven' \
         ORDER BY id DESC LIMIT 1",
    );
    let detail: Value = serde_json::from_str(row[0]["detail_json"].as_str().unwrap()).unwrap();
    assert_eq!(
        detail["without_job"], 0,
        "every overdue recording had its job kept"
    );
    detail
}

fn redrives_audited(rt: &Runtime) -> u64 {
    rt.d1_count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'matching.jobs_redriven'")
}

/// How many of these applications wait for the matcher.
fn undecided(rt: &Runtime, ids: &[String]) -> u64 {
    rt.d1_count(&format!(
        "SELECT COUNT(*) AS n FROM applications WHERE id IN ({}) \
         AND stage IN ('BIO_CAPTURED', 'SENT_FOR_ENROLLMENT')",
        sql_list(ids)
    ))
}

/// The number of these applications waiting for the matcher once it has not changed for 3 s
/// (the jobs still queued are decided by then).
async fn settled_undecided(rt: &Runtime, ids: &[String]) -> u64 {
    let start = Instant::now();
    let mut last = (undecided(rt, ids), Instant::now());
    loop {
        tokio::time::sleep(Duration::from_millis(250)).await;
        let now = undecided(rt, ids);
        if now != last.0 {
            last = (now, Instant::now());
        } else if last.1.elapsed() >= Duration::from_secs(3) {
            return now;
        }
        assert!(start.elapsed() < DECIDE_TIMEOUT, "{now} still changing");
    }
}

/// Waits until none of these applications waits for the matcher (recovering from the local
/// queue's stalls, counted); fails after [`DECIDE_TIMEOUT`].
async fn wait_decided(rt: &mut Runtime, ids: &[String]) -> u32 {
    let waited = until_decided(rt, |rt| undecided(rt, ids), STALL, DECIDE_TIMEOUT).await;
    assert_eq!(waited.undecided, 0, "recordings still undecided");
    waited.stalls
}

/// Waits until no matching job is kept: the consumer deletes each once its decision is
/// committed (just after the stage moved).
async fn wait_no_kept_jobs(rt: &Runtime) {
    let start = Instant::now();
    loop {
        let kept = rt.r2_keys("matching-jobs/");
        if kept.is_empty() {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "decided jobs still kept: {kept:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Decisions (`match_results` rows) of these applications' recordings.
fn decisions(rt: &Runtime, ids: &[String]) -> u64 {
    rt.d1_count(&format!(
        "SELECT COUNT(*) AS n FROM match_results m JOIN recordings r ON r.reference_id = m.reference_id \
         WHERE r.application_id IN ({})",
        sql_list(ids)
    ))
}

/// How many of these applications are at `stage`.
fn count_at(rt: &Runtime, ids: &[String], stage: &str) -> u64 {
    rt.d1_count(&format!(
        "SELECT COUNT(*) AS n FROM applications WHERE id IN ({}) AND stage = '{stage}'",
        sql_list(ids)
    ))
}

fn reference_of(rt: &Runtime, id: &str) -> String {
    rt.d1_query(&format!(
        "SELECT reference_id FROM recordings WHERE application_id = '{id}'"
    ))[0]["reference_id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Jobs the coordinator has an outcome for (one row per job id).
fn coordinator_jobs(rt: &Runtime) -> u64 {
    rt.durable_object_count("MatchCoordinator", "SELECT COUNT(*) FROM jobs")
}

/// People enrolled in the gallery, over every shard.
fn gallery_people(rt: &Runtime) -> u64 {
    rt.durable_object_count("GalleryShard", "SELECT COUNT(*) FROM people")
}

fn sql_list(ids: &[String]) -> String {
    ids.iter()
        .map(|id| format!("'{id}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
