//! The status page's plain words for the card's journey after printing (distribution and
//! handover), kept in one place so they can be merged with the stage wording: where the card
//! is, and what the resident does next. No personal data, not even which kecamatan.

use crate::i18n::Tr;
use shared::api::CardStep;

/// The card's step as a heading line.
pub const fn step(step: CardStep) -> Tr {
    match step {
        CardStep::OnItsWay => Tr(
            "KTP-el Anda sedang dalam perjalanan ke kecamatan Anda.",
            "Your card is on its way to your kecamatan.",
        ),
        CardStep::ReadyToCollect => Tr(
            "KTP-el Anda sudah tiba di kecamatan dan siap diambil.",
            "Your card has arrived at your kecamatan and is ready to collect.",
        ),
        CardStep::Issued => Tr(
            "KTP-el Anda sudah diserahkan kepada Anda.",
            "Your card has been handed over to you.",
        ),
    }
}

/// What the resident does now.
pub const fn next(step: CardStep) -> Tr {
    match step {
        CardStep::OnItsWay => Tr(
            "Belum perlu datang. Periksa kembali halaman ini; kami beri tahu di sini saat KTP-el siap diambil.",
            "No need to come yet. Check this page again; it says here when the card is ready to collect.",
        ),
        CardStep::ReadyToCollect => Tr(
            "Ambil di kantor kecamatan. Bawa tanda bukti pendaftaran dan KTP lama (bila ada). Anda akan menandatangani tanda terima.",
            "Collect it at the kecamatan office. Bring the registration receipt and your old KTP (if you have one). You will sign a receipt.",
        ),
        CardStep::Issued => Tr(
            "Tidak ada tindakan lagi. Surat Keterangan pengganti, bila ada, tidak berlaku lagi.",
            "Nothing more to do. A temporary Surat Keterangan, if you had one, is no longer valid.",
        ),
    }
}

/// The label before the step's date.
pub const SINCE: Tr = Tr("Sejak", "Since");
