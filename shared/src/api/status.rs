//! The public status page's data: stage and dates only, never personal data.

use super::certificate::StatusCertificate;
use super::distribution::{CardStep, StatusCard};
use crate::lifecycle::{NextAction, ReturnReason, Stage};
use serde::{Deserialize, Serialize};

/// What `GET /api/status/{code}` returns. Holds no name, NIK, KK number or birth date.
///
/// JSON:
/// ```json
/// {
///   "stage": "PRINT_READY_RECORD",
///   "stage_code": "PRR",
///   "timeline": [{"stage": "PRE_FILLED", "at": "2026-03-01T09:12:00+07:00"},
///                {"stage": "PRINT_READY_RECORD", "at": "2026-03-04"}],
///   "next_action": "wait",
///   "returned_reasons": []
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusView {
    pub stage: Stage,
    /// Short resident-facing code (`Pro`, `SFE`, `PRR`, `DUP`, `Efac`...), from [`Stage::short_code`].
    pub stage_code: String,
    /// Stages reached so far, oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// What the resident should do now, from [`Stage::next_action`].
    pub next_action: NextAction,
    /// Why the application was returned; empty unless the stage is `RETURNED`.
    pub returned_reasons: Vec<ReturnReason>,
    /// The latest Surat Keterangan, if one was issued: its dates and whether it is valid today.
    /// Absent from the JSON when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<StatusCertificate>,
    /// The card's step once it left the dinas (on its way, ready to collect, issued). Absent
    /// from the JSON before that.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card: Option<StatusCard>,
}

impl StatusView {
    /// Fills `stage_code` and `next_action` from the stage, so they can never disagree with it.
    pub fn new(
        stage: Stage,
        timeline: Vec<TimelineEntry>,
        returned_reasons: Vec<ReturnReason>,
    ) -> StatusView {
        StatusView {
            stage,
            stage_code: stage.short_code().to_string(),
            timeline,
            next_action: stage.next_action(),
            returned_reasons: if stage == Stage::Returned {
                returned_reasons
            } else {
                Vec::new()
            },
            certificate: None,
            card: None,
        }
    }

    /// The view with its card line. A card shipped but not yet checked in at the kecamatan
    /// cannot be collected yet: the resident waits.
    pub fn with_card(self, card: Option<StatusCard>) -> StatusView {
        let next_action = match card.as_ref().map(|c| c.step) {
            Some(CardStep::OnItsWay) => NextAction::Wait,
            _ => self.next_action,
        };
        StatusView {
            card,
            next_action,
            ..self
        }
    }

    /// The view with its certificate line.
    pub fn with_certificate(self, certificate: Option<StatusCertificate>) -> StatusView {
        StatusView {
            certificate,
            ..self
        }
    }
}

/// One step of the timeline. `at` is an ISO date (`2026-03-04`) or date-time with offset
/// (`2026-03-04T10:00:00+07:00`), as the edge recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub stage: Stage,
    pub at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_view_json_shape() {
        let view = StatusView::new(
            Stage::Returned,
            vec![TimelineEntry {
                stage: Stage::PreFilled,
                at: "2026-03-01".into(),
            }],
            vec![ReturnReason::PhotoUnsuitable],
        );
        let json = serde_json::to_value(&view).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "stage": "RETURNED",
                "stage_code": "RET",
                "timeline": [{"stage": "PRE_FILLED", "at": "2026-03-01"}],
                "next_action": "correct_and_resubmit",
                "returned_reasons": ["photo_unsuitable"]
            })
        );
    }

    #[test]
    fn a_card_on_its_way_is_not_yet_to_collect() {
        let shipped = || StatusView::new(Stage::CardShipped, vec![], vec![]);
        assert_eq!(shipped().next_action, NextAction::CollectCardAtKecamatan);
        let on_its_way = shipped().with_card(Some(StatusCard {
            step: CardStep::OnItsWay,
            since: "2026-03-04".into(),
        }));
        assert_eq!(on_its_way.next_action, NextAction::Wait);
        let ready = shipped().with_card(Some(StatusCard {
            step: CardStep::ReadyToCollect,
            since: "2026-03-05".into(),
        }));
        assert_eq!(ready.next_action, NextAction::CollectCardAtKecamatan);
        assert_eq!(
            serde_json::to_value(&ready).unwrap()["card"],
            serde_json::json!({"step": "ready_to_collect", "since": "2026-03-05"})
        );
    }

    #[test]
    fn reasons_are_dropped_outside_returned() {
        let view = StatusView::new(
            Stage::PrintReadyRecord,
            vec![],
            vec![ReturnReason::PhotoUnsuitable],
        );
        assert!(view.returned_reasons.is_empty());
        assert_eq!(view.stage_code, "PRR");
    }
}
