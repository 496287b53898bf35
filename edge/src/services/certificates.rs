//! The Surat Keterangan: issue (dinas operator), reprint, revoke (dinas supervisor), the public
//! revocation list and key ring, and the status page's line. Issuing and revoking are side
//! events of the life cycle (`IssueCertificate`, `RevokeCertificate`): they go through the one
//! transition path, so the timeline event, the audit entry, the certificate row and the
//! idempotent answer are one guarded batch.

use super::certificate_document::{self, DocumentParts};
use super::certificate_keys::{self, SigningKey, PUBLIC_KEYS_VAR, SIGNING_KEY_VAR};
use super::idempotency::{self, Answer, IdempotencyKey, Prior};
use super::transition::{Mover, Transition};
use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::storage::applications::{self, StoredApplication};
use crate::storage::certificates::{self, CertificateRow, NewCertificate};
use crate::storage::{audit, documents, staff};
use shared::api::{
    AttachmentKind, CertificateDocument, CertificateStanding, ErrorCode, RevokeCertificateResponse,
    StatusCertificate,
};
use shared::auth::StaffRole;
use shared::domain::{Date, RegionCode};
use shared::lifecycle::{
    issue_certificate, revoke_certificate, Certificate, CertificateRefusal, Event, Refusal, Stage,
};
use shared::signed::{
    sign_certificate, sign_revocation_list, Issuer, KeyRing, KeyRole, RevocationList,
};
use worker::D1Database;

/// The issuer's regency (dotted code) and office number: `[vars]` in `wrangler.toml`.
const ISSUER_REGENCY_VAR: &str = "CERT_ISSUER_REGENCY";
const ISSUER_OFFICE_VAR: &str = "CERT_ISSUER_OFFICE";

/// Only the dinas handles certificates: a kecamatan operator or administrator is refused on
/// every certificate route before anything is read.
pub fn dinas_staff(who: Principal) -> ApiResult<Principal> {
    match who.role {
        StaffRole::DinasOperator | StaffRole::DinasSupervisor => Ok(who),
        StaffRole::KecamatanOperator | StaffRole::Administrator => {
            Err(ApiError::Code(ErrorCode::Forbidden))
        }
    }
}

/// Issues a certificate for application `id`, or replays the first answer under `key`.
pub async fn issue(
    ctx: &RequestContext,
    who: &Principal,
    id: &str,
    key: Option<&IdempotencyKey>,
) -> ApiResult<Answer> {
    let mut t = Transition::load(ctx, Mover::Staff(who), &[id]).await?;
    if let Prior::Answered(answer) = idempotency::prior(t.db(), key).await? {
        return Ok(answer);
    }
    let db = ctx.env.d1(bindings::DB)?;
    let stage = t.application().stage;
    let current = certificates::latest_for_application(&db, id).await?;
    let recorded = current.as_ref().map(recorded);
    let issued = issue_certificate(stage, who.role.actor(), recorded.as_ref(), ctx.today)
        .map_err(refusal)?;
    t.decide(|_| vec![Event::IssueCertificate])?;

    let signing = signing_key(ctx)?;
    let issuer = issuer(ctx)?;
    let app = applications::get(&db, id)
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    let serial = certificates::take_serial(&db, issuer).await?;
    let claims = certificate_document::claims(
        &app.form,
        issuer,
        serial,
        issued.issued_on(),
        issued.expires_on(),
    )?;
    let qr_text = sign_certificate(&signing.signer, &claims)
        .map_err(|e| ApiError::Internal(format!("sign certificate: {e}")))?;
    let number = claims.number();
    let key_id = signing.signer.key_id().to_string();
    let row = CertificateRow {
        number: number.clone(),
        serial,
        application_id: app.id.clone(),
        issued_on: issued.issued_on(),
        expires_on: issued.expires_on(),
        key_id: key_id.clone(),
        qr_text: qr_text.clone(),
        issued_by: who.id.clone(),
        revoked_on: None,
        revoke_reason: None,
        ended_on: None,
        ended_reason: None,
    };
    let doc = document(ctx, &db, &app, &row, issuer, Some(signing.role)).await?;
    let answer = Answer::ok(&doc)?;

    t.push(certificates::guard_none_valid(&db, id, ctx.today)?);
    t.push(certificates::insert(
        &db,
        &NewCertificate {
            number: &number,
            issuer,
            serial,
            application_id: id,
            issued_on: issued.issued_on(),
            expires_on: issued.expires_on(),
            key_id: &key_id,
            qr_text: &qr_text,
            issued_by: &who.id,
            now: &ctx.now,
        },
    )?);
    if let Some(key) = key {
        t.push(idempotency::answer_statement(&db, key, &answer, &ctx.now)?);
    }
    let detail = serde_json::json!({ "number": number, "key_id": key_id }).to_string();
    match t.commit("certificate.issue", Some(&detail)).await {
        Ok(()) => Ok(answer),
        // The guard tripped on a certificate another request stored first.
        Err(e) => idempotency::replay_after_failure(&db, key, e).await,
    }
}

