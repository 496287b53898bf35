//! One running instance of the Rekam worker on the real local Workers runtime.

use crate::process_group::GroupChild;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub struct Runtime {
    pub base_url: String,
    pub state_dir: PathBuf,
    port: u16,
    /// Launches so far (each has its own wrangler log).
    launches: u32,
    /// This runtime's certificate signing key (`CERT_SIGNING_KEY`): fresh per runtime, kept
    /// across restarts so what it signed still verifies.
    signing_key: String,
    /// `NAME:value` settings passed with `--var`, kept across restarts.
    vars: Vec<String>,
    _state: Option<tempfile::TempDir>,
    process: Option<GroupChild>,
}

impl Runtime {
    /// Starts wrangler dev with fresh local state (migrations applied). The worker and app must
    /// already be built (`tools/build.sh`), as the test command does.
    ///
    /// The anonymous pre-fill budgets are lifted: every suite submits from one loopback address,
    /// hundreds an hour into Purwodadi. The attack suite checks the budgets as configured on a
    /// runtime of its own ([`Runtime::start_as_configured`]).
    pub async fn start() -> Self {
        Self::start_with_vars(&[]).await
    }

    /// A runtime with edge/wrangler.toml's settings as they are.
    pub async fn start_as_configured() -> Self {
        Self::start_with(&[]).await
    }

    /// As [`Runtime::start`], with further `NAME:value` settings over edge/wrangler.toml's `[vars]`.
    pub async fn start_with_vars(vars: &[&str]) -> Self {
        let lifted = [
            "PREFILLS_PER_CLIENT_PER_HOUR:1000000",
            "PREFILLS_PER_KECAMATAN_PER_HOUR:1000000",
        ];
        Self::start_with(&[&lifted[..], vars].concat()).await
    }

    /// A runtime with these `NAME:value` settings over edge/wrangler.toml's `[vars]`.
    async fn start_with(vars: &[&str]) -> Self {
        // REKAM_KEEP_STATE=1 keeps the state and wrangler's log for a post-mortem.
        let mut state = tempfile::tempdir().expect("tempdir");
        if std::env::var_os("REKAM_KEEP_STATE").is_some() {
            state.disable_cleanup(true);
            eprintln!("runtime state kept in {}", state.path().display());
        }
        let state_dir = state.path().to_path_buf();
        apply_migrations(&state_dir);
        seed_staff(&state_dir);
        let mut rt = Self {
            base_url: String::new(),
            state_dir,
            port: 0,
            launches: 0,
            signing_key: fresh_signing_key(),
            vars: vars.iter().map(|v| v.to_string()).collect(),
            _state: Some(state),
            process: None,
        };
        rt.port = crate::free_port();
        rt.launch().await;
        rt
    }

    /// Stops the runtime (all of workerd) and starts it again on the same local state, on the
    /// same port when it is still free (so clients carry on at the same address).
    pub async fn restart(&mut self) {
        self.process = None;
        self.launch().await;
    }

    /// Kills the runtime at once (SIGKILL to all of wrangler and workerd), as a crash would:
    /// requests in flight get no answer, and what the runtime kept only in memory (the local
    /// queue's messages) is gone. [`Runtime::restart`] brings it back on the same state.
    pub fn kill(&mut self) {
        if let Some(mut process) = self.process.take() {
            process.kill();
        }
    }

    /// Starts wrangler dev on `self.port`. A port found free can be taken by another process (a
    /// parallel test's workerd or Chromium) before wrangler binds it: then it tries another port.
    async fn launch(&mut self) {
        for _ in 0..3 {
            match self.try_launch().await {
                Ok(()) => return,
                Err(log) if log.contains("Address already in use") => {
                    self.process = None;
                    self.port = crate::free_port();
                }
                Err(log) => panic!("wrangler dev did not become ready:\n{log}"),
            }
        }
        panic!("wrangler dev found no free port in three tries");
    }

