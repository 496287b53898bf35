//! The queue message from the recording endpoint to the matching worker. It carries a random
//! reference id and templates only: never a name, NIK or image.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrollmentJob {
    /// Idempotency key of the job: equal to `reference_id`, one job per recording.
    pub job_id: String,
    pub reference_id: String,
    /// Empty for [`JobPurpose::EnrolAdjudicated`]: the coordinator holds the templates.
    pub fingers: Vec<FingerTemplate>,
    /// Absent in jobs queued before adjudication existed: a search.
    #[serde(default)]
    pub purpose: JobPurpose,
}

/// What the matching worker does with a job. JSON: snake_case.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobPurpose {
    /// Search the gallery, decide, and enrol when unique.
    #[default]
    Search,
    /// A held recording was approved "not a duplicate": enrol it (the retry of an enrolment
    /// that failed right after the approval; idempotent).
    EnrolAdjudicated,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FingerTemplate {
    /// ISO/IEC 19794-2 finger position 1-10 (1 right thumb, 2 right index, ... 7 left index).
    pub position: u8,
    /// Base64 of `biometrics::template::wire::encode`.
    pub template: String,
}