/// The application's latest certificate, for reprinting. An audited read of personal data.
pub async fn current(
    ctx: &RequestContext,
    who: &Principal,
    id: &str,
) -> ApiResult<CertificateDocument> {
    let db = ctx.env.d1(bindings::DB)?;
    let app = applications::get(&db, id)
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    if !who.may_access_district(&app.district_code) {
        return Err(ApiError::NOT_FOUND);
    }
    let row = certificates::latest_for_application(&db, id)
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    let entry = audit::AuditEntry {
        at: &ctx.now,
        staff_id: Some(&who.id),
        role: who.role.as_str(),
        action: "certificate.read",
        application_id: Some(&app.id),
        client: &ctx.client_key,
        request_id: &ctx.request_id,
        detail_json: Some(&serde_json::json!({ "number": row.number }).to_string()),
    };
    audit::record(&db, vec![entry.row()]).await?;
    let ring = public_ring(ctx)?;
    let role = key_role(&ring, &row.key_id);
    document(ctx, &db, &app, &row, issuer(ctx)?, role).await
}

/// Revokes certificate `number` (a supervisor, with a reason), or replays the first answer.
pub async fn revoke(
    ctx: &RequestContext,
    who: &Principal,
    number: &str,
    reason: &str,
    key: Option<&IdempotencyKey>,
) -> ApiResult<Answer> {
    let db = ctx.env.d1(bindings::DB)?;
    let row = certificates::by_number(&db, number)
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    let mut t = Transition::load(ctx, Mover::Staff(who), &[&row.application_id]).await?;
    if let Prior::Answered(answer) = idempotency::prior(&db, key).await? {
        return Ok(answer);
    }
    let stage = t.application().stage;
    if row.ended_on.is_some() {
        return Err(ApiError::Code(ErrorCode::CertificateNotValid));
    }
    let revoked =
        revoke_certificate(stage, who.role.actor(), &recorded(&row), ctx.today).map_err(refusal)?;
    t.decide(|_| vec![Event::RevokeCertificate])?;
    let revoked_on = revoked.revoked_on().unwrap_or(ctx.today);
    let answer = Answer::ok(&RevokeCertificateResponse {
        number: row.number.clone(),
        revoked_on: revoked_on.to_string(),
    })?;
    t.push(certificates::guard_still_open(&db, &row.number)?);
    t.push(certificates::revoke(
        &db,
        &row.number,
        &who.id,
        reason,
        revoked_on,
    )?);
    if let Some(key) = key {
        t.push(idempotency::answer_statement(&db, key, &answer, &ctx.now)?);
    }
    let detail = serde_json::json!({ "number": row.number, "reason": reason }).to_string();
    match t.commit("certificate.revoke", Some(&detail)).await {
        Ok(()) => Ok(answer),
        Err(e) => idempotency::replay_after_failure(&db, key, e).await,
    }
}

/// Today's signed revocation list as base45 text: every serial given out is covered, revoked
/// and ended ones are set. No personal data.
pub async fn revocation_list(ctx: &RequestContext) -> ApiResult<String> {
    let signing = signing_key(ctx)?;
    let issuer = issuer(ctx)?;
    let db = ctx.env.d1(bindings::DB)?;
    let serials = certificates::issuer_serials(&db, issuer).await?;
    let list = RevocationList::new(
        issuer,
        ctx.today,
        serials.last.saturating_add(1),
        serials.withdrawn,
    )
    .map_err(|e| ApiError::Internal(format!("serial {} beyond the counter", e.0)))?;
    Ok(sign_revocation_list(&signing.signer, &list))
}

/// The public key ring's text form (`signed::KeyRing::parse` reads it).
pub fn key_ring_text(ctx: &RequestContext) -> ApiResult<String> {
    Ok(public_ring(ctx)?.to_text())
}

