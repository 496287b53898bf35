//! The dinas print room's contract: the print queue, print runs and their blank-card ledger, each
//! card's outcome (printed with its serial, or spoiled with a reason), and the card face as laid
//! out by `crate::printing` for the preview.

use crate::lifecycle::Stage;
use serde::{Deserialize, Serialize};

/// Longest reason for a spoiled or voided card.
pub const MAX_SPOIL_REASON_CHARS: usize = 300;

/// `GET /api/dinas/print-queue`: PRINT_READY_RECORD applications by kecamatan, oldest first.
/// Codes, ages and whether the card fits only (no names): not a read of personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintQueue {
    pub districts: Vec<PrintQueueDistrict>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintQueueDistrict {
    /// Dotted kecamatan code (`"33.15.13"`).
    pub district_code: String,
    pub district_name: String,
    /// Oldest first.
    pub items: Vec<PrintQueueItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintQueueItem {
    pub application_id: String,
    pub registration_code: String,
    /// When it became PRINT_READY_RECORD (ISO timestamp).
    pub ready_since: String,
    /// Whole days since then.
    pub age_days: u32,
    /// Why its card cannot be printed as recorded; empty when it fits.
    pub fit_problems: Vec<FitProblem>,
}

/// `POST /api/dinas/print-runs`: a run of one kecamatan's applications. `blank_cards`: blank
/// cards taken from stock for it (default: one per application).
///
/// JSON: `{"district_code": "33.15.13", "application_ids": ["a1", "a2"], "blank_cards": 3}`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatePrintRunRequest {
    pub district_code: String,
    pub application_ids: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blank_cards: Option<u32>,
}

/// A run's blank-card ledger: every blank card taken is printed (a valid card, or one voided
/// later by a reprint, which counts as spoiled) or spoiled. It balances when
/// `blank_cards_taken == printed + spoiled`; a run closes only balanced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Ledger {
    pub blank_cards_taken: u32,
    /// Valid cards (each application at most one).
    pub printed: u32,
    /// Spoiled in the printer, or printed and then voided by a reprint.
    pub spoiled: u32,
}

impl Ledger {
    /// Blank cards taken and not yet accounted for.
    pub const fn unaccounted(self) -> u32 {
        self.blank_cards_taken
            .saturating_sub(self.printed + self.spoiled)
    }

    pub const fn balanced(self) -> bool {
        self.blank_cards_taken == self.printed + self.spoiled
    }

    /// Whether `n` more cards can be recorded from the blanks taken.
    pub const fn can_account(self, n: u32) -> bool {
        self.printed + self.spoiled + n <= self.blank_cards_taken
    }
}

/// The answer of every write on a run (made, cards recorded, blanks taken, closed): its id;
/// the run as it then stands is `GET /api/dinas/print-runs/{run_id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintRunWritten {
    pub run_id: String,
}

/// `GET /api/dinas/print-runs`: open runs first, then the latest closed ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintRunList {
    pub runs: Vec<PrintRunSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintRunSummary {
    pub run_id: String,
    pub district_code: String,
    pub district_name: String,
    pub created_at: String,
    /// The operator's display name.
    pub created_by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<String>,
    /// Applications in the run.
    pub applications: u32,
    pub ledger: Ledger,
}

/// `GET /api/dinas/print-runs/{run}`, and the answer of every write on a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintRunView {
    pub summary: PrintRunSummary,
    pub items: Vec<PrintRunItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintRunItem {
    pub application_id: String,
    pub registration_code: String,
    pub stage: Stage,
    /// The serial of its one valid card, once printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_serial: Option<String>,
    /// Blank cards spoiled for it, oldest first.
    pub spoiled: Vec<SpoiledCard>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpoiledCard {
    pub serial: String,
    pub reason: String,
    /// Printed (valid) first, then voided by a reprint.
    pub voided: bool,
}

/// What became of one blank card. JSON: snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardOutcome {
    /// Personalised and passed inspection: the application's valid card.
    Printed,
    /// Ruined in the printer (jam, misprint, chip fault): never valid.
    Spoiled,
}

