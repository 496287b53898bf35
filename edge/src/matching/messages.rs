//! The internal protocol between the consumer, the coordinator and the shards (JSON over Durable
//! Object fetch). Edge-internal: versioned with the worker, never seen by clients.

use biometrics::search::Decision;
use serde::{Deserialize, Serialize};
use shared::api::FingerTemplate;
use shared::lifecycle::Event;

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

/// Coordinator and shard `POST /templates`: the stored wire templates of these reference ids,
/// for the adjudication overlay (the edge maps the ids to applications; this side never knows
/// whose they are).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TemplatesRequest {
    pub reference_ids: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredTemplates {
    pub reference_id: String,
    pub fingers: Vec<FingerTemplate>,
}

/// Ids not held or enrolled are left out.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TemplatesResponse {
    pub people: Vec<StoredTemplates>,
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

/// Shard `POST /enrol`: the usable templates plus their screening codes, computed by the
/// coordinator from the templates it decoded for the search, so the shard decodes nothing.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ShardEnrol {
    pub reference_id: String,
    pub fingers: Vec<FingerTemplate>,
    /// Base64 of `search::person_codes_to_bytes`. Absent from a coordinator of an earlier
    /// version: the shard then computes the codes itself.
    #[serde(default)]
    pub codes: Option<String>,
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

/// What the 1:N search decided about one recording. The coordinator decides it, the consumer
/// maps it straight to the life-cycle event. Serialised by the names of the stages it leads to,
/// as `match_results.decision` and the outcomes coordinators stored before this type hold them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MatchDecision {
    /// Nobody in the gallery matches: enrolled, printable.
    #[serde(rename = "PRINT_READY_RECORD")]
    Unique,
    /// Some evidence, not enough: an adjudicator decides.
    #[serde(rename = "ADJUDICATE_RECORD")]
    Ambiguous,
    /// Strong evidence of someone already enrolled.
    #[serde(rename = "DUPLICATE_RECORD")]
    Duplicate,
    /// No usable fingerprint to search with: the person must be recorded again.
    #[serde(rename = "ENROLL_FAILURE")]
    NoUsableFingers,
}

impl MatchDecision {
    /// The stored name (equal to the serde name).
    pub const fn as_str(self) -> &'static str {
        match self {
            MatchDecision::Unique => "PRINT_READY_RECORD",
            MatchDecision::Ambiguous => "ADJUDICATE_RECORD",
            MatchDecision::Duplicate => "DUPLICATE_RECORD",
            MatchDecision::NoUsableFingers => "ENROLL_FAILURE",
        }
    }

    /// The life-cycle event this decision is.
    pub const fn event(self) -> Event {
        match self {
            MatchDecision::Unique => Event::MatchUnique,
            MatchDecision::Ambiguous => Event::MatchAmbiguous,
            MatchDecision::Duplicate => Event::MatchDuplicate,
            MatchDecision::NoUsableFingers => Event::EnrollFailed,
        }
    }
}

impl From<Decision> for MatchDecision {
    fn from(d: Decision) -> MatchDecision {
        match d {
            Decision::Unique => MatchDecision::Unique,
            Decision::Ambiguous => MatchDecision::Ambiguous,
            Decision::Duplicate => MatchDecision::Duplicate,
        }
    }
}

/// The outcome of one job, as the coordinator stores and returns it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Outcome {
    pub decision: MatchDecision,
    pub candidates: Vec<Candidate>,
    pub searched_people: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_keep_their_stored_names_and_lead_where_the_rules_say() {
        use shared::lifecycle::{transition, Actor, Stage};
        for (d, stage) in [
            (MatchDecision::Unique, Stage::PrintReadyRecord),
            (MatchDecision::Ambiguous, Stage::AdjudicateRecord),
            (MatchDecision::Duplicate, Stage::DuplicateRecord),
            (MatchDecision::NoUsableFingers, Stage::EnrollFailure),
        ] {
            assert_eq!(serde_json::to_value(d).unwrap(), d.as_str());
            assert_eq!(d.as_str(), stage.as_str());
            let to = transition(Stage::SentForEnrollment, Actor::MatchingWorker, d.event());
            assert_eq!(to, Ok(stage));
        }
    }
}
