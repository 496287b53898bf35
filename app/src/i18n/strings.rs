//! The app's own screen wording in Indonesian and English. Texts that name domain things (field
//! problems, stages, next actions, document kinds, list values) come from `shared` instead, so
//! the app, the edge and the staff consoles say the same thing.

use super::Tr;
use shared::domain::RegistrationCodeError;
use shared::i18n::Lang;
use shared::validation::Field;

// Chrome.
pub const PAGE_TITLE: Tr = Tr("KTP-el Grobogan", "KTP-el Grobogan");
pub const OFFICE_NAME: Tr = Tr("Disdukcapil Kab. Grobogan", "Grobogan Population Office");
pub const SWITCH_LANGUAGE: Tr = Tr(
    "Ganti bahasa ke English",
    "Switch language to Bahasa Indonesia",
);
pub const SKIP_TO_CONTENT: Tr = Tr("Langsung ke isi", "Skip to content");
pub const OFFLINE_NOTICE: Tr = Tr(
    "Anda sedang offline. Isian tetap tersimpan di perangkat ini; kirim saat ada sinyal.",
    "You are offline. What you type stays saved on this device; submit when you have a signal.",
);
pub const NOT_FOUND_TITLE: Tr = Tr("Halaman tidak ditemukan", "Page not found");
pub const BACK_HOME: Tr = Tr("Kembali ke beranda", "Back to the home page");
pub const RETRY: Tr = Tr("Coba lagi", "Try again");
pub const NETWORK_ERROR: Tr = Tr(
    "Tidak dapat terhubung ke server. Periksa sinyal atau data internet Anda, lalu coba lagi.",
    "Could not reach the server. Check your signal or mobile data, then try again.",
);
pub const UNEXPECTED_RESPONSE: Tr = Tr(
    "Server memberi jawaban yang tidak dikenal. Coba lagi nanti",
    "The server gave an unexpected answer. Try again later",
);
pub const OPTIONAL: Tr = Tr(" (tidak wajib)", " (optional)");
pub const CHOOSE: Tr = Tr("— Pilih —", "— Choose —");

// Landing.
// Headings write the card's name with a non-breaking hyphen (U+2011): a narrow phone would
// otherwise break it into "KTP-" and "el".
pub const LANDING_TITLE: Tr = Tr("Permohonan KTP\u{2011}el", "Apply for a KTP\u{2011}el");
pub const LANDING_INTRO: Tr = Tr(
    "Isi formulir permohonan dari ponsel Anda sebelum datang ke kecamatan. Isian tersimpan di perangkat ini, juga tanpa sinyal.",
    "Fill in the application on your phone before you go to the kecamatan. What you type is saved on this device, even without a signal.",
);
pub const START_PREFILL: Tr = Tr("Mulai isi formulir", "Start the form");
pub const CONTINUE_PREFILL: Tr = Tr("Lanjutkan mengisi formulir", "Continue the form");
pub const CHECK_STATUS: Tr = Tr("Cek status permohonan", "Check application status");
pub const LAST_CODE: Tr = Tr(
    "Kode pendaftaran terakhir di perangkat ini:",
    "Last registration code on this device:",
);
pub const WHAT_TO_BRING: Tr = Tr(
    "Persyaratan menurut jenis permohonan",
    "What each application needs",
);
pub const BRING_ORIGINALS: Tr = Tr(
    "Bawa dokumen asli ke kecamatan saat perekaman (foto, sidik jari, iris mata, tanda tangan).",
    "Bring the original documents to the kecamatan when you record your biometrics (photo, fingerprints, irises, signature).",
);
pub const FREE_OF_CHARGE: Tr = Tr(
    "Semua layanan dokumen kependudukan gratis.",
    "All population documents are free of charge.",
);

