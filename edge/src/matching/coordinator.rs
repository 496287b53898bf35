//! Coordinator Durable Object (one per gallery): takes one job at a time, fans the probe out to
//! every gallery shard, merges their candidates, decides, and enrols a unique person into the
//! least-filled shard before the next job starts. Holding that turn across search and enrol is
//! what catches two recordings of one person arriving together from two kecamatan.
//!
//! Its SQLite remembers each job's outcome (a redelivered job gets the same answer and enrols
//! nobody twice), where each person was enrolled, and the templates of recordings held for an
//! adjudicator, so `POST /enrol` can add them when ruled "not a duplicate".

use super::messages::{
    Candidate, EnrolRequest, EnrolResponse, Outcome, ProcessRequest, ShardEnrol, ShardResult,
    ShardSearch,
};
use super::serial::{join_all, Serial};
use super::templates;
use crate::bindings;
use biometrics::search::params::{MAX_REPORTED_CANDIDATES, SHORTLIST_PEOPLE};
use biometrics::search::{decide, Decision};
use shared::api::FingerTemplate;
use shared::lifecycle::Stage;
use worker::{
    durable_object, DurableObject, Env, Method, Request, RequestInit, Response, Result, SqlStorage,
    SqlStorageValue, State,
};

/// Platform limit: simultaneous outgoing connections per request.
const MAX_CONCURRENT_SHARD_CALLS: usize = 6;
/// Smallest short list a shard is asked for.
const MIN_SHORTLIST_PER_SHARD: usize = 25;
/// Shards when the `GALLERY_SHARDS` variable is missing or invalid.
const DEFAULT_SHARDS: u32 = 4;

#[durable_object]
pub struct MatchCoordinator {
    sql: SqlStorage,
    env: Env,
    serial: Serial,
}

impl DurableObject for MatchCoordinator {
    fn new(state: State, env: Env) -> Self {
        let sql = state.storage().sql();
        for ddl in [
            "CREATE TABLE IF NOT EXISTS jobs (job_id TEXT PRIMARY KEY, outcome TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS enrolled (reference_id TEXT PRIMARY KEY, shard INTEGER NOT NULL)",
            "CREATE TABLE IF NOT EXISTS held (reference_id TEXT PRIMARY KEY, fingers TEXT NOT NULL)",
        ] {
            sql.exec(ddl, None).expect("coordinator schema");
        }
        Self {
            sql,
            env,
            serial: Serial::default(),
        }
    }

    async fn fetch(&self, mut req: Request) -> Result<Response> {
        let path = req.path();
        match (req.method(), path.as_str()) {
            (Method::Post, "/process") => {
                let body: ProcessRequest = req.json().await?;
                let _turn = self.serial.turn().await;
                Response::from_json(&self.process(body).await?)
            }
            (Method::Post, "/enrol") => {
                let body: EnrolRequest = req.json().await?;
                let _turn = self.serial.turn().await;
                match self.enrol_held(&body.reference_id).await? {
                    Some(newly_enrolled) => Response::from_json(&EnrolResponse { newly_enrolled }),
                    None => Response::error("no held recording with that reference id", 404),
                }
            }
            _ => Response::error("not found", 404),
        }
    }
}

/// The coordinator's stub (one gallery for the regency).
pub fn stub(env: &Env) -> Result<worker::Stub> {
    env.durable_object(bindings::MATCH_COORDINATOR)?
        .get_by_name("gallery")
}

/// Calls a Durable Object with a JSON body and reads a JSON answer.
pub async fn call<B: serde::Serialize, T: serde::de::DeserializeOwned>(
    stub: &worker::Stub,
    path: &str,
    body: &B,
) -> Result<T> {
    let mut init = RequestInit::new();
    init.with_method(Method::Post)
        .with_body(Some(serde_json::to_string(body)?.into()));
    let req = Request::new_with_init(&format!("https://do{path}"), &init)?;
    let mut resp = stub.fetch_with_request(req).await?;
    if resp.status_code() != 200 {
        return Err(format!("{path}: {} {}", resp.status_code(), resp.text().await?).into());
    }
    resp.json().await
}

impl MatchCoordinator {
    fn shards(&self) -> u32 {
        self.env
            .var(bindings::GALLERY_SHARDS)
            .ok()
            .and_then(|v| v.to_string().parse().ok())
            .filter(|&n| n > 0)
            .unwrap_or(DEFAULT_SHARDS)
    }

    fn shard_stub(&self, shard: u32) -> Result<worker::Stub> {
        self.env
            .durable_object(bindings::GALLERY_SHARD)?
            .get_by_name(&format!("shard-{shard}"))
    }

    fn text(&self, query: &str, key: &str) -> Result<Option<String>> {
        let row = self
            .sql
            .exec(query, vec![key.into()])?
            .raw()
            .next()
            .transpose()?;
        Ok(match row.as_deref() {
            Some([SqlStorageValue::String(s), ..]) => Some(s.clone()),
            _ => None,
        })
    }

