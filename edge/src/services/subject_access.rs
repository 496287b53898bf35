//! The subject-access report (UU 27/2022): for one resident, by NIK, everything held about them
//! (applications with their form, stages and dates, documents listed, recordings' metadata,
//! certificates) and every audit row about their applications. Supervisors only; producing it
//! is audited under each application, in the same request before it is answered.

use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::audit_viewer::Person;
use crate::services::auth::Principal;
use crate::storage::{audit, subject_access as held};
use shared::api::{
    FieldError, FingerQuality, SubjectAccessReport, SubjectApplication, SubjectCertificate,
    SubjectDocument, SubjectRecording, SubjectStage,
};
use shared::validation::FieldCode;

pub const EXPORTED: &str = "subject_access.export";

pub async fn report(
    ctx: &RequestContext,
    who: &Principal,
    nik: &str,
) -> ApiResult<SubjectAccessReport> {
    let Some(Person::Nik(nik)) = Person::parse(nik) else {
        return Err(ApiError::Validation(vec![FieldError {
            field: "nik".into(),
            code: FieldCode::NikFormat,
        }]));
    };
    let db = ctx.env.d1(bindings::DB)?;
    let apps = held::applications(&db, Some(&nik), None).await?;
    let ids: Vec<&str> = apps.iter().map(|a| a.id.as_str()).collect();
    // Recorded first, so the report lists its own production among the accesses.
    let entry = audit::AuditEntry {
        at: &ctx.now,
        staff_id: Some(&who.id),
        role: who.role.as_str(),
        action: EXPORTED,
        application_id: None,
        client: &ctx.client_key,
        request_id: &ctx.request_id,
        detail_json: None,
    };
    let rows = match ids.is_empty() {
        true => vec![entry.row()],
        false => entry.for_each(&ids),
    };
    audit::record(&db, rows).await?;
    let events = held::events(&db, &ids).await?;
    let documents = held::documents(&db, &ids).await?;
    let recordings = held::recordings(&db, &ids).await?;
    let certificates = held::certificates(&db, &ids).await?;
    let accesses = audit::for_applications(&db, &ids).await?;
    let applications = apps
        .into_iter()
        .map(|a| {
            let id = a.id.as_str();
            SubjectApplication {
                registration_code: a.registration_code.to_string(),
                stage: a.stage,
                district_code: a.district_code.clone(),
                created_at: a.created_at.clone(),
                stages: events
                    .iter()
                    .filter(|e| e.application_id == id)
                    .map(|e| SubjectStage {
                        stage: e.stage,
                        actor: e.actor,
                        at: e.at.clone(),
                    })
                    .collect(),
                documents: documents
                    .iter()
                    .filter(|d| d.application_id == id)
                    .map(|d| SubjectDocument {
                        kind: d.kind,
                        content_type: d.content_type.clone(),
                        bytes: d.bytes,
                        sha256: d.sha256.clone(),
                    })
                    .collect(),
                recordings: recordings
                    .iter()
                    .filter(|r| r.application_id == id)
                    .map(|r| SubjectRecording {
                        reference_id: r.reference_id.clone(),
                        recorded_at: r.recorded_at.clone(),
                        recorded_by: r.recorded_by.clone(),
                        district_code: r.district_code.clone(),
                        fingers: r
                            .fingers
                            .iter()
                            .map(|f| FingerQuality {
                                position: f.position,
                                quality: f.quality,
                                exception: f.exception,
                            })
                            .collect(),
                        match_decision: r.decision.clone(),
                    })
                    .collect(),
                certificates: certificates
                    .iter()
                    .filter(|c| c.application_id == id)
                    .map(|c| SubjectCertificate {
                        number: c.number.clone(),
                        issued_on: c.issued_on.clone(),
                        expires_on: c.expires_on.clone(),
                        revoked_on: c.revoked_on.clone(),
                        ended_on: c.ended_on.clone(),
                    })
                    .collect(),
                form: a.form.into(),
            }
        })
        .collect();
    Ok(SubjectAccessReport {
        nik,
        generated_at: ctx.now.clone(),
        generated_by: who.username.clone(),
        applications,
        accesses,
    })
}
