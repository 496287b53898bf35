//! A macro for the closed code lists of SIAK (sex, religion, ...): code, official label, English.

/// Declares a closed list with, for each entry, a stable wire code (what the form carries), the
/// official SIAK label in Indonesian (what the card prints) and an English label.
///
/// Generated: `ALL` in official order, `code()`, `label_id()`, `label_en()`, `label(Lang)` and
/// `parse()`, which accepts the wire code or the official label in any case (staff paste labels).
macro_rules! code_list {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = ($code:literal, $id:literal, $en:literal), )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every entry, in the official SIAK order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Stable wire code (lower snake case), as carried in `ApplicationForm`.
            pub const fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            /// The official Indonesian label as SIAK and the card print it.
            pub const fn label_id(self) -> &'static str {
                match self { $($name::$variant => $id,)+ }
            }

            /// English label for the English UI.
            pub const fn label_en(self) -> &'static str {
                match self { $($name::$variant => $en,)+ }
            }

            /// Label in the given language.
            pub const fn label(self, lang: $crate::i18n::Lang) -> &'static str {
                lang.pick(self.label_id(), self.label_en())
            }

            /// Reads a wire code or an official label, ignoring case and surrounding spaces.
            pub fn parse(text: &str) -> Option<$name> {
                let text = text.trim();
                $name::ALL.iter().copied().find(|v| {
                    v.code().eq_ignore_ascii_case(text) || v.label_id().eq_ignore_ascii_case(text)
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label_id())
            }
        }
    };
}

pub(crate) use code_list;
