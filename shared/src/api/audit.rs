//! The accountability contract for dinas supervisors: the audit chain's check, the audit viewer's
//! query and page, and the subject-access report (everything held about one resident).
//!
//! A person (NIK or registration code) is always sent in a POST body, never in a URL.

use super::adjudication::FingerQuality;
use super::attachment::AttachmentKind;
use super::form::ApplicationForm;
use crate::audit::LinkFault;
use crate::lifecycle::{Actor, Stage};
use serde::{Deserialize, Serialize};

/// The first row whose link does not hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BrokenLink {
    pub id: i64,
    pub fault: LinkFault,
}

/// `GET /api/dinas/audit/chain`: the whole chain walked from its first row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainReport {
    /// Rows walked (up to the first broken link).
    pub rows: u64,
    /// Rows linked; the rest were written and are not linked yet.
    pub linked: u64,
    pub pending: u64,
    /// The last linked row and its hash.
    pub head_id: Option<i64>,
    pub head_hash: Option<String>,
    /// Signed checkpoints found in R2 and checked against the chain.
    pub checkpoints: u64,
    pub last_checkpoint_id: Option<i64>,
    pub first_broken: Option<BrokenLink>,
}

/// `POST /api/dinas/audit/search`. Every filter is optional; dates are WIB days, inclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditQuery {
    /// A resident's NIK (16 digits) or registration code: their applications' rows.
    #[serde(default)]
    pub person: Option<String>,
    /// A staff member's user name.
    #[serde(default)]
    pub staff: Option<String>,
    /// An action name exactly (`application.read`, `request.refused`...).
    #[serde(default)]
    pub action: Option<String>,
    /// A kecamatan (dotted code): rows about its applications.
    #[serde(default)]
    pub district_code: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    /// Paging: rows with a smaller id than this (the previous page's `next_before_id`).
    #[serde(default)]
    pub before_id: Option<i64>,
}

/// One audit row as the viewer shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRowView {
    pub id: i64,
    /// ISO UTC.
    pub at: String,
    pub staff_username: Option<String>,
    pub staff_name: Option<String>,
    pub role: String,
    pub action: String,
    pub registration_code: Option<String>,
    pub district_code: Option<String>,
    pub client: String,
    pub request_id: String,
    pub detail_json: Option<String>,
}

/// A page of rows, newest first (by id: a stable order even for rows of the same instant).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub rows: Vec<AuditRowView>,
    /// Set when there may be older rows: send it as `before_id` for the next page.
    pub next_before_id: Option<i64>,
}

/// Rows per page of the viewer.
pub const AUDIT_PAGE_ROWS: usize = 50;

/// `POST /api/dinas/subject-access`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubjectAccessRequest {
    pub nik: String,
}

/// One stage an application entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubjectStage {
    pub stage: Stage,
    pub actor: Actor,
    pub at: String,
}

/// A document held (its file stays in storage; the report lists it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubjectDocument {
    pub kind: AttachmentKind,
    pub content_type: String,
    pub bytes: u64,
    pub sha256: String,
}

/// A biometric recording's metadata. Templates are never part of it (the gallery holds them
/// under the reference id alone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubjectRecording {
    pub reference_id: String,
    pub recorded_at: String,
    pub recorded_by: String,
    pub district_code: String,
    pub fingers: Vec<FingerQuality>,
    /// The 1:N outcome, when decided.
    pub match_decision: Option<String>,
}

/// A Surat Keterangan issued on the application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubjectCertificate {
    pub number: String,
    pub issued_on: String,
    pub expires_on: String,
    pub revoked_on: Option<String>,
    pub ended_on: Option<String>,
}

/// One application with everything attached to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubjectApplication {
    pub registration_code: String,
    pub stage: Stage,
    pub district_code: String,
    pub created_at: String,
    pub form: ApplicationForm,
    pub stages: Vec<SubjectStage>,
    pub documents: Vec<SubjectDocument>,
    pub recordings: Vec<SubjectRecording>,
    pub certificates: Vec<SubjectCertificate>,
}

/// Everything held about one resident, and every staff access to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubjectAccessReport {
    pub nik: String,
    /// ISO UTC.
    pub generated_at: String,
    pub generated_by: String,
    pub applications: Vec<SubjectApplication>,
    /// Audit rows about any of the applications, oldest first.
    pub accesses: Vec<AuditRowView>,
}
