//! The staff console's screen wording in Indonesian and English. Domain texts (stages, return
//! reasons, document kinds, field problems, error codes) come from `shared`.

use crate::i18n::Tr;

// Sign-in and session.
pub const SIGN_IN_TITLE: Tr = Tr("Masuk petugas", "Staff sign-in");
pub const USERNAME: Tr = Tr("Nama pengguna", "User name");
pub const PASSWORD: Tr = Tr("Kata sandi", "Password");
pub const SIGN_IN: Tr = Tr("Masuk", "Sign in");
pub const SIGNING_IN: Tr = Tr("Sedang masuk…", "Signing in…");
pub const SIGN_OUT: Tr = Tr("Keluar", "Sign out");
pub const SESSION_EXPIRED: Tr = Tr(
    "Sesi Anda berakhir. Masuk lagi untuk melanjutkan; pekerjaan yang belum terkirim tetap tersimpan di tablet ini.",
    "Your session ended. Sign in again to carry on; work not yet sent stays saved on this tablet.",
);
pub const WRONG_ROLE: Tr = Tr(
    "Akun ini bukan akun operator kecamatan.",
    "This account is not a kecamatan operator account.",
);

// Console chrome.
pub const CONSOLE_TITLE: Tr = Tr("Layanan KTP-el Kecamatan", "Kecamatan KTP-el service");
pub const QUEUE: Tr = Tr("Antrean", "Queue");
pub const OUTBOX: Tr = Tr("Kiriman", "Outbox");
pub const NEW_WALK_IN: Tr = Tr(
    "Permohonan baru (datang langsung)",
    "New walk-in application",
);
pub const LOADING: Tr = Tr("Memuat…", "Loading…");

// Queue.
pub const QUEUE_TITLE: Tr = Tr("Antrean permohonan", "Application queue");
pub const FILTER_STAGE: Tr = Tr("Tahap", "Stage");
pub const ALL_STAGES: Tr = Tr("Semua tahap", "All stages");
pub const SEARCH: Tr = Tr("Cari nama atau kode", "Search name or code");
pub const SEARCH_BUTTON: Tr = Tr("Cari", "Search");
pub const FIND_BY_CODE: Tr = Tr("Kode pendaftaran", "Registration code");
pub const OPEN: Tr = Tr("Buka", "Open");
pub const SCAN_QR: Tr = Tr("Pindai QR dengan kamera", "Scan a QR with the camera");
pub const STOP_SCAN: Tr = Tr("Tutup kamera", "Close the camera");
pub const SCAN_HINT: Tr = Tr(
    "Arahkan kamera ke QR pada bukti pendaftaran.",
    "Point the camera at the QR on the receipt.",
);
pub const CAMERA_UNAVAILABLE: Tr = Tr(
    "Kamera tidak dapat dibuka. Ketik kodenya saja.",
    "The camera could not be opened. Type the code instead.",
);
pub const NO_APPLICATIONS: Tr = Tr("Tidak ada permohonan.", "No applications.");
pub const LOAD_MORE: Tr = Tr("Tampilkan lebih banyak", "Show more");
pub const COL_CODE: Tr = Tr("Kode", "Code");
pub const COL_NAME: Tr = Tr("Nama", "Name");
pub const COL_TYPE: Tr = Tr("Jenis", "Type");
pub const COL_STAGE: Tr = Tr("Tahap", "Stage");
pub const COL_UPDATED: Tr = Tr("Diperbarui", "Updated");

