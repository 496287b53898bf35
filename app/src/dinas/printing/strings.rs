//! The print room's screen wording in Indonesian and English. The card itself is always in
//! Indonesian (its labels are in `ktp_card.rs`); field problems come from `shared::printing`.

use crate::i18n::Tr;

pub const PRINT_TITLE: Tr = Tr("Pencetakan KTP-el", "Card printing");
pub const PRINT_INTRO: Tr = Tr(
    "Pilih permohonan siap cetak dari satu kecamatan lalu buat cetakan. Setiap blangko yang diambil harus tercatat tercetak atau rusak sebelum cetakan ditutup.",
    "Choose print-ready applications of one kecamatan and make a print run. Every blank card taken must be recorded as printed or spoiled before the run closes.",
);
pub const QUEUE_TITLE: Tr = Tr("Antrean siap cetak", "Ready to print");
pub const QUEUE_EMPTY: Tr = Tr(
    "Tidak ada permohonan siap cetak.",
    "No application is ready to print.",
);
pub const COL_SELECT: Tr = Tr("Pilih", "Select");
pub const COL_CODE: Tr = Tr("Kode pendaftaran", "Registration code");
pub const COL_WAITING: Tr = Tr("Menunggu", "Waiting");
pub const COL_CARD: Tr = Tr("Kartu", "Card");
pub const SELECT_ALL: Tr = Tr("Pilih semua yang muat", "Select all that fit");
pub const FITS: Tr = Tr("Muat", "Fits");
pub const DAYS: Tr = Tr("hari", "days");
pub const TODAY: Tr = Tr("hari ini", "today");
pub const MAKE_RUN: Tr = Tr("Buat cetakan", "Make print run");
pub const SELECTED: Tr = Tr("dipilih", "selected");
pub const RUNS_TITLE: Tr = Tr("Cetakan", "Print runs");
pub const RUNS_EMPTY: Tr = Tr("Belum ada cetakan.", "No print run yet.");
pub const COL_RUN: Tr = Tr("Cetakan", "Run");
pub const COL_KECAMATAN: Tr = Tr("Kecamatan", "Kecamatan");
pub const COL_MADE: Tr = Tr("Dibuat", "Made");
pub const COL_CARDS: Tr = Tr("Permohonan", "Applications");
pub const COL_LEDGER: Tr = Tr(
    "Blangko: diambil / tercetak / rusak",
    "Blanks: taken / printed / spoiled",
);
pub const COL_STATE: Tr = Tr("Keadaan", "State");
pub const OPEN: Tr = Tr("Terbuka", "Open");
pub const CLOSED: Tr = Tr("Ditutup", "Closed");
pub const RUN_TITLE: Tr = Tr("Cetakan", "Print run");
pub const BACK_TO_PRINTING: Tr = Tr("Kembali ke pencetakan", "Back to printing");
pub const LEDGER_TITLE: Tr = Tr("Buku blangko", "Blank-card ledger");
pub const TAKEN: Tr = Tr("Diambil", "Taken");
pub const PRINTED: Tr = Tr("Tercetak", "Printed");
pub const SPOILED: Tr = Tr("Rusak", "Spoiled");
pub const UNACCOUNTED: Tr = Tr("Belum tercatat", "Not yet recorded");
pub const BALANCED: Tr = Tr("Seimbang", "Balanced");
pub const COL_STAGE: Tr = Tr("Tahap", "Stage");
pub const COL_SERIAL: Tr = Tr("Nomor seri kartu", "Card serial");
pub const COL_OUTCOME: Tr = Tr("Hasil", "Outcome");
pub const SERIAL_FOR: Tr = Tr("Nomor seri blangko untuk", "Blank serial for");
pub const REASON_FOR: Tr = Tr(
    "Alasan (rusak/cetak ulang) untuk",
    "Reason (spoiled/reprint) for",
);
pub const MARK_PRINTED: Tr = Tr("Tercetak", "Printed");
pub const MARK_SPOILED: Tr = Tr("Rusak", "Spoiled");
pub const REPRINT: Tr = Tr("Cetak ulang", "Reprint");
pub const VOIDED: Tr = Tr("dibatalkan, diganti", "voided, replaced");
pub const TAKE_BLANKS: Tr = Tr("Ambil blangko tambahan", "Take more blanks");
pub const BLANKS_COUNT: Tr = Tr("Jumlah blangko", "Number of blanks");
pub const CLOSE_RUN: Tr = Tr("Tutup cetakan", "Close run");
pub const PREVIEW: Tr = Tr("Pratinjau dan cetak kartu", "Preview and print the cards");
pub const PREVIEW_TITLE: Tr = Tr("Pratinjau kartu", "Card preview");
pub const PREVIEW_INTRO: Tr = Tr(
    "Periksa setiap kartu sebelum mencetak. Printer kartu mencetak satu kartu (85,60 x 53,98 mm) per halaman, sisi depan lalu sisi belakang.",
    "Check every card before printing. The card printer prints one card (85.60 x 53.98 mm) a page, front then back.",
);
pub const PRINT_CARDS: Tr = Tr("Cetak kartu", "Print the cards");
pub const BACK_TO_RUN: Tr = Tr("Kembali ke cetakan", "Back to the run");
pub const NOT_PRINTABLE: Tr = Tr("Kartu ini tidak dicetak:", "This card is not printed:");
pub const CARD_FRONT: Tr = Tr("Sisi depan KTP-el", "Card front");
pub const CARD_BACK: Tr = Tr("Sisi belakang KTP-el", "Card back");
pub const PHOTO: Tr = Tr("Foto perekaman", "Photo taken at recording");
pub const SIGNATURE: Tr = Tr("Tanda tangan", "Signature");
