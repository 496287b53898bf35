//! The stages of an application, their resident-facing codes and the resident's next action.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// Where an application is. National status names where they fit (DOMAIN.md), our own before
/// recording. Serialised SCREAMING_SNAKE_CASE (`"PRINT_READY_RECORD"`), stable: stored in D1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Stage {
    /// Not yet submitted: exists only in a browser or on an operator's screen, never stored.
    /// It gives `Submit` a stage to start from, so submission is a transition like the others.
    Draft,
    /// Submitted (resident pre-fill or staff walk-in); documents not yet checked.
    PreFilled,
    /// Sent back to the resident to correct, with reasons.
    Returned,
    /// Documents checked by the kecamatan operator; biometrics not yet recorded.
    DocumentsVerified,
    /// BIO_CAPTURED: biometrics recorded at the kecamatan.
    BioCaptured,
    /// SENT_FOR_ENROLLMENT: templates queued for 1:N matching.
    SentForEnrollment,
    /// PRINT_READY_RECORD: unique; the card may be printed.
    PrintReadyRecord,
    /// ADJUDICATE_RECORD: ambiguous similarity; a supervisor decides.
    AdjudicateRecord,
    /// DUPLICATE_RECORD: matches another person; held for clarification at the dinas.
    DuplicateRecord,
    /// ENROLL_FAILURE: biometrics unusable; the resident must re-record.
    EnrollFailure,
    /// SENT_FOR_CARD_PRINTING.
    SentForCardPrinting,
    /// CARD_PRINTED (personalised at the dinas).
    CardPrinted,
    /// CARD_SHIPPED: in a batch to the kecamatan.
    CardShipped,
    /// CARD_ISSUED: handed over against the resident's signature. Terminal.
    CardIssued,
    /// Cancelled. Terminal.
    Cancelled,
}

/// What the status page asks the resident to do. Serialised snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NextAction {
    /// Finish and submit the form.
    CompleteForm,
    /// Bring the documents to the kecamatan KK/KTP service.
    BringDocumentsToKecamatan,
    /// Correct the application as the reasons say and submit again.
    CorrectAndResubmit,
    /// Come to the kecamatan to record biometrics (photo, fingerprints, irises, signature).
    RecordBiometricsAtKecamatan,
    /// Come to the kecamatan to record biometrics again.
    RerecordBiometricsAtKecamatan,
    /// Come to the dinas in person for clarification, with the registration receipt, the KK and
    /// the old KTP if any.
    ClarifyAtDinas,
    /// Nothing to do yet; the office is working on it.
    Wait,
    /// Collect the card at the kecamatan (bring the registration receipt and the old KTP).
    CollectCardAtKecamatan,
    /// Nothing more: the card was issued or the application cancelled.
    None,
}

impl Stage {
    /// Every stage, in life-cycle order.
    pub const ALL: [Stage; 15] = [
        Stage::Draft,
        Stage::PreFilled,
        Stage::Returned,
        Stage::DocumentsVerified,
        Stage::BioCaptured,
        Stage::SentForEnrollment,
        Stage::PrintReadyRecord,
        Stage::AdjudicateRecord,
        Stage::DuplicateRecord,
        Stage::EnrollFailure,
        Stage::SentForCardPrinting,
        Stage::CardPrinted,
        Stage::CardShipped,
        Stage::CardIssued,
        Stage::Cancelled,
    ];