/// The status page's line about the application's latest certificate.
pub async fn status_line(
    db: &D1Database,
    application_id: &str,
    stage: Stage,
    today: Date,
) -> ApiResult<Option<StatusCertificate>> {
    let Some(row) = certificates::latest_for_application(db, application_id).await? else {
        return Ok(None);
    };
    Ok(Some(StatusCertificate {
        issued_on: row.issued_on.to_string(),
        expires_on: row.expires_on.to_string(),
        valid_through: certificate_document::last_valid_day(row.expires_on).to_string(),
        valid: certificate_document::standing(&row, stage, today) == CertificateStanding::Valid,
    }))
}

fn recorded(row: &CertificateRow) -> Certificate {
    Certificate::recorded(row.issued_on, row.expires_on, row.revoked_on)
}

/// The shared rules' refusal as the API's error: a role the rules never allow is forbidden,
/// a stage that does not allow it is a refused transition, the one-at-a-time rule its own code.
fn refusal(r: CertificateRefusal) -> ApiError {
    ApiError::Code(match r {
        CertificateRefusal::Lifecycle(Refusal::ActorNotPermitted { .. }) => ErrorCode::Forbidden,
        CertificateRefusal::Lifecycle(_) => ErrorCode::TransitionRefused,
        CertificateRefusal::AlreadyValid { .. } => ErrorCode::CertificateAlreadyValid,
        CertificateRefusal::NotValid => ErrorCode::CertificateNotValid,
    })
}

async fn document(
    ctx: &RequestContext,
    db: &D1Database,
    app: &StoredApplication,
    row: &CertificateRow,
    issuer: Issuer,
    key_role: Option<KeyRole>,
) -> ApiResult<CertificateDocument> {
    let issued_by = staff::display_name(db, &row.issued_by)
        .await?
        .unwrap_or_default();
    let has_photo = documents::list(db, &app.id)
        .await?
        .iter()
        .any(|d| d.kind == AttachmentKind::Photo3x4);
    let photo_path = has_photo.then(|| {
        format!(
            "/api/staff/applications/{}/documents/{}",
            app.id,
            AttachmentKind::Photo3x4.as_str()
        )
    });
    Ok(certificate_document::document(DocumentParts {
        app,
        row,
        issuer,
        // A key the ring no longer holds is not trusted as genuine either.
        test_key: key_role != Some(KeyRole::Production),
        issued_by,
        photo_path,
        today: ctx.today,
    }))
}

fn key_role(ring: &KeyRing, key_id: &str) -> Option<KeyRole> {
    let id = u16::from_str_radix(key_id, 16).ok()?;
    ring.find(shared::signed::KeyId(id)).map(|k| k.role)
}

fn var(ctx: &RequestContext, name: &str) -> Option<String> {
    ctx.env.var(name).ok().map(|v| v.to_string())
}

/// The configured signing key: the Surat Keterangan's, the card chip data's and the audit
/// checkpoints'.
pub(crate) fn signing_key(ctx: &RequestContext) -> ApiResult<SigningKey> {
    let text = var(ctx, SIGNING_KEY_VAR)
        .ok_or_else(|| ApiError::Internal(format!("{SIGNING_KEY_VAR} is not set")))?;
    certificate_keys::parse_signing_key(&text).map_err(|e| ApiError::Internal(e.to_string()))
}

pub(crate) fn public_ring(ctx: &RequestContext) -> ApiResult<KeyRing> {
    // Without a signing key the ring is still served: verifiers keep the older keys.
    let signing = var(ctx, SIGNING_KEY_VAR)
        .map(|t| certificate_keys::parse_signing_key(&t))
        .transpose()
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    certificate_keys::public_ring(var(ctx, PUBLIC_KEYS_VAR).as_deref(), signing.as_ref())
        .map_err(|e| ApiError::Internal(e.to_string()))
}

fn issuer(ctx: &RequestContext) -> ApiResult<Issuer> {
    let regency = var(ctx, ISSUER_REGENCY_VAR)
        .and_then(|r| RegionCode::parse(&r).ok())
        .ok_or_else(|| ApiError::Internal(format!("{ISSUER_REGENCY_VAR} is not a region code")))?;
    let office = var(ctx, ISSUER_OFFICE_VAR)
        .and_then(|o| o.parse::<u8>().ok())
        .ok_or_else(|| ApiError::Internal(format!("{ISSUER_OFFICE_VAR} is not 0..=255")))?;
    Issuer::new(regency, office)
        .ok_or_else(|| ApiError::Internal(format!("{ISSUER_REGENCY_VAR} is not a regency")))
}
