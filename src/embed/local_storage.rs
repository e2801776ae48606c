//! `window.localStorage` as a [`Backend`]: every call is guarded, because the getter itself can
//! throw (sandboxed iframes, blocked cookies) and `setItem` throws when the quota is used up.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomException, Storage};

use crate::core::store::{Backend, BackendError};

/// The page's localStorage, or nothing when the browser will not give it.
pub struct LocalStorage(Option<Storage>);

impl LocalStorage {
    /// Opens localStorage; never throws.
    pub fn open() -> Self {
        let storage = web_sys::window().and_then(|window| window.local_storage().ok().flatten());
        LocalStorage(storage)
    }

    fn storage(&self) -> Result<&Storage, BackendError> {
        self.0.as_ref().ok_or(BackendError::Unavailable)
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

impl Backend for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.storage()?.get_item(key).map_err(classify)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        self.storage()?.set_item(key, value).map_err(classify)
    }

    fn remove(&self, key: &str) -> Result<(), BackendError> {
        self.storage()?.remove_item(key).map_err(classify)
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
