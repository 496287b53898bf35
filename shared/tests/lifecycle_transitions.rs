//! Exhaustive tests of the life cycle: every (stage, actor, event) against an explicit table.

use shared::lifecycle::{
    allowed_events, transition, Actor, Adjudication, DuplicateResolution, Event, Refusal,
    ReturnReason, ReturnReasons, Stage,
};
use std::collections::BTreeSet;

use Actor::*;
use Stage::*;

fn reasons() -> ReturnReasons {
    ReturnReasons::from_slice(&[ReturnReason::PhotoUnsuitable])
}

/// Every allowed step, written out by hand: (from, actor, event, to). The exhaustive test below
/// proves `transition` allows exactly these and nothing else.
fn expected_table() -> Vec<(Stage, Actor, Event, Stage)> {
    let ret = Event::ReturnForCorrection(reasons());
    let not_dup = Event::Adjudicate(Adjudication::NotDuplicate);
    let dup = Event::Adjudicate(Adjudication::Duplicate);
    let mut t = vec![
        (Draft, Resident, Event::Submit, PreFilled),
        (Draft, KecamatanOperator, Event::Submit, PreFilled),
        (
            PreFilled,
            KecamatanOperator,
            Event::VerifyDocuments,
            DocumentsVerified,
        ),
        (PreFilled, KecamatanOperator, ret, Returned),
        (DocumentsVerified, KecamatanOperator, ret, Returned),
        (Returned, Resident, Event::Resubmit, PreFilled),
        (Returned, KecamatanOperator, Event::Resubmit, PreFilled),
        (
            DocumentsVerified,
            KecamatanOperator,
            Event::RecordBiometrics,
            BioCaptured,
        ),
        (
            EnrollFailure,
            KecamatanOperator,
            Event::Rerecord,
            BioCaptured,
        ),
        (
            BioCaptured,
            KecamatanOperator,
            Event::SendForEnrollment,
            SentForEnrollment,
        ),
        (
            BioCaptured,
            DinasOperator,
            Event::SendForEnrollment,
            SentForEnrollment,
        ),
        (
            SentForEnrollment,
            MatchingWorker,
            Event::MatchUnique,
            PrintReadyRecord,
        ),
        (
            SentForEnrollment,
            MatchingWorker,
            Event::MatchAmbiguous,
            AdjudicateRecord,
        ),
        (
            SentForEnrollment,
            MatchingWorker,
            Event::MatchDuplicate,
            DuplicateRecord,
        ),
        (
            SentForEnrollment,
            MatchingWorker,
            Event::EnrollFailed,
            EnrollFailure,
        ),
        (AdjudicateRecord, DinasSupervisor, not_dup, PrintReadyRecord),
        (AdjudicateRecord, DinasSupervisor, dup, DuplicateRecord),
        (DuplicateRecord, DinasSupervisor, not_dup, PrintReadyRecord),
        // Approving "duplicate" on a matcher's duplicate confirms it in place.
        (DuplicateRecord, DinasSupervisor, dup, DuplicateRecord),
        (
            PrintReadyRecord,
            DinasOperator,
            Event::SendForPrinting,
            SentForCardPrinting,
        ),
        (
            SentForCardPrinting,
            DinasOperator,
            Event::MarkPrinted,
            CardPrinted,
        ),
        (CardPrinted, DinasOperator, Event::Ship, CardShipped),
        (CardPrinted, DinasOperator, Event::HandOver, CardIssued),
        (CardShipped, KecamatanOperator, Event::HandOver, CardIssued),
        (PreFilled, Resident, Event::Cancel, Cancelled),
        (PreFilled, KecamatanOperator, Event::Cancel, Cancelled),
        (PreFilled, DinasSupervisor, Event::Cancel, Cancelled),
        (Returned, Resident, Event::Cancel, Cancelled),
        (Returned, KecamatanOperator, Event::Cancel, Cancelled),
        (Returned, DinasSupervisor, Event::Cancel, Cancelled),
        (
            DocumentsVerified,
            KecamatanOperator,
            Event::Cancel,
            Cancelled,
        ),
        (DocumentsVerified, DinasSupervisor, Event::Cancel, Cancelled),
    ];
    let recorded = [
        BioCaptured,
        SentForEnrollment,
        PrintReadyRecord,
        AdjudicateRecord,
        DuplicateRecord,
        EnrollFailure,
        SentForCardPrinting,
        CardPrinted,
        CardShipped,
    ];
    for s in [AdjudicateRecord, DuplicateRecord] {
        for a in [
            Adjudication::Inconclusive,
            Adjudication::OperatorFingerprints,
        ] {
            t.push((s, DinasSupervisor, Event::Adjudicate(a), EnrollFailure));
        }
    }
    for r in [
        DuplicateResolution::SamePersonAgain,
        DuplicateResolution::IdentityFraud,
    ] {
        for actor in [DinasOperator, DinasSupervisor] {
            t.push((
                DuplicateRecord,
                actor,
                Event::ResolveDuplicate(r),
                Cancelled,
            ));
        }
    }
    for s in recorded {
        t.push((s, DinasSupervisor, Event::Cancel, Cancelled));
        t.push((s, DinasSupervisor, Event::RevokeCertificate, s));
    }
    for s in [
        BioCaptured,
        SentForEnrollment,
        PrintReadyRecord,
        SentForCardPrinting,
        CardPrinted,
        CardShipped,
    ] {
        t.push((s, DinasOperator, Event::IssueCertificate, s));
    }
    t
}

