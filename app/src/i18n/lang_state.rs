//! The current language as context: Indonesian by default, English by toggle, remembered.

use crate::platform::storage;
use leptos::prelude::*;
use shared::i18n::Lang;

const KEY: &str = "rekam.lang";

/// The language signal every component reads.
#[derive(Clone, Copy)]
struct LangContext(RwSignal<Lang>);

/// Creates the language signal from the remembered choice, keeps `<html lang>` in step (screen
/// readers pick their voice from it) and remembers every change.
pub fn provide_lang() {
    let initial = match storage::get(KEY).as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Id,
    };
    let lang = RwSignal::new(initial);
    Effect::new(move |_| {
        let code = match lang.get() {
            Lang::Id => "id",
            Lang::En => "en",
        };
        // A full storage only loses the preference, which the toggle restores; nothing to report.
        let _ = storage::set(KEY, code);
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", code);
        }
    });
    provide_context(LangContext(lang));
}

/// The current language (read it inside a closure so views follow the toggle).
pub fn use_lang() -> RwSignal<Lang> {
    use_context::<LangContext>()
        .map(|c| c.0)
        .unwrap_or_else(|| RwSignal::new(Lang::Id))
}

/// The HTTP `Accept-Language` value for a language.
pub const fn header_value(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "id",
        Lang::En => "en",
    }
}

/// A UI text that follows the language toggle, for use as a view child or attribute value.
/// One function (hence one closure type) for every text: each distinct closure would otherwise
/// be compiled into its own copy of the reactive rendering code, which costs wasm size.
pub fn t(tr: super::Tr) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || tr.get(lang.get())
}

/// [`t`] as a `Signal<String>`, for component props that take one.
pub fn ts(tr: super::Tr) -> leptos::prelude::Signal<String> {
    let lang = use_lang();
    Signal::derive(move || tr.get(lang.get()).to_string())
}
