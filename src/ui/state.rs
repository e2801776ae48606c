//! The bridge between the pure shell state in `core` and Yew's reducer hook.

use std::rc::Rc;

use yew::Reducible;

use crate::core::shell::{Action, ShellState};
use crate::core::store::Store;
use crate::embed::{LocalStorage, WriteLock};

impl Reducible for ShellState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

/// The element's store, shared by its components; equal only to itself.
///
/// Writes go through [`StoreHandle::write`], which takes the cross-tab lock; reads through
/// [`StoreHandle::read`], which first makes any write still waiting for it.
#[derive(Clone)]
pub struct StoreHandle {
    store: Rc<Store<LocalStorage>>,
    lock: Rc<WriteLock>,
}

impl StoreHandle {
    pub fn new(store: Store<LocalStorage>) -> Self {
        let lock = WriteLock::new(store.namespace().key("lock"));
        StoreHandle {
            store: Rc::new(store),
            lock: Rc::new(lock),
        }
    }

    /// The store, with this tab's own writes made.
    pub fn read(&self) -> &Store<LocalStorage> {
        self.lock.flush();
        &self.store
    }

    /// Which clearing of the namespace this is (see [`Store::generation`]); waits for nothing.
    pub fn generation(&self) -> u64 {
        self.store.generation()
    }

    pub fn namespace(&self) -> &crate::core::config::Namespace {
        self.store.namespace()
    }

    /// The id this widget's storage adapter gives its write announcements.
    pub fn writer_id(&self) -> u32 {
        self.store.backend().id()
    }

    /// Runs `job` against the store inside the cross-tab write lock (perhaps later: report its
    /// outcome from inside `job`).
    pub fn write(&self, job: impl FnOnce(&Store<LocalStorage>) + 'static) {
        let store = self.store.clone();
        self.lock.run(move || job(&store));
    }
}

impl PartialEq for StoreHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.store, &other.store)
    }
}

/// The current time as ISO 8601, for `saved_at` and quarantine keys.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}
