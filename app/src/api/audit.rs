//! The dinas supervisors' accountability calls: the audit chain's check, the audit viewer and
//! the subject-access report. A person (NIK or code) goes in a POST body, never in a path.

use super::paths::dinas;
use super::{ApiError, StaffApi};
use shared::api::{AuditPage, AuditQuery, ChainReport, SubjectAccessReport, SubjectAccessRequest};

impl StaffApi {
    /// `GET /api/dinas/audit/chain`: the chain walked, with its first broken link if any.
    pub async fn audit_chain(self) -> Result<ChainReport, ApiError> {
        self.get(dinas::AUDIT_CHAIN).decode().await
    }

    /// `POST /api/dinas/audit/search`: one page of audit rows, newest first.
    pub async fn audit_search(self, query: &AuditQuery) -> Result<AuditPage, ApiError> {
        self.post(dinas::AUDIT_SEARCH).json(query)?.decode().await
    }

    /// `POST /api/dinas/subject-access`: everything held about one resident.
    pub async fn subject_access(self, nik: &str) -> Result<SubjectAccessReport, ApiError> {
        let body = SubjectAccessRequest {
            nik: nik.trim().to_string(),
        };
        self.post(dinas::SUBJECT_ACCESS).json(&body)?.decode().await
    }
}