fn all_events() -> Vec<Event> {
    let mut events = Event::all_kinds();
    events.push(Event::ReturnForCorrection(ReturnReasons::default()));
    events
}

/// Checks one combination against the table: allowed ones lead where the table says; others are
/// refused with the most specific reason.
fn check(stage: Stage, actor: Actor, event: Event, table: &[(Stage, Actor, Event, Stage)]) {
    let got = transition(stage, actor, event);
    let empty_return = matches!(event, Event::ReturnForCorrection(r) if r.is_empty());
    let lookup_event = if empty_return {
        Event::ReturnForCorrection(reasons())
    } else {
        event
    };
    let row = table
        .iter()
        .find(|(s, a, e, _)| *s == stage && *a == actor && *e == lookup_event);
    let someone_may = table
        .iter()
        .any(|(s, _, e, _)| *s == stage && *e == lookup_event);
    let expected = match row {
        _ if stage.is_terminal() => Err(Refusal::Terminal { stage }),
        Some(_) if empty_return => Err(Refusal::NoReasonGiven),
        Some((_, _, _, to)) => Ok(*to),
        None if someone_may => Err(Refusal::ActorNotPermitted {
            stage,
            actor,
            event,
        }),
        None => Err(Refusal::NotInStage { stage, event }),
    };
    assert_eq!(got, expected, "{stage:?} / {actor:?} / {event:?}");
}

#[test]
fn every_stage_actor_event_combination_matches_the_table() {
    let table = expected_table();
    let mut combinations = 0;
    for stage in Stage::ALL {
        for actor in Actor::ALL {
            for event in all_events() {
                check(stage, actor, event, &table);
                combinations += 1;
            }
        }
    }
    assert_eq!(combinations, 15 * 6 * 25);
}

#[test]
fn allowed_set_equals_the_table_exactly() {
    let mut allowed = BTreeSet::new();
    for stage in Stage::ALL {
        for actor in Actor::ALL {
            for event in Event::all_kinds() {
                if let Ok(to) = transition(stage, actor, event) {
                    allowed.insert(format!("{stage:?} {actor:?} {event:?} -> {to:?}"));
                }
            }
        }
    }
    let table: BTreeSet<String> = expected_table()
        .into_iter()
        .map(|(s, a, e, t)| format!("{s:?} {a:?} {e:?} -> {t:?}"))
        .collect();
    assert_eq!(allowed, table);
}

#[test]
fn terminal_stages_refuse_everything() {
    for stage in [CardIssued, Cancelled] {
        for actor in Actor::ALL {
            for event in all_events() {
                assert_eq!(
                    transition(stage, actor, event),
                    Err(Refusal::Terminal { stage })
                );
            }
        }
    }
}

#[test]
fn administrator_has_no_power_over_applications() {
    for stage in Stage::ALL {
        assert!(allowed_events(stage, Administrator).is_empty(), "{stage:?}");
    }
}

#[test]
fn only_the_matcher_reports_match_outcomes() {
    for actor in Actor::ALL.into_iter().filter(|a| *a != MatchingWorker) {
        for event in [
            Event::MatchUnique,
            Event::MatchAmbiguous,
            Event::MatchDuplicate,
            Event::EnrollFailed,
        ] {
            assert!(
                transition(SentForEnrollment, actor, event).is_err(),
                "{actor:?} {event:?}"
            );
        }
    }
    // And the matcher does nothing else.
    for stage in Stage::ALL {
        for event in allowed_events(stage, MatchingWorker) {
            assert!(matches!(
                event,
                Event::MatchUnique
                    | Event::MatchAmbiguous
                    | Event::MatchDuplicate
                    | Event::EnrollFailed
            ));
        }
    }
}

#[test]
fn only_a_supervisor_approves_an_adjudication_and_nobody_else_moves_a_held_record() {
    // A proposal is not a transition: every adjudication event is the approval, and only the
    // dinas supervisor may apply it; the kecamatan, the operator and the matcher never can.
    for stage in Stage::ALL {
        for actor in Actor::ALL.into_iter().filter(|a| *a != DinasSupervisor) {
            for decision in Adjudication::ALL {
                assert!(
                    transition(stage, actor, Event::Adjudicate(decision)).is_err(),
                    "{stage:?} {actor:?} {decision:?}"
                );
            }
        }
    }
    // Adjudication applies only to records the matcher held.
    for stage in Stage::ALL {
        for decision in Adjudication::ALL {
            let held = matches!(stage, AdjudicateRecord | DuplicateRecord);
            assert_eq!(
                transition(stage, DinasSupervisor, Event::Adjudicate(decision)).is_ok(),
                held,
                "{stage:?} {decision:?}"
            );
        }
    }
    // Re-recording decisions send the resident back to the kecamatan.
    for decision in Adjudication::ALL.into_iter().filter(|d| d.rerecords()) {
        assert_eq!(
            transition(
                AdjudicateRecord,
                DinasSupervisor,
                Event::Adjudicate(decision)
            ),
            Ok(EnrollFailure)
        );
    }
}

