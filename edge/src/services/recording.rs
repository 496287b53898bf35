//! Accepting a biometric recording from a kecamatan tablet and handing it to the matching worker.
//!
//! Order matters for exactly-once: (1) one D1 batch stores the recording and moves the application
//! to BIO_CAPTURED; (2) the job goes to the queue; (3) the application moves to
//! SENT_FOR_ENROLLMENT. A retry with the same idempotency key (the tablet's outbox) finds the
//! recording and redoes only what is missing; the matcher is idempotent on the job id, so a job
//! sent twice is searched once.

use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::services::random;
use crate::services::timeline::parse_stage;
use crate::services::transitions;
use crate::storage::{applications, files, recordings};
use base64::Engine as _;
use sha2::{Digest, Sha256};
use shared::api::{BiometricSubmission, EnrollmentJob, FingerTemplate, RecordingResponse};
use shared::lifecycle::{Event, Stage};
use shared::validation::{validate_recording, ValidFinger};

pub async fn record(
    ctx: &RequestContext,
    who: &Principal,
    app: &applications::ApplicationRow,
    sub: BiometricSubmission,
) -> ApiResult<RecordingResponse> {
    let db = ctx.env.d1(bindings::DB)?;
    // Keys are per application, so one tablet's key can never touch another application.
    let key_hash = random::to_hex(&Sha256::digest(format!(
        "{}:{}",
        app.id, sub.idempotency_key
    )));
    let acting = who.acting();

    let (reference_id, fingers) = match recordings::find_by_idempotency_key(&db, &key_hash).await? {
        Some(existing) => (existing.reference_id, None),
        None => {
            let valid = validate_recording(&sub).map_err(ApiError::Validation)?;
            let from = parse_stage(&app.stage)?;
            let event = if from == Stage::EnrollFailure {
                Event::Rerecord
            } else {
                Event::RecordBiometrics
            };
            let stages = transitions::decide(from, acting.actor, &[event])?;

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

            // Per-finger summary for staff (quality or exception); the templates themselves go
            // to the matching worker only.
            let fingers_json = serde_json::Value::from(
                valid
                    .fingers
                    .iter()
                    .map(|f| match f {
                        ValidFinger::Template {
                            position, quality, ..
                        } => {
                            serde_json::json!({ "position": position, "quality": quality })
                        }
                        ValidFinger::Exception { position, reason } => {
                            serde_json::json!({ "position": position, "exception": reason })
                        }
                    })
                    .collect::<Vec<_>>(),
            )
            .to_string();
            let mut batch = transitions::statements(
                &db,
                ctx,
                &transitions::Change {
                    application_id: &app.id,
                    from,
                    stages: &stages,
                },
                &acting,
                "application.record_biometrics",
                None,
            )?;
            batch.push(recordings::insert(
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
                },
            )?);
            if let Err(e) = transitions::run(&db, batch).await {
                let _ = files::delete(&bucket, &face_key).await;
                let _ = files::delete(&bucket, &signature_key).await;
                return Err(e);
            }
            (reference_id, Some(valid.fingers))
        }
    };

    // Send (again, if a previous attempt stopped half-way) and advance to SENT_FOR_ENROLLMENT.
    let current = applications::get_row(&db, &app.id)
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    let mut stage = parse_stage(&current.stage)?;
    if stage == Stage::BioCaptured {
        // Not yet handed over: this request stored it, or an earlier one stopped before sending.
        let fingers = match fingers {
            Some(fingers) => fingers,
            None => {
                validate_recording(&sub)
                    .map_err(ApiError::Validation)?
                    .fingers
            }
        };
        enqueue(ctx, &reference_id, &fingers).await?;
        let stages = transitions::decide(stage, acting.actor, &[Event::SendForEnrollment])?;
        let batch = transitions::statements(
            &db,
            ctx,
            &transitions::Change {
                application_id: &app.id,
                from: stage,
                stages: &stages,
            },
            &acting,
            "application.send_for_enrollment",
            None,
        )?;
        match transitions::run(&db, batch).await {
            // A concurrent retry may have advanced it first: that is the same outcome.
            Ok(()) | Err(ApiError::Code(shared::api::ErrorCode::Conflict)) => {}
            Err(e) => return Err(e),
        }
        stage = stages[0];
    }
    let registration_code = crate::handlers::staff::display_code(&current.registration_code)?;
    Ok(RecordingResponse {
        stage,
        registration_code,
    })
}

async fn enqueue(
    ctx: &RequestContext,
    reference_id: &str,
    fingers: &[ValidFinger],
) -> ApiResult<()> {
    let b64 = base64::engine::general_purpose::STANDARD;
    let job = EnrollmentJob {
        job_id: reference_id.to_string(),
        reference_id: reference_id.to_string(),
        fingers: fingers
            .iter()
            .filter_map(|f| match f {
                ValidFinger::Template {
                    position, template, ..
                } => Some(FingerTemplate {
                    position: *position,
                    template: b64.encode(template),
                }),
                ValidFinger::Exception { .. } => None,
            })
            .collect(),
    };
    ctx.env
        .queue(bindings::ENROLLMENT)?
        .send(&job)
        .await
        .map_err(|e| ApiError::Internal(format!("enqueue {reference_id}: {e}")))
}
