//! Problem codes for fields (errors and warnings), with their messages in both languages.

use super::field::Field;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// Why a field's value is refused. Serialised as snake_case (`"nik_no_such_day"`); the UI shows
/// [`FieldCode::message`] next to the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldCode {
    /// A required field is empty.
    Required,
    /// Not one of the allowed values of a list.
    InvalidChoice,
    /// Free text longer than the form allows.
    TooLong,
    /// The name has characters other than letters, spaces, apostrophes and dots.
    NameInvalidCharacters,
    /// The name carries an academic, religious or noble title.
    NameHasTitle,
    /// The NIK is not 16 digits.
    NikFormat,
    /// The NIK's first six digits are not a kecamatan code, now or in the past.
    NikDistrictUnknown,
    /// The NIK's day is neither 01-31 nor 41-71.
    NikDayOutOfRange,
    /// The NIK's date is not a real calendar day.
    NikNoSuchDay,
    /// The NIK's date implies an age over 120.
    NikBirthDateOutOfRange,
    /// The NIK's last four digits are 0000.
    NikSerialZero,
    /// The KK number is not 16 digits.
    KkFormat,
    /// The KK number's first six digits are not a kecamatan code, now or in the past.
    KkDistrictUnknown,
    /// The KK number's date is not a real calendar day.
    KkNoSuchDay,
    /// The KK number's recording date is in the future.
    KkDateInFuture,
    /// The KK number's last four digits are 0000.
    KkSerialZero,
    /// The KK number was typed into the NIK field or the other way round.
    KkSameAsNik,
    /// A date is not in yyyy-mm-dd form.
    DateFormat,
    /// A date names a day that does not exist (31 April, 29 February of a common year).
    NoSuchDay,
    /// A date lies in the future.
    DateInFuture,
    /// A birth date more than 120 years ago.
    BirthDateTooOld,
    /// Under 17 and never married: not yet eligible for a KTP-el.
    NotEligible,
    /// This form is for Indonesian citizens (WNI) only.
    CitizenshipNotWni,
    /// A region code is malformed or of the wrong level for this field.
    RegionFormat,
    /// A region code does not exist.
    RegionUnknown,
    /// A region does not lie inside the region chosen above it.
    RegionOutsideParent,
    /// RT is not 1-3 digits between 001 and 999.
    RtFormat,
    /// RW is not 1-3 digits between 001 and 999.
    RwFormat,
    /// Postal code is not 5 digits.
    PostalCodeFormat,
    /// Phone number is not an Indonesian number.
    PhoneFormat,
    /// An uploaded document is not a JPEG, PNG or PDF (the photo: not a JPEG or PNG), or its
    /// content does not match its declared type.
    AttachmentFileType,
    /// An uploaded document is over its size limit.
    AttachmentTooLarge,
    /// A finger position has no entry, or more than one.
    FingerprintMissing,
    /// A fingerprint template is not a valid template, or its quality is out of range.
    FingerprintInvalid,
    /// Every finger is an exception: nothing to identify the person with.
    NoUsableFingerprint,
    /// A staff password shorter than `auth::PASSWORD_MIN_CHARS`.
    PasswordTooShort,
    /// A staff password longer than `auth::PASSWORD_MAX_CHARS`.
    PasswordTooLong,
    /// A staff password that contains the account's user name.
    PasswordContainsUsername,
    /// A staff password of fewer than `auth::PASSWORD_MIN_DISTINCT` different characters.
    PasswordTooSimple,
    /// The new password is the current one.
    PasswordUnchanged,
    /// The current password given to change it is wrong.
    PasswordWrong,
    /// A user name outside 3-32 lower-case letters, digits, dots, dashes and underscores.
    UsernameFormat,
    /// Another account has this user name.
    UsernameTaken,
    /// A kecamatan operator account without a kecamatan of this regency.
    KecamatanRequired,
    /// A kecamatan given for a role that serves the whole regency.
    KecamatanNotForRole,
    /// Too long for its place on the KTP-el (`printing::lay_out_card` says the budget).
    DoesNotFitCard,
    /// A card serial is not 6-24 characters of A-Z, 0-9 and `-`.
    CardSerialFormat,
    /// A print below the recapture threshold was sent without the operator's reason to keep it.
    LowQualityNotConfirmed,
}

