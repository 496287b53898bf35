//! Requests tied to the view that made them: aborted when the view goes away, so leaving a page
//! (or a loader moving on to a newer source) cancels what it was still waiting for.

use leptos::prelude::*;
use web_sys::{AbortController, AbortSignal};

/// Aborts its controller when dropped.
struct AbortOnDrop(Option<AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(c) = &self.0 {
            c.abort();
        }
    }
}

/// The requests of one view. The `AbortController` is kept by the reactive owner the handle was
/// made in (a component, a loader's current fetch), which drops it, aborting every request
/// that carries its signal, when the owner is disposed. A handle like Leptos's own (`Copy`,
/// `Send`, `Sync`), so event handlers and callbacks can hold it.
#[derive(Clone, Copy)]
pub struct ViewRequests(Option<StoredValue<AbortOnDrop, LocalStorage>>);

impl ViewRequests {
    /// The requests of the view being built (the current reactive owner).
    pub fn new() -> ViewRequests {
        let guard = AbortOnDrop(AbortController::new().ok());
        ViewRequests(Some(StoredValue::new_local(guard)))
    }

    /// Requests no view waits for (the outbox, which lives as long as the page): never aborted.
    pub const fn detached() -> ViewRequests {
        ViewRequests(None)
    }

    /// The signal for `fetch`. Once the view is gone it is an aborted one, so a request started
    /// by a late callback ends at once instead of answering nobody.
    pub(crate) fn signal(self) -> Option<AbortSignal> {
        let stored = self.0?;
        stored
            .try_with_value(|guard| guard.0.as_ref().map(AbortController::signal))
            .unwrap_or_else(|| {
                let gone = AbortController::new().ok()?;
                gone.abort();
                Some(gone.signal())
            })
    }
}

impl Default for ViewRequests {
    fn default() -> ViewRequests {
        ViewRequests::new()
    }
}

#[cfg(test)]
mod tests {
    use leptos::prelude::*;
    use std::cell::Cell;
    use std::rc::Rc;

    struct SetOnDrop(Rc<Cell<bool>>);

    impl Drop for SetOnDrop {
        fn drop(&mut self) {
            self.0.set(true);
        }
    }

    /// What [`super::ViewRequests`] relies on: a value stored in a view's owner is dropped (for
    /// the guard: aborts) when the view is disposed, and not before.
    #[test]
    fn a_value_kept_by_a_view_is_dropped_with_the_view() {
        let dropped = Rc::new(Cell::new(false));
        let view = Owner::new();
        view.with(|| {
            StoredValue::new_local(SetOnDrop(dropped.clone()));
        });
        assert!(!dropped.get());
        view.cleanup();
        assert!(dropped.get());
    }
}
