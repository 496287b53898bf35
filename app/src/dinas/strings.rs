//! The regency office (dinas) console's screen wording in Indonesian and English. Domain texts
//! (stages, roles, error codes, field problems) come from `shared`.

use crate::i18n::Tr;

// Console chrome.
pub const CONSOLE_TITLE: Tr = Tr("Konsol Dinas KTP-el", "Dinas KTP-el console");
pub const SECTIONS: Tr = Tr("Bagian konsol", "Console sections");
pub const WRONG_ROLE: Tr = Tr(
    "Akun ini bukan akun operator atau supervisor dinas.",
    "This account is not a dinas operator or supervisor account.",
);
pub const HOME_TITLE: Tr = Tr("Konsol Dinas", "Dinas console");
pub const HOME_INTRO: Tr = Tr(
    "Pilih bagian pekerjaan Anda.",
    "Choose the part of the work you are doing.",
);
pub const COMING: Tr = Tr(
    "Bagian ini sedang dibuat dan belum dapat dipakai. Belum ada data yang ditampilkan di sini.",
    "This section is being built and cannot be used yet. No data is shown here.",
);
pub const BACK_TO_CONSOLE: Tr = Tr("Kembali ke konsol", "Back to the console");

// Sections.
pub const ADJUDICATION: Tr = Tr("Adjudikasi", "Adjudication");
pub const ADJUDICATION_ABOUT: Tr = Tr(
    "Memutus rekaman yang sidik jarinya mirip dengan penduduk lain.",
    "Deciding recordings whose fingerprints resemble another resident's.",
);
pub const PRINTING: Tr = Tr("Pencetakan", "Printing");
pub const PRINTING_ABOUT: Tr = Tr(
    "Mencetak KTP-el yang siap cetak, per kecamatan.",
    "Printing the cards that are ready, per kecamatan.",
);
pub const CERTIFICATE: Tr = Tr("Surat Keterangan", "Surat Keterangan");
pub const CERTIFICATE_ABOUT: Tr = Tr(
    "Menerbitkan surat keterangan pengganti KTP-el selama kartu belum dicetak.",
    "Issuing the temporary certificate while the card is not printed yet.",
);
pub const DISTRIBUTION: Tr = Tr("Distribusi", "Distribution");
pub const DISTRIBUTION_ABOUT: Tr = Tr(
    "Mengirim kartu tercetak ke kecamatan.",
    "Shipping printed cards to the kecamatan.",
);
