//! The life cycle as one pure function: (stage, actor, event) -> next stage or a typed refusal.

use super::actor::Actor;
use super::event::{Adjudication, Event};
use super::stage::Stage;
use std::fmt;

/// Why a transition is refused. The edge maps every variant to `ErrorCode::TransitionRefused`
/// (or `Forbidden` for [`Refusal::ActorNotPermitted`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The application is finished (issued or cancelled); nothing more can happen.
    Terminal { stage: Stage },
    /// The event makes no sense in this stage, whoever asks.
    NotInStage { stage: Stage, event: Event },
    /// The event is possible in this stage, but not for this role.
    ActorNotPermitted {
        stage: Stage,
        actor: Actor,
        event: Event,
    },
    /// `ReturnForCorrection` needs at least one reason to show the resident.
    NoReasonGiven,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Terminal { stage } => write!(f, "application is {stage:?}: no further steps"),
            Refusal::NotInStage { stage, event } => {
                write!(f, "{event:?} is not possible in {stage:?}")
            }
            Refusal::ActorNotPermitted {
                stage,
                actor,
                event,
            } => {
                write!(f, "{actor:?} may not {event:?} in {stage:?}")
            }
            Refusal::NoReasonGiven => f.write_str("a return needs at least one reason"),
        }
    }
}

impl std::error::Error for Refusal {}

use Actor::*;

/// Stages in which a Surat Keterangan may be issued: biometrics recorded, card pending, and no
/// doubt about identity (not while adjudicating, not a duplicate, not an enrolment failure).
const CERTIFICATE_ISSUE_STAGES: [Stage; 6] = [
    Stage::BioCaptured,
    Stage::SentForEnrollment,
    Stage::PrintReadyRecord,
    Stage::SentForCardPrinting,
    Stage::CardPrinted,
    Stage::CardShipped,
];

