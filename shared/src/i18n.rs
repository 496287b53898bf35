//! The two languages user-facing texts come in; Indonesian is the default.

/// A display language. Every code that reaches a person (field codes, error codes, stage names,
/// list labels) has a text in each language, so the UI never shows a raw code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Bahasa Indonesia: the default, as the office and most residents use it.
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// Picks the text for this language from an (Indonesian, English) pair.
    pub const fn pick(self, id: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}
