//! Accepting a biometric recording from a kecamatan tablet and handing it to the matching worker.
//!
//! Order matters for exactly-once: (1) one D1 batch stores the recording and moves the application
//! to BIO_CAPTURED; (2) the job goes to the queue; (3) the application moves to
//! SENT_FOR_ENROLLMENT, and the answer is stored under the client's key. A retry with the same
//! key (the tablet's outbox) gets that answer; one that comes before (3) finds the recording and
//! redoes only what is missing. The matcher is idempotent on the job id, so a job sent twice is
//! searched once. The job is kept in R2 (`storage::matching_jobs`) before it is sent, until the
//! matcher's decision is committed: a job the queue loses is sent again by the cron's redrive
//! (`services/enrolment_redrive.rs`).

use super::idempotency::{self, Answer, IdempotencyKey, Prior};
use super::transition::{Mover, Transition};
use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::services::random;
use crate::storage::{files, matching_jobs, recordings};
use sha2::{Digest, Sha256};
use shared::api::{
    BiometricSubmission, EnrollmentJob, ErrorCode, FingerResult, FingerTemplate, JobPurpose,
    RecordingResponse,
};
use shared::lifecycle::{Event, Stage};
use shared::validation::{validate_recording, ValidFinger};

pub async fn record(
    ctx: &RequestContext,
    who: &Principal,
    application_id: &str,
    sub: BiometricSubmission,
    key: Option<&IdempotencyKey>,
) -> ApiResult<Answer> {
    let mover = Mover::Staff(who);
    let mut t = Transition::load(ctx, mover, &[application_id]).await?;
    if let Prior::Answered(answer) = idempotency::prior(t.db(), key).await? {
        return Ok(answer);
    }
    let db = ctx.env.d1(bindings::DB)?;
    let app = t.application().clone();
    // Recordings are keyed per application by the submission's own key, so one tablet's key
    // can never touch another application (and a retry without the header still finds it).
    let key_hash = random::to_hex(&Sha256::digest(format!(
        "{}:{}",
        app.id, sub.idempotency_key
    )));

    // What was sent, so that a retry under the same recording key is the same recording.
    let request_hash = random::to_hex(&Sha256::digest(
        serde_json::to_vec(&sub).map_err(|e| ApiError::Internal(e.to_string()))?,
    ));

    let (reference_id, validated) = match recordings::find_by_idempotency_key(&db, &key_hash)
        .await?
    {
        Some(existing)
            if existing
                .request_hash
                .as_ref()
                .is_some_and(|h| *h != request_hash) =>
        {
            return Err(ApiError::Code(ErrorCode::IdempotencyKeyReused));
        }
        Some(existing) => (existing.reference_id, false),
        None => {
            let valid = validate_recording(&sub).map_err(ApiError::Validation)?;
            let event = if app.stage == Stage::EnrollFailure {
                Event::Rerecord
            } else {
                Event::RecordBiometrics
            };
            t.decide(|_| vec![event])?;

            let reference_id = random::hex::<16>();
            let bucket = ctx.env.bucket(bindings::FILES)?;
            let face_key = format!("applications/{}/recordings/{reference_id}/face.jpg", app.id);
            let signature_key = format!(
                "applications/{}/recordings/{reference_id}/signature.png",
                app.id
            );
            files::put(&bucket, &face_key, valid.face_jpeg.clone(), "image/jpeg").await?;
            files::put(
                &bucket,
                &signature_key,
                valid.signature_png.clone(),
                "image/png",
            )
            .await?;

            // Per-finger summary for staff (quality, the operator's reason for keeping a print
            // below the recapture threshold, or the exception); the templates themselves go to
            // the matching worker only.
            let fingers_json = serde_json::Value::from(
                valid
                    .fingers
                    .iter()
                    .map(|f| match f {
                        ValidFinger::Template {
                            position,
                            quality,
                            kept_below_threshold: None,
                            ..
                        } => {
                            serde_json::json!({ "position": position, "quality": quality })
                        }
                        ValidFinger::Template {
                            position,
                            quality,
                            kept_below_threshold: Some(reason),
                            ..
                        } => serde_json::json!({
                            "position": position,
                            "quality": quality,
                            "kept_below_threshold": reason
                        }),
                        ValidFinger::Exception { position, reason } => {
                            serde_json::json!({ "position": position, "exception": reason })
                        }
                    })
                    .collect::<Vec<_>>(),
            )
            .to_string();
            t.push(recordings::insert(
                &db,
                &recordings::NewRecording {
                    reference_id: &reference_id,
                    application_id: &app.id,
                    idempotency_key: &key_hash,
                    recorded_by: &who.id,
                    district_code: &app.district_code,
                    face_r2_key: &face_key,
                    signature_r2_key: &signature_key,
                    fingers_json: &fingers_json,
                    recorded_at: &ctx.now,
                    request_hash: &request_hash,
                },
            )?);
            if let Some(key) = key {
                t.push(idempotency::begin_statement(&db, key, &ctx.now)?);
            }
            if let Err(e) = t.commit("application.record_biometrics", None).await {
                let _ = files::delete(&bucket, &face_key).await;
                let _ = files::delete(&bucket, &signature_key).await;
                return idempotency::replay_after_failure(&db, key, e).await;
            }
            (reference_id, true)
        }
    };

    // Send (again, if a previous attempt stopped half-way) and advance to SENT_FOR_ENROLLMENT.
    let mut t = Transition::load(ctx, mover, &[application_id]).await?;
    let code = t.application().registration_code.to_string();
    if t.application().stage != Stage::BioCaptured {
        // Handed over already (by an earlier attempt): answer where the application stands.
        return Answer::ok(&RecordingResponse {
            stage: t.application().stage,
            registration_code: code,
        });
    }
    // Not yet handed over: this request stored it, or an earlier one stopped before sending
    // (then this retry's templates are checked before they go out).
    if !validated {
        validate_recording(&sub).map_err(ApiError::Validation)?;
    }
    enqueue(ctx, &reference_id, &sub).await?;
    t.decide(|_| vec![Event::SendForEnrollment])?;
    let answer = Answer::ok(&RecordingResponse {
        stage: t.stage_after(),
        registration_code: code,
    })?;
    if let Some(key) = key {
        t.push(idempotency::answer_statement(&db, key, &answer, &ctx.now)?);
    }
    match t.commit("application.send_for_enrollment", None).await {
        // A concurrent retry may have advanced it first: that is the same outcome.
        Ok(()) | Err(ApiError::Code(ErrorCode::Conflict)) => Ok(answer),
        Err(e) => Err(e),
    }
}

/// The job carries the templates exactly as the tablet sent them (base64 wire form, checked by
/// `validate_recording`): no decode and re-encode on the way to the queue. It is kept in R2
/// first (a retry rewrites the same job), so it outlives a queue that loses it.
async fn enqueue(
    ctx: &RequestContext,
    reference_id: &str,
    sub: &BiometricSubmission,
) -> ApiResult<()> {
    let job = EnrollmentJob {
        job_id: reference_id.to_string(),
        reference_id: reference_id.to_string(),
        fingers: sub
            .fingers
            .iter()
            .filter_map(|f| match &f.capture {
                FingerResult::Template {
                    template_base64, ..
                } => Some(FingerTemplate {
                    position: f.position,
                    template: template_base64.clone(),
                }),
                FingerResult::Exception { .. } => None,
            })
            .collect(),
        purpose: JobPurpose::Search,
    };
    matching_jobs::put(&ctx.env.bucket(bindings::FILES)?, &job).await?;
    ctx.env
        .queue(bindings::ENROLLMENT)?
        .send(&job)
        .await
        .map_err(|e| ApiError::Internal(format!("enqueue {reference_id}: {e}")))
}
