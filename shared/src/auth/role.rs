//! The staff roles and what each is in the application life cycle.

use crate::lifecycle::Actor;
use serde::{Deserialize, Serialize};

/// A staff member's role. JSON: snake_case (`"kecamatan_operator"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffRole {
    /// Serves one kecamatan: intake, document verification, biometric recording, handover.
    KecamatanOperator,
    /// Regency office: printing, shipping, temporary certificates.
    DinasOperator,
    /// Regency office: approves adjudication outcomes and revocations.
    DinasSupervisor,
    /// Manages accounts; sees no applications.
    Administrator,
}

impl StaffRole {
    pub const ALL: [StaffRole; 4] = [
        StaffRole::KecamatanOperator,
        StaffRole::DinasOperator,
        StaffRole::DinasSupervisor,
        StaffRole::Administrator,
    ];

    pub const fn actor(self) -> Actor {
        match self {
            StaffRole::KecamatanOperator => Actor::KecamatanOperator,
            StaffRole::DinasOperator => Actor::DinasOperator,
            StaffRole::DinasSupervisor => Actor::DinasSupervisor,
            StaffRole::Administrator => Actor::Administrator,
        }
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            StaffRole::KecamatanOperator => "kecamatan_operator",
            StaffRole::DinasOperator => "dinas_operator",
            StaffRole::DinasSupervisor => "dinas_supervisor",
            StaffRole::Administrator => "administrator",
        }
    }

    pub fn parse(text: &str) -> Option<StaffRole> {
        StaffRole::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// Whether the role may read applications' personal data at all. Kecamatan operators are
    /// further limited to their own kecamatan by the edge.
    pub const fn reads_applications(self) -> bool {
        !matches!(self, StaffRole::Administrator)
    }

    pub const fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            StaffRole::KecamatanOperator => lang.pick("Operator kecamatan", "Kecamatan operator"),
            StaffRole::DinasOperator => lang.pick("Operator dinas", "Dinas operator"),
            StaffRole::DinasSupervisor => lang.pick("Supervisor dinas", "Dinas supervisor"),
            StaffRole::Administrator => lang.pick("Administrator", "Administrator"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_serde() {
        for role in StaffRole::ALL {
            assert_eq!(StaffRole::parse(role.as_str()), Some(role));
            assert_eq!(serde_json::to_value(role).unwrap(), role.as_str());
        }
    }

    #[test]
    fn administrator_reads_no_applications() {
        assert!(!StaffRole::Administrator.reads_applications());
        assert!(StaffRole::KecamatanOperator.reads_applications());
    }
}
