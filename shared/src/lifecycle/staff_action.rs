//! What a staff screen may offer on an application: the person-triggered life-cycle events, as a
//! stable serde enum that crosses HTTP (`ApplicationDetail.allowed_actions`) and drives buttons.

use super::actor::Actor;
use super::event::Event;
use super::stage::Stage;
use super::transition::allowed_events;
use serde::{Deserialize, Serialize};

/// One kind of staff action. JSON: snake_case (`"verify_documents"`); stable, clients match on it.
///
/// Events only the system raises (1:N outcomes) and `Submit` (which starts from a draft, before
/// any application exists) have no action. Reasons and decisions travel in each action's request
/// body, not here: the enum says only what may be offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffAction {
    VerifyDocuments,
    ReturnForCorrection,
    Resubmit,
    RecordBiometrics,
    Rerecord,
    SendForEnrollment,
    SendForPrinting,
    MarkPrinted,
    Ship,
    HandOver,
    Cancel,
    IssueCertificate,
    RevokeCertificate,
}

impl StaffAction {
    /// The action a staff member takes to raise `event`, if any.
    pub const fn of(event: Event) -> Option<StaffAction> {
        Some(match event {
            Event::VerifyDocuments => StaffAction::VerifyDocuments,
            Event::ReturnForCorrection(_) => StaffAction::ReturnForCorrection,
            Event::Resubmit => StaffAction::Resubmit,
            Event::RecordBiometrics => StaffAction::RecordBiometrics,
            Event::Rerecord => StaffAction::Rerecord,
            Event::SendForEnrollment => StaffAction::SendForEnrollment,
            Event::SendForPrinting => StaffAction::SendForPrinting,
            Event::MarkPrinted => StaffAction::MarkPrinted,
            Event::Ship => StaffAction::Ship,
            Event::HandOver => StaffAction::HandOver,
            Event::Cancel => StaffAction::Cancel,
            Event::IssueCertificate => StaffAction::IssueCertificate,
            Event::RevokeCertificate => StaffAction::RevokeCertificate,
            Event::Submit
            | Event::MatchUnique
            | Event::MatchAmbiguous
            | Event::MatchDuplicate
            | Event::EnrollFailed
            // Adjudication and clarification happen in the dinas case console (two persons,
            // with reasons), never as a button on the application screen.
            | Event::Adjudicate(_)
            | Event::ResolveDuplicate(_) => return None,
        })
    }

    /// Recording and re-recording open the same screen.
    pub const fn records_biometrics(self) -> bool {
        matches!(self, StaffAction::RecordBiometrics | StaffAction::Rerecord)
    }
}

/// The actions `actor` may take on an application in `stage`, derived from the one rule table
/// ([`allowed_events`]), in a stable order without repeats.
pub fn allowed_actions(stage: Stage, actor: Actor) -> Vec<StaffAction> {
    let mut actions: Vec<StaffAction> = allowed_events(stage, actor)
        .into_iter()
        .filter_map(StaffAction::of)
        .collect();
    actions.sort();
    actions.dedup();
    actions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offered_actions_are_exactly_the_allowed_person_events() {
        for stage in Stage::ALL {
            for actor in Actor::ALL {
                let actions = allowed_actions(stage, actor);
                let from_events: std::collections::BTreeSet<StaffAction> =
                    allowed_events(stage, actor)
                        .into_iter()
                        .filter_map(StaffAction::of)
                        .collect();
                assert_eq!(actions, from_events.into_iter().collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn the_matcher_and_the_resident_get_no_staff_actions_for_outcomes() {
        assert!(allowed_actions(Stage::SentForEnrollment, Actor::MatchingWorker).is_empty());
        assert_eq!(
            allowed_actions(Stage::PreFilled, Actor::KecamatanOperator),
            [
                StaffAction::VerifyDocuments,
                StaffAction::ReturnForCorrection,
                StaffAction::Cancel
            ]
        );
        assert_eq!(
            allowed_actions(Stage::AdjudicateRecord, Actor::DinasSupervisor),
            [StaffAction::Cancel, StaffAction::RevokeCertificate]
        );
    }

    #[test]
    fn wire_names_are_snake_case() {
        assert_eq!(
            serde_json::to_value(StaffAction::ReturnForCorrection).unwrap(),
            "return_for_correction"
        );
        assert_eq!(
            serde_json::from_value::<StaffAction>("hand_over".into()).unwrap(),
            StaffAction::HandOver
        );
    }
}
