//! Small async helpers for a single-threaded isolate: a turn-taking lock (a Durable Object
//! interleaves requests at every `await` on another object, so "search then enrol" must hold a
//! turn explicitly) and a join of a few futures (fan-out without another dependency).

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

#[derive(Default)]
pub struct Serial {
    busy: Cell<bool>,
    waiting: RefCell<Vec<Waker>>,
}

/// Held while a request has its turn; the next waiting request runs when it drops.
pub struct Turn<'a>(&'a Serial);

impl Serial {
    pub async fn turn(&self) -> Turn<'_> {
        std::future::poll_fn(|cx: &mut Context<'_>| {
            if self.busy.get() {
                self.waiting.borrow_mut().push(cx.waker().clone());
                Poll::Pending
            } else {
                self.busy.set(true);
                Poll::Ready(())
            }
        })
        .await;
        Turn(self)
    }
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        self.0.busy.set(false);
        // Wake everyone: the first to be polled takes the turn, the others wait again.
        for w in self.0.waiting.borrow_mut().drain(..) {
            w.wake();
        }
    }
}

/// Runs the futures concurrently and returns their outputs in order.
pub async fn join_all<F: Future>(futures: Vec<F>) -> Vec<F::Output> {
    let mut futures: Vec<Pin<Box<F>>> = futures.into_iter().map(Box::pin).collect();
    let mut outputs: Vec<Option<F::Output>> = futures.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (f, out) in futures.iter_mut().zip(outputs.iter_mut()) {
            if out.is_none() {
                match f.as_mut().poll(cx) {
                    Poll::Ready(v) => *out = Some(v),
                    Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            Poll::Pending
        } else {
            Poll::Ready(())
        }
    })
    .await;
    outputs
        .into_iter()
        .map(|o| o.expect("every future finished"))
        .collect()
}
