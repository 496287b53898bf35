//! Staff console contract: sign-in, the application queue, the detail view and the actions.

use crate::api::{ApplicationForm, AttachmentKind, FieldWarning, TimelineEntry};
use crate::auth::StaffRole;
use crate::lifecycle::{ReturnReason, StaffAction, Stage};
use serde::{Deserialize, Serialize};

/// `POST /api/auth/login` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
}

/// Who is signed in: `POST /api/auth/login` and `GET /api/auth/me` answer with this. The session
/// itself travels in an HttpOnly cookie that scripts cannot read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub username: String,
    pub display_name: String,
    pub role: StaffRole,
    /// Kecamatan operators only: the dotted code of their kecamatan, and its name.
    pub district_code: Option<String>,
    pub district_name: Option<String>,
    /// ISO timestamp when the session ends.
    pub expires_at: String,
    /// The password was set by an administrator: every other staff endpoint answers 403
    /// `password_change_required` until the person changes it (`POST /api/auth/password`).
    #[serde(default)]
    pub must_change_password: bool,
}

/// One row of the operator's queue (`POST /api/staff/applications/search`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationListItem {
    pub id: String,
    pub registration_code: String,
    pub full_name: String,
    pub application_type: String,
    pub stage: Stage,
    pub district_code: String,
    pub village_code: String,
    pub created_at: String,
    pub updated_at: String,
}

/// The queue's answer: one page, newest first (ties broken by id, so the order is stable while
/// applications arrive), and where the next page starts when there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationList {
    pub items: Vec<ApplicationListItem>,
    #[serde(default)]
    pub next: Option<QueueCursor>,
}

/// Where a queue page ends: the last row's creation time and id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueCursor {
    pub created_at: String,
    pub id: String,
}

/// `POST /api/staff/applications/search`: the queue's filters in the body, so that a name
/// searched for never lands in a URL (kept in logs, history and proxies).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueQuery {
    #[serde(default)]
    pub stage: Option<Stage>,
    /// A name or part of one, or a registration code.
    #[serde(default)]
    pub search: Option<String>,
    /// Dinas roles: one kecamatan (dotted code); a kecamatan operator always gets their own.
    #[serde(default)]
    pub district: Option<String>,
    /// The previous page's [`ApplicationList::next`].
    #[serde(default)]
    pub after: Option<QueueCursor>,
}

/// One stored document of an application (its bytes: `GET .../documents/{kind}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentInfo {
    pub kind: AttachmentKind,
    pub content_type: String,
    pub bytes: u64,
}

/// Everything staff need to serve one application (`GET /api/staff/applications/{id}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplicationDetail {
    pub id: String,
    pub registration_code: String,
    pub stage: Stage,
    pub form: ApplicationForm,
    pub warnings: Vec<FieldWarning>,
    pub required_documents: Vec<AttachmentKind>,
    pub documents: Vec<DocumentInfo>,
    pub timeline: Vec<TimelineEntry>,
    pub returned_reasons: Vec<ReturnReason>,
    /// ENROLL_FAILURE after adjudication: the dinas's decision and reason, so the kecamatan
    /// knows why the resident must record again. `None` otherwise.
    #[serde(default)]
    pub rerecord_reason: Option<RerecordReason>,
    /// What this staff member may do now (`lifecycle::allowed_actions`): the screen's buttons.
    pub allowed_actions: Vec<StaffAction>,
    pub created_at: String,
    pub updated_at: String,
}

/// Why the dinas sent a recording back (`Adjudication::Inconclusive` or
/// `Adjudication::OperatorFingerprints`), with the proposer's reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RerecordReason {
    pub decision: crate::lifecycle::Adjudication,
    pub reason: String,
}

/// `POST /api/staff/applications/{id}/return` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnRequest {
    pub reasons: Vec<ReturnReason>,
}

/// The answer to any action: where the application stands now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionResponse {
    pub stage: Stage,
    pub updated_at: String,
}

/// The registration receipt ("tanda bukti pendaftaran") given after recording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptView {
    pub registration_code: String,
    pub status_path: String,
    pub full_name: String,
    pub district_code: String,
    pub district_name: String,
    pub recorded_at: String,
    pub recorded_by: String,
}
