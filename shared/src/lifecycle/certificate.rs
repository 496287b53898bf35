//! The Surat Keterangan: a temporary certificate beside the main life cycle.

use super::actor::Actor;
use super::event::Event;
use super::stage::Stage;
use super::transition::{transition, Refusal};
use crate::domain::Date;
use std::fmt;

/// How long a Surat Keterangan is valid.
pub const CERTIFICATE_VALIDITY_MONTHS: u32 = 6;

/// A temporary certificate ("has recorded KTP-el") issued while the card is pending.
///
/// Valid from `issued_on` up to but excluding `expires_on` (six calendar months later), unless
/// revoked, and only while the application has not reached a terminal stage: the card itself
/// (or the cancellation) supersedes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Certificate {
    issued_on: Date,
    expires_on: Date,
    revoked_on: Option<Date>,
}

/// A certificate's standing on a given day; what the QR verification page shows (with issuer
/// and expiry, never identity).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertificateStatus {
    Valid {
        expires_on: Date,
    },
    Expired {
        expired_on: Date,
    },
    Revoked {
        revoked_on: Date,
    },
    /// The card was issued or the application cancelled.
    Superseded,
}

/// Why a certificate step is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertificateRefusal {
    /// The life cycle refuses the event in this stage or for this actor.
    Lifecycle(Refusal),
    /// A certificate valid today already exists: one at a time.
    AlreadyValid { expires_on: Date },
    /// There is nothing valid to revoke.
    NotValid,
}

impl fmt::Display for CertificateRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CertificateRefusal::Lifecycle(r) => r.fmt(f),
            CertificateRefusal::AlreadyValid { expires_on } => {
                write!(f, "a certificate is already valid until {expires_on}")
            }
            CertificateRefusal::NotValid => f.write_str("no valid certificate to revoke"),
        }
    }
}

impl std::error::Error for CertificateRefusal {}

impl Certificate {
    /// A certificate as stored (issued earlier by [`issue_certificate`]), so the next step on it
    /// is decided by the same rules.
    pub const fn recorded(issued_on: Date, expires_on: Date, revoked_on: Option<Date>) -> Self {
        Certificate {
            issued_on,
            expires_on,
            revoked_on,
        }
    }

    pub const fn issued_on(&self) -> Date {
        self.issued_on
    }

    pub const fn expires_on(&self) -> Date {
        self.expires_on
    }

    pub const fn revoked_on(&self) -> Option<Date> {
        self.revoked_on
    }

    /// Standing on `today` for an application in `stage`.
    pub fn status(&self, stage: Stage, today: Date) -> CertificateStatus {
        if let Some(revoked_on) = self.revoked_on {
            CertificateStatus::Revoked { revoked_on }
        } else if stage.is_terminal() {
            CertificateStatus::Superseded
        } else if today >= self.expires_on {
            CertificateStatus::Expired {
                expired_on: self.expires_on,
            }
        } else {
            CertificateStatus::Valid {
                expires_on: self.expires_on,
            }
        }
    }

    fn is_valid(&self, stage: Stage, today: Date) -> bool {
        matches!(self.status(stage, today), CertificateStatus::Valid { .. })
    }
}

/// Issues a certificate on `today`, if the life cycle allows `IssueCertificate` for `actor` in
/// `stage` and no certificate (`current`, the latest one) is valid today. A new one may replace
/// an expired or revoked one.
pub fn issue_certificate(
    stage: Stage,
    actor: Actor,
    current: Option<&Certificate>,
    today: Date,
) -> Result<Certificate, CertificateRefusal> {
    transition(stage, actor, Event::IssueCertificate).map_err(CertificateRefusal::Lifecycle)?;
    if let Some(c) = current.filter(|c| c.is_valid(stage, today)) {
        return Err(CertificateRefusal::AlreadyValid {
            expires_on: c.expires_on,
        });
    }
    // `Date` tops out at 9999; a certificate issued in December 9999 simply ends on the last day.
    let expires_on = today
        .add_months(CERTIFICATE_VALIDITY_MONTHS)
        .unwrap_or(today);
    Ok(Certificate {
        issued_on: today,
        expires_on,
        revoked_on: None,
    })
}

