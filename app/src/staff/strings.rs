//! Wording of the staff pages that belong to no one console, in Indonesian and English.

use crate::i18n::Tr;

pub const NO_CONSOLE_TITLE: Tr = Tr(
    "Belum ada konsol untuk peran ini",
    "No console for this role yet",
);
pub const NO_CONSOLE_TEXT: Tr = Tr(
    "Anda sudah masuk, tetapi konsol untuk peran Anda belum tersedia. Keluar bila sudah selesai.",
    "You are signed in, but the console for your role is not available yet. Sign out when you are done.",
);
pub const NO_CONSOLE_BAR: Tr = Tr("Petugas Disdukcapil", "Population office staff");
pub const HAS_CONSOLE: Tr = Tr(
    "Peran Anda memiliki konsol sendiri:",
    "Your role has its own console:",
);
pub const OPEN_CONSOLE: Tr = Tr("Buka konsol", "Open the console");
