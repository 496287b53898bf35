//! Matching jobs kept in R2 until they are decided: `matching-jobs/<reference id>.json`, the
//! enrolment queue's message itself (reference id and templates, never a name or NIK), written
//! before the job is sent so that a job the queue loses can be sent again
//! (`services/enrolment_redrive.rs`). Deleted once the consumer has committed the decision.

use shared::api::EnrollmentJob;
use worker::{Bucket, HttpMetadata, Result};

const PREFIX: &str = "matching-jobs/";

fn key(reference_id: &str) -> String {
    format!("{PREFIX}{reference_id}.json")
}

/// Stores the job (again: a retry rewrites the same content under the same key).
pub async fn put(bucket: &Bucket, job: &EnrollmentJob) -> Result<()> {
    bucket
        .put(key(&job.reference_id), serde_json::to_vec(job)?)
        .http_metadata(HttpMetadata {
            content_type: Some("application/json".to_string()),
            ..Default::default()
        })
        .execute()
        .await?;
    Ok(())
}

/// The stored job of a recording, if it is still kept.
pub async fn get(bucket: &Bucket, reference_id: &str) -> Result<Option<EnrollmentJob>> {
    let Some(found) = bucket.get(key(reference_id)).execute().await? else {
        return Ok(None);
    };
    match found.body() {
        Some(body) => Ok(Some(serde_json::from_slice(&body.bytes().await?)?)),
        None => Ok(None),
    }
}

pub async fn delete(bucket: &Bucket, reference_id: &str) -> Result<()> {
    bucket.delete(key(reference_id)).await
}

/// The reference ids of every kept job, in key order (few: a decided job is deleted at once).
pub async fn kept(bucket: &Bucket) -> Result<Vec<String>> {
    Ok(super::files::keys(bucket, PREFIX)
        .await?
        .iter()
        .filter_map(|k| Some(k.strip_prefix(PREFIX)?.strip_suffix(".json")?.to_string()))
        .collect())
}