#[test]
fn a_duplicate_is_resolved_only_from_duplicate_record_and_only_by_the_dinas() {
    for stage in Stage::ALL {
        for actor in Actor::ALL {
            for r in [
                DuplicateResolution::SamePersonAgain,
                DuplicateResolution::IdentityFraud,
            ] {
                let want =
                    stage == DuplicateRecord && matches!(actor, DinasOperator | DinasSupervisor);
                assert_eq!(
                    transition(stage, actor, Event::ResolveDuplicate(r)).is_ok(),
                    want,
                    "{stage:?} {actor:?} {r:?}"
                );
            }
        }
    }
}

#[test]
fn certificate_events_never_change_the_stage() {
    for stage in Stage::ALL {
        for actor in Actor::ALL {
            for event in [Event::IssueCertificate, Event::RevokeCertificate] {
                if let Ok(to) = transition(stage, actor, event) {
                    assert_eq!(to, stage);
                    assert!(stage.has_recorded_biometrics());
                }
            }
        }
    }
}

#[test]
fn every_non_terminal_stored_stage_can_reach_a_terminal_stage() {
    // Walk the graph of allowed steps from each stage; an application must never be stuck.
    for start in Stage::ALL.into_iter().filter(|s| !s.is_terminal()) {
        let mut seen = BTreeSet::from([start]);
        let mut frontier = vec![start];
        while let Some(s) = frontier.pop() {
            for actor in Actor::ALL {
                for event in allowed_events(s, actor) {
                    let to = transition(s, actor, event).unwrap();
                    if seen.insert(to) {
                        frontier.push(to);
                    }
                }
            }
        }
        assert!(
            seen.contains(&CardIssued) || seen.contains(&Cancelled),
            "{start:?} is stuck"
        );
        if start != Draft {
            assert!(
                seen.contains(&Cancelled),
                "{start:?} cannot be cancelled eventually"
            );
        }
    }
}

#[test]
fn happy_path_from_pre_fill_to_card_issued() {
    let steps = [
        (Resident, Event::Submit, PreFilled),
        (KecamatanOperator, Event::VerifyDocuments, DocumentsVerified),
        (KecamatanOperator, Event::RecordBiometrics, BioCaptured),
        (
            KecamatanOperator,
            Event::SendForEnrollment,
            SentForEnrollment,
        ),
        (MatchingWorker, Event::MatchAmbiguous, AdjudicateRecord),
        (
            DinasSupervisor,
            Event::Adjudicate(Adjudication::NotDuplicate),
            PrintReadyRecord,
        ),
        (DinasOperator, Event::SendForPrinting, SentForCardPrinting),
        (DinasOperator, Event::MarkPrinted, CardPrinted),
        (DinasOperator, Event::Ship, CardShipped),
        (KecamatanOperator, Event::HandOver, CardIssued),
    ];
    let mut stage = Draft;
    for (actor, event, want) in steps {
        stage = transition(stage, actor, event).unwrap();
        assert_eq!(stage, want);
    }
}

#[test]
fn resident_codes_and_next_actions_follow_the_stage() {
    let check = |stage: Stage, code: &str, action: shared::lifecycle::NextAction| {
        assert_eq!(
            (stage.short_code(), stage.next_action()),
            (code, action),
            "{stage:?}"
        );
    };
    use shared::lifecycle::NextAction as N;
    check(SentForEnrollment, "SFE", N::Wait);
    check(PrintReadyRecord, "PRR", N::Wait);
    check(AdjudicateRecord, "Pro", N::Wait);
    check(DuplicateRecord, "DUP", N::ClarifyAtDinas);
    check(EnrollFailure, "Efac", N::RerecordBiometricsAtKecamatan);
    check(DocumentsVerified, "VER", N::RecordBiometricsAtKecamatan);
    check(CardShipped, "SHP", N::CollectCardAtKecamatan);
    check(Returned, "RET", N::CorrectAndResubmit);
    check(CardIssued, "ISS", N::None);
    let codes: BTreeSet<_> = Stage::ALL.iter().map(|s| s.short_code()).collect();
    assert_eq!(codes.len(), Stage::ALL.len(), "short codes must be unique");
}

#[test]
fn stage_json_names_are_the_national_ones() {
    let json = serde_json::to_string(&[
        SentForEnrollment,
        PrintReadyRecord,
        DuplicateRecord,
        EnrollFailure,
    ])
    .unwrap();
    assert_eq!(
        json,
        r#"["SENT_FOR_ENROLLMENT","PRINT_READY_RECORD","DUPLICATE_RECORD","ENROLL_FAILURE"]"#
    );
    for stage in Stage::ALL {
        let text = serde_json::to_string(&stage).unwrap();
        assert_eq!(serde_json::from_str::<Stage>(&text).unwrap(), stage);
    }
}