// Pre-fill form.
pub const PREFILL_TITLE: Tr = Tr(
    "Formulir permohonan KTP\u{2011}el",
    "KTP\u{2011}el application form",
);
pub const STEP_OF: Tr = Tr("Langkah {n} dari {total}: ", "Step {n} of {total}: ");
pub const BACK: Tr = Tr("Kembali", "Back");
pub const NEXT: Tr = Tr("Lanjut", "Next");
pub const FIX_MARKED_FIELDS: Tr = Tr(
    "Beberapa isian perlu diperbaiki. Lihat pesan di bawah isian.",
    "Some fields need correcting. See the messages under them.",
);
/// `{docs}`: the names of the documents still missing, comma-separated.
pub const MISSING_DOCUMENTS: Tr = Tr(
    "Dokumen yang belum ditambahkan: {docs}.",
    "Documents not yet added: {docs}.",
);
pub const SEND_WHEN_ONLINE: Tr = Tr(
    "Permohonan akan terkirim otomatis begitu ada sinyal, juga bila halaman ini ditutup lalu dibuka lagi.",
    "The application will be sent by itself as soon as there is a signal, also if this page is closed and opened again.",
);
pub const DRAFT_SAVED_NOTE: Tr = Tr(
    "Isian otomatis tersimpan di perangkat ini, juga tanpa sinyal.",
    "Everything is saved on this device as you type, even without a signal.",
);
pub const DRAFT_NOT_SAVED: Tr = Tr(
    "Perhatian: isian tidak dapat disimpan di perangkat ini (penyimpanan penuh atau dimatikan). Jangan tutup halaman ini.",
    "Warning: your entries cannot be saved on this device (storage full or disabled). Do not close this page.",
);
pub const START_OVER: Tr = Tr(
    "Mulai dari awal (hapus isian)",
    "Start over (clear the form)",
);
pub const CONFIRM_START_OVER: Tr = Tr(
    "Hapus semua isian dan dokumen di perangkat ini lalu mulai dari awal?",
    "Delete everything typed and all documents on this device and start over?",
);
pub const REGION_INTRO: Tr = Tr(
    "Wilayah tempat tinggal Anda sesuai Kartu Keluarga:",
    "Where you live, as on your family card (KK):",
);
pub const CHOOSE_ABOVE_FIRST: Tr = Tr(
    "Pilih isian di atasnya dahulu",
    "Choose the one above first",
);
pub const LOADING_LIST: Tr = Tr("Memuat daftar…", "Loading the list…");
pub const ADDRESS_IN: Tr = Tr("Alamat di", "Address in");
pub const DOCS_INTRO: Tr = Tr(
    "Foto atau pilih berkas setiap dokumen. Foto diperkecil di ponsel Anda sebelum dikirim, jadi hemat kuota.",
    "Photograph or choose a file for each document. Pictures are made smaller on your phone before sending, to save data.",
);
pub const DOCS_NEED_TYPE: Tr = Tr(
    "Pilih jenis permohonan dahulu (langkah 1).",
    "Choose the application type first (step 1).",
);
pub const PHOTO_HINT: Tr = Tr(
    "Wajah menghadap ke depan, latar polos, tanpa kacamata hitam. Foto dipotong 3x4 otomatis.",
    "Face the camera, plain background, no sunglasses. The photo is cropped to 3x4 automatically.",
);
pub const PHOTO_TAKE: Tr = Tr("Ambil foto dengan kamera", "Take a photo with the camera");
pub const PHOTO_CHOOSE_FILE: Tr = Tr("Pilih foto dari galeri", "Choose a photo from the gallery");
pub const DOC_CHOOSE_FILE: Tr = Tr("Foto atau pilih berkas", "Photograph or choose a file");
pub const DOC_REMOVE: Tr = Tr("Hapus", "Remove");
pub const DOC_PREPARING: Tr = Tr("Menyiapkan berkas…", "Preparing the file…");
pub const DOC_SAVED: Tr = Tr("Tersimpan", "Saved");
pub const DOC_PDF: Tr = Tr("Berkas PDF", "PDF file");
pub const DOC_ERR_PHOTO_NOT_IMAGE: Tr = Tr(
    "Pas foto harus berupa gambar (JPG atau PNG).",
    "The photo must be a picture (JPG or PNG).",
);
pub const DOC_ERR_WRONG_TYPE: Tr = Tr(
    "Jenis berkas tidak diterima. Gunakan foto (JPG, PNG) atau PDF.",
    "This file type is not accepted. Use a picture (JPG, PNG) or a PDF.",
);
pub const DOC_ERR_PDF_TOO_LARGE: Tr = Tr(
    "PDF lebih dari 1 MB. Foto saja dokumennya dengan kamera.",
    "The PDF is over 1 MB. Photograph the document with the camera instead.",
);
pub const DOC_ERR_NOT_IMAGE: Tr = Tr(
    "Gambar tidak dapat dibuka. Coba foto ulang.",
    "The picture could not be opened. Try taking it again.",
);
pub const DOC_ERR_TOO_LARGE: Tr = Tr(
    "Gambar terlalu besar untuk diperkecil. Coba foto ulang.",
    "The picture is too large to shrink. Try taking it again.",
);
pub const DOC_ERR_NO_CANVAS: Tr = Tr(
    "Peramban ini tidak dapat memproses gambar. Gunakan Chrome versi terbaru.",
    "This browser cannot process pictures. Use a recent Chrome.",
);
pub const DOC_ERR_TOTAL_TOO_LARGE: Tr = Tr(
    "Semua dokumen bersama melebihi 4 MB. Foto ulang dokumen dengan ukuran lebih kecil atau ganti PDF dengan foto.",
    "All documents together exceed 4 MB. Retake documents smaller or replace a PDF with a photo.",
);
pub const DOC_ERR_NOT_SAVED: Tr = Tr(
    "Berkas tidak dapat disimpan di perangkat ini (penyimpanan penuh?).",
    "The file could not be saved on this device (storage full?).",
);
pub const EDIT: Tr = Tr("Ubah", "Edit");
pub const NOT_FILLED: Tr = Tr("(belum diisi)", "(not filled in)");
pub const SUBMIT: Tr = Tr("Kirim permohonan", "Submit application");
pub const SENDING: Tr = Tr("Mengirim permohonan…", "Sending the application…");
pub const DRAFT_KEPT: Tr = Tr(
    "Isian dan dokumen Anda tetap tersimpan di perangkat ini. Kirim ulang tidak membuat permohonan ganda.",
    "Your entries and documents are still saved on this device. Sending again will not create a second application.",
);

