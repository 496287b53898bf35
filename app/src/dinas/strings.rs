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
    "Mengirim kartu tercetak ke kecamatan dan memantau penerimaan serta pengambilannya.",
    "Shipping printed cards to the kecamatan and following their receipt and collection.",
);

// Adjudication: the case queue.
pub const CASES_TITLE: Tr = Tr("Antrean kasus adjudikasi", "Adjudication case queue");
pub const CASES_INTRO: Tr = Tr(
    "Rekaman yang sidik jarinya mirip dengan penduduk lain, yang terlama di atas. Membuka kasus berarti mengambilnya untuk Anda kerjakan.",
    "Recordings whose fingerprints resemble another resident's, oldest first. Opening a case takes it for you to work on.",
);
pub const NO_CASES: Tr = Tr("Tidak ada kasus yang menunggu.", "No cases are waiting.");
pub const COL_CODE: Tr = Tr("Kode pendaftaran", "Registration code");
pub const COL_AGE: Tr = Tr("Umur kasus", "Case age");
pub const COL_KECAMATAN: Tr = Tr("Kecamatan", "Kecamatan");
pub const COL_STAGE: Tr = Tr("Tahap", "Stage");
pub const COL_STRENGTH: Tr = Tr("Kemiripan terbaik", "Best match");
pub const COL_HOLDER: Tr = Tr("Dipegang oleh", "Held by");
pub const COL_PROPOSAL: Tr = Tr("Usulan", "Proposal");
pub const NOBODY: Tr = Tr("—", "—");
pub const YOU: Tr = Tr("Anda", "You");
pub const AWAITING_SUPERVISOR: Tr = Tr("Menunggu supervisor", "Awaiting a supervisor");
pub const CHANCE_ABOUT: Tr = Tr(
    "Orang lain mendapat skor setinggi ini sekitar ",
    "Someone else scores this high about ",
);
pub const CHANCE_CAPPED: Tr = Tr(
    "Orang lain mendapat skor setinggi ini: ",
    "Someone else scoring this high: ",
);
pub const HOURS: Tr = Tr("jam", "h");
pub const DAYS: Tr = Tr("hari", "d");
pub const UNDER_AN_HOUR: Tr = Tr("< 1 jam", "< 1 h");

// Adjudication: one case.
pub const CASE_TITLE: Tr = Tr("Kasus adjudikasi", "Adjudication case");
pub const BACK_TO_CASES: Tr = Tr("Kembali ke antrean kasus", "Back to the case queue");
pub const HELD_BY_YOU: Tr = Tr(
    "Kasus ini sedang Anda pegang sampai",
    "You hold this case until",
);
pub const RELEASE: Tr = Tr("Lepaskan kasus", "Release the case");
pub const PROBE: Tr = Tr("Rekaman ini", "This recording");
pub const CANDIDATE: Tr = Tr("Kandidat", "Candidate");
pub const CANDIDATES: Tr = Tr("Kandidat", "Candidates");
pub const NO_CANDIDATES: Tr = Tr("Tidak ada kandidat.", "No candidates.");
pub const UNMAPPED: Tr = Tr(
    "kandidat tidak lagi terhubung ke permohonan (laporkan ke administrator).",
    "candidates no longer map to an application (tell the administrator).",
);
pub const FACE: Tr = Tr("Wajah saat perekaman", "Face at recording");
pub const PHOTO_3X4: Tr = Tr("Pas foto 3x4", "3x4 photo");
pub const IMAGE_FAILED: Tr = Tr(
    "Gambar tidak dapat dimuat.",
    "The image could not be loaded.",
);
pub const DIFFERS: Tr = Tr("berbeda", "differs");
pub const SAME: Tr = Tr("sama", "same");
pub const F_NAME: Tr = Tr("Nama", "Name");
pub const F_NIK: Tr = Tr("NIK", "NIK");
pub const F_KK: Tr = Tr("Nomor KK", "KK number");
pub const F_BIRTH_PLACE: Tr = Tr("Tempat lahir", "Place of birth");
pub const F_BIRTH_DATE: Tr = Tr("Tanggal lahir", "Date of birth");
pub const F_SEX: Tr = Tr("Jenis kelamin", "Sex");
pub const F_ADDRESS: Tr = Tr("Alamat", "Address");
pub const F_KECAMATAN: Tr = Tr("Kecamatan", "Kecamatan");
pub const F_RECORDED: Tr = Tr("Direkam", "Recorded");
pub const F_RECORDED_BY: Tr = Tr("Operator perekam", "Recording operator");
pub const F_STAGE: Tr = Tr("Tahap", "Stage");
pub const FIELD: Tr = Tr("Data", "Field");
pub const COMPARED: Tr = Tr("Perbandingan", "Comparison");
pub const FINGERS_TITLE: Tr = Tr("Skor per jari", "Score per finger");
pub const COL_FINGER: Tr = Tr("Jari", "Finger");
pub const COL_PROBE_QUALITY: Tr = Tr("Kualitas (rekaman ini)", "Quality (this recording)");
pub const COL_CANDIDATE_QUALITY: Tr = Tr("Kualitas (kandidat)", "Quality (candidate)");
pub const COL_SCORE: Tr = Tr("Skor", "Score");
pub const COL_OVERLAY: Tr = Tr("Minusi", "Minutiae");
pub const SHOW_OVERLAY: Tr = Tr("Tampilkan", "Show");
pub const SHOWN: Tr = Tr("Ditampilkan", "Shown");
pub const NOT_CAPTURED: Tr = Tr("tidak direkam", "not captured");
pub const NO_SCORE: Tr = Tr("—", "—");
pub const OVERLAY_TITLE: Tr = Tr("Minusi sejajar", "Aligned minutiae");
pub const OVERLAY_LEGEND: Tr = Tr(
    "Lingkaran: minusi rekaman ini. Persegi: minusi kandidat, digeser ke posisi rekaman ini. Garis tipis: arah punggung alur. Garis putus-putus: pasangan minusi yang cocok.",
    "Circles: this recording's minutiae. Squares: the candidate's, moved into this recording's frame. Short strokes: ridge direction. Dashed lines: paired minutiae.",
);
pub const OVERLAY_SUMMARY: Tr = Tr("pasangan minusi cocok, skor", "paired minutiae, score");
pub const OVERLAY_LABEL: Tr = Tr(
    "Gambar minusi kedua sidik jari yang disejajarkan",
    "Drawing of both fingerprints' minutiae, aligned",
);
pub const CHOOSE_FINGER: Tr = Tr(
    "Pilih jari pada tabel untuk melihat minusinya.",
    "Choose a finger in the table to see its minutiae.",
);

