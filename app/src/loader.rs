//! Data fetched for a view, as a plain signal: `None` while loading, then the answer.
//!
//! Used instead of `LocalResource` + `Suspense`/`Transition`: for the residents' two short reads
//! (region lists, a status) Leptos's async machinery weighed about 20 KB of the gzipped first
//! load, and a loading flag says all these views need.

use leptos::prelude::*;
use std::future::Future;

/// The latest answer of `fetch` for the current value of `source`.
pub struct Loader<T: 'static> {
    value: RwSignal<Option<T>>,
    reload: StoredValue<Box<dyn Fn()>, LocalStorage>,
}

impl<T: 'static> Clone for Loader<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Loader<T> {}

impl<T: Send + Sync + 'static> Loader<T> {
    /// Fetches when created and again whenever `source` changes. An answer that arrives after a
    /// newer fetch began is dropped, so a slow old answer never replaces a newer choice.
    pub fn new<S, F>(source: impl Fn() -> S + 'static, fetch: impl Fn(S) -> F + 'static) -> Self
    where
        S: 'static,
        F: Future<Output = T> + 'static,
    {
        let value = RwSignal::new(None);
        let generation = StoredValue::new(0u32);
        let start = move || {
            // Only `source` is tracked (by the effect below); the fetch reads untracked.
            let s = source();
            untrack(|| {
                generation.update_value(|g| *g = g.wrapping_add(1));
                let mine = generation.get_value();
                value.set(None);
                let answer = fetch(s);
                leptos::task::spawn_local(async move {
                    let answer = answer.await;
                    if generation.try_get_value() == Some(mine) {
                        value.set(Some(answer));
                    }
                });
            })
        };
        let start = std::rc::Rc::new(start);
        let reload = {
            let start = start.clone();
            StoredValue::new_local(Box::new(move || untrack(|| start())) as Box<dyn Fn()>)
        };
        Effect::new(move |_| start());
        Loader { value, reload }
    }

    /// Fetches again with the current source (a retry button).
    pub fn reload(&self) {
        self.reload.with_value(|f| f());
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
