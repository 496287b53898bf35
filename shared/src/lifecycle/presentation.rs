//! How a stage is shown to people: what it means for them (done, waiting, needs action, problem),
//! which screens colour by, and the instruction a receipt prints for an application's type and
//! stage. One definition for the status page, the kecamatan queue and the recording result.

use super::Stage;
use crate::domain::ApplicationType;
use crate::i18n::Lang;

/// What a stage means for the person looking at it; screens colour by this, never by the stage
/// itself, so an outcome that needs attention can never look like success.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Meaning {
    /// This part is finished well.
    Done,
    /// The office is working on it; nothing to do now.
    Waiting,
    /// Someone must act next (bring documents, correct, record, collect).
    NeedsAction,
    /// Something went wrong or must be clarified (a duplicate, unusable biometrics, cancelled).
    Problem,
}

impl Meaning {
    /// Stable name for CSS classes and tests (`meaning-done` ...).
    pub const fn as_str(self) -> &'static str {
        match self {
            Meaning::Done => "done",
            Meaning::Waiting => "waiting",
            Meaning::NeedsAction => "needs-action",
            Meaning::Problem => "problem",
        }
    }

    /// A word said beside the colour, so the meaning does not rest on colour alone.
    pub const fn label(self, lang: Lang) -> &'static str {
        match self {
            Meaning::Done => lang.pick("Selesai", "Done"),
            Meaning::Waiting => lang.pick("Diproses", "In progress"),
            Meaning::NeedsAction => lang.pick("Perlu tindakan", "Action needed"),
            Meaning::Problem => lang.pick("Ada kendala", "Problem"),
        }
    }
}

impl Stage {
    /// What this stage means (see [`Meaning`]). `AdjudicateRecord` is waiting: the resident is
    /// never told of a resemblance before an adjudicator decided.
    pub const fn meaning(self) -> Meaning {
        match self {
            Stage::Draft
            | Stage::PreFilled
            | Stage::Returned
            | Stage::DocumentsVerified
            | Stage::CardShipped => Meaning::NeedsAction,
            Stage::BioCaptured
            | Stage::SentForEnrollment
            | Stage::AdjudicateRecord
            | Stage::SentForCardPrinting
            | Stage::CardPrinted => Meaning::Waiting,
            Stage::PrintReadyRecord | Stage::CardIssued => Meaning::Done,
            Stage::DuplicateRecord | Stage::EnrollFailure | Stage::Cancelled => Meaning::Problem,
        }
    }
}

/// Whether the applicant still holds a card this application replaces, and so hands it in when
/// collecting the new one: a damaged card, a card with old data, a card from the old address.
/// A new applicant has none and a lost card is gone.
pub const fn hands_in_old_card(kind: ApplicationType) -> bool {
    matches!(
        kind,
        ApplicationType::Rusak | ApplicationType::PerubahanData | ApplicationType::PindahDatang
    )
}

/// What the receipt printed after recording tells the resident, for the application's type and
/// its stage now. Only a card on its way is collected, and only a replaced card is brought back.
pub const fn receipt_instruction(kind: ApplicationType, stage: Stage, lang: Lang) -> &'static str {
    match stage {
        Stage::DuplicateRecord => lang.pick(
            "Data perekaman perlu diklarifikasi. Datang langsung ke Dinas Kependudukan dan Pencatatan Sipil dengan membawa tanda bukti ini dan Kartu Keluarga (KK) asli. KTP-el belum dapat dicetak.",
            "The recording needs to be clarified. Come in person to the regency population office (Dispendukcapil) with this receipt and the original family card (KK). The card cannot be printed yet.",
        ),
        Stage::EnrollFailure => lang.pick(
            "Sidik jari belum dapat dipakai. Datang kembali ke kecamatan dengan tanda bukti ini untuk perekaman ulang.",
            "The fingerprints could not be used. Come back to the kecamatan with this receipt to record them again.",
        ),
        Stage::Cancelled => lang.pick(
            "Permohonan ini dibatalkan. Tanyakan ke kantor kecamatan bila ada pertanyaan.",
            "This application was cancelled. Ask at the kecamatan office if you have questions.",
        ),
        Stage::CardIssued => lang.pick("KTP-el sudah diserahkan.", "The card has been handed over."),
        _ if hands_in_old_card(kind) => lang.pick(
            "Tunggu sampai status menyatakan KTP-el dikirim ke kecamatan, lalu ambil dengan membawa tanda bukti ini dan KTP lama Anda.",
            "Wait until the status says the card was sent to the kecamatan, then collect it with this receipt and your old KTP.",
        ),
        _ => lang.pick(
            "Tunggu sampai status menyatakan KTP-el dikirim ke kecamatan, lalu ambil dengan membawa tanda bukti ini.",
            "Wait until the status says the card was sent to the kecamatan, then collect it with this receipt.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_that_need_attention_never_mean_done() {
        assert_eq!(Stage::DuplicateRecord.meaning(), Meaning::Problem);
        assert_eq!(Stage::EnrollFailure.meaning(), Meaning::Problem);
        assert_eq!(Stage::PrintReadyRecord.meaning(), Meaning::Done);
        // Every stage has a label and a meaning word in both languages.
        for stage in Stage::ALL {
            for lang in [Lang::Id, Lang::En] {
                assert!(!stage.label(lang).is_empty());
                assert!(!stage.meaning().label(lang).is_empty());
            }
        }
    }

    #[test]
    fn only_a_replaced_card_is_brought_back_and_a_duplicate_is_never_told_to_collect() {
        for kind in ApplicationType::ALL.iter().copied() {
            for stage in Stage::ALL {
                let text = receipt_instruction(kind, stage, Lang::Id);
                assert_eq!(
                    text.contains("KTP lama"),
                    hands_in_old_card(kind)
                        && !matches!(stage.meaning(), Meaning::Problem)
                        && stage != Stage::CardIssued,
                    "{kind:?} {stage:?}: {text}"
                );
            }
            let duplicate = receipt_instruction(kind, Stage::DuplicateRecord, Lang::Id);
            assert!(!duplicate.contains("ambil"), "{duplicate}");
        }
        assert!(!hands_in_old_card(ApplicationType::Baru));
        assert!(!hands_in_old_card(ApplicationType::Hilang));
    }
}
