//! Certificates that end by themselves: an application entering a final stage (cancelled, or
//! the card handed over) ends its Surat Keterangan in the same batch as the move, so the next
//! revocation list carries it. Used by the transition path; apart from the certificate service
//! so that the path depends on this rule only, not on issuing and revoking.

use crate::http::ApiResult;
use crate::storage::certificates;
use shared::api::CertificateEnd;
use shared::domain::Date;
use shared::lifecycle::Stage;
use worker::D1Database;

/// The certificate to end when an application enters `stage`: its life is over (cancelled) or
/// the card supersedes it (handed over).
pub const fn end_on_entering(stage: Stage) -> Option<CertificateEnd> {
    match stage {
        Stage::Cancelled => Some(CertificateEnd::ApplicationCancelled),
        Stage::CardIssued => Some(CertificateEnd::CardIssued),
        _ => None,
    }
}

/// The statements ending the certificates of applications that entered a final stage (none
/// when no application in the move did).
pub fn end_statements(
    db: &D1Database,
    entered: &[(&str, Stage)],
    today: Date,
) -> ApiResult<Vec<worker::D1PreparedStatement>> {
    let mut statements = Vec::new();
    for end in [
        CertificateEnd::ApplicationCancelled,
        CertificateEnd::CardIssued,
    ] {
        let ids: Vec<&str> = entered
            .iter()
            .filter(|(_, stage)| end_on_entering(*stage) == Some(end))
            .map(|(id, _)| *id)
            .collect();
        if !ids.is_empty() {
            statements.push(certificates::end_for_applications(db, &ids, end, today)?);
        }
    }
    Ok(statements)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn final_stages_end_the_certificate_and_no_other_does() {
        assert_eq!(
            end_on_entering(Stage::Cancelled),
            Some(CertificateEnd::ApplicationCancelled)
        );
        assert_eq!(
            end_on_entering(Stage::CardIssued),
            Some(CertificateEnd::CardIssued)
        );
        for stage in [
            Stage::PrintReadyRecord,
            Stage::DuplicateRecord,
            Stage::CardShipped,
            Stage::BioCaptured,
        ] {
            assert_eq!(end_on_entering(stage), None, "{stage:?}");
        }
    }
}
