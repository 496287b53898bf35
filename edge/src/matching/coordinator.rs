//! Coordinator Durable Object (one per gallery): takes one job at a time, fans the probe out to
//! every gallery shard, merges their candidates, decides, and enrols a unique person into the
//! least-filled shard before the next job starts. Holding that turn across search and enrol is
//! what catches two recordings of one person arriving together from two kecamatan.
//!
//! Its SQLite remembers each job's outcome (a redelivered job gets the same answer and enrols
//! nobody twice), where each person was enrolled, and the templates of recordings held for an
//! adjudicator, so `POST /enrol` can add them when ruled "not a duplicate". `POST /templates`
//! returns stored templates by reference id (held here, or from their shard) for the
//! adjudication overlay; `POST /release-held` forgets held templates the retention sweep says
//! are no longer needed.

use super::messages::MatchDecision;
use super::messages::{
    Candidate, EnrolRequest, EnrolResponse, Outcome, ProcessRequest, ShardEnrol, ShardResult,
    ShardSearch, StoredTemplates, TemplatesRequest, TemplatesResponse,
};
use super::serial::{join_all, Serial};
use super::templates;
use crate::bindings;
use crate::storage::coordinator::CoordinatorStore;
use base64::Engine as _;
use biometrics::search::params::{MAX_REPORTED_CANDIDATES, SHORTLIST_PEOPLE};
use biometrics::search::person_codes_to_bytes;
use biometrics::search::{decide, Decision};
use biometrics::Template;
use shared::api::FingerTemplate;
use worker::{
    durable_object, DurableObject, Env, Method, Request, RequestInit, Response, Result, State,
};

/// Platform limit: simultaneous outgoing connections per request.
const MAX_CONCURRENT_SHARD_CALLS: usize = 6;
/// Smallest short list a shard is asked for.
const MIN_SHORTLIST_PER_SHARD: usize = 25;
/// Shards when the `GALLERY_SHARDS` variable is missing or invalid.
const DEFAULT_SHARDS: u32 = 4;

#[durable_object]
pub struct MatchCoordinator {
    store: CoordinatorStore,
    env: Env,
    serial: Serial,
}

