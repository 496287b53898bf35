//! Who acts on an application.

/// The role acting. Stored (timeline events) and serialised by its snake_case name
/// (`"kecamatan_operator"`, [`Actor::as_str`]), never by its Rust spelling. Scoping (which kecamatan an operator serves, which application a resident's
/// code opens) is checked by the edge before the life cycle is consulted.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// The applicant, holding a registration code (no account).
    Resident,
    /// Staff of one kecamatan's KK/KTP service: intake, verification, recording, handover.
    KecamatanOperator,
    /// Staff of the regency office (dinas): printing, shipping, temporary certificates.
    DinasOperator,
    /// Approves adjudication outcomes, revocations and late cancellations.
    DinasSupervisor,
    /// Manages accounts; deliberately has no power over applications.
    Administrator,
    /// The matching worker (system): reports 1:N outcomes only.
    MatchingWorker,
}

impl Actor {
    pub const ALL: [Actor; 6] = [
        Actor::Resident,
        Actor::KecamatanOperator,
        Actor::DinasOperator,
        Actor::DinasSupervisor,
        Actor::Administrator,
        Actor::MatchingWorker,
    ];

    /// The stable stored name, equal to the serde name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Actor::Resident => "resident",
            Actor::KecamatanOperator => "kecamatan_operator",
            Actor::DinasOperator => "dinas_operator",
            Actor::DinasSupervisor => "dinas_supervisor",
            Actor::Administrator => "administrator",
            Actor::MatchingWorker => "matching_worker",
        }
    }

    /// The actor with this stored name.
    pub fn parse(text: &str) -> Option<Actor> {
        Actor::ALL.into_iter().find(|a| a.as_str() == text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_round_trip_and_match_serde() {
        for actor in Actor::ALL {
            assert_eq!(Actor::parse(actor.as_str()), Some(actor));
            assert_eq!(serde_json::to_value(actor).unwrap(), actor.as_str());
        }
    }
}
