//! The one error body every API failure returns.

use crate::i18n::Lang;
use crate::validation::{FieldCode, FieldErrors, Warning, WarningCode};
use serde::{Deserialize, Serialize};

/// Every non-2xx API response carries this body.
///
/// JSON:
/// ```json
/// {
///   "code": "validation_failed",
///   "message": "Beberapa isian perlu diperbaiki.",
///   "fields": [{"field": "nik", "code": "nik_no_such_day"},
///              {"field": "address.rt", "code": "rt_format"}],
///   "request_id": "01HV..."
/// }
/// ```
/// `fields` is empty unless `code` is `validation_failed`. `message` is for people, in the
/// request's language; clients branch on `code`, never on `message`. Internal detail never
/// appears here; it is logged under `request_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub code: ErrorCode,
    pub message: String,
    #[serde(default)]
    pub fields: Vec<FieldError>,
    pub request_id: String,
}

impl ErrorBody {
    /// A body with the code's standard message.
    pub fn new(code: ErrorCode, lang: Lang, request_id: impl Into<String>) -> ErrorBody {
        ErrorBody {
            code,
            message: code.message(lang).to_string(),
            fields: Vec::new(),
            request_id: request_id.into(),
        }
    }

    /// A `validation_failed` body listing every field problem.
    pub fn validation(
        errors: &FieldErrors,
        lang: Lang,
        request_id: impl Into<String>,
    ) -> ErrorBody {
        let mut body = ErrorBody::new(ErrorCode::ValidationFailed, lang, request_id);
        body.fields = errors
            .errors
            .iter()
            .map(|e| FieldError {
                field: e.field.path().to_string(),
                code: e.code,
            })
            .collect();
        body
    }
}

/// One problem with one field. `field` is a path such as `"nik"` or `"address.rt"` (see
/// [`crate::api::ApplicationForm`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: FieldCode,
}

/// A non-blocking remark on one field, shown to staff (e.g. the NIK's date differs from the
/// declared one). JSON: `{"field": "nik", "code": "nik_birth_date_mismatch"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldWarning {
    pub field: String,
    pub code: WarningCode,
}

impl From<&Warning> for FieldWarning {
    fn from(w: &Warning) -> FieldWarning {
        FieldWarning {
            field: w.field.path().to_string(),
            code: w.code,
        }
    }
}

/// Machine-readable error kinds, serialised as snake_case strings. Each maps to one HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// 400: the body is not the JSON this endpoint expects.
    MalformedRequest,
    /// 422: the form has field problems, listed in `fields`.
    ValidationFailed,
    /// 400: the registration code is malformed or fails its check character.
    InvalidRegistrationCode,
    /// 401: not signed in, or the session expired.
    Unauthenticated,
    /// 403: signed in, but this role or kecamatan may not do this.
    Forbidden,
    /// 404: no such application, code or resource.
    NotFound,
    /// 409: the life cycle refuses this step in the current stage.
    TransitionRefused,
    /// 409: someone else changed the record first; reload and retry.
    Conflict,
    /// 409: another staff member holds a live claim on this adjudication case.
    CaseHeld,
    /// 409: this case write needs the caller's live claim (open the case first).
    ClaimRequired,
    /// 413: an upload or body is too large.
    PayloadTooLarge,
    /// 400: a write without the `Idempotency-Key` header that makes retries safe.
    MissingIdempotencyKey,
    /// 409: this `Idempotency-Key` was already used for a different request.
    IdempotencyKeyReused,
    /// 405: the path exists but not with this method.
    MethodNotAllowed,
    /// 409: the application already has a valid Surat Keterangan (one at a time).
    CertificateAlreadyValid,
    /// 409: the Surat Keterangan is not valid (expired, revoked or ended): nothing to revoke.
    CertificateNotValid,
    /// 409: the card has not been checked in at the kecamatan (not arrived, or missing from
    /// its shipment): it cannot be handed over there.
    CardNotReceived,
    /// 409: no printed card of this kecamatan is waiting to be shipped.
    NoCardsToShip,
    /// 409: a print run closes only when every blank card taken is accounted for (printed or
    /// spoiled) and every application in it has its card.
    LedgerUnbalanced,
    /// 409: every blank card taken for this run is accounted for; take more blanks first.
    NoBlankCardLeft,
    /// 409: this card serial is already recorded (one serial, one physical card).
    CardSerialTaken,
    /// 409: the print run is closed.
    PrintRunClosed,
    /// 401: wrong user name or password (which of the two is not said).
    InvalidCredentials,
    /// 423: too many failed sign-ins under this name from this device (or from everywhere);
    /// sign-ins are held for a while. Any name can get it, so it tells nothing about accounts.
    AccountLocked,
    /// 403: the password was set by an administrator; change it first (`POST /api/auth/password`).
    PasswordChangeRequired,
    /// 429: too many requests; wait and retry.
    RateLimited,
    /// 500: our fault; details are in the log under `request_id`.
    Internal,
    /// 503: a dependency is unavailable; retry later.
    Unavailable,
}

