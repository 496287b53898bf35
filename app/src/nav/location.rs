//! The browser location as reactive state, and the listeners that keep it current.

use crate::routes::Bundle;
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Event, MouseEvent, Url};

thread_local! {
    // Not a context: `navigate` runs from event handlers and async tasks, where no owner is current.
    static LOCATION: Cell<Option<Location>> = const { Cell::new(None) };
}

/// Where the page is: path and query string (`?a=b`, or empty), both reactive.
#[derive(Clone, Copy)]
pub struct Location {
    pub path: RwSignal<String>,
    pub query: RwSignal<String>,
}

impl Location {
    /// The decoded value of query parameter `name`, if present. Untracked: pages read their
    /// query when they open, and an effect that navigates away must not run again because the
    /// query it read has changed under it.
    pub fn query_param(&self, name: &str) -> Option<String> {
        self.query
            .with_untracked(|q| web_sys::UrlSearchParams::new_with_str(q).ok())
            .and_then(|params| params.get(name))
    }
}

/// Reads the current location and starts following it: back/forward buttons and
/// clicks on same-bundle links. Called once, by the root component.
pub fn provide_location() -> Location {
    let (path, query) = current();
    let location = Location {
        path: RwSignal::new(path),
        query: RwSignal::new(query),
    };
    LOCATION.set(Some(location));
    if let Some(window) = web_sys::window() {
        // Both listeners live as long as the page: the root component is never unmounted.
        let on_pop = Closure::<dyn Fn()>::new(move || set(location, current()));
        let _ =
            window.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
        on_pop.forget();
        let on_click = Closure::<dyn Fn(Event)>::new(move |ev: Event| {
            if let Some(target) = ev.dyn_ref::<MouseEvent>().and_then(link_target) {
                ev.prevent_default();
                navigate(&target);
            }
        });
        if let Some(doc) = window.document() {
            let _ =
                doc.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        }
        on_click.forget();
    }
    location
}

/// The location followed since [`provide_location`].
pub fn use_location() -> Location {
    LOCATION
        .get()
        .expect("provide_location runs in the root component before any page")
}

/// Opens `to` (a path with optional query): in place when this bundle serves it, as a full page
/// load when another bundle does (`boot.js` then loads that one).
pub fn navigate(to: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let (path, query) = split(to);
    if Bundle::of(path) != Bundle::CURRENT {
        let _ = window.location().assign(to);
        return;
    }
    if let Ok(history) = window.history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to));
    }
    set(use_location(), (path.to_string(), query.to_string()));
    window.scroll_to_with_x_and_y(0.0, 0.0);
}

fn set(location: Location, (path, query): (String, String)) {
    // Setting an unchanged value would still rebuild every view that reads it.
    if location.path.get_untracked() != path {
        location.path.set(path);
    }
    if location.query.get_untracked() != query {
        location.query.set(query);
    }
}

fn current() -> (String, String) {
    let loc = web_sys::window().map(|w| w.location());
    let read = |f: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>| {
        loc.as_ref().and_then(|l| f(l).ok()).unwrap_or_default()
    };
    (
        read(web_sys::Location::pathname),
        read(web_sys::Location::search),
    )
}

/// `"/a?b=c"` -> `("/a", "?b=c")`.
fn split(to: &str) -> (&str, &str) {
    let end = to.find(['?', '#']).unwrap_or(to.len());
    let query_end = to.find('#').unwrap_or(to.len()).max(end);
    (&to[..end], &to[end..query_end])
}

/// The in-app path a plain left click on a link should open, or `None` to leave the click to the
/// browser: modified clicks (new tab), `target`/`download` links, other origins, in-page anchors
/// and paths of another bundle.
fn link_target(ev: &MouseEvent) -> Option<String> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.ctrl_key()
        || ev.meta_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return None;
    }
    let anchor = ev
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??;
    if anchor.has_attribute("target") || anchor.has_attribute("download") {
        return None;
    }
    let here = web_sys::window()?.location();
    let url = Url::new_with_base(&anchor.get_attribute("href")?, &here.href().ok()?).ok()?;
    let same_page =
        url.pathname() == here.pathname().ok()? && url.search() == here.search().ok()?;
    if url.origin() != here.origin().ok()? || (same_page && !url.hash().is_empty()) {
        return None;
    }
    if Bundle::of(&url.pathname()) != Bundle::CURRENT {
        return None;
    }
    Some(format!("{}{}", url.pathname(), url.search()))
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn split_separates_path_and_query() {
        assert_eq!(split("/s/ABC"), ("/s/ABC", ""));
        assert_eq!(
            split("/staf/masuk?lanjut=%2Fkecamatan"),
            ("/staf/masuk", "?lanjut=%2Fkecamatan")
        );
        assert_eq!(split("/a?b=c#d"), ("/a", "?b=c"));
        assert_eq!(split("/a#d"), ("/a", ""));
    }
}