// Adjudication: decisions.
pub const DECISION_TITLE: Tr = Tr("Keputusan", "Decision");
pub const PROPOSE_TITLE: Tr = Tr("Usulan keputusan", "Proposed decision");
pub const DECISION_NOT_DUPLICATE: Tr = Tr(
    "Bukan duplikat (orang berbeda)",
    "Not a duplicate (different people)",
);
pub const DECISION_DUPLICATE: Tr = Tr("Duplikat dari kandidat", "Duplicate of the candidate");
pub const DECISION_INCONCLUSIVE: Tr = Tr(
    "Tidak dapat dipastikan — rekam ulang",
    "Inconclusive — record again",
);
pub const DECISION_OPERATOR: Tr = Tr(
    "Sidik jari operator sendiri — rekam ulang",
    "The operator's own fingerprints — record again",
);
pub const DUPLICATE_OF: Tr = Tr("Duplikat dari", "Duplicate of");
pub const REASON: Tr = Tr("Alasan (wajib)", "Reason (required)");
pub const REASON_REQUIRED: Tr = Tr("Tuliskan alasannya.", "Write the reason.");
pub const CHOOSE_DECISION: Tr = Tr("Pilih keputusan.", "Choose a decision.");
pub const CHOOSE_CANDIDATE: Tr = Tr("Pilih kandidatnya.", "Choose the candidate.");
pub const PROPOSE: Tr = Tr("Kirim usulan", "Send the proposal");
pub const SENDING: Tr = Tr("Mengirim…", "Sending…");
pub const PROPOSED_BY: Tr = Tr("Diusulkan oleh", "Proposed by");
pub const STATUS_PENDING: Tr = Tr(
    "Menunggu persetujuan supervisor",
    "Awaiting a supervisor's approval",
);
pub const STATUS_APPROVED: Tr = Tr("Disetujui", "Approved");
pub const STATUS_SENT_BACK: Tr = Tr("Dikembalikan", "Sent back");
pub const REVIEWED_BY: Tr = Tr("Ditinjau oleh", "Reviewed by");
pub const REVIEW_TITLE: Tr = Tr("Tinjauan supervisor", "Supervisor's review");
pub const REVIEW_REASON: Tr = Tr("Alasan tinjauan (wajib)", "Review reason (required)");
pub const APPROVE: Tr = Tr("Setujui", "Approve");
pub const SEND_BACK: Tr = Tr("Kembalikan", "Send back");
pub const ONLY_SUPERVISOR: Tr = Tr(
    "Hanya supervisor dinas yang dapat menyetujui atau mengembalikan usulan.",
    "Only a dinas supervisor can approve or send back a proposal.",
);
pub const OWN_PROPOSAL: Tr = Tr(
    "Anda tidak dapat meninjau usulan Anda sendiri: supervisor lain yang menyetujuinya.",
    "You cannot review your own proposal: another supervisor approves it.",
);
pub const OWN_RECORDING: Tr = Tr(
    "Anda tidak dapat meninjau rekaman yang Anda buat sendiri.",
    "You cannot review a recording you made yourself.",
);
pub const DECIDED: Tr = Tr("Diputuskan: tahap sekarang", "Decided: the stage is now");
pub const STAGE_NOW: Tr = Tr("Tahap permohonan sekarang:", "The application's stage now:");
pub const HISTORY: Tr = Tr("Riwayat usulan", "Proposal history");

