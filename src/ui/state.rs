//! The bridge between the pure shell state in `core` and Yew's reducer hook, and the app's handle
//! on its storage. The element (`embed`) builds the storage and its browser services at mount and
//! hands them in: nothing here knows localStorage, Web Locks or the page's events.

use std::any::Any;
use std::rc::Rc;

use yew::Reducible;

use super::persist::WaitingSaves;
use crate::core::config::Namespace;
use crate::core::shell::{Action, ShellState};
use crate::core::store::{Backend, Store};

impl Reducible for ShellState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

/// The store the app works with, over whichever backend the element chose.
pub type AppStore = Store<Box<dyn Backend>>;

/// What the browser does around the store, given by the element at mount.
pub trait StorageServices {
    /// Runs `job` (a write) in turn with other tabs' writes: perhaps later, but always before
    /// the page is left.
    fn write(&self, job: Box<dyn FnOnce()>);
    /// Makes every waiting write now.
    fn flush(&self);
    /// Calls `on_change` with each key another tab or widget of the page writes (`None`: the
    /// whole storage was cleared), until the returned guard is dropped.
    fn watch(&self, on_change: Rc<dyn Fn(Option<String>)>) -> Box<dyn Any>;
}

/// The element's store, shared by its components; equal only to itself.
///
/// Writes go through [`StoreHandle::write`], which takes the cross-tab lock; reads through
/// [`StoreHandle::read`], which first makes any write still waiting for it.
#[derive(Clone)]
pub struct StoreHandle {
    store: Rc<AppStore>,
    services: Rc<dyn StorageServices>,
    waiting_saves: WaitingSaves,
}

impl StoreHandle {
    /// A handle on `store`. `services` is given the widget's delayed saves, to make them when the
    /// page is left or hidden.
    pub fn new(
        store: AppStore,
        services: impl FnOnce(WaitingSaves) -> Rc<dyn StorageServices>,
    ) -> Self {
        let waiting_saves = WaitingSaves::default();
        StoreHandle {
            store: Rc::new(store),
            services: services(waiting_saves.clone()),
            waiting_saves,
        }
    }

    /// The store, with this tab's own writes made.
    pub fn read(&self) -> &AppStore {
        self.services.flush();
        &self.store
    }

    /// Which clearing of the namespace this is (see [`Store::generation`]); waits for nothing.
    pub fn generation(&self) -> u64 {
        self.store.generation()
    }

    pub fn namespace(&self) -> &Namespace {
        self.store.namespace()
    }

    /// The autosaves waiting for typing to pause, made at once when the page is left or hidden.
    pub fn waiting_saves(&self) -> WaitingSaves {
        self.waiting_saves.clone()
    }

    /// Runs `job` against the store inside the cross-tab write lock (perhaps later: report its
    /// outcome from inside `job`).
    pub fn write(&self, job: impl FnOnce(&AppStore) + 'static) {
        let store = self.store.clone();
        self.services.write(Box::new(move || job(&store)));
    }

    /// Hears other tabs' and widgets' writes until the guard is dropped.
    pub fn watch(&self, on_change: Rc<dyn Fn(Option<String>)>) -> Box<dyn Any> {
        self.services.watch(on_change)
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
