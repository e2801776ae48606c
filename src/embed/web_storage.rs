//! `window.localStorage` (this computer) as a [`Backend`]: every call is guarded, because the
//! getters themselves can throw (sandboxed iframes, blocked cookies) and `setItem` throws when
//! the quota is used up. And [`TabMemory`], where records live while nothing is kept on this
//! computer: the page's memory, never `sessionStorage`, which browsers write into the profile on
//! disk and bring back with a reopened or restored tab.
//!
//! The browser's `storage` event tells other tabs about a write, but not other widgets on the
//! same page; so each successful write also dispatches [`STORED_EVENT`] on the window, naming the
//! key and which widget wrote it, and widgets sharing a namespace treat it like another tab's save.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, DomException, Storage, StorageEvent};

use crate::core::sorted::SortedMap;
use crate::core::store::{Backend, BackendError};

/// Dispatched on the window after this widget writes or removes a key: `detail` is
/// `{ key, source }` (no stored data).
pub const STORED_EVENT: &str = "supervision-widget:stored";

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    /// This page's records kept in the tab only, shared by its widgets (as storage would be).
    static TAB_MEMORY: RefCell<SortedMap<String>> = const { RefCell::new(SortedMap::new()) };
}

/// The page's localStorage, or nothing when the browser will not give it.
pub struct WebStorage {
    storage: Option<Storage>,
    /// Which widget's adapters these are, so it can ignore its own [`STORED_EVENT`]s.
    id: u32,
}

impl WebStorage {
    /// Opens localStorage for one widget, and the tab's memory with the same id; never throws.
    pub fn open() -> (WebStorage, TabMemory) {
        let id = NEXT_ID.with(|next| next.replace(next.get() + 1));
        let local = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        (WebStorage { storage: local, id }, TabMemory { id })
    }

    /// This widget's id, as given in its events' `source`.
    pub fn id(&self) -> u32 {
        self.id
    }

    fn storage(&self) -> Result<&Storage, BackendError> {
        self.storage.as_ref().ok_or(BackendError::Unavailable)
    }
}

/// Tells other widgets on this page that `key` changed, written by widget `source`.
fn announce(source: u32, key: &str) {
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"key".into(), &key.into());
    let _ = js_sys::Reflect::set(&detail, &"source".into(), &source.into());
    let init = CustomEventInit::new();
    init.set_detail(&detail);
    if let (Some(window), Ok(event)) = (
        web_sys::window(),
        CustomEvent::new_with_event_init_dict(STORED_EVENT, &init),
    ) {
        let _ = window.dispatch_event(&event);
    }
}

/// Records kept in this tab only, in the page's memory: nothing readable outlives the tab, and
/// nothing reaches the disk. A reload starts empty (the page asks before it is left while it
/// holds records).
pub struct TabMemory {
    id: u32,
}

impl Backend for TabMemory {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        Ok(TAB_MEMORY.with(|memory| memory.borrow().get(key).cloned()))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        TAB_MEMORY.with(|memory| memory.borrow_mut().insert(key.into(), value.into()));
        announce(self.id, key);
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), BackendError> {
        TAB_MEMORY.with(|memory| memory.borrow_mut().remove(key));
        announce(self.id, key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        Ok(TAB_MEMORY.with(|memory| memory.borrow().keys().cloned().collect()))
    }
}

fn classify(error: JsValue) -> BackendError {
    match error.dyn_ref::<DomException>() {
        // Chromium and Safari say QuotaExceededError; older Firefox said NS_ERROR_DOM_QUOTA_REACHED.
        Some(e) if e.name() == "QuotaExceededError" || e.name() == "NS_ERROR_DOM_QUOTA_REACHED" => {
            BackendError::Full
        }
        _ => BackendError::Unavailable,
    }
}

impl Backend for WebStorage {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.storage()?.get_item(key).map_err(classify)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        self.storage()?.set_item(key, value).map_err(classify)?;
        announce(self.id, key);
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), BackendError> {
        self.storage()?.remove_item(key).map_err(classify)?;
        announce(self.id, key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        let storage = self.storage()?;
        let length = storage.length().map_err(classify)?;
        let mut keys = Vec::with_capacity(length as usize);
        for index in 0..length {
            if let Some(key) = storage.key(index).map_err(classify)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

/// Calls `on_change` with each key another tab (the `storage` event; `None` when it cleared the
/// whole storage) or another widget of this page (its [`STORED_EVENT`]) writes, ignoring the
/// events of the adapter `own`. Listens until the returned listeners are dropped.
pub fn watch_writes(own: u32, on_change: Rc<dyn Fn(Option<String>)>) -> Vec<EventListener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let on_storage = {
        let on_change = on_change.clone();
        EventListener::new(&window, "storage", move |event| {
            if let Some(event) = event.dyn_ref::<StorageEvent>() {
                on_change(event.key());
            }
        })
    };
    let on_stored = EventListener::new(&window, STORED_EVENT, move |event| {
        let Some(detail) = event.dyn_ref::<CustomEvent>().map(|e| e.detail()) else {
            return;
        };
        let field = |name: &str| js_sys::Reflect::get(&detail, &name.into()).ok();
        if field("source").and_then(|s| s.as_f64()) != Some(f64::from(own)) {
            on_change(field("key").and_then(|k| k.as_string()));
        }
    });
    vec![on_storage, on_stored]
}
