//! The staff API (`/api/auth/*`, `/api/staff/*`) as one typed client: a method per endpoint,
//! with the contract's request and answer types. A 401 also tells the console's shell (the hook
//! of `set_on_unauthenticated`), which sends the operator to sign in again while drafts and the
//! outbox stay on the device. Every write carries its idempotency key.

mod distribution;

use super::paths::dinas::{self, Review};
use super::paths::staff::{self as path, Write};
use super::request::{Call, On401};
use super::{ApiError, IdempotencyKey, ViewRequests};
use crate::i18n::use_lang;
use leptos::prelude::*;
use shared::api::{
    ActionResponse, ApplicationDetail, ApplicationList, AttachmentKind, BiometricSubmission,
    CaseActionResponse, CaseList, CaseView, CertificateDocument, ClarificationRequest, FlagList,
    LoginRequest, OverlayView, ProposalRequest, QueueQuery, ReceiptView, RecordingResponse,
    ReturnRequest, ReviewRequest, RevokeCertificateRequest, RevokeCertificateResponse, SessionInfo,
};
use shared::i18n::Lang;
use shared::lifecycle::ReturnReason;

/// The staff client of one view (or of the outbox). Cheap to copy into handlers.
#[derive(Clone, Copy)]
pub struct StaffApi {
    requests: ViewRequests,
    /// The UI language, sent as `Accept-Language`; `None`: Indonesian.
    lang: Option<RwSignal<Lang>>,
}

impl StaffApi {
    /// The client of the view being built: its requests are aborted when the view goes away.
    pub fn for_view() -> StaffApi {
        StaffApi {
            requests: ViewRequests::new(),
            lang: Some(use_lang()),
        }
    }

    /// A client no view waits for (the outbox): never aborted. Server texts are not shown (the
    /// UI renders error codes), so its language is immaterial.
    pub const fn detached() -> StaffApi {
        StaffApi {
            requests: ViewRequests::detached(),
            lang: None,
        }
    }

    fn lang(self) -> Lang {
        self.lang
            .and_then(|l| l.try_get_untracked())
            .unwrap_or(Lang::Id)
    }

