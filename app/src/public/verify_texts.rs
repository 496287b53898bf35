//! The verification page's wording, Indonesian and English (kept beside the page rather than in
//! `i18n/strings.rs` because no other screen uses it).

use crate::i18n::Tr;

pub const VERIFY_TITLE: Tr = Tr("Periksa Surat Keterangan", "Check a Surat Keterangan");
pub const VERIFY_INTRO: Tr = Tr(
    "Pindai kode QR pada Surat Keterangan dengan kamera ponsel ini, atau tempel teksnya (diawali SK1:) dari aplikasi pemindai lain. Pemeriksaan berjalan di perangkat ini, juga tanpa internet; tidak ada data yang dikirim.",
    "Scan the QR code on the Surat Keterangan with this phone's camera, or paste its text (it starts with SK1:) from another scanner app. The check runs on this device, also with no internet; nothing is sent.",
);
pub const SCAN_WITH_CAMERA: Tr = Tr("Pindai dengan kamera", "Scan with the camera");
pub const SCAN_HINT: Tr = Tr(
    "Arahkan kamera ke kode QR pada Surat Keterangan sampai terbaca.",
    "Point the camera at the QR code on the Surat Keterangan until it is read.",
);
pub const STOP_SCAN: Tr = Tr("Tutup kamera", "Close the camera");
pub const CAMERA_UNAVAILABLE: Tr = Tr(
    "Kamera tidak dapat dibuka. Izinkan akses kamera, atau tempel teks kode QR di bawah.",
    "The camera could not be opened. Allow camera access, or paste the QR code text below.",
);
pub const QR_TEXT: Tr = Tr("Teks kode QR", "QR code text");
pub const VERIFY: Tr = Tr("Periksa", "Check");
pub const EMPTY_TEXT: Tr = Tr("Tempel teks kode QR dulu.", "Paste the QR code text first.");

pub const VALID: Tr = Tr(
    "SAH: Surat Keterangan ini asli dan berlaku",
    "VALID: this Surat Keterangan is genuine and in force",
);
pub const VALID_UNTIL: Tr = Tr("Berlaku sampai sebelum", "Valid until before");
pub const NOT_YET_VALID: Tr = Tr(
    "BELUM BERLAKU: tanggal terbitnya setelah hari ini. Periksa tanggal di perangkat ini.",
    "NOT YET VALID: it is dated after today. Check this device's date.",
);
pub const EXPIRED: Tr = Tr(
    "KEDALUWARSA: Surat Keterangan ini asli tetapi sudah tidak berlaku",
    "EXPIRED: this Surat Keterangan is genuine but no longer valid",
);
pub const EXPIRED_ON: Tr = Tr("Tidak berlaku sejak", "Not valid since");
pub const REVOKED: Tr = Tr(
    "DICABUT: Surat Keterangan ini sudah dicabut oleh Dinas dan tidak berlaku",
    "REVOKED: the office has revoked this Surat Keterangan; it is not valid",
);
pub const FORGED: Tr = Tr(
    "TIDAK ASLI: kode QR ini bukan Surat Keterangan yang sah",
    "NOT GENUINE: this QR code is not a valid Surat Keterangan",
);
pub const FORGED_BAD_SIGNATURE: Tr = Tr(
    "Tanda tangan elektroniknya tidak cocok: isinya diubah atau dipalsukan.",
    "Its electronic signature does not match: the content was changed or forged.",
);
pub const FORGED_UNKNOWN_KEY: Tr = Tr(
    "Ditandatangani dengan kunci yang tidak dikenal. Jika halaman ini lama tidak dibuka saat online, buka lagi saat ada internet lalu periksa ulang.",
    "Signed with an unknown key. If this page has not been opened online for a long time, open it again with internet and check again.",
);
pub const FORGED_MALFORMED: Tr = Tr(
    "Teks ini bukan kode QR Surat Keterangan, atau tidak lengkap tersalin.",
    "This text is not a Surat Keterangan QR code, or was not copied completely.",
);
pub const FORGED_VERSION: Tr = Tr(
    "Format kode QR ini lebih baru dari halaman ini. Buka halaman ini saat ada internet agar diperbarui, lalu periksa ulang.",
    "This QR code's format is newer than this page. Open the page with internet to update it, then check again.",
);
pub const TEST_KEY: Tr = Tr(
    "PERHATIAN: ditandatangani dengan kunci UJI. Ini dokumen percobaan, bukan Surat Keterangan yang sah.",
    "WARNING: signed with a TEST key. This is a trial document, not a valid Surat Keterangan.",
);

pub const COMPARE: Tr = Tr("Cocokkan dengan kertasnya", "Compare with the paper");
pub const COMPARE_HINT: Tr = Tr(
    "Data ini yang ditandatangani Dinas. Jika satu saja berbeda dari yang tercetak, dokumen itu palsu.",
    "This is what the office signed. If anything differs from the printed paper, the document is forged.",
);
pub const NUMBER: Tr = Tr("Nomor", "Number");
pub const NIK: Tr = Tr("NIK", "NIK");
pub const NAME: Tr = Tr("Nama", "Name");
pub const BIRTH: Tr = Tr("Tempat/tgl. lahir", "Place/date of birth");
pub const SEX: Tr = Tr("Jenis kelamin", "Sex");
pub const ISSUED_ON: Tr = Tr("Diterbitkan", "Issued");
pub const EXPIRES_ON: Tr = Tr("Berlaku sampai sebelum", "Valid until before");
pub const ISSUER: Tr = Tr("Penerbit", "Issuer");
pub const ISSUER_NAME: Tr = Tr(
    "Dinas Dukcapil, kode wilayah",
    "Population office, region code",
);
pub const KEY: Tr = Tr("Kunci", "Key");
pub const KEY_BUNDLED: Tr = Tr("tertanam di halaman ini", "built into this page");
pub const KEY_SERVED: Tr = Tr(
    "diunduh dari situs Dinas",
    "downloaded from the office's site",
);

pub const STATUS_AS_OF: Tr = Tr("Status pencabutan per", "Revocation status as of");
pub const NOT_REVOKED: Tr = Tr("tidak dicabut", "not revoked");
pub const REVOKED_SHORT: Tr = Tr("dicabut", "revoked");
pub const LIST_TOO_OLD: Tr = Tr(
    "Daftar pencabutan di perangkat ini lebih lama dari Surat Keterangan ini; buka halaman ini saat ada internet untuk daftar terbaru. Daftar per",
    "The revocation list on this device is older than this Surat Keterangan; open this page with internet for the latest. List as of",
);
pub const NO_LIST: Tr = Tr(
    "Belum ada daftar pencabutan di perangkat ini: sah menurut tanda tangan dan tanggal saja. Buka halaman ini saat ada internet untuk mengunduhnya.",
    "No revocation list on this device yet: valid by signature and dates only. Open this page with internet to download it.",
);