// Application / verification.
pub const APPLICATION_TITLE: Tr = Tr("Pemeriksaan berkas", "Document check");
pub const IDENTITY: Tr = Tr("Data pemohon", "Applicant's data");
pub const WARNINGS: Tr = Tr(
    "Perhatian dari pemeriksaan data",
    "Notes from the data checks",
);
pub const CHECKLIST: Tr = Tr("Daftar dokumen yang diperlukan", "Documents required");
pub const NOT_UPLOADED: Tr = Tr(
    "Belum diunggah — periksa aslinya",
    "Not uploaded — check the original",
);
pub const VIEW_DOCUMENT: Tr = Tr("Lihat", "View");
pub const OPEN_PDF: Tr = Tr("Buka PDF", "Open the PDF");
pub const VERIFY: Tr = Tr(
    "Berkas lengkap dan sesuai — setujui",
    "Documents complete and correct — accept",
);
pub const RETURN: Tr = Tr("Kembalikan untuk diperbaiki", "Return for correction");
pub const RETURN_REASONS: Tr = Tr("Alasan pengembalian", "Reasons for returning");
pub const RETURN_SEND: Tr = Tr(
    "Kembalikan dengan alasan terpilih",
    "Return with the chosen reasons",
);
pub const RETURN_NEEDS_REASON: Tr = Tr("Pilih minimal satu alasan.", "Choose at least one reason.");
pub const GO_RECORD: Tr = Tr(
    "Lanjut ke perekaman biometrik",
    "Continue to biometric recording",
);
pub const SHOW_RECEIPT: Tr = Tr("Tanda bukti pendaftaran", "Registration receipt");
pub const RETURNED_FOR: Tr = Tr("Dikembalikan karena:", "Returned because:");
pub const TIMELINE: Tr = Tr("Riwayat", "History");
pub const NO_ACTION: Tr = Tr(
    "Tidak ada tindakan kecamatan pada tahap ini.",
    "There is nothing for the kecamatan to do at this stage.",
);

// Outbox states.
pub const STATE_WAITING: Tr = Tr("Menunggu jaringan", "Waiting for the network");
pub const STATE_SENDING: Tr = Tr("Sedang dikirim", "Sending");
pub const STATE_SENT: Tr = Tr("Terkirim", "Sent");
pub const STATE_FAILED: Tr = Tr("Gagal", "Failed");
pub const QUEUED_NOTE: Tr = Tr(
    "Tersimpan di kiriman tablet ini dan dikirim otomatis saat jaringan ada.",
    "Saved in this tablet's outbox and sent automatically when the network is there.",
);
pub const OUTBOX_TITLE: Tr = Tr("Kiriman dari tablet ini", "Outbox of this tablet");
pub const OUTBOX_EMPTY: Tr = Tr("Belum ada kiriman.", "Nothing sent from here yet.");
pub const ACTION_VERIFY: Tr = Tr("Persetujuan berkas", "Document acceptance");
pub const ACTION_RETURN: Tr = Tr("Pengembalian berkas", "Return for correction");
pub const ACTION_RECORD: Tr = Tr("Perekaman biometrik", "Biometric recording");
pub const SEND_NOW: Tr = Tr("Kirim sekarang", "Send now");
pub const STORAGE_FAILED: Tr = Tr(
    "Tidak dapat menyimpan di tablet ini (penyimpanan penuh?). Jangan tutup halaman.",
    "Could not save on this tablet (storage full?). Do not close the page.",
);

