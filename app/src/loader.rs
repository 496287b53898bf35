//! Data fetched for a view, as a plain signal: `None` while loading, then the answer.
//!
//! Used instead of `LocalResource` + `Suspense`/`Transition`: for the residents' two short reads
//! (region lists, a status) Leptos's async machinery weighed about 20 KB of the gzipped first
//! load, and a loading flag says all these views need.

use crate::api::ViewRequests;
use leptos::prelude::*;
use std::future::Future;

/// The latest answer of `fetch` for the current value of `source`.
pub struct Loader<T: 'static> {
    value: RwSignal<Option<T>>,
    /// Bumped by [`Loader::reload`]; the fetching effect follows it as it follows the source.
    version: RwSignal<u32>,
}

impl<T: 'static> Clone for Loader<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Loader<T> {}

impl<T: Send + Sync + 'static> Loader<T> {
    /// Fetches when created and again whenever `source` changes. Each fetch gets the
    /// [`ViewRequests`] of that run: a newer fetch or the view going away aborts it, and an
    /// answer that arrives after a newer fetch began is dropped, so a slow old answer never
    /// replaces a newer choice.
    pub fn new<S, F>(
        source: impl Fn() -> S + 'static,
        fetch: impl Fn(S, ViewRequests) -> F + 'static,
    ) -> Self
    where
        S: 'static,
        F: Future<Output = T> + 'static,
    {
        let value = RwSignal::new(None);
        let version = RwSignal::new(0u32);
        let generation = StoredValue::new(0u32);
        // An effect's owner is cleaned up before each run and when the view is disposed, which
        // is what ends the requests made in the run before.
        Effect::new(move |_| {
            // Only `source` and the version are tracked; the fetch reads untracked.
            version.track();
            let s = source();
            untrack(|| {
                generation.update_value(|g| *g = g.wrapping_add(1));
                let mine = generation.get_value();
                value.set(None);
                let answer = fetch(s, ViewRequests::new());
                leptos::task::spawn_local(async move {
                    let answer = answer.await;
                    if generation.try_get_value() == Some(mine) {
                        value.set(Some(answer));
                    }
                });
            })
        });
        Loader { value, version }
    }

    /// Fetches again with the current source (a retry button).
    pub fn reload(&self) {
        self.version.update(|v| *v = v.wrapping_add(1));
    }

    /// `f` of the answer (`None` while loading), without cloning it; tracked.
    pub fn with<R>(&self, f: impl FnOnce(&Option<T>) -> R) -> R {
        self.value.with(f)
    }
}

impl<T: Clone + Send + Sync + 'static> Loader<T> {
    /// The answer, `None` while loading; tracked.
    pub fn get(&self) -> Option<T> {
        self.value.get()
    }
}
