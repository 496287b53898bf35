//! The audit section's wording in Indonesian and English.

use crate::i18n::Tr;

pub const AUDIT: Tr = Tr("Audit", "Audit");
pub const AUDIT_ABOUT: Tr = Tr(
    "Memeriksa log audit dan rantainya, serta menjawab permintaan akses data pribadi (supervisor).",
    "Checking the audit log and its chain, and answering personal data access requests (supervisors).",
);
pub const SUPERVISORS_ONLY: Tr = Tr(
    "Bagian ini hanya untuk supervisor dinas.",
    "This section is for dinas supervisors only.",
);

// The chain check.
pub const CHAIN_TITLE: Tr = Tr("Rantai audit", "Audit chain");
pub const CHAIN_INTRO: Tr = Tr(
    "Setiap baris log terkait dengan baris sebelumnya lewat hash; titik periksa bertanda tangan disimpan berkala. Pemeriksaan menelusuri seluruh rantai.",
    "Every log row is linked to the one before by a hash; signed checkpoints are stored periodically. The check walks the whole chain.",
);
pub const CHAIN_CHECK: Tr = Tr("Periksa rantai", "Check the chain");
pub const CHAIN_CHECKING: Tr = Tr("Memeriksa…", "Checking…");
pub const CHAIN_INTACT: Tr = Tr("Rantai utuh.", "The chain is intact.");
pub const CHAIN_BROKEN: Tr = Tr("Tautan rusak pertama: baris", "First broken link: row");
pub const CHAIN_ROWS: Tr = Tr("Baris", "Rows");
pub const CHAIN_LINKED: Tr = Tr("tertaut", "linked");
pub const CHAIN_PENDING: Tr = Tr("menunggu tautan", "awaiting their link");
pub const CHAIN_CHECKPOINTS: Tr = Tr("Titik periksa bertanda tangan", "Signed checkpoints");
pub const CHAIN_LAST_CHECKPOINT: Tr = Tr("terakhir di baris", "last at row");
pub const FAULT_CONTENT: Tr = Tr(
    "isi baris tidak cocok dengan hash-nya (baris diubah)",
    "the row's content does not match its hash (the row was altered)",
);
pub const FAULT_CHAIN: Tr = Tr(
    "tautan ke baris sebelumnya putus (baris dihapus, disisipkan atau diurutkan ulang)",
    "the link to the row before is broken (a row was removed, inserted or reordered)",
);
pub const FAULT_MISSING: Tr = Tr(
    "baris tertaut setelah baris tanpa tautan",
    "a linked row follows an unlinked one",
);
pub const FAULT_CHECKPOINT: Tr = Tr(
    "titik periksa bertanda tangan tidak cocok",
    "a signed checkpoint does not match",
);

// The viewer.
pub const LOG_TITLE: Tr = Tr("Log audit", "Audit log");
pub const FILTER_PERSON: Tr = Tr(
    "Penduduk (NIK atau kode registrasi)",
    "Resident (NIK or registration code)",
);
pub const FILTER_STAFF: Tr = Tr("Petugas (nama pengguna)", "Staff member (user name)");
pub const FILTER_ACTION: Tr = Tr("Tindakan", "Action");
pub const FILTER_DISTRICT: Tr = Tr(
    "Kecamatan (kode, mis. 33.15.13)",
    "Kecamatan (code, e.g. 33.15.13)",
);
pub const FILTER_FROM: Tr = Tr("Dari tanggal", "From");
pub const FILTER_TO: Tr = Tr("Sampai tanggal", "To");
pub const SHOW: Tr = Tr("Tampilkan", "Show");
pub const NEWEST: Tr = Tr("Terbaru", "Newest");
pub const NEWER: Tr = Tr("Lebih baru", "Newer");
pub const OLDER: Tr = Tr("Lebih lama", "Older");
pub const NO_ROWS: Tr = Tr("Tidak ada baris yang cocok.", "No rows match.");
pub const COL_AT: Tr = Tr("Waktu", "Time");
pub const COL_STAFF: Tr = Tr("Petugas", "Staff member");
pub const COL_ACTION: Tr = Tr("Tindakan", "Action");
pub const COL_CODE: Tr = Tr("Kode registrasi", "Registration code");
pub const COL_KECAMATAN: Tr = Tr("Kecamatan", "Kecamatan");
pub const COL_CLIENT: Tr = Tr("Klien", "Client");
pub const COL_DETAIL: Tr = Tr("Rincian", "Detail");
pub const NOBODY: Tr = Tr("(tanpa akun)", "(no account)");
pub const TO_SUBJECT_ACCESS: Tr = Tr(
    "Permintaan akses data pribadi",
    "Personal data access request",
);