impl FieldCode {
    /// Text shown next to the field: says what is wrong and how to fix it.
    pub const fn message(self, lang: Lang) -> &'static str {
        use FieldCode::*;
        match self {
            Required => lang.pick("Wajib diisi.", "This field is required."),
            InvalidChoice => lang.pick("Pilih salah satu pilihan yang tersedia.", "Choose one of the options."),
            TooLong => lang.pick("Isian terlalu panjang.", "This is too long."),
            NameInvalidCharacters => lang.pick(
                "Nama hanya boleh berisi huruf, spasi, tanda petik (') dan titik.",
                "A name may contain only letters, spaces, apostrophes (') and dots.",
            ),
            NameHasTitle => lang.pick(
                "Tulis nama tanpa gelar akademis, keagamaan atau kebangsawanan (mis. Dr., Ir., H., Hj., S.H., Raden).",
                "Write the name without academic, religious or noble titles (e.g. Dr., Ir., H., Hj., S.H., Raden).",
            ),
            NikFormat => lang.pick("NIK harus terdiri dari 16 angka.", "The NIK must be 16 digits."),
            NikDistrictUnknown => lang.pick(
                "Enam angka pertama NIK bukan kode kecamatan yang dikenal. Periksa kembali NIK Anda.",
                "The first six digits of the NIK are not a known kecamatan code. Check the NIK again.",
            ),
            NikDayOutOfRange => lang.pick(
                "Angka ke-7 dan ke-8 NIK (tanggal lahir) harus 01-31, atau 41-71 untuk perempuan.",
                "Digits 7-8 of the NIK (day of birth) must be 01-31, or 41-71 for women.",
            ),
            NikNoSuchDay => lang.pick(
                "Tanggal lahir di dalam NIK (angka ke-7 s.d. 12) bukan tanggal yang ada.",
                "The birth date inside the NIK (digits 7-12) is not a real date.",
            ),
            NikBirthDateOutOfRange => lang.pick(
                "Tanggal lahir di dalam NIK tidak masuk akal (lebih dari 120 tahun lalu).",
                "The birth date inside the NIK is implausible (more than 120 years ago).",
            ),
            NikSerialZero => lang.pick(
                "Empat angka terakhir NIK tidak boleh 0000.",
                "The last four digits of the NIK cannot be 0000.",
            ),
            KkFormat => lang.pick(
                "Nomor KK harus terdiri dari 16 angka.",
                "The family card (KK) number must be 16 digits.",
            ),
            KkDistrictUnknown => lang.pick(
                "Enam angka pertama nomor KK bukan kode kecamatan yang dikenal.",
                "The first six digits of the KK number are not a known kecamatan code.",
            ),
            KkNoSuchDay => lang.pick(
                "Tanggal di dalam nomor KK (angka ke-7 s.d. 12) bukan tanggal yang ada.",
                "The date inside the KK number (digits 7-12) is not a real date.",
            ),
            KkDateInFuture => lang.pick(
                "Tanggal di dalam nomor KK belum terjadi. Periksa kembali nomor KK.",
                "The date inside the KK number is in the future. Check the KK number again.",
            ),
            KkSerialZero => lang.pick(
                "Empat angka terakhir nomor KK tidak boleh 0000.",
                "The last four digits of the KK number cannot be 0000.",
            ),
            KkSameAsNik => lang.pick(
                "Nomor KK tidak boleh sama dengan NIK. Lihat nomor KK di bagian atas Kartu Keluarga.",
                "The KK number cannot equal the NIK. The KK number is at the top of the family card.",
            ),
            DateFormat => lang.pick("Isi tanggal dengan benar (tahun-bulan-tanggal).", "Enter a valid date (year-month-day)."),
            NoSuchDay => lang.pick(
                "Tanggal ini tidak ada di kalender (mis. 31 April atau 29 Februari bukan tahun kabisat).",
                "This date does not exist (e.g. 31 April, or 29 February outside a leap year).",
            ),
            DateInFuture => lang.pick("Tanggal tidak boleh di masa depan.", "The date cannot be in the future."),
            BirthDateTooOld => lang.pick(
                "Tanggal lahir lebih dari 120 tahun lalu. Periksa tahunnya.",
                "The birth date is more than 120 years ago. Check the year.",
            ),
            NotEligible => lang.pick(
                "KTP-el diberikan kepada penduduk berusia 17 tahun atau lebih, atau yang sudah/pernah kawin.",
                "A KTP-el is issued from age 17, or earlier to residents who are or have been married.",
            ),
            CitizenshipNotWni => lang.pick(
                "Formulir ini untuk WNI. Orang asing pemegang KITAP menggunakan formulir lain.",
                "This form is for Indonesian citizens. Foreign permanent residents use another form.",
            ),
            RegionFormat => lang.pick("Pilih wilayah dari daftar.", "Choose the region from the list."),
            RegionUnknown => lang.pick(
                "Kode wilayah tidak dikenal. Pilih wilayah dari daftar.",
                "Unknown region code. Choose the region from the list.",
            ),
            RegionOutsideParent => lang.pick(
                "Wilayah ini tidak berada di dalam wilayah yang dipilih di atasnya.",
                "This region is not inside the region chosen above it.",
            ),
            RtFormat => lang.pick("RT berupa angka 001 sampai 999.", "RT must be a number from 001 to 999."),
            RwFormat => lang.pick("RW berupa angka 001 sampai 999.", "RW must be a number from 001 to 999."),
            PostalCodeFormat => lang.pick(
                "Kode pos terdiri dari 5 angka (mis. 58111).",
                "The postal code is 5 digits (e.g. 58111).",
            ),
            PhoneFormat => lang.pick(
                "Nomor telepon Indonesia, mis. 0812 3456 7890 atau +62 812 3456 7890.",
                "An Indonesian phone number, e.g. 0812 3456 7890 or +62 812 3456 7890.",
            ),
            AttachmentFileType => lang.pick(
                "Berkas harus berupa foto (JPG/PNG) atau PDF; pas foto harus JPG/PNG.",
                "The file must be a photo (JPG/PNG) or a PDF; the 3x4 photo must be JPG/PNG.",
            ),
            AttachmentTooLarge => lang.pick(
                "Berkas terlalu besar. Pas foto paling besar 200 KB, dokumen lain 1 MB.",
                "The file is too large. The photo may be at most 200 KB, other documents 1 MB.",
            ),
            FingerprintMissing => lang.pick(
                "Rekam sidik jari ini atau catat alasan tidak dapat direkam.",
                "Record this finger or note why it cannot be recorded.",
            ),
            FingerprintInvalid => lang.pick(
                "Data sidik jari rusak. Rekam ulang jari ini.",
                "The fingerprint data is damaged. Record this finger again.",
            ),
            NoUsableFingerprint => lang.pick(
                "Minimal satu sidik jari harus dapat direkam.",
                "At least one fingerprint must be recorded.",
            ),
            #[cfg(feature = "staff-texts")]
            PasswordTooShort => lang.pick(
                "Kata sandi minimal 12 karakter. Kalimat pendek yang mudah diingat lebih baik.",
                "The password needs at least 12 characters. A short sentence you remember works well.",
            ),
            #[cfg(feature = "staff-texts")]
            PasswordTooLong => lang.pick("Kata sandi paling panjang 128 karakter.", "The password may be at most 128 characters."),
            #[cfg(feature = "staff-texts")]
            PasswordContainsUsername => lang.pick(
                "Kata sandi tidak boleh memuat nama pengguna.",
                "The password must not contain the user name.",
            ),
            #[cfg(feature = "staff-texts")]
            PasswordTooSimple => lang.pick(
                "Kata sandi terlalu sederhana: pakai minimal 6 karakter yang berbeda.",
                "The password is too simple: use at least 6 different characters.",
            ),
            #[cfg(feature = "staff-texts")]
            PasswordUnchanged => lang.pick(
                "Kata sandi baru harus berbeda dari yang lama.",
                "The new password must differ from the current one.",
            ),
            #[cfg(feature = "staff-texts")]
            PasswordWrong => lang.pick("Kata sandi saat ini salah.", "The current password is wrong."),
            #[cfg(feature = "staff-texts")]
            UsernameFormat => lang.pick(
                "Nama pengguna 3-32 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.",
                "The user name is 3-32 characters: lower-case letters, digits, dots, underscores or dashes.",
            ),
            #[cfg(feature = "staff-texts")]
            UsernameTaken => lang.pick("Nama pengguna ini sudah dipakai.", "This user name is already taken."),
            #[cfg(feature = "staff-texts")]
            KecamatanRequired => lang.pick(
                "Operator kecamatan harus terikat pada tepat satu kecamatan di kabupaten ini.",
                "A kecamatan operator must be bound to exactly one kecamatan of this regency.",
            ),
            #[cfg(feature = "staff-texts")]
            KecamatanNotForRole => lang.pick(
                "Hanya operator kecamatan yang terikat pada kecamatan.",
                "Only kecamatan operators are bound to a kecamatan.",
            ),
            #[cfg(feature = "staff-texts")]
            DoesNotFitCard => lang.pick(
                "Terlalu panjang untuk dicetak di KTP-el; kartu tidak dicetak sampai data dibetulkan.",
                "Too long to print on the card; the card is not printed until the record is corrected.",
            ),
            #[cfg(feature = "staff-texts")]
            CardSerialFormat => lang.pick(
                "Nomor seri kartu: 6-24 huruf, angka atau tanda -, seperti tercetak pada blangko.",
                "Card serial: 6-24 letters, digits or -, as printed on the blank card.",
            ),
            #[cfg(feature = "staff-texts")]
            LowQualityNotConfirmed => lang.pick(
                "Kualitas sidik jari ini rendah: pindai ulang, atau pilih alasan untuk tetap memakainya.",
                "This print's quality is low: scan it again, or choose a reason to keep it.",
            ),
            // Staff-only codes: a phone never shows them, so its bundle carries no text for them.
            #[cfg(not(feature = "staff-texts"))]
            _ => lang.pick("Periksa isian ini.", "Check this field."),
        }
    }
}