    /// The stored and serialised name (`"PRINT_READY_RECORD"`), as in the national system.
    pub const fn as_str(self) -> &'static str {
        match self {
            Stage::Draft => "DRAFT",
            Stage::PreFilled => "PRE_FILLED",
            Stage::Returned => "RETURNED",
            Stage::DocumentsVerified => "DOCUMENTS_VERIFIED",
            Stage::BioCaptured => "BIO_CAPTURED",
            Stage::SentForEnrollment => "SENT_FOR_ENROLLMENT",
            Stage::PrintReadyRecord => "PRINT_READY_RECORD",
            Stage::AdjudicateRecord => "ADJUDICATE_RECORD",
            Stage::DuplicateRecord => "DUPLICATE_RECORD",
            Stage::EnrollFailure => "ENROLL_FAILURE",
            Stage::SentForCardPrinting => "SENT_FOR_CARD_PRINTING",
            Stage::CardPrinted => "CARD_PRINTED",
            Stage::CardShipped => "CARD_SHIPPED",
            Stage::CardIssued => "CARD_ISSUED",
            Stage::Cancelled => "CANCELLED",
        }
    }

    /// The stage with this stored name.
    pub fn parse(text: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// No event leaves a terminal stage.
    pub const fn is_terminal(self) -> bool {
        matches!(self, Stage::CardIssued | Stage::Cancelled)
    }

    /// Biometrics have been recorded (and the card is not yet issued): the precondition of a
    /// Surat Keterangan.
    pub const fn has_recorded_biometrics(self) -> bool {
        matches!(
            self,
            Stage::BioCaptured
                | Stage::SentForEnrollment
                | Stage::PrintReadyRecord
                | Stage::AdjudicateRecord
                | Stage::DuplicateRecord
                | Stage::EnrollFailure
                | Stage::SentForCardPrinting
                | Stage::CardPrinted
                | Stage::CardShipped
        )
    }

    /// Short code shown to residents, as offices do (Pro, SFE, PRR, DUP, Efac).
    ///
    /// `AdjudicateRecord` shows as `Pro` (processing): telling a resident their fingerprints
    /// resemble someone else's before an adjudicator has decided would alarm for nothing.
    pub const fn short_code(self) -> &'static str {
        match self {
            Stage::Draft => "DRAFT",
            Stage::PreFilled => "PRE",
            Stage::Returned => "RET",
            Stage::DocumentsVerified => "VER",
            Stage::BioCaptured => "BIO",
            Stage::SentForEnrollment => "SFE",
            Stage::PrintReadyRecord => "PRR",
            Stage::AdjudicateRecord => "Pro",
            Stage::DuplicateRecord => "DUP",
            Stage::EnrollFailure => "Efac",
            Stage::SentForCardPrinting => "SFP",
            Stage::CardPrinted => "PRT",
            Stage::CardShipped => "SHP",
            Stage::CardIssued => "ISS",
            Stage::Cancelled => "CAN",
        }
    }

    /// What the resident should do at this stage.
    pub const fn next_action(self) -> NextAction {
        match self {
            Stage::Draft => NextAction::CompleteForm,
            Stage::PreFilled => NextAction::BringDocumentsToKecamatan,
            Stage::Returned => NextAction::CorrectAndResubmit,
            Stage::DocumentsVerified => NextAction::RecordBiometricsAtKecamatan,
            Stage::EnrollFailure => NextAction::RerecordBiometricsAtKecamatan,
            Stage::DuplicateRecord => NextAction::ClarifyAtDinas,
            Stage::CardShipped => NextAction::CollectCardAtKecamatan,
            Stage::BioCaptured
            | Stage::SentForEnrollment
            | Stage::PrintReadyRecord
            | Stage::AdjudicateRecord
            | Stage::SentForCardPrinting
            | Stage::CardPrinted => NextAction::Wait,
            Stage::CardIssued | Stage::Cancelled => NextAction::None,
        }
    }

    /// Stage name for the status page. Resident-facing, so `AdjudicateRecord` reads as processing.
    pub const fn label(self, lang: Lang) -> &'static str {
        match self {
            Stage::Draft => lang.pick("Belum dikirim", "Not yet submitted"),
            Stage::PreFilled => lang.pick("Permohonan diterima", "Application received"),
            Stage::Returned => {
                lang.pick("Dikembalikan untuk diperbaiki", "Returned for correction")
            }
            Stage::DocumentsVerified => lang.pick("Berkas terverifikasi", "Documents verified"),
            Stage::BioCaptured => lang.pick("Sudah perekaman", "Biometrics recorded"),
            Stage::SentForEnrollment => lang.pick("Dikirim ke pusat data", "Sent for enrolment"),
            Stage::AdjudicateRecord => lang.pick("Sedang diproses", "Processing"),
            Stage::PrintReadyRecord => lang.pick("Siap cetak", "Ready to print"),
            Stage::DuplicateRecord => lang.pick(
                "Perlu klarifikasi di Dinas",
                "Clarification needed at the dinas",
            ),
            Stage::EnrollFailure => {
                lang.pick("Perlu perekaman ulang", "Biometrics must be recorded again")
            }
            Stage::SentForCardPrinting => lang.pick("KTP-el sedang dicetak", "Card being printed"),
            Stage::CardPrinted => lang.pick("KTP-el sudah dicetak", "Card printed"),
            Stage::CardShipped => {
                lang.pick("KTP-el dikirim ke kecamatan", "Card sent to the kecamatan")
            }
            Stage::CardIssued => lang.pick("KTP-el sudah diserahkan", "Card handed over"),
            Stage::Cancelled => lang.pick("Dibatalkan", "Cancelled"),
        }
    }
}

