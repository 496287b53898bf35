//! What can happen to an application, and why one may be returned.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// An event offered to [`super::transition`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Event {
    /// Resident pre-fill or staff walk-in.
    Submit,
    VerifyDocuments,
    /// Back to the resident; at least one reason is required.
    ReturnForCorrection(ReturnReasons),
    Resubmit,
    RecordBiometrics,
    SendForEnrollment,
    MatchUnique,
    MatchAmbiguous,
    MatchDuplicate,
    EnrollFailed,
    /// A supervisor's approval of another person's adjudication proposal on an ambiguous or
    /// duplicate match (the proposal itself is not an event: it changes no stage).
    Adjudicate(Adjudication),
    /// The clarification with the resident at the dinas confirmed the duplicate.
    ResolveDuplicate(DuplicateResolution),
    /// Record biometrics again after an enrolment failure.
    Rerecord,
    SendForPrinting,
    MarkPrinted,
    /// Batch the printed card to the kecamatan.
    Ship,
    /// Card given to the resident against a signed receipt.
    HandOver,
    Cancel,
    /// Issue a Surat Keterangan; does not change the stage.
    IssueCertificate,
    /// Revoke a Surat Keterangan; does not change the stage.
    RevokeCertificate,
}

impl Event {
    /// One instance of every event (reasons non-empty), for exhaustive tests and admin tooling.
    pub fn all_kinds() -> Vec<Event> {
        vec![
            Event::Submit,
            Event::VerifyDocuments,
            Event::ReturnForCorrection(ReturnReasons::from_slice(&[ReturnReason::PhotoUnsuitable])),
            Event::Resubmit,
            Event::RecordBiometrics,
            Event::SendForEnrollment,
            Event::MatchUnique,
            Event::MatchAmbiguous,
            Event::MatchDuplicate,
            Event::EnrollFailed,
            Event::Adjudicate(Adjudication::NotDuplicate),
            Event::Adjudicate(Adjudication::Duplicate),
            Event::Adjudicate(Adjudication::Inconclusive),
            Event::Adjudicate(Adjudication::OperatorFingerprints),
            Event::ResolveDuplicate(DuplicateResolution::SamePersonAgain),
            Event::ResolveDuplicate(DuplicateResolution::IdentityFraud),
            Event::Rerecord,
            Event::SendForPrinting,
            Event::MarkPrinted,
            Event::Ship,
            Event::HandOver,
            Event::Cancel,
            Event::IssueCertificate,
            Event::RevokeCertificate,
        ]
    }
}

/// An adjudication outcome: what a dinas operator or supervisor proposes and another supervisor
/// approves. JSON: snake_case (`"not_duplicate"`, `"duplicate"`, `"inconclusive"`,
/// `"operator_fingerprints"`); stable, stored in proposals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Adjudication {
    /// Different people: the record is unique and printable.
    NotDuplicate,
    /// The same person as an existing record (the proposal names which).
    Duplicate,
    /// The prints cannot settle it (poor impressions): the resident records again.
    Inconclusive,
    /// The prints are the recording operator's own, not the resident's: record again, and the
    /// recording is flagged.
    OperatorFingerprints,
}

impl Adjudication {
    pub const ALL: [Adjudication; 4] = [
        Adjudication::NotDuplicate,
        Adjudication::Duplicate,
        Adjudication::Inconclusive,
        Adjudication::OperatorFingerprints,
    ];

    /// The stored name, equal to the serde name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Adjudication::NotDuplicate => "not_duplicate",
            Adjudication::Duplicate => "duplicate",
            Adjudication::Inconclusive => "inconclusive",
            Adjudication::OperatorFingerprints => "operator_fingerprints",
        }
    }

    pub fn parse(text: &str) -> Option<Adjudication> {
        Adjudication::ALL.into_iter().find(|a| a.as_str() == text)
    }

    /// Whether the decision sends the resident back to record again.
    pub const fn rerecords(self) -> bool {
        matches!(
            self,
            Adjudication::Inconclusive | Adjudication::OperatorFingerprints
        )
    }
}

/// How a clarification at the dinas closed a confirmed duplicate. Both cancel the new
/// application; a matcher error is no resolution (it goes back to a two-person proposal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateResolution {
    /// The resident already has a record and applied again: the new application is cancelled
    /// and linked to the existing record.
    SamePersonAgain,
    /// Someone applied under another identity: cancelled and flagged for the supervisor.
    IdentityFraud,
}

