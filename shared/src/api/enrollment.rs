//! The queue message from the recording endpoint to the matching worker. It carries a random
//! reference id and templates only: never a name, NIK or image.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrollmentJob {
    /// Idempotency key of the job: equal to `reference_id`, one job per recording.
    pub job_id: String,
    pub reference_id: String,
    pub fingers: Vec<FingerTemplate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FingerTemplate {
    /// ISO/IEC 19794-2 finger position 1-10 (1 right thumb, 2 right index, ... 7 left index).
    pub position: u8,
    /// Base64 of `biometrics::template::wire::encode`.
    pub template: String,
}
