//! Wording of the staff pages that belong to no one console, in Indonesian and English.

use crate::i18n::Tr;

pub const CHANGE_PASSWORD_TITLE: Tr = Tr("Ganti kata sandi", "Change your password");
pub const MUST_CHANGE_NOTICE: Tr = Tr(
    "Kata sandi Anda dibuat oleh administrator. Pilih kata sandi Anda sendiri sebelum melanjutkan.",
    "Your password was set by the administrator. Choose your own before you go on.",
);
pub const CURRENT_PASSWORD: Tr = Tr("Kata sandi saat ini", "Current password");
pub const NEW_PASSWORD: Tr = Tr("Kata sandi baru", "New password");
pub const NEW_PASSWORD_HINT: Tr = Tr(
    "Minimal 12 karakter, tanpa nama pengguna. Kalimat pendek yang mudah Anda ingat cocok dipakai.",
    "At least 12 characters, without your user name. A short sentence you remember works well.",
);
pub const REPEAT_PASSWORD: Tr = Tr("Ulangi kata sandi baru", "Repeat the new password");
pub const PASSWORDS_DIFFER: Tr = Tr(
    "Kedua kata sandi baru tidak sama.",
    "The two new passwords differ.",
);
pub const SAVE_PASSWORD: Tr = Tr("Simpan kata sandi", "Save password");