// Recording.
pub const RECORDING_TITLE: Tr = Tr("Perekaman biometrik", "Biometric recording");
pub const FINGERPRINTS: Tr = Tr("Sidik jari (10 jari)", "Fingerprints (10 fingers)");
pub const FINGER_HINT: Tr = Tr(
    "Impor gambar dari pemindai (PNG, BMP, TIFF, JPEG, WSQ): seret ke kotak jari atau pilih berkas. Gambar tidak pernah dikirim; hanya templatnya.",
    "Import the scanner's images (PNG, BMP, TIFF, JPEG, WSQ): drag onto a finger's box or choose a file. Images are never sent; only their templates.",
);
pub const IMPORT_ALL: Tr = Tr(
    "Impor 10 berkas sekaligus (urut jari 1–10)",
    "Import 10 files at once (fingers 1–10 in order)",
);
pub const CHOOSE_FILE: Tr = Tr("Berkas sidik jari", "Fingerprint file");
pub const EXTRACTING: Tr = Tr("Membaca sidik jari…", "Reading the fingerprint…");
pub const QUALITY: Tr = Tr("Kualitas", "Quality");
pub const RECAPTURE: Tr = Tr(
    "Kualitas rendah: ulangi pemindaian jari ini.",
    "Low quality: scan this finger again.",
);
pub const UNREADABLE: Tr = Tr(
    "Berkas tidak terbaca sebagai gambar sidik jari.",
    "The file cannot be read as a fingerprint image.",
);
pub const MISSING_FINGER: Tr = Tr(
    "Bila jari ini tidak bisa dipindai",
    "If this finger cannot be scanned",
);
pub const NO_EXCEPTION: Tr = Tr("Jari dipindai", "Finger is scanned");
pub const PROGRESS: Tr = Tr("Jari selesai", "Fingers done");
pub const FACE: Tr = Tr("Foto wajah", "Face photo");
pub const FACE_FILE: Tr = Tr("Berkas foto wajah", "Face photo file");
pub const OPEN_CAMERA: Tr = Tr("Buka kamera", "Open the camera");
pub const TAKE_PHOTO: Tr = Tr("Ambil foto", "Take the photo");
pub const FACE_PREVIEW: Tr = Tr("Foto wajah yang akan dikirim", "Face photo to be sent");
pub const NOT_AN_IMAGE: Tr = Tr("Berkas ini bukan gambar.", "This file is not an image.");
pub const SIGNATURE: Tr = Tr("Tanda tangan", "Signature");
pub const SIGNATURE_PAD: Tr = Tr(
    "Bidang tanda tangan: minta pemohon menandatangani di sini",
    "Signature pad: ask the applicant to sign here",
);
pub const CLEAR: Tr = Tr("Hapus", "Clear");
pub const SUBMIT_RECORDING: Tr = Tr("Simpan dan kirim perekaman", "Save and send the recording");
pub const INCOMPLETE: Tr = Tr(
    "Lengkapi dulu: setiap jari direkam atau diberi alasan, foto wajah, dan tanda tangan.",
    "Complete first: every finger recorded or given a reason, the face photo and the signature.",
);
pub const FINGER_REQUIRED: Tr = Tr(
    "Rekam jari ini atau pilih alasannya.",
    "Record this finger or choose why it cannot be.",
);
pub const FACE_REQUIRED: Tr = Tr("Foto wajah wajib.", "The face photo is required.");
pub const SIGNATURE_REQUIRED: Tr = Tr("Tanda tangan wajib.", "The signature is required.");
pub const SIGNATURE_TOO_LARGE: Tr = Tr(
    "Tanda tangan terlalu besar; hapus dan ulangi.",
    "The signature is too large; clear it and sign again.",
);
pub const WORKER_LOADING: Tr = Tr(
    "Menyiapkan pembaca sidik jari…",
    "Preparing the fingerprint reader…",
);

