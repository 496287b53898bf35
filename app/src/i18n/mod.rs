//! UI language: the chosen `Lang` as reactive context (remembered on the device), the app's own
//! UI strings, and date formatting. Domain texts (field messages, stage names, document names)
//! come from `shared` in both languages; only screen wording lives here.

mod dates;
mod lang_state;
mod strings;

pub use dates::format_timestamp;
pub use lang_state::{header_value, provide_lang, t, ts, use_lang};
pub use strings::*;

/// An (Indonesian, English) pair of UI text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr(pub &'static str, pub &'static str);

impl Tr {
    /// The text in `lang`.
    pub const fn get(self, lang: shared::i18n::Lang) -> &'static str {
        lang.pick(self.0, self.1)
    }
}
