//! The answer to a successful submission.

use serde::{Deserialize, Serialize};

/// Returned after a submission is accepted. JSON:
/// `{"registration_code": "K7Q4-9XMT-2HCE-8", "status_path": "/s/K7Q4-9XMT-2HCE-8"}`.
///
/// The code is the resident's only key to their status; the path holds the code and nothing
/// personal (no NIK, no name: UU Adminduk art. 84).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmitResponse {
    /// Grouped display form (`XXXX-XXXX-XXXX-X`).
    pub registration_code: String,
    /// Path of the public status page for this code.
    pub status_path: String,
}

impl SubmitResponse {
    /// Builds the response for a code; the status page lives at `/s/{code}`.
    pub fn for_code(code: &crate::domain::RegistrationCode) -> SubmitResponse {
        SubmitResponse {
            registration_code: code.to_string(),
            status_path: format!("/s/{code}"),
        }
    }
}
