//! The internal protocol between the consumer, the coordinator and the shards (JSON over Durable
//! Object fetch). Edge-internal: versioned with the worker, never seen by clients.

use serde::{Deserialize, Serialize};
use shared::api::FingerTemplate;

/// Coordinator `POST /process`: search, and enrol when unique. Idempotent on `job_id`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ProcessRequest {
    pub job_id: String,
    pub reference_id: String,
    pub fingers: Vec<FingerTemplate>,
}

/// Coordinator `POST /enrol`: an adjudicator ruled "not a duplicate"; enrol the held recording.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EnrolRequest {
    pub reference_id: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EnrolResponse {
    /// False when it was already enrolled (the call is idempotent).
    pub newly_enrolled: bool,
}

/// Shard `POST /search`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ShardSearch {
    /// The probe's own reference id: never reported as its own candidate (a retried job whose
    /// enrolment went through before a crash must not find itself).
    pub reference_id: String,
    pub fingers: Vec<FingerTemplate>,
    /// People this shard passes to the exact matcher.
    pub shortlist: usize,
}

/// Shard `POST /enrol`: templates plus their screening codes (computed once, by the coordinator).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ShardEnrol {
    pub reference_id: String,
    pub fingers: Vec<FingerTemplate>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CandidateFinger {
    pub position: u8,
    pub score: f32,
}

/// A candidate as stored in `match_results.candidates_json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Candidate {
    pub reference_id: String,
    /// Fused evidence in decades of false match rate (see `biometrics::search::fuse`).
    pub fused_score: f32,
    pub fingers: Vec<CandidateFinger>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ShardResult {
    pub people: u64,
    pub candidates: Vec<Candidate>,
}

/// The outcome of one job, as the coordinator stores and returns it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Outcome {
    /// PRINT_READY_RECORD | ADJUDICATE_RECORD | DUPLICATE_RECORD | ENROLL_FAILURE
    pub decision: String,
    pub candidates: Vec<Candidate>,
    pub searched_people: u64,
}
