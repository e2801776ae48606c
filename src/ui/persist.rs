//! The one way components save: a hook that writes a record whenever its value changes (not on
//! the first render, which only shows what was loaded) and reports storage trouble. With a
//! delay, saves wait until typing pauses; a pending save is still made if the component goes,
//! unless the data was cleared meanwhile.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use serde::Serialize;
use yew::prelude::*;

use super::state::{now_iso, StoreHandle};
use crate::core::storage::RecordSpec;
use crate::core::store::StorageNotice;

/// A save waiting for typing to pause.
struct Pending {
    save: Box<dyn Fn()>,
    _timer: Timeout,
}

#[hook]
pub fn use_persist<T>(
    store: &StoreHandle,
    spec: RecordSpec,
    value: T,
    on_notice: &Callback<StorageNotice>,
    delay_ms: u32,
) where
    T: Serialize + PartialEq + Clone + 'static,
{
    let loaded = use_mut_ref(|| true);
    let pending: Rc<RefCell<Option<Pending>>> = use_mut_ref(|| None);
    {
        // When the component goes (another part, another page), make the waiting save now.
        let pending = pending.clone();
        use_effect_with((), move |_| {
            move || {
                if let Some(waiting) = pending.borrow_mut().take() {
                    (waiting.save)();
                }
            }
        });
    }
    let (store, on_notice) = (store.clone(), on_notice.clone());
    use_effect_with(value, move |value| {
        if std::mem::replace(&mut *loaded.borrow_mut(), false) {
            return;
        }
        let value = value.clone();
        // A save prepared before "Clear my data" must not bring the data back.
        let generation = store.generation();
        let save = move || {
            let (value, on_notice) = (value.clone(), on_notice.clone());
            store.write(move |store| {
                if store.generation() != generation {
                    return;
                }
                if let Err(notice) = store.save(spec, value, &now_iso()) {
                    on_notice.emit(notice);
                }
            });
        };
        if delay_ms == 0 {
            save();
            return;
        }
        let slot = pending.clone();
        let timer = Timeout::new(delay_ms, move || {
            if let Some(waiting) = slot.borrow_mut().take() {
                (waiting.save)();
            }
        });
        // Replacing an earlier pending save cancels its timer: only the latest value is written.
        *pending.borrow_mut() = Some(Pending {
            save: Box::new(save),
            _timer: timer,
        });
    });
}
