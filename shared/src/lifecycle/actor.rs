//! Who acts on an application.

/// The role acting. Scoping (which kecamatan an operator serves, which application a resident's
/// code opens) is checked by the edge before the life cycle is consulted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
}