// Surat Keterangan.
pub const SK_TITLE: Tr = Tr("Surat Keterangan", "Surat Keterangan");
pub const SK_INTRO: Tr = Tr(
    "Cari permohonan dengan kode pendaftarannya, lalu terbitkan atau cetak ulang surat keterangannya.",
    "Find an application by its registration code, then issue or reprint its certificate.",
);
pub const SK_CODE: Tr = Tr("Kode pendaftaran", "Registration code");
pub const SK_FIND: Tr = Tr("Cari", "Find");
pub const SK_ISSUE: Tr = Tr("Terbitkan Surat Keterangan", "Issue the Surat Keterangan");
pub const SK_NONE: Tr = Tr(
    "Belum ada surat keterangan untuk permohonan ini.",
    "No certificate has been issued for this application.",
);
pub const SK_PRINT: Tr = Tr("Cetak", "Print");
pub const SK_REVOKE_TITLE: Tr = Tr("Cabut surat keterangan", "Revoke the certificate");
pub const SK_REVOKE_REASON: Tr = Tr(
    "Alasan pencabutan (wajib)",
    "Reason for revoking (required)",
);
pub const SK_REVOKE: Tr = Tr("Cabut", "Revoke");
pub const SK_REVOKED_ON: Tr = Tr("Dicabut pada", "Revoked on");
pub const SK_ONLY_SUPERVISOR_REVOKES: Tr = Tr(
    "Hanya supervisor dinas yang dapat mencabut surat keterangan.",
    "Only a dinas supervisor can revoke a certificate.",
);
pub const SK_STANDING_VALID: Tr = Tr("Berlaku", "Valid");
pub const SK_STANDING_EXPIRED: Tr = Tr("Kedaluwarsa", "Expired");
pub const SK_STANDING_REVOKED: Tr = Tr("Dicabut", "Revoked");
pub const SK_STANDING_ENDED: Tr = Tr("Berakhir", "Ended");
pub const SK_STANDING: Tr = Tr("Keadaan", "Standing");
pub const SK_DOC_TITLE: Tr = Tr("SURAT KETERANGAN", "SURAT KETERANGAN");
pub const SK_DOC_SUBTITLE: Tr = Tr(
    "Pengganti KTP-el sementara",
    "Temporary stand-in for the KTP-el",
);
pub const SK_NUMBER: Tr = Tr("Nomor", "Number");
pub const SK_STATEMENT: Tr = Tr(
    "Yang bersangkutan telah melakukan perekaman KTP-el. KTP-el belum dicetak.",
    "The person named has recorded their KTP-el biometrics. KTP-el belum dicetak (the card is not printed yet).",
);
pub const SK_NOT_PRINTED: Tr = Tr("KTP-el belum dicetak", "KTP-el belum dicetak");
pub const SK_ISSUED_ON: Tr = Tr("Diterbitkan", "Issued");
pub const SK_EXPIRES_ON: Tr = Tr("Berlaku sampai sebelum", "Valid until (not including)");
pub const SK_ISSUED_BY: Tr = Tr("Petugas", "Issued by");
pub const SK_QR_LABEL: Tr = Tr(
    "Kode QR untuk memeriksa keaslian surat keterangan",
    "QR code to check the certificate is genuine",
);
pub const SK_VERIFY_HINT: Tr = Tr(
    "Periksa keaslian: pindai kode QR di /v",
    "Check it is genuine: scan the QR code at /v",
);
pub const SK_TEST_KEY: Tr = Tr(
    "CONTOH — ditandatangani dengan kunci uji, bukan dokumen resmi",
    "SAMPLE — signed with a test key, not an official document",
);
pub const SK_PHOTO: Tr = Tr("Pas foto pemegang", "Holder's photo");
pub const SK_RELIGION: Tr = Tr("Agama", "Religion");
pub const SK_MARITAL: Tr = Tr("Status perkawinan", "Marital status");
pub const SK_OCCUPATION: Tr = Tr("Pekerjaan", "Occupation");
pub const SK_BIRTH: Tr = Tr("Tempat/tgl lahir", "Place/date of birth");
