//! The one way components save: a hook that writes a record whenever its value changes (not on
//! the first render, which only shows what was loaded) and reports storage trouble.

use serde::Serialize;
use yew::prelude::*;

use super::state::{now_iso, StoreHandle};
use crate::core::storage::RecordSpec;
use crate::core::store::StorageNotice;

#[hook]
pub fn use_persist<T>(
    store: &StoreHandle,
    spec: RecordSpec,
    value: T,
    on_notice: &Callback<StorageNotice>,
) where
    T: Serialize + PartialEq + Clone + 'static,
{
    let loaded = use_mut_ref(|| true);
    let (store, on_notice) = (store.clone(), on_notice.clone());
    use_effect_with(value, move |value| {
        if std::mem::replace(&mut *loaded.borrow_mut(), false) {
            return;
        }
        if let Err(notice) = store.save(spec, value.clone(), &now_iso()) {
            on_notice.emit(notice);
        }
    });
}