    async fn try_launch(&mut self) -> Result<(), String> {
        self.base_url = format!("http://127.0.0.1:{}", self.port);
        self.launches += 1;
        let log = self
            .state_dir
            .join(format!("wrangler-{}-{}.log", self.launches, self.port));
        let args = wrangler_args(&[
            "dev",
            "--ip",
            "127.0.0.1",
            "--port",
            &self.port.to_string(),
            "--inspector-port",
            &crate::free_port().to_string(),
            "--persist-to",
            &self.state_dir.to_string_lossy(),
            "--log-level",
            // REKAM_WRANGLER_LOG_LEVEL=log shows the worker's console lines and each queue
            // delivery, for a post-mortem (with REKAM_KEEP_STATE=1, which keeps the log).
            &std::env::var("REKAM_WRANGLER_LOG_LEVEL").unwrap_or_else(|_| "warn".into()),
            // `GET /__scheduled` fires the cron handler (checkpoints, retention) on demand.
            "--test-scheduled",
            "--var",
            &format!("CERT_SIGNING_KEY:{}", self.signing_key),
        ]);
        let args: Vec<String> = args
            .into_iter()
            .chain(
                self.vars
                    .iter()
                    .flat_map(|v| ["--var".to_string(), v.clone()]),
            )
            .collect();
        self.process = Some(GroupChild::spawn("npx", &args, &envs(), &log));
        wait_ready(&self.base_url, &log).await
    }

    /// This runtime's certificate signer (role `test`), for tests that sign a document the
    /// edge's key ring vouches for although the page's bundled ring does not know the key.
    pub fn certificate_signer(&self) -> shared::signed::Signer {
        let seed = self.signing_key.split_whitespace().nth(2).expect("seed");
        let mut bytes = [0u8; 32];
        for (b, pair) in bytes.iter_mut().zip(seed.as_bytes().chunks_exact(2)) {
            *b = u8::from_str_radix(std::str::from_utf8(pair).unwrap(), 16).unwrap();
        }
        let id = u16::from_str_radix(TEST_RUNTIME_KEY_ID, 16).unwrap();
        shared::signed::Signer::from_seed(shared::signed::KeyId(id), &bytes)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// Signs in a seeded staff account and returns a client that sends its session cookie.
    pub async fn staff_client(&self, username: &str) -> StaffClient {
        match self.sign_in(username, crate::seed::DEMO_PASSWORD).await {
            Ok(client) => client,
            Err(resp) => panic!("login {username}: {}", resp.status()),
        }
    }

    /// Signs in with a password: a client that sends the session cookie, or the refusal.
    pub async fn sign_in(
        &self,
        username: &str,
        password: &str,
    ) -> Result<StaffClient, reqwest::Response> {
        let resp = crate::http_client()
            .post(self.url("/api/auth/login"))
            .json(&serde_json::json!({ "username": username, "password": password }))
            .send()
            .await
            .expect("login request");
        if !resp.status().is_success() {
            return Err(resp);
        }
        let cookie = resp
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|v| {
                v.split(';')
                    .next()
                    .filter(|c| c.starts_with("rekam_session="))
                    .map(str::to_string)
            })
            .expect("session cookie");
        Ok(StaffClient {
            base_url: self.base_url.clone(),
            cookie,
            http: crate::http_client(),
        })
    }

    /// Runs one SQL statement against the local D1 database and returns the rows as JSON.
    pub fn d1_query(&self, sql: &str) -> serde_json::Value {
        self.d1_try(sql)
            .unwrap_or_else(|e| panic!("d1 execute failed: {e}"))
    }

    /// The stage of application `id`, as stored (`PRINT_READY_RECORD`).
    pub fn stage_of(&self, id: &str) -> String {
        self.d1_query(&format!("SELECT stage FROM applications WHERE id = '{id}'"))[0]["stage"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// The `n` column of the one row that `sql` (a `SELECT COUNT(*) AS n ...`) gives.
    pub fn d1_count(&self, sql: &str) -> u64 {
        self.d1_query(sql)[0]["n"].as_u64().unwrap()
    }

    /// Like [`Runtime::d1_query`], but a refused statement is an `Err` with SQLite's message.
    pub fn d1_try(&self, sql: &str) -> Result<serde_json::Value, String> {
        crate::d1_file::execute(&self.state_dir, sql)
    }

    /// The sum over every instance of Durable Object class `class` of what `count_sql` (a
    /// `SELECT COUNT(*) ...` on the object's own SQLite) gives.
    pub fn durable_object_count(&self, class: &str, count_sql: &str) -> u64 {
        crate::local_files::durable_object_count(&self.state_dir, class, count_sql)
    }

    /// The keys of the local R2 bucket's objects under `prefix`.
    pub fn r2_keys(&self, prefix: &str) -> Vec<String> {
        crate::local_files::r2_keys(&self.state_dir, prefix)
    }

    /// Fires the cron trigger (`wrangler dev --test-scheduled`), as Cloudflare would on schedule.
    pub async fn fire_cron(&self) {
        let resp = crate::get(self.url("/__scheduled?cron=*/10+*+*+*+*")).await;
        assert!(resp.status().is_success(), "cron: {}", resp.status());
    }
}

/// The id of every test runtime's signing key. Role `test`: what it signs is never genuine.
pub const TEST_RUNTIME_KEY_ID: &str = "DE03";

/// A signing key line with a seed from the OS CSPRNG.
fn fresh_signing_key() -> String {
    use std::io::Read;
    let mut seed = [0u8; 32];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut seed))
        .expect("read /dev/urandom");
    let hex: String = seed.iter().map(|b| format!("{b:02x}")).collect();
    format!("{TEST_RUNTIME_KEY_ID} test {hex}")
}