/// One blank card's outcome. A `printed` card with `replaces` is a reprint: the replaced card
/// (the application's valid one) is voided with `reason`, in the same batch, so two valid cards
/// never exist. A `spoiled` card needs a `reason`.
///
/// JSON: `{"application_id": "a1", "serial": "KTP00012345", "outcome": "printed"}`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardRecord {
    pub application_id: String,
    pub serial: String,
    pub outcome: CardOutcome,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<String>,
}

/// `POST /api/dinas/print-runs/{run}/cards`: outcomes recorded together, all or none; the
/// printed ones move to CARD_PRINTED in one guarded batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordCardsRequest {
    pub cards: Vec<CardRecord>,
}

/// `POST /api/dinas/print-runs/{run}/blanks`: more blank cards taken from stock for the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TakeBlanksRequest {
    pub count: u32,
}

/// `GET /api/dinas/print-runs/{run}/cards`: every card of the run laid out for the preview and
/// the card printer. Personal data: audited per application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardPreviews {
    pub run_id: String,
    pub cards: Vec<CardPreview>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardPreview {
    pub application_id: String,
    pub registration_code: String,
    pub stage: Stage,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_serial: Option<String>,
    /// The laid-out front; absent when something does not fit (then `fit_problems` says what).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub face: Option<CardFace>,
    pub fit_problems: Vec<FitProblem>,
    /// API paths of the face photo and signature taken at recording.
    pub photo_path: String,
    pub signature_path: String,
}

/// The KTP-el front as printed, every text already uppercased and broken into the lines it is
/// printed on (see `crate::printing::lay_out_card`); the renderer adds labels, never wraps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardFace {
    /// `PROVINSI JAWA TENGAH`.
    pub province: String,
    /// `KABUPATEN GROBOGAN`.
    pub regency: String,
    pub nik: String,
    pub full_name: Vec<String>,
    /// `GROBOGAN, 12-11-1987`.
    pub birth: String,
    pub sex: String,
    pub blood_type: String,
    pub street: Vec<String>,
    /// `002/004`.
    pub rt_rw: String,
    pub village: String,
    pub district: String,
    pub religion: String,
    pub marital_status: String,
    pub occupation: String,
    pub citizenship: String,
    /// `SEUMUR HIDUP`.
    pub valid_until: String,
    /// The regency where the card is issued (`GROBOGAN`).
    pub issue_place: String,
    /// `dd-mm-yyyy`.
    pub issue_date: String,
}

/// A card field with a character budget. JSON: snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardField {
    Province,
    Regency,
    FullName,
    Birth,
    Street,
    Village,
    District,
    Religion,
    MaritalStatus,
    Occupation,
    IssuePlace,
}

/// A text that does not fit its place on the card: `chars` characters against `lines` lines of
/// `line_chars`, broken only between words; `long_word`: one word alone is longer than a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FitProblem {
    pub field: CardField,
    pub chars: u32,
    pub lines: u8,
    pub line_chars: u8,
    pub long_word: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ledger(taken: u32, printed: u32, spoiled: u32) -> Ledger {
        Ledger {
            blank_cards_taken: taken,
            printed,
            spoiled,
        }
    }

    #[test]
    fn a_ledger_balances_only_when_every_blank_is_accounted_for() {
        assert!(ledger(3, 2, 1).balanced());
        assert!(!ledger(3, 2, 0).balanced());
        assert_eq!(ledger(3, 2, 0).unaccounted(), 1);
        assert!(ledger(3, 2, 0).can_account(1));
        assert!(!ledger(3, 2, 0).can_account(2));
        assert!(!ledger(3, 2, 1).can_account(1));
    }

    #[test]
    fn card_records_read_as_documented() {
        let record: CardRecord = serde_json::from_str(
            r#"{"application_id": "a1", "serial": "KTP00012345", "outcome": "printed"}"#,
        )
        .unwrap();
        assert_eq!(record.outcome, CardOutcome::Printed);
        assert_eq!((record.reason, record.replaces), (None, None));
        let problem = FitProblem {
            field: CardField::FullName,
            chars: 64,
            lines: 2,
            line_chars: 30,
            long_word: false,
        };
        assert_eq!(
            serde_json::to_value(problem).unwrap(),
            serde_json::json!({"field": "full_name", "chars": 64, "lines": 2, "line_chars": 30, "long_word": false})
        );
    }
}
