//! A harness for suites whose cases share one Workers runtime and one chromedriver: a test
//! target with `harness = false` lists its cases with [`cases!`] and hands them to [`run`].
//!
//! Starting `wrangler dev` costs each `#[tokio::test]` about ten seconds, and a client made in one
//! such test dies with that test's own tokio runtime. Here every case runs on one tokio runtime,
//! the runtime and chromedriver start once (on first use) and every case opens its own Chromium
//! sessions with fresh profiles. Cases share the server's state, so a case asserts only about
//! the applications, sessions and rows it made itself; a case that must stop or restart its
//! server starts its own [`Runtime`].
//!
//! Output and exit status follow libtest's (`test NAME ... ok`, `test result: ok. N passed; ...`,
//! non-zero on any failure), and the arguments are libtest's that matter here (see [`args`]).
//! Unlike libtest, a case's own output is not captured: what cases print interleaves.

pub mod args;

use crate::browser::{Browser, Chromedriver};
use crate::Runtime;
use std::future::Future;
use std::pin::Pin;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{OnceCell, Semaphore};

/// Longer than any journey takes on a loaded 2-core machine; a case that hangs fails instead of
/// holding up the suite.
const CASE_TIMEOUT: Duration = Duration::from_secs(600);

/// What a case function gives back.
pub type CaseFuture = Pin<Box<dyn Future<Output = ()> + Send>>;

/// One named case of a suite.
pub struct Case {
    name: &'static str,
    run: fn(Ctx) -> CaseFuture,
    alone: bool,
}

impl Case {
    pub fn new(name: &'static str, run: fn(Ctx) -> CaseFuture) -> Self {
        Self {
            name,
            run,
            alone: false,
        }
    }

    /// This case runs with no other case of the suite at the same time: it writes into the
    /// local database file directly, and a write of the running worker that meets that write's
    /// lock fails (workerd does not wait for SQLite's lock), which would fail another case.
    pub fn alone(self) -> Self {
        Self {
            alone: true,
            ..self
        }
    }
}

/// The cases of a suite, named after their `async fn case(ctx: Ctx)` functions; those after
/// `alone:` run with no other case at the same time ([`Case::alone`]).
#[macro_export]
macro_rules! cases {
    ($($case:ident),+ $(,)?) => {
        $crate::cases![$($case),+; alone:]
    };
    ($($case:ident),* $(,)? ; alone: $($alone:ident),* $(,)?) => {{
        let mut cases: Vec<$crate::suite::Case> = vec![$($crate::suite::Case::new(
            stringify!($case),
            |ctx| -> $crate::suite::CaseFuture { Box::pin($case(ctx)) },
        )),*];
        cases.extend([$($crate::suite::Case::new(
            stringify!($alone),
            |ctx| -> $crate::suite::CaseFuture { Box::pin($alone(ctx)) },
        ).alone()),*]);
        cases
    }};
}

/// What the suite's cases share.
#[derive(Default)]
struct Shared {
    runtime: OnceCell<Runtime>,
    driver: OnceCell<Chromedriver>,
}

/// A case's way to the shared runtime and browser.
pub struct Ctx {
    case: &'static str,
    shared: Arc<Shared>,
}

impl Ctx {
    /// This case's name.
    pub fn case(&self) -> &'static str {
        self.case
    }

    /// The suite's runtime, started by the first case that asks.
    pub async fn runtime(&self) -> &Runtime {
        self.shared
            .runtime
            .get_or_init(|| async {
                let started = Instant::now();
                let rt = Runtime::start().await;
                // The figure a shared runtime saves each further case.
                eprintln!(
                    "suite: runtime ready in {:.1} s",
                    started.elapsed().as_secs_f64()
                );
                rt
            })
            .await
    }

    /// A new Chromium (fresh profile) at this viewport on the suite's chromedriver.
    pub async fn browser(&self, width: u32, height: u32) -> Browser {
        self.browser_with_args(width, height, &[]).await
    }

    /// As [`Ctx::browser`], with further Chromium switches.
    pub async fn browser_with_args(&self, width: u32, height: u32, extra: &[String]) -> Browser {
        let driver = self
            .shared
            .driver
            .get_or_init(|| async { Chromedriver::start() })
            .await;
        driver.open(self.case, width, height, extra).await
    }
}