    async fn process(&self, job: ProcessRequest) -> Result<Outcome> {
        if let Some(done) = self.text("SELECT outcome FROM jobs WHERE job_id = ?", &job.job_id)? {
            return Ok(serde_json::from_str(&done)?);
        }
        let outcome = if templates::usable(&job.fingers).is_empty() {
            Outcome {
                decision: Stage::EnrollFailure.as_str().to_string(),
                candidates: Vec::new(),
                searched_people: 0,
            }
        } else {
            let (people, candidates) = self.search(&job.reference_id, &job.fingers).await?;
            let best = candidates.first().map_or(0.0, |c| c.fused_score);
            let decision = decide(best, people as usize);
            if decision == Decision::Unique {
                self.enrol(&job.reference_id, &job.fingers).await?;
            } else {
                self.sql.exec(
                    "INSERT OR REPLACE INTO held (reference_id, fingers) VALUES (?, ?)",
                    vec![
                        job.reference_id.as_str().into(),
                        serde_json::to_string(&job.fingers)?.into(),
                    ],
                )?;
            }
            Outcome {
                decision: stage_of(decision).as_str().to_string(),
                candidates: if decision == Decision::Unique {
                    Vec::new()
                } else {
                    candidates
                },
                searched_people: people,
            }
        };
        self.sql.exec(
            "INSERT OR REPLACE INTO jobs (job_id, outcome) VALUES (?, ?)",
            vec![
                job.job_id.as_str().into(),
                serde_json::to_string(&outcome)?.into(),
            ],
        )?;
        Ok(outcome)
    }

    /// Every shard searched (at most six calls in flight), candidates merged best first.
    async fn search(
        &self,
        reference_id: &str,
        fingers: &[FingerTemplate],
    ) -> Result<(u64, Vec<Candidate>)> {
        let shards: Vec<u32> = (0..self.shards()).collect();
        // The whole gallery's short list is split over the shards (a mate competes only with
        // its own shard), with a floor so a shard's list never becomes trivially short.
        let request = ShardSearch {
            reference_id: reference_id.to_string(),
            fingers: fingers.to_vec(),
            shortlist: SHORTLIST_PEOPLE
                .div_ceil(shards.len())
                .max(MIN_SHORTLIST_PER_SHARD),
        };
        let mut people = 0;
        let mut candidates = Vec::new();
        for chunk in shards.chunks(MAX_CONCURRENT_SHARD_CALLS) {
            let stubs = chunk
                .iter()
                .map(|&s| self.shard_stub(s))
                .collect::<Result<Vec<_>>>()?;
            let calls = stubs
                .iter()
                .map(|stub| call::<_, ShardResult>(stub, "/search", &request))
                .collect();
            for result in join_all(calls).await {
                let result = result?;
                people += result.people;
                candidates.extend(result.candidates);
            }
        }
        candidates.sort_by(|a, b| b.fused_score.total_cmp(&a.fused_score));
        candidates.truncate(MAX_REPORTED_CANDIDATES);
        Ok((people, candidates))
    }

    /// Enrols into the shard with the fewest people this coordinator has placed (idempotent).
    async fn enrol(&self, reference_id: &str, fingers: &[FingerTemplate]) -> Result<bool> {
        let shard = match self
            .sql
            .exec(
                "SELECT shard FROM enrolled WHERE reference_id = ?",
                vec![reference_id.into()],
            )?
            .raw()
            .next()
            .transpose()?
            .as_deref()
        {
            Some([SqlStorageValue::Integer(s), ..]) => *s as u32,
            _ => self.least_filled_shard()?,
        };
        let newly: bool = call(
            &self.shard_stub(shard)?,
            "/enrol",
            &ShardEnrol {
                reference_id: reference_id.to_string(),
                fingers: fingers.to_vec(),
            },
        )
        .await?;
        self.sql.exec(
            "INSERT OR IGNORE INTO enrolled (reference_id, shard) VALUES (?, ?)",
            vec![
                reference_id.into(),
                SqlStorageValue::Integer(i64::from(shard)),
            ],
        )?;
        Ok(newly)
    }

    fn least_filled_shard(&self) -> Result<u32> {
        let mut counts = vec![0i64; self.shards() as usize];
        for row in self
            .sql
            .exec("SELECT shard, COUNT(*) FROM enrolled GROUP BY shard", None)?
            .raw()
        {
            if let [SqlStorageValue::Integer(s), SqlStorageValue::Integer(n)] = row?.as_slice() {
                if let Some(c) = counts.get_mut(*s as usize) {
                    *c = *n;
                }
            }
        }
        Ok(counts
            .iter()
            .enumerate()
            .min_by_key(|&(i, &n)| (n, i))
            .map_or(0, |(i, _)| i as u32))
    }

    /// Enrols a recording held for adjudication. `None` when nothing is held under that id (and
    /// it was never enrolled); `Some(false)` when it already was.
    async fn enrol_held(&self, reference_id: &str) -> Result<Option<bool>> {
        let Some(fingers) = self.text(
            "SELECT fingers FROM held WHERE reference_id = ?",
            reference_id,
        )?
        else {
            let known = self.text(
                "SELECT reference_id FROM enrolled WHERE reference_id = ?",
                reference_id,
            )?;
            return Ok(known.map(|_| false));
        };
        let fingers: Vec<FingerTemplate> = serde_json::from_str(&fingers)?;
        let newly = self.enrol(reference_id, &fingers).await?;
        self.sql.exec(
            "DELETE FROM held WHERE reference_id = ?",
            vec![reference_id.into()],
        )?;
        Ok(Some(newly))
    }
}

fn stage_of(decision: Decision) -> Stage {
    match decision {
        Decision::Unique => Stage::PrintReadyRecord,
        Decision::Ambiguous => Stage::AdjudicateRecord,
        Decision::Duplicate => Stage::DuplicateRecord,
    }
}

// Called by the adjudication endpoint once it is wired (handlers/staff.rs, lead): until then unused.
/// For the adjudication endpoint: an adjudicator ruled a held recording "not a duplicate", so it
/// joins the gallery (serialised with searches like any job). `Ok(false)` if it already had.
pub async fn enrol_after_adjudication(env: &Env, reference_id: &str) -> Result<bool> {
    let resp: EnrolResponse = call(
        &stub(env)?,
        "/enrol",
        &EnrolRequest {
            reference_id: reference_id.to_string(),
        },
    )
    .await?;
    Ok(resp.newly_enrolled)
}
