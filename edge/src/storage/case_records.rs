//! The recordings behind a case, by reference id: the one place where the console turns the
//! matcher's candidate reference ids back into applications (with the recording operator and
//! the per-finger summary). The matching worker itself never reads this.

use super::decode::{self, to_json};
use super::stored_form::StoredForm;
use serde::Deserialize;
use shared::api::MissingFingerReason;
use shared::domain::RegistrationCode;
use shared::lifecycle::Stage;
use worker::{D1Database, Result};

/// One finger of `recordings.fingers_json`: a quality, or an exception.
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct StoredFinger {
    pub position: u8,
    #[serde(default)]
    pub quality: Option<u8>,
    #[serde(default)]
    pub exception: Option<MissingFingerReason>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CaseRecord {
    pub reference_id: String,
    pub application_id: String,
    #[serde(deserialize_with = "decode::registration_code")]
    pub registration_code: RegistrationCode,
    pub stage: Stage,
    pub district_code: String,
    #[serde(rename = "form_json", deserialize_with = "decode::json_text")]
    pub form: StoredForm,
    pub recorded_by: String,
    pub recorded_by_name: String,
    pub recorded_at: String,
    #[serde(rename = "fingers_json", deserialize_with = "decode::json_text")]
    pub fingers: Vec<StoredFinger>,
    pub face_r2_key: String,
}

/// The recordings with these reference ids (any order; unknown ids are left out).
pub async fn by_reference_ids(db: &D1Database, reference_ids: &[&str]) -> Result<Vec<CaseRecord>> {
    db.prepare(
        "SELECT r.reference_id, r.application_id, a.registration_code, a.stage, a.district_code, \
         a.form_json, r.recorded_by, s.display_name AS recorded_by_name, r.recorded_at, \
         r.fingers_json, r.face_r2_key \
         FROM recordings r JOIN applications a ON a.id = r.application_id \
         JOIN staff s ON s.id = r.recorded_by \
         WHERE r.reference_id IN (SELECT value FROM json_each(?1))",
    )
    .bind(&[to_json(&reference_ids)?.into()])?
    .all()
    .await?
    .results()
}