tokio::task_local! {
    /// The case a task runs, for naming it in panic messages.
    static CASE: &'static str;
}

enum Outcome {
    Passed,
    Failed(String),
}

/// Runs the selected cases of a suite and reports like libtest; the test target's `main`.
pub fn run(cases: Vec<Case>) -> ExitCode {
    let default_threads = std::thread::available_parallelism().map_or(1, usize::from);
    let args = args::Args::parse(std::env::args().skip(1), default_threads);
    let total = cases.len();
    let selected: Vec<Case> = cases.into_iter().filter(|c| args.selects(c.name)).collect();
    if args.list {
        for case in &selected {
            println!("{}: test", case.name);
        }
        return ExitCode::SUCCESS;
    }
    name_cases_in_panics();
    // Room beyond the cases' own threads: runtime helpers block their thread on `wrangler d1`.
    let tokio = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(args.threads + 2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    let failed = tokio.block_on(run_cases(selected, total, &args));
    if failed {
        ExitCode::from(101)
    } else {
        ExitCode::SUCCESS
    }
}

/// Runs `cases`, `args.threads` at a time; whether any failed.
async fn run_cases(cases: Vec<Case>, total: usize, args: &args::Args) -> bool {
    let started = Instant::now();
    let filtered_out = total - cases.len();
    println!("\nrunning {} tests", cases.len());
    let shared = Arc::new(Shared::default());
    let slots = Arc::new(Semaphore::new(args.threads));
    let mut running = tokio::task::JoinSet::new();
    for case in cases {
        let ctx = Ctx {
            case: case.name,
            shared: shared.clone(),
        };
        let slots = slots.clone();
        // A case that must run alone takes every slot (the semaphore is fair: later cases wait
        // behind it).
        let needs = if case.alone { args.threads as u32 } else { 1 };
        running.spawn(async move {
            let _slot = slots
                .acquire_many_owned(needs)
                .await
                .expect("semaphore open");
            // Its own task, so that a panic ends the case, not the suite.
            let task = tokio::spawn(CASE.scope(
                case.name,
                tokio::time::timeout(CASE_TIMEOUT, (case.run)(ctx)),
            ));
            let outcome = match task.await {
                Ok(Ok(())) => Outcome::Passed,
                Ok(Err(_)) => Outcome::Failed(format!("timed out after {CASE_TIMEOUT:?}")),
                Err(e) if e.is_panic() => Outcome::Failed(panic_message(e.into_panic())),
                Err(e) => Outcome::Failed(e.to_string()),
            };
            (case.name, outcome)
        });
    }
    let mut failures = Vec::new();
    let mut passed = 0;
    while let Some(done) = running.join_next().await {
        let (name, outcome) = done.expect("case runner");
        let ok = matches!(outcome, Outcome::Passed);
        match (args.quiet, ok) {
            (true, true) => print!("."),
            (true, false) => print!("F"),
            (false, true) => println!("test {name} ... ok"),
            (false, false) => println!("test {name} ... FAILED"),
        }
        match outcome {
            Outcome::Passed => passed += 1,
            Outcome::Failed(why) => failures.push((name, why)),
        }
    }
    if args.quiet {
        println!();
    }
    // Every case has ended, so the suite holds the last handle on what they shared.
    if let Ok(shared) = Arc::try_unwrap(shared) {
        if let Some(driver) = shared.driver.into_inner() {
            driver.stop().await;
        }
        drop(shared.runtime);
    }
    if !failures.is_empty() {
        println!("\nfailures:\n");
        for (name, why) in &failures {
            println!("---- {name} ----\n{why}\n");
        }
        println!("failures:");
        for (name, _) in &failures {
            println!("    {name}");
        }
    }
    println!(
        "\ntest result: {}. {passed} passed; {} failed; 0 ignored; 0 measured; {filtered_out} filtered out; finished in {:.2}s\n",
        if failures.is_empty() { "ok" } else { "FAILED" },
        failures.len(),
        started.elapsed().as_secs_f64()
    );
    !failures.is_empty()
}

/// Prefixes the standard panic report with the case that panicked: cases run side by side, and
/// the report alone names only a tokio worker thread.
fn name_cases_in_panics() {
    let standard = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if let Ok(case) = CASE.try_with(|c| *c) {
            eprintln!("---- case {case} panicked ----");
        }
        standard(info);
    }));
}

fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panicked".into())
}
