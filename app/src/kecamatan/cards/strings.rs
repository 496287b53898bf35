//! The kecamatan's card screens' wording (receiving shipments, handing cards over) in
//! Indonesian and English.

use crate::i18n::Tr;

pub const NAV_CARDS: Tr = Tr("Kartu", "Cards");
pub const CARDS_TITLE: Tr = Tr("KTP-el di kecamatan", "Cards at the kecamatan");
pub const RECEIVE_LINK: Tr = Tr("Terima kiriman", "Receive a shipment");
pub const HANDOVER_LINK: Tr = Tr("Serahkan KTP-el", "Hand a card over");
pub const EXPECTED_TITLE: Tr = Tr("Kiriman dalam perjalanan", "Shipments on their way");
pub const NO_EXPECTED: Tr = Tr(
    "Tidak ada kiriman yang belum diterima.",
    "No shipment is waiting to be received.",
);
pub const WAITING_TITLE: Tr = Tr("Menunggu diambil", "Waiting to be collected");
pub const NO_WAITING: Tr = Tr(
    "Tidak ada KTP-el yang menunggu diambil.",
    "No card is waiting to be collected.",
);
pub const UNCOLLECTED_NOTE: Tr = Tr(
    "Ditandai: belum diambil sejak hari ke-",
    "Marked: not collected from day ",
);
pub const UNCOLLECTED: Tr = Tr("Belum diambil", "Not collected");
pub const COL_CODE: Tr = Tr("Kode pendaftaran", "Registration code");
pub const COL_NAME: Tr = Tr("Nama", "Name");
pub const COL_RECEIVED_ON: Tr = Tr("Diterima", "Received");
pub const COL_DAYS: Tr = Tr("Hari menunggu", "Days waiting");
pub const COL_MANIFEST: Tr = Tr("Kode manifes", "Manifest code");
pub const COL_CARDS: Tr = Tr("KTP-el", "Cards");
pub const COL_PACKED: Tr = Tr("Dikemas", "Packed");
pub const BACK_TO_CARDS: Tr = Tr("Kembali ke daftar kartu", "Back to the cards");

// Receiving.
pub const RECEIVE_TITLE: Tr = Tr("Terima kiriman KTP-el", "Receive a card shipment");
pub const RECEIVE_INTRO: Tr = Tr(
    "Pindai QR pada manifes atau ketik kode manifesnya, lalu centang setiap KTP-el yang benar-benar ada di dalam kiriman.",
    "Scan the QR on the manifest or type its code, then tick every card that is really in the box.",
);
pub const MANIFEST_CODE: Tr = Tr("Kode manifes", "Manifest code");
pub const OPEN: Tr = Tr("Buka", "Open");
pub const SHIPMENT_OF: Tr = Tr("Kiriman", "Shipment");
pub const CARDS_LISTED: Tr = Tr("KTP-el di manifes", "Cards on the manifest");
pub const ALREADY_RECEIVED: Tr = Tr(
    "Kiriman ini sudah diterima. KTP-el yang tadinya tidak ada masih dapat dicentang bila ditemukan.",
    "This shipment was received. A card that was missing can still be ticked when it turns up.",
);
pub const TICK_HINT: Tr = Tr(
    "KTP-el yang tidak dicentang dilaporkan ke dinas sebagai tidak ada.",
    "Cards left unticked are reported to the dinas as missing.",
);
pub const EXTRA_TITLE: Tr = Tr(
    "KTP-el lebih (ada di kiriman tetapi tidak ada di manifes)",
    "Extra cards (in the box but not on the manifest)",
);
pub const EXTRA_LABEL: Tr = Tr(
    "Nama dan NIK yang tertulis pada KTP-el",
    "The name and NIK printed on the card",
);
pub const EXTRA_ADD: Tr = Tr("Tambahkan", "Add");
pub const EXTRA_REMOVE: Tr = Tr("Hapus", "Remove");
pub const SAVE_RECEIPT: Tr = Tr("Simpan penerimaan", "Save the receipt");
pub const SAVED: Tr = Tr(
    "Penerimaan tersimpan. Selisih (tidak ada atau lebih) terlihat oleh dinas.",
    "Receipt saved. Any difference (missing or extra) is visible to the dinas.",
);
pub const COUNT_RECEIVED: Tr = Tr("diterima", "received");
pub const COUNT_MISSING: Tr = Tr("tidak ada", "missing");
pub const COUNT_EXTRA: Tr = Tr("lebih", "extra");
pub const STATE_RECEIVED: Tr = Tr("sudah diterima", "received");
pub const STATE_HANDED_OVER: Tr = Tr("sudah diserahkan", "handed over");
pub const STATE_MISSING: Tr = Tr("tidak ada", "missing");

