//! The bridge between the pure shell state in `core` and Yew's reducer hook, and the app's handle
//! on its storage. The element (`embed`) builds the storage and its browser services at mount and
//! hands them in: nothing here knows localStorage, Web Locks or the page's events.

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

use yew::Reducible;

use super::persist::WaitingSaves;
use crate::core::config::Namespace;
use crate::core::privacy::{Place, Privacy, Setting, SETTING};
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

/// The element's stores, shared by its components; equal only to itself.
///
/// Records live on this computer or, when the person (or the page) keeps nothing there, in this
/// tab only; the privacy setting itself always lives on the computer, so every tab honours it.
/// Writes go through [`StoreHandle::write`], which takes the cross-tab lock; reads through
/// [`StoreHandle::read`], which first makes any write still waiting for it.
#[derive(Clone)]
pub struct StoreHandle {
    stores: Rc<Stores>,
    services: Rc<dyn StorageServices>,
    waiting_saves: WaitingSaves,
}

struct Stores {
    computer: AppStore,
    tab: AppStore,
    place: Cell<Place>,
    /// How often the place changed: a save prepared before a change is dropped.
    moves: Cell<u64>,
}

impl Stores {
    fn current(&self) -> &AppStore {
        match self.place.get() {
            Place::Computer => &self.computer,
            Place::Tab => &self.tab,
        }
    }
}

impl StoreHandle {
    /// A handle on a store on this computer and one for this tab only. `services` is given the
    /// widget's delayed saves, to make them when the page is left or hidden.
    pub fn new(
        computer: AppStore,
        tab: AppStore,
        services: impl FnOnce(WaitingSaves) -> Rc<dyn StorageServices>,
    ) -> Self {
        let waiting_saves = WaitingSaves::default();
        StoreHandle {
            stores: Rc::new(Stores {
                computer,
                tab,
                place: Cell::default(),
                moves: Cell::new(0),
            }),
            services: services(waiting_saves.clone()),
            waiting_saves,
        }
    }

    /// Where records live now, with this tab's own writes made.
    pub fn read(&self) -> &AppStore {
        self.services.flush();
        self.stores.current()
    }

    /// The store on this computer, whatever the place (the privacy setting lives there).
    pub fn computer(&self) -> &AppStore {
        self.services.flush();
        &self.stores.computer
    }

    /// The store for this tab only.
    pub fn tab(&self) -> &AppStore {
        self.services.flush();
        &self.stores.tab
    }

    pub fn place(&self) -> Place {
        self.stores.place.get()
    }

    /// Records live in `place` from now on.
    pub fn set_place(&self, place: Place) {
        if self.stores.place.replace(place) != place {
            self.stores.moves.set(self.stores.moves.get() + 1);
        }
    }

    /// What applies under the page's `floor`: the remembered choice where the floor allows it.
    pub fn privacy(&self, floor: Privacy) -> Privacy {
        let choice = self.computer().load::<Setting>(SETTING, &now_iso()).data;
        Privacy::effective(floor, choice.map(|setting| setting.keep))
    }

    /// Which clearing of the namespace, and which move between places, this is (see
    /// [`Store::generation`]); waits for nothing.
    pub fn generation(&self) -> u64 {
        self.stores.current().generation() + (self.stores.moves.get() << 32)
    }

    pub fn namespace(&self) -> &Namespace {
        self.stores.computer.namespace()
    }

    /// The autosaves waiting for typing to pause, made at once when the page is left or hidden.
    pub fn waiting_saves(&self) -> WaitingSaves {
        self.waiting_saves.clone()
    }

    /// Runs `job` inside the cross-tab write lock (perhaps later: report its outcome from
    /// inside `job`) against the store where records live when it runs.
    pub fn write(&self, job: impl FnOnce(&AppStore) + 'static) {
        let stores = self.stores.clone();
        self.services.write(Box::new(move || job(stores.current())));
    }

    /// Runs `job` inside the write lock with both stores (this computer's, then this tab's).
    pub fn write_both(&self, job: impl FnOnce(&AppStore, &AppStore) + 'static) {
        let stores = self.stores.clone();
        self.services
            .write(Box::new(move || job(&stores.computer, &stores.tab)));
    }

    /// Hears other tabs' and widgets' writes until the guard is dropped.
    pub fn watch(&self, on_change: Rc<dyn Fn(Option<String>)>) -> Box<dyn Any> {
        self.services.watch(on_change)
    }
}

impl PartialEq for StoreHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.stores, &other.stores)
    }
}

/// The current time as ISO 8601, for `saved_at` and quarantine keys.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}