impl Stage {
    /// A plain sentence about what happens at this stage, for the status page; `None` where
    /// the label says it all. Stage words only: nothing about the person.
    pub const fn about(self, lang: Lang) -> Option<&'static str> {
        match self {
            Stage::SentForCardPrinting => Some(lang.pick(
                "KTP-el Anda sedang dicetak di Dinas Kependudukan dan Pencatatan Sipil.",
                "Your card is being printed at the regency population office.",
            )),
            Stage::CardPrinted => Some(lang.pick(
                "KTP-el Anda sudah dicetak dan akan dikirim ke kecamatan.",
                "Your card has been printed and will be sent to your kecamatan.",
            )),
            _ => None,
        }
    }
}

impl NextAction {
    pub const fn message(self, lang: Lang) -> &'static str {
        match self {
            NextAction::CompleteForm => lang.pick("Lengkapi dan kirim formulir.", "Complete and submit the form."),
            NextAction::BringDocumentsToKecamatan => lang.pick(
                "Datang ke kantor kecamatan dengan membawa persyaratan dan kode pendaftaran ini.",
                "Come to the kecamatan office with the required documents and this registration code.",
            ),
            NextAction::CorrectAndResubmit => lang.pick(
                "Perbaiki permohonan sesuai alasan di bawah, lalu kirim kembali.",
                "Correct the application as explained below, then submit it again.",
            ),
            NextAction::RecordBiometricsAtKecamatan => lang.pick(
                "Datang ke kecamatan untuk perekaman KTP-el (foto, sidik jari, iris, tanda tangan).",
                "Come to the kecamatan to record your biometrics (photo, fingerprints, irises, signature).",
            ),
            NextAction::RerecordBiometricsAtKecamatan => lang.pick(
                "Datang ke kecamatan untuk perekaman ulang.",
                "Come to the kecamatan to record your biometrics again.",
            ),
            // Says only what the resident must do and bring: never whose record it resembles.
            NextAction::ClarifyAtDinas => lang.pick(
                "Data perekaman Anda perlu diklarifikasi. Datang langsung ke Dinas Kependudukan dan Pencatatan Sipil dengan membawa tanda bukti pendaftaran, Kartu Keluarga (KK) asli, dan KTP lama bila ada.",
                "Your recording needs to be clarified. Come in person to the regency population office (Dispendukcapil) and bring the registration receipt, your original family card (KK) and your old KTP if you have one.",
            ),
            NextAction::Wait => lang.pick(
                "Tidak perlu melakukan apa pun saat ini. Periksa kembali nanti.",
                "Nothing to do for now. Check back later.",
            ),
            NextAction::CollectCardAtKecamatan => lang.pick(
                "Ambil KTP-el di kecamatan dengan membawa tanda bukti pendaftaran dan KTP lama.",
                "Collect your card at the kecamatan; bring the registration receipt and the old KTP.",
            ),
            NextAction::None => lang.pick("Tidak ada tindakan lagi.", "Nothing more to do."),
        }
    }
}

#[cfg(test)]
mod name_tests {
    use super::*;

    #[test]
    fn the_duplicate_wording_says_what_to_bring_and_nothing_of_another_person() {
        for lang in [Lang::Id, Lang::En] {
            let text = Stage::DuplicateRecord.next_action().message(lang);
            let label = Stage::DuplicateRecord.label(lang);
            for needed in [
                lang.pick("tanda bukti pendaftaran", "registration receipt"),
                "KK",
                "KTP",
            ] {
                assert!(text.contains(needed), "{lang:?}: {text}");
            }
            for leak in ["ganda", "duplicate", "NIK", "nama", "name"] {
                assert!(
                    !text.to_lowercase().contains(&leak.to_lowercase()),
                    "{text}"
                );
                assert!(
                    !label.to_lowercase().contains(&leak.to_lowercase()),
                    "{label}"
                );
            }
        }
    }

    #[test]
    fn printing_steps_are_said_in_plain_words() {
        assert_eq!(
            Stage::SentForCardPrinting.label(Lang::Id),
            "KTP-el sedang dicetak"
        );
        assert_eq!(Stage::CardPrinted.label(Lang::Id), "KTP-el sudah dicetak");
        for stage in [Stage::SentForCardPrinting, Stage::CardPrinted] {
            for lang in [Lang::Id, Lang::En] {
                let about = stage.about(lang).unwrap();
                assert!(about.contains(lang.pick("dicetak", "printed")), "{about}");
            }
        }
        assert_eq!(Stage::PreFilled.about(Lang::Id), None);
    }

    #[test]
    fn as_str_is_the_serialised_name_and_parses_back() {
        for stage in Stage::ALL {
            assert_eq!(serde_json::to_value(stage).unwrap(), stage.as_str());
            assert_eq!(Stage::parse(stage.as_str()), Some(stage));
        }
        assert_eq!(Stage::parse("PRINTED"), None);
    }
}