// The subject-access report.
pub const SAR_TITLE: Tr = Tr("Akses data pribadi", "Personal data access");
pub const SAR_INTRO: Tr = Tr(
    "Semua data yang disimpan tentang satu penduduk dan setiap akses petugas ke data itu (UU 27/2022). Pembuatan laporan ini tercatat di log audit.",
    "Everything held about one resident and every staff access to it (UU 27/2022). Producing this report is recorded in the audit log.",
);
pub const SAR_NIK: Tr = Tr("NIK penduduk", "Resident's NIK");
pub const SAR_MAKE: Tr = Tr("Buat laporan", "Make the report");
pub const SAR_PRINT: Tr = Tr("Cetak", "Print");
pub const SAR_DOWNLOAD: Tr = Tr("Unduh JSON", "Download JSON");
pub const SAR_REPORT: Tr = Tr(
    "Laporan data pribadi yang disimpan",
    "Report of personal data held",
);
pub const SAR_GENERATED: Tr = Tr("Dibuat", "Made");
pub const SAR_BY: Tr = Tr("oleh", "by");
pub const SAR_NONE: Tr = Tr(
    "Tidak ada permohonan dengan NIK ini.",
    "No application has this NIK.",
);
pub const SAR_APPLICATION: Tr = Tr("Permohonan", "Application");
pub const SAR_FORM: Tr = Tr("Data formulir", "Form data");
pub const SAR_STAGES: Tr = Tr("Tahapan", "Stages");
pub const SAR_DOCUMENTS: Tr = Tr("Dokumen", "Documents");
pub const SAR_RECORDINGS: Tr = Tr(
    "Perekaman biometrik (metadata; templat sidik jari tidak termasuk)",
    "Biometric recordings (metadata; fingerprint templates are not included)",
);
pub const SAR_CERTIFICATES: Tr = Tr("Surat keterangan", "Certificates");
pub const SAR_ACCESSES: Tr = Tr("Akses petugas", "Staff accesses");
pub const SAR_NOTHING: Tr = Tr("Tidak ada.", "None.");
pub const FIELD_NAME: Tr = Tr("Nama", "Name");
pub const FIELD_KK: Tr = Tr("Nomor KK", "KK number");
pub const FIELD_BIRTH: Tr = Tr("Tempat, tanggal lahir", "Place and date of birth");
pub const FIELD_ADDRESS: Tr = Tr("Alamat", "Address");
pub const FIELD_PHONE: Tr = Tr("Telepon", "Phone");
pub const COL_STAGE: Tr = Tr("Tahap", "Stage");
pub const COL_ACTOR: Tr = Tr("Oleh", "By");
pub const COL_KIND: Tr = Tr("Jenis", "Kind");
pub const COL_SIZE: Tr = Tr("Ukuran", "Size");
pub const COL_FINGERS: Tr = Tr("Jari (kualitas)", "Fingers (quality)");
pub const COL_OUTCOME: Tr = Tr("Hasil 1:N", "1:N outcome");
pub const COL_NUMBER: Tr = Tr("Nomor", "Number");
pub const COL_VALID: Tr = Tr("Berlaku", "Valid");
pub const COL_ENDED: Tr = Tr("Dicabut / berakhir", "Revoked / ended");
