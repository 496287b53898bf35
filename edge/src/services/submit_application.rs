//! Accepting a resident's pre-filled application: validate with the shared rules, store files in
//! R2 and rows in D1 in one batch, exactly once per idempotency key.

use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::services::{random, rate_limit};
use crate::storage::stored_form::StoredForm;
use crate::storage::{applications, audit, documents, files};
use sha2::{Digest, Sha256};
use shared::api::{
    ApplicationForm, AttachmentKind, ErrorCode, FieldError, FieldWarning, SubmitResponse,
};
use shared::domain::RegistrationCode;
use shared::lifecycle::{Actor, Stage};
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

/// Who submits: a resident pre-filling, or a kecamatan operator typing in a walk-in.
pub enum Submitter<'a> {
    Resident,
    Staff(&'a Principal),
}

/// Anonymous pre-fills accepted per kecamatan per hour, unless `[vars]` says otherwise. Grobogan's
/// busiest kecamatan sees a few dozen KTP-el applications a day; this leaves room for a
/// village's collective drive.
const PREFILLS_PER_KECAMATAN_PER_HOUR: u32 = 120;

pub enum Outcome {
    Created(SubmitResponse),
    /// The same submission was received before; the same answer is returned.
    Replayed(SubmitResponse),
}

pub async fn submit(
    ctx: &RequestContext,
    sub: Submission,
    by: &Submitter<'_>,
) -> ApiResult<Outcome> {
    let db = ctx.env.d1(bindings::DB)?;
    let key_hash = random::to_hex(&Sha256::digest(sub.idempotency_key.as_bytes()));
    let request_hash = request_hash(&sub);

    if let Some(existing) = applications::find_submission(&db, &key_hash).await? {
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
    // Stored normalised (uppercase names, padded RT/RW, dotted codes), as staff will see it.
    let form = ApplicationForm::from(&valid);
    match by {
        // An operator serves residents of their own kecamatan only (seed: record at your
        // kecamatan).
        Submitter::Staff(who) => {
            if !who.may_access_district(&form.address.district) {
                return Err(ApiError::Code(ErrorCode::Forbidden));
            }
        }
        // Anonymous pre-fills are budgeted per kecamatan too, so junk sent from many
        // addresses cannot bury a kecamatan's queue (a retry of an accepted one was answered
        // above and spends nothing).
        Submitter::Resident => {
            rate_limit::spend_for(
                ctx,
                "prefill-kecamatan",
                &form.address.district,
                ctx.var_u32(
                    "PREFILLS_PER_KECAMATAN_PER_HOUR",
                    PREFILLS_PER_KECAMATAN_PER_HOUR,
                ),
                3600,
            )
            .await?
        }
    }

    let id = random::hex::<16>();
    let code = RegistrationCode::from_random(random::bytes());
    let bucket = ctx.env.bucket(bindings::FILES)?;
    let mut stored = Vec::with_capacity(sub.uploads.len());
    for upload in &sub.uploads {
        let key = files::document_key(&id, upload.kind.as_str());
        let sha = random::to_hex(&Sha256::digest(&upload.bytes));
        files::put(&bucket, &key, upload.bytes.clone(), &upload.content_type).await?;
        stored.push((upload, key, sha));
    }

    let stored_form = StoredForm::from(&form);
    let warnings: Vec<FieldWarning> = valid.warnings.iter().map(FieldWarning::from).collect();
    let row = applications::NewApplication {
        id: &id,
        registration_code: &code,
        idempotency_key: &key_hash,
        request_hash: &request_hash,
        stage: Stage::PreFilled,
        application_type: &form.application_type,
        district_code: &form.address.district,
        village_code: &form.address.village,
        nik: &form.nik,
        full_name: &form.full_name,
        form: &stored_form,
        warnings: &warnings,
        actor: match by {
            Submitter::Resident => Actor::Resident,
            Submitter::Staff(_) => Actor::KecamatanOperator,
        },
        now: &ctx.now,
    };
    let mut batch = applications::insert(&db, &row)?;
    let mut audited = Vec::new();
    if let Submitter::Staff(who) = by {
        audited.push(
            audit::AuditEntry {
                at: &ctx.now,
                staff_id: Some(&who.id),
                role: who.role.as_str(),
                action: "application.walk_in",
                application_id: Some(&id),
                client: &ctx.client_key,
                request_id: &ctx.request_id,
                detail_json: None,
            }
            .row(),
        );
    }
    for (upload, key, sha) in &stored {
        batch.push(documents::insert(
            &db,
            &documents::NewDocument {
                application_id: &id,
                kind: upload.kind,
                r2_key: key,
                content_type: &upload.content_type,
                bytes: upload.bytes.len(),
                sha256: sha,
            },
        )?);
    }
    match audit::commit(&db, batch, audited).await {
        Ok(_) => Ok(Outcome::Created(SubmitResponse::for_code(&code))),
        Err(e) => {
            // The batch is one transaction: nothing of it was written. Our files are orphans now.
            for (_, key, _) in &stored {
                let _ = files::delete(&bucket, key).await;
            }
            // A concurrent request with the same key may have won the race: answer as it did.
            match applications::find_submission(&db, &key_hash).await? {
                Some(existing) => replay(existing, &request_hash),
                None => Err(e.into()),
            }
        }
    }
}

fn replay(existing: applications::SubmissionRow, request_hash: &str) -> ApiResult<Outcome> {
    if existing.request_hash != request_hash {
        return Err(ApiError::Code(ErrorCode::Conflict));
    }
    Ok(Outcome::Replayed(SubmitResponse::for_code(
        &existing.registration_code,
    )))
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
    random::to_hex(&h.finalize())
}