fn wrangler_args(rest: &[&str]) -> Vec<String> {
    let config = crate::repo_root().join("edge/wrangler.toml");
    let mut v = vec!["--no-install".to_string(), "wrangler".to_string()];
    v.extend(rest.iter().map(|s| s.to_string()));
    v.push("--config".into());
    v.push(config.to_string_lossy().into_owned());
    v
}

fn envs() -> Vec<(&'static str, String)> {
    let root = crate::repo_root();
    vec![
        ("WRANGLER_SEND_METRICS", "false".into()),
        ("WRANGLER_SEND_ERROR_REPORTS", "false".into()),
        ("WRANGLER_HIDE_BANNER", "true".into()),
        ("CLOUDFLARE_CF_FETCH_ENABLED", "false".into()),
        (
            "XDG_CONFIG_HOME",
            root.join(".state/xdg").to_string_lossy().into_owned(),
        ),
        (
            "WRANGLER_LOG_PATH",
            root.join(".state/logs").to_string_lossy().into_owned(),
        ),
        ("CI", "true".into()),
    ]
}

pub(crate) fn apply_migrations(state_dir: &Path) {
    let args = wrangler_args(&[
        "d1",
        "migrations",
        "apply",
        "DB",
        "--local",
        "--persist-to",
        &state_dir.to_string_lossy(),
    ]);
    let out = std::process::Command::new("npx")
        .current_dir(crate::repo_root())
        .args(&args)
        .envs(envs())
        .output()
        .expect("run wrangler d1 migrations apply");
    assert!(
        out.status.success(),
        "migrations failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Seeds the demo staff accounts (`crate::seed`) into fresh local state.
fn seed_staff(state_dir: &Path) {
    let file = state_dir.join("seed-staff.sql");
    std::fs::write(&file, crate::seed::demo_staff_sql()).unwrap();
    let args = wrangler_args(&[
        "d1",
        "execute",
        "DB",
        "--local",
        "--persist-to",
        &state_dir.to_string_lossy(),
        "--file",
        &file.to_string_lossy(),
    ]);
    let out = std::process::Command::new("npx")
        .args(&args)
        .envs(envs())
        .output()
        .expect("seed staff");
    assert!(
        out.status.success(),
        "seeding failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Waits until the runtime answers its health check; on failure, wrangler's log.
async fn wait_ready(base: &str, log: &Path) -> Result<(), String> {
    let client = crate::http_client();
    let deadline = Instant::now() + Duration::from_secs(60);
    let read_log = || std::fs::read_to_string(log).unwrap_or_default();
    while Instant::now() < deadline {
        if let Ok(r) = client.get(format!("{base}/api/health")).send().await {
            if r.status().is_success() {
                return Ok(());
            }
        }
        // wrangler stays up after a failed bind; no need to wait out the deadline.
        if read_log().contains("Address already in use") {
            return Err(read_log());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    Err(read_log())
}

/// An HTTP client signed in as one staff member.
#[derive(Clone)]
pub struct StaffClient {
    base_url: String,
    pub cookie: String,
    http: reqwest::Client,
}

impl StaffClient {
    pub fn get(&self, path: &str) -> reqwest::RequestBuilder {
        self.http
            .get(format!("{}{path}", self.base_url))
            .header("cookie", &self.cookie)
    }

    /// GET a staff endpoint and read its JSON body (the tests' most common call).
    pub async fn get_json(&self, path: &str) -> serde_json::Value {
        let resp = self.get(path).send().await.expect("GET request");
        resp.json().await.expect("JSON body")
    }

    pub fn post(&self, path: &str) -> reqwest::RequestBuilder {
        self.http
            .post(format!("{}{path}", self.base_url))
            .header("cookie", &self.cookie)
    }

    /// POSTs a recording of application `id` (templates, face, signature as JSON).
    pub async fn record_biometrics(&self, id: &str, body: &serde_json::Value) -> reqwest::Response {
        self.post(&format!("/api/staff/applications/{id}/biometrics"))
            .json(body)
            .send()
            .await
            .expect("recording request")
    }
}