    pub(super) fn get(self, path: &str) -> Call<'_> {
        Call::get(path, self.lang(), self.requests)
    }

    pub(super) fn post(self, path: &str) -> Call<'_> {
        Call::post(path, self.lang(), self.requests)
    }

    /// `POST /api/auth/login`. 401 `invalid_credentials` and 423 `account_locked` come back as
    /// errors (for the form to say, not the shell).
    pub async fn login(self, username: &str, password: &str) -> Result<SessionInfo, ApiError> {
        let body = LoginRequest {
            username: username.to_string(),
            password: password.to_string(),
        };
        self.post(path::LOGIN)
            .json(&body)?
            .on_401(On401::Caller)
            .decode()
            .await
    }

    /// `POST /api/auth/logout`.
    pub async fn logout(self) -> Result<(), ApiError> {
        self.post(path::LOGOUT).on_401(On401::Caller).done().await
    }

    /// `GET /api/auth/me`: who the cookie belongs to, or 401.
    pub async fn me(self) -> Result<SessionInfo, ApiError> {
        self.get(path::ME).on_401(On401::Caller).decode().await
    }

    /// `POST /api/staff/applications/search`: a page of the queue, by stage and a name or code.
    pub async fn search(self, query: &QueueQuery) -> Result<ApplicationList, ApiError> {
        self.post(path::SEARCH).json(query)?.decode().await
    }

    /// `GET /api/staff/applications/{id}`.
    pub async fn detail(self, id: &str) -> Result<ApplicationDetail, ApiError> {
        self.get(&path::application(id)).decode().await
    }

    /// `GET /api/staff/applications/by-code/{code}`: a typed or scanned registration code.
    pub async fn by_code(self, code: &str) -> Result<ApplicationDetail, ApiError> {
        self.get(&path::by_code(code)).decode().await
    }

    /// `GET /api/staff/applications/{id}/receipt` (404 until the recording is stored).
    pub async fn receipt(self, id: &str) -> Result<ReceiptView, ApiError> {
        self.get(&path::receipt(id)).decode().await
    }

    /// `GET /api/staff/applications/{id}/documents/{kind}` as a blob URL (revoke it when done).
    /// Fetched with the session cookie; a plain `<img src>` to the API would work too, but a blob
    /// URL also serves PDFs in a new tab and keeps the document out of the HTTP cache.
    pub async fn document_url(self, id: &str, kind: AttachmentKind) -> Result<String, ApiError> {
        let blob = self.get(&path::document(id, kind)).blob().await?;
        web_sys::Url::create_object_url_with_blob(&blob)
            .map_err(|_| ApiError::Unexpected { status: 200 })
    }

    /// `POST /api/staff/applications/{id}/verify`: the documents are in order.
    pub async fn verify(self, id: &str, key: &IdempotencyKey) -> Result<ActionResponse, ApiError> {
        self.post(&path::write(id, Write::Verify))
            .json(&serde_json::json!({}))?
            .idempotent(key)
            .decode()
            .await
    }

    /// `POST /api/staff/applications/{id}/return`: back to the resident, with the reasons.
    pub async fn return_for_correction(
        self,
        id: &str,
        reasons: &[ReturnReason],
        key: &IdempotencyKey,
    ) -> Result<ActionResponse, ApiError> {
        let body = ReturnRequest {
            reasons: reasons.to_vec(),
        };
        self.post(&path::write(id, Write::Return))
            .json(&body)?
            .idempotent(key)
            .decode()
            .await
    }

    /// `POST /api/staff/applications/{id}/biometrics`: templates, face and signature (never a
    /// fingerprint image).
    pub async fn record_biometrics(
        self,
        id: &str,
        submission: &BiometricSubmission,
        key: &IdempotencyKey,
    ) -> Result<RecordingResponse, ApiError> {
        self.post(&path::write(id, Write::Biometrics))
            .json(submission)?
            .idempotent(key)
            .decode()
            .await
    }

    /// `GET /api/dinas/cases`: the open adjudication cases, oldest first.
    pub async fn cases(self) -> Result<CaseList, ApiError> {
        self.get(dinas::CASES).decode().await
    }

    /// `GET /api/dinas/cases/{id}`: opens a case, claiming it (409 `case_held` while another's
    /// claim is live).
    pub async fn open_case(self, case_id: &str) -> Result<CaseView, ApiError> {
        self.get(&dinas::case(case_id)).decode().await
    }

    /// `GET /api/dinas/cases/{id}/overlay`: the minutiae of one finger pair, aligned.
    pub async fn overlay(
        self,
        case_id: &str,
        application: &str,
        candidate: &str,
        finger: u8,
    ) -> Result<OverlayView, ApiError> {
        self.get(&dinas::overlay(case_id, application, candidate, finger))
            .decode()
            .await
    }

    /// `POST /api/dinas/cases/{id}/release`: gives the claim up.
    pub async fn release_case(self, case_id: &str, key: &IdempotencyKey) -> Result<(), ApiError> {
        self.post(&dinas::release(case_id))
            .json(&serde_json::json!({}))?
            .idempotent(key)
            .done()
            .await
    }

    /// `POST /api/dinas/cases/{id}/proposals`.
    pub async fn propose(
        self,
        case_id: &str,
        proposal: &ProposalRequest,
        key: &IdempotencyKey,
    ) -> Result<CaseActionResponse, ApiError> {
        self.post(&dinas::proposals(case_id))
            .json(proposal)?
            .idempotent(key)
            .decode()
            .await
    }

    /// `POST .../proposals/{p}/approve` or `.../send-back`: a supervisor's review.
    pub async fn review(
        self,
        case_id: &str,
        proposal_id: &str,
        review: Review,
        reason: &str,
        key: &IdempotencyKey,
    ) -> Result<CaseActionResponse, ApiError> {
        let body = ReviewRequest {
            reason: reason.to_string(),
        };
        self.post(&dinas::review(case_id, proposal_id, review))
            .json(&body)?
            .idempotent(key)
            .decode()
            .await
    }

    /// `POST /api/dinas/cases/{id}/clarifications`: the resident's visit and its outcome.
    pub async fn clarify(
        self,
        case_id: &str,
        clarification: &ClarificationRequest,
        key: &IdempotencyKey,
    ) -> Result<CaseActionResponse, ApiError> {
        self.post(&dinas::clarifications(case_id))
            .json(clarification)?
            .idempotent(key)
            .decode()
            .await
    }

    /// `GET /api/dinas/flags` (supervisors): the flags raised for them, newest first.
    pub async fn flags(self) -> Result<FlagList, ApiError> {
        self.get(dinas::FLAGS).decode().await
    }

    /// `POST /api/dinas/applications/{id}/certificate`: issues a Surat Keterangan.
    pub async fn issue_certificate(
        self,
        application_id: &str,
        key: &IdempotencyKey,
    ) -> Result<CertificateDocument, ApiError> {
        self.post(&dinas::certificate(application_id))
            .json(&serde_json::json!({}))?
            .idempotent(key)
            .decode()
            .await
    }

    /// `GET /api/dinas/applications/{id}/certificate`: the latest one, to reprint (404: none).
    pub async fn certificate(self, application_id: &str) -> Result<CertificateDocument, ApiError> {
        self.get(&dinas::certificate(application_id)).decode().await
    }

    /// `POST /api/dinas/certificates/{number}/revoke` (dinas supervisor).
    pub async fn revoke_certificate(
        self,
        number: &str,
        reason: &str,
        key: &IdempotencyKey,
    ) -> Result<RevokeCertificateResponse, ApiError> {
        let body = RevokeCertificateRequest {
            reason: reason.to_string(),
        };
        self.post(&dinas::revoke(number))
            .json(&body)?
            .idempotent(key)
            .decode()
            .await
    }

    /// A staff-only image (`photo_path`, `face_path` of the dinas answers) as a blob URL
    /// (revoke it when done), fetched with the session cookie.
    pub async fn image_url(self, path: &str) -> Result<String, ApiError> {
        let blob = self.get(path).blob().await?;
        web_sys::Url::create_object_url_with_blob(&blob)
            .map_err(|_| ApiError::Unexpected { status: 200 })
    }
}
