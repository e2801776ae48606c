//! The bridge between the pure shell state in `core` and Yew's reducer hook, and the app's handle
//! on its storage. The element (`embed`) builds the storage and its browser services at mount and
//! hands them in: nothing here knows localStorage, Web Locks or the page's events.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::Reducible;

use super::persist::WaitingSaves;
use crate::core::config::Namespace;
use crate::core::privacy::lock::{self, Key, LockRecord, Random, Seal, Sealing, LOCK};
use crate::core::privacy::{Keeping, Place, Privacy, Setting, SETTING};
use crate::core::shell::{Action, ShellState};
use crate::core::store::{Backend, StorageNotice, Store};

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
    /// The computer store's backend, for resealing every record at once.
    sealing: Rc<Sealing<Box<dyn Backend>>>,
    /// The lock's state in this tab, shared with `sealing`.
    seal: Rc<RefCell<Seal>>,
    /// The browser's secure random numbers; without them there is no lock.
    random: Option<Random>,
    place: Cell<Place>,
    /// How often the place changed: a save prepared before a change is dropped.
    moves: Cell<u64>,
    /// Used in this tab only by someone whose records these are not (see [`Keeping::guest`]).
    guest: Cell<bool>,
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
    /// A handle on the records of `namespace` on this computer (sealed there when locked) and
    /// in this tab only. `random` gives the lock its salts and nonces; `None` (a browser without
    /// `crypto.getRandomValues`) means the lock is neither offered nor opened: a made-up nonce
    /// could repeat, and a repeated nonce gives the records away. `services` is given the
    /// widget's delayed saves, to make them when the page is left or hidden.
    pub fn new(
        namespace: &Namespace,
        computer: Box<dyn Backend>,
        tab: Box<dyn Backend>,
        random: Option<Random>,
        services: impl FnOnce(WaitingSaves) -> Rc<dyn StorageServices>,
    ) -> Self {
        let waiting_saves = WaitingSaves::default();
        let seal = Rc::new(RefCell::new(Seal::Off));
        // Sealing draws random bytes only while the lock is open, which needs `random`.
        let sealing = Rc::new(Sealing::new(
            computer,
            namespace,
            seal.clone(),
            random.unwrap_or(|_| {}),
        ));
        let computer: Box<dyn Backend> = Box::new(sealing.clone());
        StoreHandle {
            stores: Rc::new(Stores {
                computer: Store::new(namespace.clone(), computer),
                tab: Store::new(namespace.clone(), tab),
                sealing,
                seal,
                random,
                place: Cell::default(),
                moves: Cell::new(0),
                guest: Cell::new(false),
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
    fn privacy(&self, floor: Privacy) -> Privacy {
        // Not waiting for this tab's writes: this may run inside the write lock.
        let choice = self
            .stores
            .computer
            .load::<Setting>(SETTING, &now_iso())
            .data;
        Privacy::effective(floor, choice.map(|setting| setting.keep))
    }

    /// From now on this tab keeps nothing and shows nothing of what is on the computer (it is
    /// someone else's, or locked with their passphrase), whatever the setting: until it closes
    /// or reloads.
    pub fn use_in_tab_only(&self) {
        self.stores.guest.set(true);
    }

    /// What applies under the page's `floor`, with the lock set to match: a key this tab holds
    /// stays only while it opens the stored lock (another tab may have changed the passphrase).
    pub fn keeping(&self, floor: Privacy) -> Keeping {
        if self.stores.guest.get() {
            return Keeping::guest();
        }
        let privacy = self.privacy(floor);
        let lock = self
            .stores
            .computer
            .load::<LockRecord>(LOCK, &now_iso())
            .data;
        let mut seal = self.stores.seal.borrow_mut();
        let opened = match (&lock, &*seal) {
            (Some(lock), Seal::Open(key)) => lock.opens_with(key),
            _ => false,
        };
        *seal = match (&lock, opened) {
            (None, _) => Seal::Off,
            (Some(_), false) => Seal::Shut,
            (Some(_), true) => seal.clone(),
        };
        Keeping::new(privacy, lock.is_some(), opened)
    }

    /// Opens the lock in this tab with `key`: what could not be read before is read afresh.
    /// Refused (`false`) without secure random numbers, which sealing each write needs.
    pub fn open_lock(&self, key: Key) -> bool {
        if self.stores.random.is_none() {
            return false;
        }
        *self.stores.seal.borrow_mut() = Seal::Open(key);
        self.stores.computer.reset();
        true
    }

    /// Shuts the lock, after making every waiting save (sealed, while the key is still here).
    pub fn shut_lock(&self) {
        self.waiting_saves.flush_all();
        self.services.flush();
        if matches!(*self.stores.seal.borrow(), Seal::Open(_)) {
            *self.stores.seal.borrow_mut() = Seal::Shut;
            self.stores.computer.reset();
        }
    }

    /// The key this tab holds, if the lock is open.
    pub fn key(&self) -> Option<Key> {
        match &*self.stores.seal.borrow() {
            Seal::Open(key) => Some(key.clone()),
            _ => None,
        }
    }

    /// Seals every record on the computer again, from this tab's key (or plain) to `to` (or
    /// plain), all or none; then this tab holds `to`. Call inside the write lock.
    pub fn reseal(&self, to: Option<Key>) -> Result<(), StorageNotice> {
        let from = self.key();
        let stores = &self.stores;
        lock::reseal(
            &stores.sealing,
            self.namespace(),
            from.as_ref(),
            to.as_ref(),
            stores.random.ok_or(StorageNotice::Unavailable)?,
        )?;
        *stores.seal.borrow_mut() = match to {
            Some(key) => Seal::Open(key),
            None => Seal::Off,
        };
        Ok(())
    }

    /// What is kept aside where records live now (copies of what could not be read, clashing
    /// saves, newer versions' records), exactly as stored: on a locked computer, still sealed,
    /// so that a download of it is no plain copy.
    pub fn kept_aside_as_stored(&self) -> Vec<(String, String)> {
        let aside = self.read().kept_aside();
        if self.place() == Place::Tab || matches!(*self.stores.seal.borrow(), Seal::Off) {
            return aside;
        }
        let inner = self.stores.sealing.inner();
        let (key, random) = (self.key(), self.stores.random);
        aside
            .into_iter()
            .filter_map(|(name, raw)| match (inner.get(&name), &key, random) {
                (Ok(Some(stored)), _, _) => Some((name, stored)),
                // Held in memory only (there was no room to write it): sealed here.
                (_, Some(key), Some(random)) => {
                    let sealed = lock::seal(key, random, &raw, &name);
                    Some((name, sealed))
                }
                _ => None,
            })
            .collect()
    }

    /// Random bytes for salts and nonces, if the browser gives secure ones.
    pub fn random(&self) -> Option<Random> {
        self.stores.random
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