// After submission.
pub const SUBMITTED_TITLE: Tr = Tr("Permohonan terkirim", "Application submitted");
pub const REGISTRATION_CODE: Tr = Tr("Kode pendaftaran", "Registration code");
pub const SUBMITTED_KEEP_CODE: Tr = Tr(
    "Simpan kode ini: cetak, simpan sebagai PDF, atau foto layar ini. Petugas kecamatan memintanya.",
    "Keep this code: print it, save it as a PDF, or take a screenshot. The kecamatan staff will ask for it.",
);
pub const QR_LABEL: Tr = Tr(
    "Kode QR menuju halaman status",
    "QR code linking to the status page",
);
pub const STATUS_LINK: Tr = Tr("Status permohonan:", "Application status:");
pub const NEXT_STEPS_TITLE: Tr = Tr("Langkah berikutnya", "What to do next");
pub const NEXT_STEP_GO: Tr = Tr(
    "Datang ke kantor kecamatan (layanan KK/KTP) dengan membawa kode pendaftaran ini.",
    "Go to your kecamatan office (KK/KTP service) with this registration code.",
);
pub const NEXT_STEP_BRING: Tr = Tr(
    "Bawa dokumen asli yang diunggah; di sana dilakukan perekaman foto, sidik jari, iris mata dan tanda tangan.",
    "Bring the originals of the documents you uploaded; your photo, fingerprints, irises and signature are recorded there.",
);
pub const NEXT_STEP_CHECK: Tr = Tr(
    "Pantau status permohonan dengan kode ini atau kode QR di atas.",
    "Follow the status with this code or the QR code above.",
);
pub const PRINT_SAVE: Tr = Tr("Cetak / simpan PDF", "Print / save as PDF");

// Status.
pub const STATUS_TITLE: Tr = Tr("Status permohonan KTP-el", "KTP-el application status");
pub const STATUS_LOOKUP_INTRO: Tr = Tr(
    "Ketik kode pendaftaran yang Anda terima saat mengirim permohonan.",
    "Type the registration code you received when you submitted the application.",
);
pub const CODE_HINT: Tr = Tr("Contoh: K7Q4-9XMT-2HCE-8", "Example: K7Q4-9XMT-2HCE-8");
pub const CHECK: Tr = Tr("Cek status", "Check status");
pub const CHECKING: Tr = Tr("Memeriksa status…", "Checking the status…");
pub const REFRESH: Tr = Tr("Perbarui", "Refresh");
pub const STAGE_NOW: Tr = Tr("Tahap saat ini", "Current stage");
pub const WHAT_NEXT: Tr = Tr("Yang perlu Anda lakukan", "What you need to do");
pub const RETURNED_REASONS: Tr = Tr("Yang perlu diperbaiki", "What needs correcting");
pub const TIMELINE: Tr = Tr("Riwayat", "History");
pub const CERTIFICATE_VALID_UNTIL: Tr = Tr(
    "Surat Keterangan berlaku sampai",
    "Temporary certificate (Surat Keterangan) valid until",
);
pub const CERTIFICATE_NO_LONGER_VALID: Tr = Tr(
    "Surat Keterangan yang diterbitkan tanggal ini sudah tidak berlaku:",
    "The temporary certificate (Surat Keterangan) issued on this date is no longer valid:",
);
pub const TRY_ANOTHER_CODE: Tr = Tr("Ketik ulang kode", "Type the code again");
pub const CODE_NOT_FOUND: Tr = Tr(
    "Kode pendaftaran ini tidak ditemukan. Periksa kembali kode pada bukti pendaftaran Anda.",
    "This registration code was not found. Check the code on your registration receipt.",
);