impl DurableObject for MatchCoordinator {
    fn new(state: State, env: Env) -> Self {
        Self {
            store: CoordinatorStore::open(state.storage().sql()).expect("coordinator schema"),
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
            (Method::Post, "/templates") => {
                let body: TemplatesRequest = req.json().await?;
                Response::from_json(&self.templates(&body.reference_ids).await?)
            }
            (Method::Post, "/release-held") => {
                let body: TemplatesRequest = req.json().await?;
                let _turn = self.serial.turn().await;
                for id in &body.reference_ids {
                    self.store.release(id)?;
                }
                Response::from_json(&body)
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

    async fn process(&self, job: ProcessRequest) -> Result<Outcome> {
        if let Some(done) = self.store.outcome(&job.job_id)? {
            return Ok(done);
        }
        // Decoded once here; shards get only the usable fingers (they decode their own copy,
        // being other objects), and enrolment reuses these templates for the screening codes.
        let (wire, decoded) = templates::usable_with_wire(&job.fingers);
        let outcome = if decoded.is_empty() {
            Outcome {
                decision: MatchDecision::NoUsableFingers,
                candidates: Vec::new(),
                searched_people: 0,
            }
        } else {
            let (people, candidates) = self.search(&job.reference_id, &wire).await?;
            let best = candidates.first().map_or(0.0, |c| c.fused_score);
            let decision = decide(best, people as usize);
            if decision == Decision::Unique {
                self.enrol(&job.reference_id, &wire, &decoded).await?;
            } else {
                self.store.hold(&job.reference_id, &job.fingers)?;
            }
            Outcome {
                decision: decision.into(),
                candidates: if decision == Decision::Unique {
                    Vec::new()
                } else {
                    candidates
                },
                searched_people: people,
            }
        };
        self.store.save_outcome(&job.job_id, &outcome)?;
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
    /// `fingers` are the usable ones and `decoded` the same, decoded.
    async fn enrol(
        &self,
        reference_id: &str,
        fingers: &[FingerTemplate],
        decoded: &[(u8, Template)],
    ) -> Result<bool> {
        let shard = match self.store.shard_of(reference_id)? {
            Some(s) => s,
            None => self.least_filled_shard()?,
        };
        let codes = person_codes_to_bytes(&templates::codes_of(decoded));
        let newly: bool = call(
            &self.shard_stub(shard)?,
            "/enrol",
            &ShardEnrol {
                reference_id: reference_id.to_string(),
                fingers: fingers.to_vec(),
                codes: Some(base64::engine::general_purpose::STANDARD.encode(codes)),
            },
        )
        .await?;
        self.store.record_enrolled(reference_id, shard)?;
        Ok(newly)
    }

    fn least_filled_shard(&self) -> Result<u32> {
        let mut counts = vec![0i64; self.shards() as usize];
        for (s, n) in self.store.enrolled_per_shard()? {
            if let Some(c) = counts.get_mut(s as usize) {
                *c = n;
            }
        }
        Ok(counts
            .iter()
            .enumerate()
            .min_by_key(|&(i, &n)| (n, i))
            .map_or(0, |(i, _)| i as u32))
    }

    /// The templates of these people: held ones from this object's `held` table, enrolled ones
    /// from the shard each was placed in. Read-only, so it takes no turn.
    async fn templates(&self, reference_ids: &[String]) -> Result<TemplatesResponse> {
        let mut people = Vec::new();
        let mut by_shard: Vec<(u32, Vec<String>)> = Vec::new();
        for id in reference_ids {
            if let Some(fingers) = self.store.held(id)? {
                people.push(StoredTemplates {
                    reference_id: id.clone(),
                    fingers,
                });
            } else if let Some(shard) = self.store.shard_of(id)? {
                match by_shard.iter_mut().find(|(s, _)| *s == shard) {
                    Some((_, ids)) => ids.push(id.clone()),
                    None => by_shard.push((shard, vec![id.clone()])),
                }
            }
        }
        for (shard, ids) in by_shard {
            let found: TemplatesResponse = call(
                &self.shard_stub(shard)?,
                "/templates",
                &TemplatesRequest { reference_ids: ids },
            )
            .await?;
            people.extend(found.people);
        }
        Ok(TemplatesResponse { people })
    }

    /// Enrols a recording held for adjudication. `None` when nothing is held under that id (and
    /// it was never enrolled); `Some(false)` when it already was.
    async fn enrol_held(&self, reference_id: &str) -> Result<Option<bool>> {
        let Some(fingers) = self.store.held(reference_id)? else {
            return Ok(self.store.shard_of(reference_id)?.map(|_| false));
        };
        let (wire, decoded) = templates::usable_with_wire(&fingers);
        let newly = self.enrol(reference_id, &wire, &decoded).await?;
        self.store.release(reference_id)?;
        Ok(Some(newly))
    }
}

/// For the retention sweep (services/retention.rs): the coordinator forgets the held templates
/// of these decided recordings (idempotent: an id not held is skipped).
pub async fn release_held(env: &Env, reference_ids: &[String]) -> Result<()> {
    let request = TemplatesRequest {
        reference_ids: reference_ids.to_vec(),
    };
    let _: TemplatesRequest = call(&stub(env)?, "/release-held", &request).await?;
    Ok(())
}

/// For the adjudication overlay: the stored templates of these reference ids (held or enrolled).
pub async fn templates_of(env: &Env, reference_ids: &[&str]) -> Result<Vec<StoredTemplates>> {
    let resp: TemplatesResponse = call(
        &stub(env)?,
        "/templates",
        &TemplatesRequest {
            reference_ids: reference_ids.iter().map(|s| s.to_string()).collect(),
        },
    )
    .await?;
    Ok(resp.people)
}

/// For the adjudication approval: an adjudicator ruled a held recording "not a duplicate", so it
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