// Handover.
pub const HANDOVER_TITLE: Tr = Tr("Penyerahan KTP-el", "Card handover");
pub const HANDOVER_INTRO: Tr = Tr(
    "Pindai QR pada tanda bukti pendaftaran penduduk atau ketik kodenya.",
    "Scan the QR on the resident's registration receipt or type its code.",
);
pub const REG_CODE: Tr = Tr("Kode pendaftaran", "Registration code");
pub const FIND: Tr = Tr("Cari", "Find");
pub const CHECK_PERSON: Tr = Tr(
    "Cocokkan wajah penduduk dengan foto saat perekaman.",
    "Check the resident's face against the photo taken at recording.",
);
pub const FACE: Tr = Tr("Foto saat perekaman", "Photo at recording");
pub const NIK: Tr = Tr("NIK", "NIK");
pub const BIRTH: Tr = Tr("Tempat, tanggal lahir", "Place and date of birth");
pub const APPLICATION_TYPE: Tr = Tr("Jenis permohonan", "Application type");
pub const RECEIVED_ON: Tr = Tr(
    "KTP-el diterima kecamatan",
    "Card received at the kecamatan",
);
pub const OLD_KTP_HANDED_IN: Tr = Tr("KTP lama sudah diserahkan", "The old KTP was handed in");
pub const OLD_KTP_NOTE: Tr = Tr(
    "Bila KTP lama tidak diserahkan, tuliskan alasannya",
    "If the old KTP was not handed in, write why",
);
pub const OLD_KTP_NOTE_REQUIRED: Tr = Tr(
    "Tuliskan mengapa KTP lama tidak diserahkan.",
    "Write why the old KTP was not handed in.",
);
pub const NO_OLD_KTP: Tr = Tr(
    "Jenis permohonan ini tidak menyerahkan KTP lama.",
    "This application type hands in no old KTP.",
);
pub const SIGN_HINT: Tr = Tr(
    "Penduduk menandatangani penerimaan KTP-el di bawah ini.",
    "The resident signs for the card below.",
);
pub const SIGNATURE_REQUIRED: Tr = Tr(
    "Penduduk belum menandatangani.",
    "The resident has not signed yet.",
);
pub const HAND_OVER: Tr = Tr("Serahkan KTP-el", "Hand the card over");
pub const ALREADY_HANDED_OVER: Tr = Tr(
    "KTP-el ini sudah diserahkan. Tanda terimanya dapat dicetak ulang.",
    "This card was already handed over. Its receipt can be printed again.",
);
pub const PRINT: Tr = Tr("Cetak tanda terima", "Print the receipt");

// The handover receipt.
pub const RECEIPT_TITLE: Tr = Tr("TANDA TERIMA KTP-el", "KTP-el HANDOVER RECEIPT");
pub const RECEIPT_STATEMENT: Tr = Tr(
    "Yang bertanda tangan di bawah ini telah menerima KTP-el miliknya.",
    "The undersigned has received their KTP-el.",
);
pub const KECAMATAN: Tr = Tr("Kecamatan", "Kecamatan");
pub const SHIPMENT: Tr = Tr("Kiriman", "Shipment");
pub const HANDED_OVER_AT: Tr = Tr("Diserahkan pada", "Handed over on");
pub const HANDED_OVER_BY: Tr = Tr("Petugas", "Officer");
pub const OLD_KTP: Tr = Tr("KTP lama", "Old KTP");
pub const OLD_KTP_IN: Tr = Tr("diserahkan", "handed in");
pub const OLD_KTP_NOT_IN: Tr = Tr("tidak diserahkan", "not handed in");
pub const OLD_KTP_NONE: Tr = Tr("tidak ada (bukan penggantian)", "none (not a replacement)");
pub const RESIDENT_SIGNATURE: Tr = Tr("Tanda tangan penerima", "Recipient's signature");
