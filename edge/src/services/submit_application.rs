//! Accepting a resident's pre-filled application: validate with the shared rules, store files in
//! R2 and rows in D1 in one batch, exactly once per idempotency key.

use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::storage::{applications, documents, files};
use sha2::{Digest, Sha256};
use shared::api::{ApplicationForm, AttachmentKind, ErrorCode, FieldError, SubmitResponse};
use shared::domain::RegistrationCode;
use shared::lifecycle::Stage;
use shared::regions::BundledRegions;
use shared::validation::{validate_application, validate_attachments, AttachmentMeta};

/// One uploaded file, as received.
pub struct Upload {
    pub kind: AttachmentKind,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

pub struct Submission {
    pub idempotency_key: String,
    pub form: ApplicationForm,
    pub uploads: Vec<Upload>,
}

pub enum Outcome {
    Created(SubmitResponse),
    /// The same submission was received before; the same answer is returned.
    Replayed(SubmitResponse),
}

pub async fn submit(ctx: &RequestContext, sub: Submission) -> ApiResult<Outcome> {
    let db = ctx.env.d1(bindings::DB)?;
    let key_hash = hex(&Sha256::digest(sub.idempotency_key.as_bytes()));
    let request_hash = request_hash(&sub);

    if let Some(existing) = applications::find_by_idempotency_key(&db, &key_hash).await? {
        return replay(existing, &request_hash);
    }

    let metas: Vec<AttachmentMeta<'_>> = sub
        .uploads
        .iter()
        .map(|u| AttachmentMeta {
            kind: u.kind,
            content_type: &u.content_type,
            bytes: &u.bytes,
        })
        .collect();
    let mut problems: Vec<FieldError> = Vec::new();
    let valid = validate_application(&sub.form, ctx.today, &BundledRegions);
    if let Err(errors) = &valid {
        problems.extend(shared::api::ErrorBody::validation(errors, ctx.lang, "").fields);
    }
    problems.extend(validate_attachments(&sub.form.application_type, &metas));
    let valid = match valid {
        Ok(valid) if problems.is_empty() => valid,
        _ => return Err(ApiError::Validation(problems)),
    };

    let id = random_hex::<16>();
    let code = RegistrationCode::from_random(random_bytes());
    let compact_code = code.compact();
    let bucket = ctx.env.bucket(bindings::FILES)?;
    let mut stored = Vec::with_capacity(sub.uploads.len());
    for upload in &sub.uploads {
        let key = files::document_key(&id, upload.kind.as_str());
        let sha = hex(&Sha256::digest(&upload.bytes));
        files::put(&bucket, &key, upload.bytes.clone(), &upload.content_type).await?;
        stored.push((upload, key, sha));
    }

    // Stored normalised (uppercase names, padded RT/RW), as staff will see and print it.
    let form = ApplicationForm::from(&valid);
    let form_json = serde_json::to_string(&form).map_err(|e| ApiError::Internal(e.to_string()))?;
    let warnings: Vec<_> = valid
        .warnings
        .iter()
        .map(|w| serde_json::json!({ "field": w.field.path(), "code": w.code }))
        .collect();
    let warnings_json = serde_json::Value::from(warnings).to_string();
    let stage = Stage::PreFilled;
    let row = applications::NewApplication {
        id: &id,
        registration_code: &compact_code,
        idempotency_key: &key_hash,
        request_hash: &request_hash,
        stage: stage.as_str(),
        application_type: &form.application_type,
        district_code: &form.address.district,
        village_code: &form.address.village,
        nik: &form.nik,
        full_name: &form.full_name,
        form_json: &form_json,
        warnings_json: &warnings_json,
        actor: "RESIDENT",
        now: &ctx.now,
    };
    let mut batch = applications::insert(&db, &row)?;
    for (upload, key, sha) in &stored {
        batch.push(documents::insert(
            &db,
            &documents::NewDocument {
                application_id: &id,
                kind: upload.kind.as_str(),
                r2_key: key,
                content_type: &upload.content_type,
                bytes: upload.bytes.len(),
                sha256: sha,
            },
        )?);
    }
    match db.batch(batch).await {
        Ok(_) => Ok(Outcome::Created(SubmitResponse::for_code(&code))),
        Err(e) => {
            // The batch is one transaction: nothing of it was written. Our files are orphans now.
            for (_, key, _) in &stored {
                let _ = files::delete(&bucket, key).await;
            }
            // A concurrent request with the same key may have won the race: answer as it did.
            match applications::find_by_idempotency_key(&db, &key_hash).await? {
                Some(existing) => replay(existing, &request_hash),
                None => Err(ApiError::Internal(format!("storing application: {e}"))),
            }
        }
    }
}

fn replay(existing: applications::ApplicationSummary, request_hash: &str) -> ApiResult<Outcome> {
    if existing.request_hash != request_hash {
        return Err(ApiError::Code(ErrorCode::Conflict));
    }
    let code = RegistrationCode::parse(&existing.registration_code)
        .map_err(|e| ApiError::Internal(format!("stored code unreadable: {e}")))?;
    Ok(Outcome::Replayed(SubmitResponse::for_code(&code)))
}

/// A digest of everything submitted, so a key reused for different content is detected.
fn request_hash(sub: &Submission) -> String {
    let mut h = Sha256::new();
    h.update(serde_json::to_vec(&sub.form).unwrap_or_default());
    let mut parts: Vec<_> = sub
        .uploads
        .iter()
        .map(|u| (u.kind.as_str(), Sha256::digest(&u.bytes)))
        .collect();
    parts.sort_by(|a, b| a.0.cmp(b.0));
    for (kind, digest) in parts {
        h.update(kind.as_bytes());
        h.update(digest);
    }
    hex(&h.finalize())
}

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::getrandom(&mut bytes).expect("Web Crypto getRandomValues");
    bytes
}

fn random_hex<const N: usize>() -> String {
    hex(&random_bytes::<N>())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
