//! Writes to storage, one tab at a time: each write runs inside `navigator.locks` (named for the
//! namespace) where the browser has Web Locks, so two tabs never interleave their
//! compare-and-set; where it does not (or refuses, as for some `file://` pages), the write runs
//! at once and the store's plain compare-and-set is the guard.
//!
//! A lock is granted asynchronously, so a write can wait. Nothing waiting is ever lost: waiting
//! writes are made at once, without the lock, when the page is being left (`pagehide`) or hidden
//! (`visibilitychange`, the only signal some mobile browsers give before closing a tab), when the
//! widget is removed, and before the store is read (so a read always sees this tab's writes).
//! On leaving, the widget's own delayed saves (autosave waiting for typing to pause) are first
//! put on the queue, so they are made too.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use gloo::events::EventListener;
use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;

type Job = Box<dyn FnOnce()>;

#[derive(Default)]
struct Queue {
    waiting: RefCell<VecDeque<Job>>,
    /// Whether a lock request is out; one grant runs every write waiting by then.
    requested: Cell<bool>,
}

impl Queue {
    /// Runs every waiting write, in order (including any added while they run).
    fn run_waiting(&self) {
        self.requested.set(false);
        loop {
            let next = self.waiting.borrow_mut().pop_front();
            match next {
                Some(job) => job(),
                None => break,
            }
        }
    }
}

/// The write queue of one widget's store.
pub struct WriteLock {
    name: String,
    queue: Rc<Queue>,
    _on_leaving: Vec<EventListener>,
}

impl WriteLock {
    /// A queue whose writes take the Web Lock called `name`. `before_leaving` queues any write
    /// still held back (a delayed autosave) when the page is left or hidden.
    pub fn new(name: String, before_leaving: impl Fn() + 'static) -> Self {
        let queue = Rc::new(Queue::default());
        let leaving: Rc<dyn Fn()> = {
            let queue = queue.clone();
            Rc::new(move || {
                before_leaving();
                queue.run_waiting();
            })
        };
        let mut on_leaving = Vec::new();
        if let Some(window) = web_sys::window() {
            let on_pagehide = leaving.clone();
            on_leaving.push(EventListener::new(&window, "pagehide", move |_| {
                on_pagehide()
            }));
            if let Some(document) = window.document() {
                let hidden = document.clone();
                on_leaving.push(EventListener::new(
                    &document,
                    "visibilitychange",
                    move |_| {
                        if hidden.visibility_state() == web_sys::VisibilityState::Hidden {
                            leaving();
                        }
                    },
                ));
            }
        }
        WriteLock {
            name,
            queue,
            _on_leaving: on_leaving,
        }
    }

    /// Runs `job` (which writes to storage) inside the lock, or at once without Web Locks.
    pub fn run(&self, job: impl FnOnce() + 'static) {
        self.queue.waiting.borrow_mut().push_back(Box::new(job));
        if self.queue.requested.get() {
            return;
        }
        self.queue.requested.set(true);
        if !self.request_lock() {
            self.queue.run_waiting();
        }
    }

    /// Makes every waiting write now.
    pub fn flush(&self) {
        self.queue.run_waiting();
    }

    /// Asks for the lock; false when this browser cannot give one.
    fn request_lock(&self) -> bool {
        let Some(request) = lock_request() else {
            return false;
        };
        let queue = self.queue.clone();
        let granted = Closure::once_into_js(move |_lock: JsValue| queue.run_waiting());
        let Ok(promise) = request
            .call2(&locks(), &JsValue::from_str(&self.name), &granted)
            .and_then(|p| p.dyn_into::<Promise>())
        else {
            return false;
        };
        // Refused (an opaque origin, say): make the writes without it.
        let queue = self.queue.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_err() {
                queue.run_waiting();
            }
        });
        true
    }
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        self.queue.run_waiting();
    }
}

/// `navigator.locks`, or undefined.
fn locks() -> JsValue {
    web_sys::window()
        .and_then(|window| Reflect::get(&window.navigator(), &"locks".into()).ok())
        .unwrap_or(JsValue::UNDEFINED)
}

/// `navigator.locks.request`, when this browser has Web Locks.
fn lock_request() -> Option<Function> {
    let locks = locks();
    if !locks.is_object() {
        return None;
    }
    Reflect::get(&locks, &"request".into())
        .ok()?
        .dyn_into::<Function>()
        .ok()
}
