//! The dinas console's audit section (supervisors): the chain check and the audit log viewer
//! (`/dinas/audit`), and the subject-access report (`/dinas/audit/akses-subjek`).

mod chain_panel;
mod log_page;
pub mod strings;
mod subject_access_page;

pub use chain_panel::ChainPanel;
pub use log_page::{AuditLogPage, AuditRows};
pub use subject_access_page::SubjectAccessPage;
