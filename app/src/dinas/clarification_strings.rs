//! The clarification screen's and the supervisor flags' texts, Indonesian first, then English.

use crate::i18n::Tr;
use shared::api::{ClarificationOutcome, FlagKind, SeenDocument};

pub const CLARIFY_TITLE: Tr = Tr(
    "Klarifikasi dengan penduduk",
    "Clarification with the resident",
);
pub const CLARIFY_INTRO: Tr = Tr(
    "Catat kunjungan penduduk ke dinas: keterangannya, dokumen yang diperlihatkan, dan hasilnya.",
    "Record the resident's visit to the dinas: their statement, the documents seen, and the outcome.",
);
pub const STATEMENT: Tr = Tr(
    "Keterangan penduduk (wajib)",
    "The resident's statement (required)",
);
pub const STATEMENT_REQUIRED: Tr = Tr(
    "Tuliskan keterangan penduduk.",
    "Write what the resident said.",
);
pub const DOCUMENTS_SEEN: Tr = Tr("Dokumen yang diperlihatkan", "Documents seen");
pub const OUTCOME: Tr = Tr("Hasil klarifikasi", "Outcome");
pub const CHOOSE_OUTCOME: Tr = Tr("Pilih hasil klarifikasi.", "Choose the outcome.");
pub const EXISTING_RECORD: Tr = Tr("Rekaman yang sudah ada", "The existing record");
pub const CHOOSE_EXISTING: Tr = Tr(
    "Pilih rekaman yang sudah ada (salah satu kandidat).",
    "Choose the existing record (one of the candidates).",
);
pub const SAVE_CLARIFICATION: Tr = Tr("Simpan klarifikasi", "Save the clarification");
pub const CLARIFICATIONS: Tr = Tr("Klarifikasi tercatat", "Clarifications recorded");
pub const CLARIFIED_BY: Tr = Tr("dicatat oleh", "recorded by");
pub const LINKED_TO: Tr = Tr("ditautkan ke", "linked to");
pub const FLAGS_TITLE: Tr = Tr("Tanda untuk supervisor", "Flags for the supervisor");
pub const FLAGS_INTRO: Tr = Tr(
    "Rekaman dan permohonan yang ditandai saat adjudikasi atau klarifikasi, terbaru dulu. Buka kasusnya untuk membaca alasannya.",
    "Recordings and applications flagged at adjudication or clarification, newest first. Open the case to read the reason.",
);
pub const NO_FLAGS: Tr = Tr("Tidak ada tanda.", "No flags.");
pub const COL_FLAG: Tr = Tr("Tanda", "Flag");
pub const COL_RAISED: Tr = Tr("Ditandai", "Raised");
pub const COL_RAISED_BY: Tr = Tr("Oleh", "By");

pub const fn document_label(d: SeenDocument) -> Tr {
    match d {
        SeenDocument::RegistrationReceipt => Tr("Tanda terima pendaftaran", "Registration receipt"),
        SeenDocument::FamilyCard => Tr("Kartu Keluarga (KK)", "Family card (KK)"),
        SeenDocument::OldKtp => Tr("KTP lama", "Old KTP"),
        SeenDocument::BirthCertificate => Tr("Akta kelahiran", "Birth certificate"),
        SeenDocument::MarriageCertificate => Tr("Buku/akta nikah", "Marriage certificate"),
        SeenDocument::Other => Tr("Lainnya", "Other"),
    }
}

pub const fn outcome_label(o: ClarificationOutcome) -> Tr {
    match o {
        ClarificationOutcome::SamePersonApplyingAgain => Tr(
            "Orang yang sama mendaftar lagi — permohonan baru dibatalkan dan ditautkan ke rekaman yang ada",
            "The same person applying again — the new application is cancelled and linked to the existing record",
        ),
        ClarificationOutcome::IdentityFraud => Tr(
            "Pemalsuan identitas — dibatalkan, ditahan, dan ditandai untuk supervisor",
            "Identity fraud — cancelled, held and flagged for the supervisor",
        ),
        ClarificationOutcome::MatcherError => Tr(
            "Kesalahan pencocokan — diusulkan bukan duplikat, untuk disetujui supervisor",
            "Matcher error — proposed as not a duplicate, for a supervisor's approval",
        ),
    }
}

pub const fn flag_label(k: FlagKind) -> Tr {
    match k {
        FlagKind::IdentityFraud => Tr("Pemalsuan identitas", "Identity fraud"),
        FlagKind::OperatorFingerprints => Tr(
            "Sidik jari operator sendiri",
            "The operator's own fingerprints",
        ),
    }
}