/// Why an application is returned. Serialised snake_case; shown to the resident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReturnReason {
    CoverLetterMissing,
    PhotoUnsuitable,
    KkCopyMissing,
    OldKtpMissing,
    PoliceReportMissing,
    DamagedCardMissing,
    ProofOfChangeMissing,
    SkpwniMissing,
    /// The form disagrees with the family card or other documents.
    DataMismatch,
    DocumentIllegible,
    /// Under 17 and never married.
    NotEligible,
}

impl ReturnReason {
    pub const ALL: [ReturnReason; 11] = [
        ReturnReason::CoverLetterMissing,
        ReturnReason::PhotoUnsuitable,
        ReturnReason::KkCopyMissing,
        ReturnReason::OldKtpMissing,
        ReturnReason::PoliceReportMissing,
        ReturnReason::DamagedCardMissing,
        ReturnReason::ProofOfChangeMissing,
        ReturnReason::SkpwniMissing,
        ReturnReason::DataMismatch,
        ReturnReason::DocumentIllegible,
        ReturnReason::NotEligible,
    ];

    const fn bit(self) -> u16 {
        1 << (self as u16)
    }

    /// What the resident must fix.
    pub const fn message(self, lang: Lang) -> &'static str {
        use ReturnReason::*;
        match self {
            CoverLetterMissing => lang.pick(
                "Surat pengantar desa/kelurahan yang diketahui kecamatan belum ada.",
                "The cover letter from the desa/kelurahan, acknowledged by the kecamatan, is missing.",
            ),
            PhotoUnsuitable => lang.pick("Pas foto 3x4 belum ada atau tidak sesuai.", "The 3x4 photo is missing or unsuitable."),
            KkCopyMissing => lang.pick("Fotokopi Kartu Keluarga belum ada.", "The copy of the family card (KK) is missing."),
            OldKtpMissing => lang.pick("KTP lama belum diserahkan.", "The old KTP has not been handed in."),
            PoliceReportMissing => lang.pick("Surat kehilangan dari kepolisian belum ada.", "The police loss report is missing."),
            DamagedCardMissing => lang.pick("KTP-el yang rusak belum diserahkan.", "The damaged card has not been handed in."),
            ProofOfChangeMissing => lang.pick("Bukti perubahan data belum ada.", "Proof of the data change is missing."),
            SkpwniMissing => lang.pick("SKPWNI (surat pindah) belum ada.", "The moving certificate (SKPWNI) is missing."),
            DataMismatch => lang.pick(
                "Data pada formulir berbeda dengan Kartu Keluarga atau dokumen lain.",
                "The form's data differ from the family card or other documents.",
            ),
            DocumentIllegible => lang.pick("Dokumen tidak terbaca dengan jelas.", "A document is not legible."),
            NotEligible => lang.pick(
                "Belum memenuhi syarat: belum berusia 17 tahun dan belum pernah kawin.",
                "Not yet eligible: under 17 and never married.",
            ),
        }
    }
}

/// A set of return reasons, `Copy` so events stay plain values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ReturnReasons(u16);

impl ReturnReasons {
    pub fn from_slice(reasons: &[ReturnReason]) -> ReturnReasons {
        ReturnReasons(reasons.iter().fold(0, |acc, r| acc | r.bit()))
    }

    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub const fn contains(self, reason: ReturnReason) -> bool {
        self.0 & reason.bit() != 0
    }

    /// The reasons in a stable order, for storage and the status page.
    pub fn to_vec(self) -> Vec<ReturnReason> {
        ReturnReason::ALL
            .into_iter()
            .filter(|r| self.contains(*r))
            .collect()
    }
}

impl FromIterator<ReturnReason> for ReturnReasons {
    fn from_iter<I: IntoIterator<Item = ReturnReason>>(iter: I) -> ReturnReasons {
        ReturnReasons(iter.into_iter().fold(0, |acc, r| acc | r.bit()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjudication_names_round_trip_and_match_serde() {
        for a in Adjudication::ALL {
            assert_eq!(Adjudication::parse(a.as_str()), Some(a));
            assert_eq!(serde_json::to_value(a).unwrap(), a.as_str());
        }
        assert_eq!(Adjudication::parse("maybe"), None);
    }

    #[test]
    fn reason_sets_round_trip_in_stable_order() {
        let set: ReturnReasons = [ReturnReason::NotEligible, ReturnReason::CoverLetterMissing]
            .into_iter()
            .collect();
        assert_eq!(
            set.to_vec(),
            [ReturnReason::CoverLetterMissing, ReturnReason::NotEligible]
        );
        assert!(ReturnReasons::default().is_empty());
        let all = ReturnReasons::from_slice(&ReturnReason::ALL);
        assert_eq!(all.to_vec(), ReturnReason::ALL);
    }
}