/// Revokes a valid certificate on `today`, if the life cycle allows `RevokeCertificate`.
pub fn revoke_certificate(
    stage: Stage,
    actor: Actor,
    certificate: &Certificate,
    today: Date,
) -> Result<Certificate, CertificateRefusal> {
    transition(stage, actor, Event::RevokeCertificate).map_err(CertificateRefusal::Lifecycle)?;
    if !certificate.is_valid(stage, today) {
        return Err(CertificateRefusal::NotValid);
    }
    Ok(Certificate {
        revoked_on: Some(today),
        ..*certificate
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: u16, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn issued_certificate_is_valid_for_six_months() {
        let c = issue_certificate(
            Stage::PrintReadyRecord,
            Actor::DinasOperator,
            None,
            d(2026, 3, 10),
        )
        .unwrap();
        assert_eq!(c.expires_on(), d(2026, 9, 10));
        assert_eq!(
            c.status(Stage::PrintReadyRecord, d(2026, 9, 9)),
            CertificateStatus::Valid {
                expires_on: d(2026, 9, 10)
            }
        );
        assert_eq!(
            c.status(Stage::PrintReadyRecord, d(2026, 9, 10)),
            CertificateStatus::Expired {
                expired_on: d(2026, 9, 10)
            }
        );
    }

    #[test]
    fn only_recorded_residents_get_one_and_only_from_the_dinas() {
        let today = d(2026, 3, 10);
        for stage in [Stage::PreFilled, Stage::DocumentsVerified, Stage::Returned] {
            assert!(matches!(
                issue_certificate(stage, Actor::DinasOperator, None, today),
                Err(CertificateRefusal::Lifecycle(Refusal::NotInStage { .. }))
            ));
        }
        assert!(matches!(
            issue_certificate(Stage::BioCaptured, Actor::KecamatanOperator, None, today),
            Err(CertificateRefusal::Lifecycle(
                Refusal::ActorNotPermitted { .. }
            ))
        ));
        // Identity in doubt: no certificate while a duplicate is being clarified.
        assert!(
            issue_certificate(Stage::DuplicateRecord, Actor::DinasOperator, None, today).is_err()
        );
    }

    #[test]
    fn one_valid_certificate_at_a_time_but_reissue_after_expiry_or_revocation() {
        let stage = Stage::SentForCardPrinting;
        let c = issue_certificate(stage, Actor::DinasOperator, None, d(2026, 1, 31)).unwrap();
        assert_eq!(c.expires_on(), d(2026, 7, 31));
        assert_eq!(
            issue_certificate(stage, Actor::DinasOperator, Some(&c), d(2026, 2, 1)),
            Err(CertificateRefusal::AlreadyValid {
                expires_on: d(2026, 7, 31)
            })
        );
        assert!(issue_certificate(stage, Actor::DinasOperator, Some(&c), d(2026, 7, 31)).is_ok());
        let revoked = revoke_certificate(stage, Actor::DinasSupervisor, &c, d(2026, 2, 1)).unwrap();
        assert_eq!(
            revoked.status(stage, d(2026, 2, 2)),
            CertificateStatus::Revoked {
                revoked_on: d(2026, 2, 1)
            }
        );
        assert!(
            issue_certificate(stage, Actor::DinasOperator, Some(&revoked), d(2026, 2, 2)).is_ok()
        );
    }

    #[test]
    fn revocation_needs_a_supervisor_and_a_valid_certificate() {
        let c = issue_certificate(
            Stage::BioCaptured,
            Actor::DinasOperator,
            None,
            d(2026, 3, 10),
        )
        .unwrap();
        assert!(matches!(
            revoke_certificate(Stage::BioCaptured, Actor::DinasOperator, &c, d(2026, 3, 11)),
            Err(CertificateRefusal::Lifecycle(
                Refusal::ActorNotPermitted { .. }
            ))
        ));
        // Revocable after a duplicate is found, the main reason to revoke.
        assert!(revoke_certificate(
            Stage::DuplicateRecord,
            Actor::DinasSupervisor,
            &c,
            d(2026, 3, 11)
        )
        .is_ok());
        assert_eq!(
            revoke_certificate(
                Stage::DuplicateRecord,
                Actor::DinasSupervisor,
                &c,
                d(2026, 9, 10)
            ),
            Err(CertificateRefusal::NotValid)
        );
    }

    #[test]
    fn card_issue_supersedes_the_certificate() {
        let c = issue_certificate(
            Stage::CardShipped,
            Actor::DinasOperator,
            None,
            d(2026, 3, 10),
        )
        .unwrap();
        assert_eq!(
            c.status(Stage::CardIssued, d(2026, 3, 11)),
            CertificateStatus::Superseded
        );
    }
}