/// Something staff should look at that does not block the application. Serialised snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    /// The NIK's date differs from the declared birth date. The NIK is never changed to fix this.
    NikBirthDateMismatch,
    /// The NIK's sex (day + 40 for women) differs from the declared sex.
    NikSexMismatch,
    /// The NIK's kecamatan code was retired (e.g. split or renumbered); genuine but old.
    NikRetiredDistrict,
    /// The KK number's kecamatan code was retired.
    KkRetiredDistrict,
}

impl WarningCode {
    pub const fn message(self, lang: Lang) -> &'static str {
        use WarningCode::*;
        match self {
            NikBirthDateMismatch => lang.pick(
                "Tanggal lahir di NIK berbeda dengan tanggal lahir yang diisi. Periksa dengan akta kelahiran.",
                "The birth date in the NIK differs from the one entered. Check against the birth certificate.",
            ),
            NikSexMismatch => lang.pick(
                "Jenis kelamin menurut NIK berbeda dengan yang diisi.",
                "The sex encoded in the NIK differs from the one entered.",
            ),
            NikRetiredDistrict => lang.pick(
                "NIK memakai kode kecamatan lama yang sudah tidak berlaku; ini bisa sah (NIK tidak berubah).",
                "The NIK uses a retired kecamatan code; this can be genuine (a NIK never changes).",
            ),
            KkRetiredDistrict => lang.pick(
                "Nomor KK memakai kode kecamatan lama yang sudah tidak berlaku.",
                "The KK number uses a retired kecamatan code.",
            ),
        }
    }
}

/// One refused field: `(field, code)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldProblem {
    pub field: Field,
    pub code: FieldCode,
}

/// One warning on a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Warning {
    pub field: Field,
    pub code: WarningCode,
}

/// Every problem found in a form (never only the first), plus the warnings found on the way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors {
    pub errors: Vec<FieldProblem>,
    pub warnings: Vec<Warning>,
}

impl FieldErrors {
    /// The codes refused for one field, in the order found.
    pub fn codes_for(&self, field: Field) -> Vec<FieldCode> {
        self.errors
            .iter()
            .filter(|e| e.field == field)
            .map(|e| e.code)
            .collect()
    }
}

impl std::fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} field problem(s):", self.errors.len())?;
        for e in &self.errors {
            write!(f, " {}={:?}", e.field.path(), e.code)?;
        }
        Ok(())
    }
}

impl std::error::Error for FieldErrors {}
