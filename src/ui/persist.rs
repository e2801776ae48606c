//! The one way components save: a hook that writes a record whenever its value changes (not on
//! the first render, which only shows what was loaded, nor after a reload from storage) and
//! reports storage trouble. With a delay, saves wait until typing pauses; a pending save is still
//! made if the component goes, the data is reloaded or the page is left or hidden, unless the
//! data was cleared meanwhile.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::ui::effect::use_effect_when;

use crate::core::feedback::flow::SavedDraft;
use crate::core::feedback::model::Session;
use crate::core::json::SerJson;
use crate::core::quiz::attempt::{Attempt, AttemptRecord};
use crate::core::received::piece::Received;
use crate::core::received::plan::Plan;

use super::state::{now_iso, StoreHandle};
use crate::core::storage::RecordSpec;
use crate::core::store::StorageNotice;

/// A value a part keeps in storage. One enum, not a generic hook: each type a generic
/// `use_persist` was called with cost its own copy of the hook and its effects (25 KB of wasm
/// for six types before wasm-opt; issue 26).
#[derive(Clone, PartialEq)]
pub enum Kept {
    /// The feedback form's draft.
    Draft(Box<SavedDraft>),
    /// The saved sessions, shared by the feedback part's states.
    Sessions(Rc<Vec<Session>>),
    /// The feedback a supervisor received.
    Received(Rc<Vec<Received>>),
    /// What a supervisor will change for that feedback.
    Plan(Plan),
    /// The quiz attempt under way.
    Attempt(Option<Attempt>),
    /// The quiz's learning records.
    Attempts(Vec<AttemptRecord>),
}

impl Kept {
    /// The value as the JSON the store writes.
    fn json(&self) -> &dyn SerJson {
        match self {
            Kept::Draft(draft) => &**draft,
            Kept::Sessions(sessions) => &**sessions,
            Kept::Received(received) => &**received,
            Kept::Plan(plan) => plan,
            Kept::Attempt(attempt) => attempt,
            Kept::Attempts(attempts) => attempts,
        }
    }
}

/// How long typing must pause before what was typed is saved, in every part (a waiting save is
/// made at once when the page is hidden or left).
pub const AUTOSAVE_DELAY_MS: u32 = 400;

/// A save waiting for typing to pause.
struct Pending {
    save: Box<dyn Fn()>,
    _timer: Timeout,
}

/// Where a part's waiting save lives (empty once made).
type Slot = RefCell<Option<Pending>>;

/// A part's handle on its waiting save.
#[derive(Clone)]
pub struct WaitingSave(Rc<Slot>);

/// Every waiting save of one widget, so that leaving or hiding the page makes them all: a
/// comment typed just before the tab closes is not left in a timer that never fires.
#[derive(Clone, Default)]
pub struct WaitingSaves(Rc<RefCell<Vec<Weak<Slot>>>>);

impl WaitingSaves {
    fn add(&self, save: &WaitingSave) {
        let mut saves = self.0.borrow_mut();
        saves.retain(|save| save.strong_count() > 0);
        saves.push(Rc::downgrade(&save.0));
    }

    /// Makes every waiting save now (each goes on to the write queue).
    pub fn flush_all(&self) {
        let live: Vec<_> = self.0.borrow().iter().filter_map(Weak::upgrade).collect();
        for slot in live {
            WaitingSave(slot).flush();
        }
    }
}

impl WaitingSave {
    /// Makes the waiting save now (before reloading, so this tab's typing is never lost).
    pub fn flush(&self) {
        let waiting = self.0.borrow_mut().take();
        if let Some(waiting) = waiting {
            (waiting.save)();
        }
    }
}

/// Saves `value` under `spec` when it changes. `reloads` counts reloads from storage: a value
/// that changed because of one is what is stored already, so it is not written back.
/// `on_stored`, if given, hears after each write whether storage has the value.
#[hook]
pub fn use_persist(
    store: &StoreHandle,
    spec: RecordSpec,
    value_and_reloads: (Kept, u32),
    on_notice: &Callback<StorageNotice>,
    delay_ms: u32,
    on_stored: Option<Callback<bool>>,
) -> WaitingSave {
    let seen_reloads = use_mut_ref(|| None::<u32>);
    let pending = WaitingSave(use_mut_ref(|| None));
    {
        // Leaving the page makes it now; so does the component going (another part or page).
        let (pending, saves) = (pending.clone(), store.waiting_saves());
        use_effect_when((), move |_| {
            saves.add(&pending);
            Some(Box::new(move || pending.flush()))
        });
    }
    let (store, on_notice, slot) = (store.clone(), on_notice.clone(), pending.clone());
    use_effect_when(value_and_reloads, move |(value, reloads)| {
        // The first render shows what was loaded; a reload shows what another tab stored.
        if seen_reloads.borrow_mut().replace(*reloads) != Some(*reloads) {
            return None;
        }
        let value = value.clone();
        // A save prepared before "Clear my data", or before records moved to another place,
        // must not bring the data back.
        let generation = store.generation();
        let save = move || {
            let (value, on_notice, on_stored, handle) = (
                value.clone(),
                on_notice.clone(),
                on_stored.clone(),
                store.clone(),
            );
            store.write(move |store| {
                if handle.generation() != generation {
                    return;
                }
                let outcome = store.save_json(spec, value.json(), &now_iso());
                if let Some(on_stored) = on_stored {
                    on_stored.emit(outcome.is_ok());
                }
                if let Err(notice) = outcome {
                    on_notice.emit(notice);
                }
            });
        };
        if delay_ms == 0 {
            // This value is newer than any save still waiting: that one must not follow it.
            slot.0.borrow_mut().take();
            save();
            return None;
        }
        let timer_slot = slot.clone();
        let timer = Timeout::new(delay_ms, move || timer_slot.flush());
        // Replacing an earlier pending save cancels its timer: only the latest value is written.
        *slot.0.borrow_mut() = Some(Pending {
            save: Box::new(save),
            _timer: timer,
        });
        None
    });
    pending
}

/// Reloads a part in place when `outside_epoch` goes up (another tab or widget saved): first
/// this part's waiting saves are made (so a clash is caught and kept, never lost), then `reload`
/// reads what is stored and hands it to the part's reducer.
#[hook]
pub fn use_reload(outside_epoch: u32, waiting: Vec<WaitingSave>, reload: Callback<()>) {
    let first = use_mut_ref(|| true);
    use_effect_when(outside_epoch, move |_| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            for save in &waiting {
                save.flush();
            }
            reload.emit(());
        }
        None
    });
}
