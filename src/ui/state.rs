//! The bridge between the pure shell state in `core` and Yew's reducer hook.

use std::ops::Deref;
use std::rc::Rc;

use yew::Reducible;

use crate::core::shell::{Action, ShellState};
use crate::core::store::Store;
use crate::embed::LocalStorage;

impl Reducible for ShellState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

/// The element's store, shared by its components; equal only to itself.
#[derive(Clone)]
pub struct StoreHandle(pub Rc<Store<LocalStorage>>);

impl PartialEq for StoreHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for StoreHandle {
    type Target = Store<LocalStorage>;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

/// The current time as ISO 8601, for `saved_at` and quarantine keys.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}