/// The rule for an event in a stage: who may do it and where it leads. `None`: never possible.
fn rule(stage: Stage, event: Event) -> Option<(&'static [Actor], Stage)> {
    use Stage as S;
    let rule: (&'static [Actor], Stage) = match (stage, event) {
        // Intake: a resident pre-fills at home, or an operator types in a walk-in.
        (S::Draft, Event::Submit) => (&[Resident, KecamatanOperator], S::PreFilled),
        (S::PreFilled, Event::VerifyDocuments) => (&[KecamatanOperator], S::DocumentsVerified),
        // The operator may also return after verifying, e.g. a problem seen at recording.
        (S::PreFilled | S::DocumentsVerified, Event::ReturnForCorrection(_)) => {
            (&[KecamatanOperator], S::Returned)
        }
        (S::Returned, Event::Resubmit) => (&[Resident, KecamatanOperator], S::PreFilled),
        // Recording happens at the resident's own kecamatan.
        (S::DocumentsVerified, Event::RecordBiometrics) => (&[KecamatanOperator], S::BioCaptured),
        (S::EnrollFailure, Event::Rerecord) => (&[KecamatanOperator], S::BioCaptured),
        // Either the kecamatan uploads, or the dinas sends what the operator brought (seed step 4).
        (S::BioCaptured, Event::SendForEnrollment) => {
            (&[KecamatanOperator, DinasOperator], S::SentForEnrollment)
        }
        // Only the matcher reports 1:N outcomes: no person can declare a record unique.
        (S::SentForEnrollment, Event::MatchUnique) => (&[MatchingWorker], S::PrintReadyRecord),
        (S::SentForEnrollment, Event::MatchAmbiguous) => (&[MatchingWorker], S::AdjudicateRecord),
        (S::SentForEnrollment, Event::MatchDuplicate) => (&[MatchingWorker], S::DuplicateRecord),
        (S::SentForEnrollment, Event::EnrollFailed) => (&[MatchingWorker], S::EnrollFailure),
        // A supervisor approves adjudication outcomes proposed by someone else (DESIGN.md roles;
        // the edge enforces the two persons). Approving "duplicate" on a record the matcher
        // already called a duplicate confirms it: the stage stays, the timeline records it.
        (S::AdjudicateRecord | S::DuplicateRecord, Event::Adjudicate(Adjudication::Duplicate)) => {
            (&[DinasSupervisor], S::DuplicateRecord)
        }
        // Clarification at the dinas can show the match was wrong (e.g. twins, a matcher error).
        (
            S::AdjudicateRecord | S::DuplicateRecord,
            Event::Adjudicate(Adjudication::NotDuplicate),
        ) => (&[DinasSupervisor], S::PrintReadyRecord),
        // Prints that settle nothing, or the operator's own: the resident records again.
        (
            S::AdjudicateRecord | S::DuplicateRecord,
            Event::Adjudicate(Adjudication::Inconclusive | Adjudication::OperatorFingerprints),
        ) => (&[DinasSupervisor], S::EnrollFailure),
        // The resident, seen at the dinas, confirms the duplicate: the new application ends. The
        // match is already established (by the matcher or two persons); the clarification is a
        // counter task of either dinas role.
        (S::DuplicateRecord, Event::ResolveDuplicate(_)) => {
            (&[DinasOperator, DinasSupervisor], S::Cancelled)
        }
        // Printing and distribution are the dinas's job.
        (S::PrintReadyRecord, Event::SendForPrinting) => (&[DinasOperator], S::SentForCardPrinting),
        (S::SentForCardPrinting, Event::MarkPrinted) => (&[DinasOperator], S::CardPrinted),
        (S::CardPrinted, Event::Ship) => (&[DinasOperator], S::CardShipped),
        // Handed over at the dinas counter straight after printing, or at the kecamatan.
        (S::CardPrinted, Event::HandOver) => (&[DinasOperator], S::CardIssued),
        (S::CardShipped, Event::HandOver) => (&[KecamatanOperator], S::CardIssued),
        // A resident may withdraw before recording; the kecamatan until recording; afterwards
        // only a supervisor, because biometrics are then on record and cancelling affects them.
        (S::PreFilled | S::Returned, Event::Cancel) => (
            &[Resident, KecamatanOperator, DinasSupervisor],
            S::Cancelled,
        ),
        (S::DocumentsVerified, Event::Cancel) => {
            (&[KecamatanOperator, DinasSupervisor], S::Cancelled)
        }
        (s, Event::Cancel) if s.has_recorded_biometrics() => (&[DinasSupervisor], S::Cancelled),
        // The Surat Keterangan is a side record: issuing or revoking leaves the stage unchanged.
        (s, Event::IssueCertificate) if CERTIFICATE_ISSUE_STAGES.contains(&s) => {
            (&[DinasOperator], s)
        }
        (s, Event::RevokeCertificate) if s.has_recorded_biometrics() => (&[DinasSupervisor], s),
        _ => return None,
    };
    Some(rule)
}

/// Applies `event` by `actor` to an application in `stage`.
///
/// Pure: the edge persists the returned stage and the audit entry together. An `Ok` with the same
/// stage means a side-record event (certificate) was allowed.
pub fn transition(stage: Stage, actor: Actor, event: Event) -> Result<Stage, Refusal> {
    if stage.is_terminal() {
        return Err(Refusal::Terminal { stage });
    }
    let (actors, next) = rule(stage, event).ok_or(Refusal::NotInStage { stage, event })?;
    if !actors.contains(&actor) {
        return Err(Refusal::ActorNotPermitted {
            stage,
            actor,
            event,
        });
    }
    if let Event::ReturnForCorrection(reasons) = event {
        if reasons.is_empty() {
            return Err(Refusal::NoReasonGiven);
        }
    }
    Ok(next)
}

/// The events `actor` may apply in `stage` (from [`Event::all_kinds`]): drives which buttons a
/// console shows, so the UI and the rules cannot disagree.
pub fn allowed_events(stage: Stage, actor: Actor) -> Vec<Event> {
    Event::all_kinds()
        .into_iter()
        .filter(|&e| transition(stage, actor, e).is_ok())
        .collect()
}
