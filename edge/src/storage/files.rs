//! The R2 bucket of documents, photos, faces and signatures (never fingerprint images).

use worker::{Bucket, HttpMetadata, Result};

pub fn document_key(application_id: &str, kind: &str) -> String {
    format!("applications/{application_id}/documents/{kind}")
}

pub async fn put(bucket: &Bucket, key: &str, bytes: Vec<u8>, content_type: &str) -> Result<()> {
    bucket
        .put(key, bytes)
        .http_metadata(HttpMetadata {
            content_type: Some(content_type.to_string()),
            ..Default::default()
        })
        .execute()
        .await?;
    Ok(())
}

pub async fn delete(bucket: &Bucket, key: &str) -> Result<()> {
    bucket.delete(key).await
}