impl ErrorCode {
    /// The HTTP status this code is sent with.
    pub const fn http_status(self) -> u16 {
        match self {
            ErrorCode::MalformedRequest
            | ErrorCode::InvalidRegistrationCode
            | ErrorCode::MissingIdempotencyKey => 400,
            ErrorCode::Unauthenticated | ErrorCode::InvalidCredentials => 401,
            ErrorCode::AccountLocked => 423,
            ErrorCode::Forbidden | ErrorCode::PasswordChangeRequired => 403,
            ErrorCode::NotFound => 404,
            ErrorCode::MethodNotAllowed => 405,
            ErrorCode::TransitionRefused
            | ErrorCode::CertificateAlreadyValid
            | ErrorCode::CertificateNotValid
            | ErrorCode::CardNotReceived
            | ErrorCode::NoCardsToShip
            | ErrorCode::LedgerUnbalanced
            | ErrorCode::NoBlankCardLeft
            | ErrorCode::CardSerialTaken
            | ErrorCode::PrintRunClosed
            | ErrorCode::Conflict
            | ErrorCode::CaseHeld
            | ErrorCode::ClaimRequired
            | ErrorCode::IdempotencyKeyReused => 409,
            ErrorCode::PayloadTooLarge => 413,
            ErrorCode::ValidationFailed => 422,
            ErrorCode::RateLimited => 429,
            ErrorCode::Internal => 500,
            ErrorCode::Unavailable => 503,
        }
    }

