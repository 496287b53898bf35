//! The administrator's console wording in Indonesian and English. Roles, field problems and
//! error codes come from `shared`.

use crate::i18n::Tr;

pub const CONSOLE_TITLE: Tr = Tr("Administrasi petugas", "Staff administration");
pub const WRONG_ROLE: Tr = Tr(
    "Akun ini bukan akun administrator.",
    "This account is not an administrator account.",
);
pub const ACCOUNTS_TITLE: Tr = Tr("Akun petugas", "Staff accounts");
pub const ACCOUNTS_INTRO: Tr = Tr(
    "Setiap perubahan dicatat dalam log audit. Kata sandi awal dan hasil reset harus diganti pemiliknya saat masuk berikutnya.",
    "Every change is recorded in the audit log. A first or reset password must be changed by its owner at the next sign-in.",
);
pub const NEW_ACCOUNT: Tr = Tr("Buat akun baru", "Create an account");
pub const USERNAME: Tr = Tr("Nama pengguna", "User name");
pub const DISPLAY_NAME: Tr = Tr("Nama lengkap", "Full name");
pub const ROLE: Tr = Tr("Peran", "Role");
pub const KECAMATAN: Tr = Tr("Kecamatan", "Kecamatan");
pub const KECAMATAN_HINT: Tr = Tr(
    "Hanya untuk operator kecamatan: tepat satu kecamatan.",
    "Kecamatan operators only: exactly one kecamatan.",
);
pub const FIRST_PASSWORD: Tr = Tr("Kata sandi awal", "First password");
pub const PASSWORD_HINT: Tr = Tr(
    "Minimal 12 karakter, tanpa nama pengguna. Sampaikan langsung kepada pemilik akun.",
    "At least 12 characters, without the user name. Hand it to the account's owner in person.",
);
pub const CREATE: Tr = Tr("Buat akun", "Create account");
pub const CREATED: Tr = Tr("Akun dibuat:", "Account created:");
pub const COL_USERNAME: Tr = Tr("Nama pengguna", "User name");
pub const COL_NAME: Tr = Tr("Nama", "Name");
pub const COL_ROLE: Tr = Tr("Peran", "Role");
pub const COL_KECAMATAN: Tr = Tr("Kecamatan", "Kecamatan");
pub const COL_STATUS: Tr = Tr("Status", "Status");
pub const COL_ACTIONS: Tr = Tr("Tindakan", "Actions");
pub const ACTIVE: Tr = Tr("Aktif", "Active");
pub const DISABLED: Tr = Tr("Nonaktif", "Disabled");
pub const LOCKED: Tr = Tr("Terkunci", "Locked");
pub const MUST_CHANGE: Tr = Tr("Harus ganti sandi", "Must change password");
pub const DISABLE: Tr = Tr("Nonaktifkan", "Disable");
pub const ENABLE: Tr = Tr("Aktifkan", "Enable");
pub const UNLOCK: Tr = Tr("Buka kunci", "Unlock");
pub const RESET: Tr = Tr("Reset sandi", "Reset password");
pub const RESET_FOR: Tr = Tr("Kata sandi sementara untuk", "Temporary password for");
pub const RESET_SEND: Tr = Tr("Simpan kata sandi sementara", "Save the temporary password");
pub const NO_CSPRNG: Tr = Tr(
    "Peramban ini tidak dapat membuat kunci acak. Pakai peramban lain.",
    "This browser cannot make a random key. Use another browser.",
);