// Status and receipt.
pub const STATUS_TITLE: Tr = Tr("Status perekaman", "Recording status");
pub const WAITING_RESULT: Tr = Tr(
    "Menunggu hasil identifikasi 1:N…",
    "Waiting for the 1:N identification…",
);
pub const RECEIPT_TITLE: Tr = Tr("Tanda bukti pendaftaran", "Registration receipt");
pub const RECEIPT_NOT_YET: Tr = Tr(
    "Tanda bukti tersedia setelah perekaman diterima server.",
    "The receipt is available once the server has accepted the recording.",
);
pub const PRINT: Tr = Tr("Cetak", "Print");
pub const PAPER: Tr = Tr("Kertas", "Paper");
pub const PAPER_A4: Tr = Tr("A4", "A4");
pub const PAPER_THERMAL: Tr = Tr("Termal 80 mm", "Thermal 80 mm");
pub const NAME: Tr = Tr("Nama", "Name");
pub const KECAMATAN: Tr = Tr("Kecamatan", "Kecamatan");
pub const RECORDED_AT: Tr = Tr("Tanggal perekaman", "Recorded on");
pub const OFFICER: Tr = Tr("Petugas", "Officer");
pub const STATUS_QR: Tr = Tr("QR status permohonan", "QR of the application status");
pub const CHECK_AT: Tr = Tr("Cek status di", "Check the status at");
pub const FREE: Tr = Tr("Layanan ini gratis.", "This service is free of charge.");
pub const BACK_TO_QUEUE: Tr = Tr("Kembali ke antrean", "Back to the queue");
pub const FACE_CAMERA_UNAVAILABLE: Tr = Tr(
    "Kamera tidak dapat dibuka. Pilih berkas foto wajah sebagai gantinya.",
    "The camera could not be opened. Choose a face photo file instead.",
);
pub const RESCAN: Tr = Tr("Pindai ulang", "Scan again");
pub const KEEP_WITH_REASON: Tr = Tr("Atau tetap pakai, karena", "Or keep it, because");
pub const CHOOSE_REASON: Tr = Tr("— pilih alasan —", "— choose a reason —");
pub const KEPT_BECAUSE: Tr = Tr("Dipakai dengan alasan", "Kept because");
pub const ALREADY_RECORDED: Tr = Tr(
    "Permohonan ini sudah direkam; tidak perlu direkam lagi. Status sekarang:",
    "This application has already been recorded; it need not be recorded again. Status now:",
);
pub const SEE_RECEIPT: Tr = Tr(
    "Lihat status dan tanda bukti",
    "See the status and the receipt",
);
pub const PROBLEM_NETWORK: Tr = Tr(
    "Tidak ada jaringan; terkirim otomatis begitu tersambung.",
    "No network; it goes by itself once connected.",
);
pub const PROBLEM_SIGNED_OUT: Tr = Tr(
    "Sesi berakhir; terkirim setelah masuk kembali.",
    "The session ended; it goes after signing in again.",
);
pub const PROBLEM_SERVER: Tr = Tr(
    "Server belum dapat menerima; dicoba lagi.",
    "The server could not take it yet; trying again.",
);
pub const DROP_OR_CHOOSE: Tr = Tr(
    "Letakkan berkas di sini atau ketuk untuk memilih",
    "Drop the file here or tap to choose",
);
pub const REPLACE_FILE: Tr = Tr("Ganti berkas", "Replace the file");
pub const ZOOM_IN: Tr = Tr("Perbesar", "Zoom in");
pub const ZOOM_OUT: Tr = Tr("Perkecil", "Zoom out");
pub const ROTATE: Tr = Tr("Putar", "Rotate");
pub const MATCHES_ORIGINAL: Tr = Tr(
    "Sudah dibuka dan sesuai aslinya",
    "Opened and matches the original",
);
pub const OPEN_EVERY_DOCUMENT: Tr = Tr(
    "Buka dan centang setiap berkas sebelum menyetujui.",
    "Open and tick every document before accepting.",
);
pub const KEYBOARD_HINT: Tr = Tr(
    "Dengan papan ketik atau pemindai: Enter membuka pemilih berkas jari yang terpilih; setelah sidik jari dimuat, jari berikutnya terpilih sendiri. Tab berpindah ke alasan pengecualian.",
    "With a keyboard or scanner: Enter opens the selected finger's file picker; once a print is loaded, the next finger is selected by itself. Tab moves to the exception reason.",
);
/// Before a sent recording's 1:N outcome is known (outbox).
pub const OUTCOME_PENDING: Tr = Tr("Hasil 1:N belum ada", "No 1:N outcome yet");
/// Before the outcome chip of a sent recording (outbox).
pub const OUTCOME: Tr = Tr("Hasil 1:N", "1:N outcome");