    /// A short, friendly message for people.
    pub const fn message(self, lang: Lang) -> &'static str {
        match self {
            ErrorCode::MalformedRequest => lang.pick(
                "Permintaan tidak dapat dibaca. Muat ulang halaman lalu coba lagi.",
                "The request could not be read. Reload the page and try again.",
            ),
            ErrorCode::ValidationFailed => lang.pick(
                "Beberapa isian perlu diperbaiki.",
                "Some fields need to be corrected.",
            ),
            ErrorCode::InvalidRegistrationCode => lang.pick(
                "Kode pendaftaran tidak valid. Periksa kembali setiap hurufnya.",
                "The registration code is not valid. Check each character again.",
            ),
            ErrorCode::Unauthenticated => {
                lang.pick("Silakan masuk terlebih dahulu.", "Please sign in first.")
            }
            ErrorCode::Forbidden => lang.pick(
                "Anda tidak berwenang melakukan ini.",
                "You are not allowed to do this.",
            ),
            ErrorCode::NotFound => lang.pick("Data tidak ditemukan.", "Not found."),
            ErrorCode::MissingIdempotencyKey => lang.pick(
                "Permintaan tidak lengkap. Muat ulang halaman lalu kirim lagi; data Anda tetap tersimpan.",
                "The request is incomplete. Reload the page and send again; your data is kept.",
            ),
            ErrorCode::IdempotencyKeyReused => lang.pick(
                "Permintaan ini bertabrakan dengan kiriman lain yang memakai kunci yang sama. Muat ulang lalu coba lagi.",
                "This request clashes with another one sent under the same key. Reload and try again.",
            ),
            #[cfg(feature = "staff-texts")]
            ErrorCode::InvalidCredentials => lang.pick(
                "Nama pengguna atau kata sandi salah.",
                "Wrong user name or password.",
            ),
            #[cfg(feature = "staff-texts")]
            ErrorCode::AccountLocked => lang.pick(
                "Terlalu banyak percobaan masuk yang gagal. Tunggu 15 menit, atau minta administrator membuka kuncinya.",
                "Too many failed sign-in attempts. Wait 15 minutes, or ask the administrator to unlock.",
            ),
            #[cfg(feature = "staff-texts")]
            ErrorCode::PasswordChangeRequired => lang.pick(
                "Ganti kata sandi Anda terlebih dahulu.",
                "Change your password first.",
            ),
            ErrorCode::MethodNotAllowed => {
                lang.pick("Permintaan ini tidak didukung.", "This request is not supported.")
            }
            #[cfg(feature = "staff-texts")]
            ErrorCode::TransitionRefused => lang.pick(
                "Langkah ini tidak dapat dilakukan pada tahap permohonan saat ini.",
                "This step is not possible at the application's current stage.",
            ),
            #[cfg(feature = "staff-texts")]
            ErrorCode::CertificateAlreadyValid => lang.pick(
                "Pemohon ini sudah memiliki Surat Keterangan yang masih berlaku. Cetak ulang yang ada, atau cabut dulu bila perlu diganti.",
                "This applicant already has a valid Surat Keterangan. Reprint it, or revoke it first if it must be replaced.",
            ),
            #[cfg(feature = "staff-texts")]
            ErrorCode::CertificateNotValid => lang.pick(
                "Surat Keterangan ini sudah tidak berlaku (kedaluwarsa, dicabut atau berakhir).",
                "This Surat Keterangan is no longer valid (expired, revoked or ended).",
            ),
            #[cfg(feature = "staff-texts")]
            ErrorCode::CardNotReceived => lang.pick(
                "KTP-el ini belum diterima di kecamatan (belum tiba atau tidak ada dalam kiriman). Belum dapat diserahkan.",
                "This card has not been received at the kecamatan (not arrived, or missing from its shipment). It cannot be handed over yet.",
            ),
            #[cfg(feature = "staff-texts")]
            ErrorCode::NoCardsToShip => lang.pick(
                "Tidak ada KTP-el tercetak yang menunggu dikirim ke kecamatan ini.",
                "No printed card is waiting to be shipped to this kecamatan.",
            ),
            #[cfg(feature = "staff-texts")]
            ErrorCode::LedgerUnbalanced => lang.pick(
                "Buku kartu belum seimbang: setiap blangko yang diambil harus tercatat tercetak atau rusak, dan setiap permohonan harus sudah punya kartu.",
                "The card ledger does not balance: every blank taken must be recorded as printed or spoiled, and every application must have its card.",
            ),
            #[cfg(feature = "staff-texts")]
            ErrorCode::NoBlankCardLeft => lang.pick(
                "Semua blangko yang diambil untuk cetakan ini sudah tercatat. Catat pengambilan blangko tambahan lebih dulu.",
                "Every blank taken for this run is accounted for. Record more blanks taken first.",
            ),
            #[cfg(feature = "staff-texts")]
            ErrorCode::CardSerialTaken => lang.pick(
                "Nomor seri kartu ini sudah tercatat.",
                "This card serial is already recorded.",
            ),
            #[cfg(feature = "staff-texts")]
            ErrorCode::PrintRunClosed => lang.pick(
                "Cetakan ini sudah ditutup.",
                "This print run is closed.",
            ),
            ErrorCode::Conflict => lang.pick(
                "Data telah diubah oleh orang lain. Muat ulang lalu coba lagi.",
                "Someone else changed this record. Reload and try again.",
            ),
            #[cfg(feature = "staff-texts")]
            ErrorCode::CaseHeld => lang.pick(
                "Kasus ini sedang ditangani petugas lain.",
                "Another staff member is working on this case.",
            ),
            #[cfg(feature = "staff-texts")]
            ErrorCode::ClaimRequired => lang.pick(
                "Buka kasus ini terlebih dahulu; klaim Anda sudah berakhir atau belum ada.",
                "Open this case first; your claim has lapsed or was never made.",
            ),
            ErrorCode::PayloadTooLarge => {
                lang.pick("Berkas terlalu besar.", "The file is too large.")
            }
            ErrorCode::RateLimited => lang.pick(
                "Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.",
                "Too many requests. Wait a moment and try again.",
            ),
            ErrorCode::Internal => lang.pick(
                "Terjadi kesalahan pada sistem. Coba lagi nanti.",
                "Something went wrong on our side. Please try again later.",
            ),
            ErrorCode::Unavailable => lang.pick(
                "Layanan sedang tidak tersedia. Coba lagi nanti.",
                "The service is unavailable. Please try again later.",
            ),
            // Staff-only codes: a phone never shows them, so its bundle carries no text for them.
            #[cfg(not(feature = "staff-texts"))]
            _ => lang.pick("Permintaan ditolak.", "The request was refused."),
        }
    }
}