/// Why a typed registration code is not one, said so a person can fix it.
pub fn code_error(e: RegistrationCodeError, lang: Lang) -> String {
    match e {
        RegistrationCodeError::Length { found: 0 } => Tr("Ketik kode pendaftaran.", "Type the registration code.").get(lang).to_string(),
        RegistrationCodeError::Length { found } => match lang {
            Lang::Id => format!("Kode pendaftaran terdiri dari 13 huruf dan angka; yang diketik {found}."),
            Lang::En => format!("A registration code has 13 letters and digits; you typed {found}."),
        },
        RegistrationCodeError::InvalidCharacter { found } => match lang {
            Lang::Id => format!("Karakter \"{found}\" tidak ada dalam kode pendaftaran. Periksa kembali."),
            Lang::En => format!("\"{found}\" does not occur in registration codes. Check again."),
        },
        RegistrationCodeError::CheckFailed => Tr(
            "Kode ini salah ketik: ada huruf atau angka yang keliru atau tertukar. Periksa kembali setiap karakternya.",
            "This code has a typo: a letter or digit is wrong or swapped. Check each character again.",
        )
        .get(lang)
        .to_string(),
    }
}

/// The title of a form step.
pub const fn step_title(step: u8) -> Tr {
    match step {
        1 => Tr(
            "Jenis permohonan dan wilayah",
            "Application type and region",
        ),
        2 => Tr("Data diri", "Identity"),
        3 => Tr("Alamat", "Address"),
        4 => Tr("Dokumen", "Documents"),
        _ => Tr("Periksa dan kirim", "Review and submit"),
    }
}

/// The label of a form field.
pub const fn field_label(field: Field) -> Tr {
    match field {
        Field::ApplicationType => Tr("Jenis permohonan", "Application type"),
        Field::FullName => Tr("Nama lengkap", "Full name"),
        Field::KkNumber => Tr("Nomor Kartu Keluarga (KK)", "Family card (KK) number"),
        Field::Nik => Tr("NIK", "NIK (identity number)"),
        Field::BirthPlace => Tr("Tempat lahir", "Place of birth"),
        Field::BirthDate => Tr("Tanggal lahir", "Date of birth"),
        Field::Sex => Tr("Jenis kelamin", "Sex"),
        Field::BloodType => Tr("Golongan darah", "Blood type"),
        Field::Religion => Tr("Agama / kepercayaan", "Religion / belief"),
        Field::MaritalStatus => Tr("Status perkawinan", "Marital status"),
        Field::Occupation => Tr("Pekerjaan", "Occupation"),
        Field::Citizenship => Tr("Kewarganegaraan", "Citizenship"),
        Field::AddressProvince => Tr("Provinsi", "Province"),
        Field::AddressRegency => Tr("Kabupaten/kota", "Regency/city"),
        Field::AddressDistrict => Tr("Kecamatan", "Kecamatan (district)"),
        Field::AddressVillage => Tr("Desa/kelurahan", "Desa/kelurahan (village)"),
        Field::AddressStreet => Tr(
            "Alamat (jalan, dusun, nomor rumah)",
            "Street address (street, hamlet, house number)",
        ),
        Field::AddressRt => Tr("RT", "RT"),
        Field::AddressRw => Tr("RW", "RW"),
        Field::AddressPostalCode => Tr("Kode pos", "Postal code"),
        Field::Phone => Tr("Nomor HP", "Mobile number"),
        Field::SignedPlace => Tr("Tempat penandatanganan", "Place of signing"),
        Field::SignedOn => Tr("Tanggal penandatanganan", "Date of signing"),
    }
}

/// A hint under a field, where the field alone does not say enough.
pub const fn field_hint(field: Field) -> Option<Tr> {
    match field {
        Field::Nik => Some(Tr(
            "16 angka, lihat Kartu Keluarga.",
            "16 digits, see the family card (KK).",
        )),
        Field::KkNumber => Some(Tr(
            "16 angka di bagian atas Kartu Keluarga.",
            "16 digits at the top of the family card.",
        )),
        Field::FullName => Some(Tr(
            "Sesuai akta kelahiran, tanpa gelar.",
            "As on the birth certificate, without titles.",
        )),
        Field::Phone => Some(Tr(
            "Untuk dihubungi petugas bila perlu.",
            "So the office can contact you if needed.",
        )),
        _ => None,
    }
}

/// A file size as people read it: "180 KB", "1.2 MB". Integer arithmetic only: float formatting
/// would add its whole machinery to the wasm.
pub fn file_size(bytes: u32) -> String {
    const MIB: u64 = 1024 * 1024;
    if u64::from(bytes) < MIB {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        let tenths = (u64::from(bytes) * 10).div_ceil(MIB);
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}
