//! The Distribusi section's wording in Indonesian and English.

use crate::i18n::Tr;

pub const TITLE: Tr = Tr("Distribusi KTP-el", "Card distribution");
pub const INTRO: Tr = Tr(
    "Kemas KTP-el yang sudah dicetak menjadi satu kiriman per kecamatan, cetak manifesnya, dan pantau penerimaan di kecamatan.",
    "Pack printed cards into one shipment per kecamatan, print its manifest, and follow its receipt at the kecamatan.",
);
pub const WAITING_TITLE: Tr = Tr("Menunggu dikirim", "Waiting to be shipped");
pub const NOTHING_WAITING: Tr = Tr(
    "Tidak ada KTP-el tercetak yang menunggu dikirim.",
    "No printed card is waiting to be shipped.",
);
pub const COL_KECAMATAN: Tr = Tr("Kecamatan", "Kecamatan");
pub const COL_CARDS: Tr = Tr("KTP-el", "Cards");
pub const PACK: Tr = Tr("Kemas kiriman", "Pack a shipment");
pub const PACK_HINT: Tr = Tr(
    "Paling banyak 500 kartu per kiriman, yang tercetak paling lama lebih dulu.",
    "At most 500 cards per shipment, the longest printed first.",
);
pub const SHIPMENTS_TITLE: Tr = Tr("Kiriman", "Shipments");
pub const NO_SHIPMENTS: Tr = Tr("Belum ada kiriman.", "No shipments yet.");
pub const COL_CODE: Tr = Tr("Kode manifes", "Manifest code");
pub const COL_PACKED: Tr = Tr("Dikemas", "Packed");
pub const COL_RECEIVED: Tr = Tr("Diterima kecamatan", "Received at the kecamatan");
pub const COL_MISSING: Tr = Tr("Tidak ada", "Missing");
pub const COL_EXTRA: Tr = Tr("Lebih", "Extra");
pub const NOT_RECEIVED: Tr = Tr("Belum diterima", "Not yet received");
pub const UNCOLLECTED_TITLE: Tr = Tr("Belum diambil penduduk", "Not collected by residents");
pub const UNCOLLECTED_INTRO: Tr = Tr(
    "KTP-el yang sudah diterima kecamatan tetapi belum diambil setelah hari ke-",
    "Cards received at the kecamatan and still not collected from day ",
);
pub const NONE_UNCOLLECTED: Tr = Tr(
    "Tidak ada KTP-el yang lama belum diambil.",
    "No card has been waiting long.",
);
pub const COL_REG_CODE: Tr = Tr("Kode pendaftaran", "Registration code");
pub const COL_RECEIVED_ON: Tr = Tr("Diterima", "Received");
pub const COL_DAYS: Tr = Tr("Hari menunggu", "Days waiting");

// One shipment.
pub const SHIPMENT_TITLE: Tr = Tr("Kiriman KTP-el", "Card shipment");
pub const BACK: Tr = Tr("Kembali ke distribusi", "Back to distribution");
pub const PRINT_MANIFEST: Tr = Tr("Cetak manifes", "Print the manifest");
pub const MANIFEST_TITLE: Tr = Tr("MANIFES KIRIMAN KTP-el", "CARD SHIPMENT MANIFEST");
pub const MANIFEST_QR: Tr = Tr("QR kode manifes", "QR of the manifest code");
pub const MANIFEST_HINT: Tr = Tr(
    "Di kecamatan: pindai QR ini atau ketik kodenya di menu Kartu, lalu centang setiap KTP-el yang ada di dalam kiriman.",
    "At the kecamatan: scan this QR or type its code under Cards, then tick every card in the box.",
);
pub const TO_KECAMATAN: Tr = Tr("Untuk kecamatan", "To the kecamatan");
pub const PACKED_BY: Tr = Tr("Dikemas oleh", "Packed by");
pub const RECEIVED_BY: Tr = Tr("Diterima oleh", "Received by");
pub const COL_NO: Tr = Tr("No.", "No.");
pub const COL_SERIAL: Tr = Tr("No. seri kartu", "Card serial");
pub const COL_NAME: Tr = Tr("Nama", "Name");
pub const COL_VILLAGE: Tr = Tr("Desa/kelurahan", "Village");
pub const COL_STATE: Tr = Tr("Keadaan", "State");
pub const STATE_IN_TRANSIT: Tr = Tr("Dalam perjalanan", "In transit");
pub const STATE_RECEIVED: Tr = Tr("Diterima", "Received");
pub const STATE_MISSING: Tr = Tr("Tidak ada dalam kiriman", "Missing from the box");
pub const STATE_HANDED_OVER: Tr = Tr("Sudah diserahkan", "Handed over");
pub const EXTRAS_TITLE: Tr = Tr(
    "KTP-el lebih (tidak ada di manifes)",
    "Extra cards (not on the manifest)",
);
pub const REPORTED_BY: Tr = Tr("dilaporkan oleh", "reported by");
pub const DISCREPANCY: Tr = Tr(
    "Kecamatan melaporkan selisih: periksa KTP-el yang tidak ada dan yang lebih di bawah.",
    "The kecamatan reported a difference: see the missing and extra cards below.",
);
