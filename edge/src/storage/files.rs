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

/// The keys of every object under `prefix`, in key order (all listing pages).
pub async fn keys(bucket: &Bucket, prefix: &str) -> Result<Vec<String>> {
    let mut keys = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut list = bucket.list().prefix(prefix);
        if let Some(c) = cursor.take() {
            list = list.cursor(c);
        }
        let page = list.execute().await?;
        keys.extend(page.objects().iter().map(|o| o.key()));
        match page.cursor() {
            Some(c) if page.truncated() => cursor = Some(c),
            _ => return Ok(keys),
        }
    }
}
