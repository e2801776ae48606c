//! Where records live, and the lock, as the privacy setting says: at start-up, after the setting
//! changes here or in another tab, and after a time without use (the lock shuts again).

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use yew::prelude::*;

use crate::ui::effect::{drop_later, use_effect_when};

use crate::core::privacy::idle::{idle, Idle};
use crate::core::privacy::{
    carry_over, personal_records, purge, Keeping, LockState, Place, Privacy,
};
use crate::core::shell::{Action, LockEvent, ShellState};
use crate::core::store::StorageNotice;
use crate::ui::state::{now_iso, AppStore, StoreHandle};

/// Puts records where the privacy setting says before anything is read or shown, and what the
/// person is told of it: this tab's work carried onto the computer, records older than a time
/// limit deleted, records left on the computer while it keeps nothing. Outside the write lock,
/// which would come too late: the store's revision check keeps this from writing over another
/// tab's newer save, and what stays is tried again at the next start.
pub fn start(store: &StoreHandle, floor: Privacy) -> (Keeping, Vec<Action>) {
    let now = now_iso();
    let keeping = store.keeping(floor);
    store.set_place(keeping.place);
    let mut actions = Vec::new();
    if let Err(notice) = carry_into_computer(store.tab(), store.computer(), keeping) {
        actions.push(Action::Notice(notice));
    }
    match (keeping.privacy, keeping.place) {
        (Privacy::KeepFor(retention), Place::Computer) if keeping.lock == LockState::None => {
            let purged = purge(store.read(), retention, &now);
            if purged.removed > 0 {
                actions.push(Action::Expired(purged.removed, retention));
            }
            actions.extend(purged.notice.map(Action::Notice));
        }
        (_, Place::Tab) => {
            actions.push(Action::LeftOnComputer(personal_records(store.computer())));
        }
        _ => {}
    }
    (keeping, actions)
}

/// Carries this tab's work onto the computer when the computer keeps records now (this tab
/// kept nothing before, and the setting changed here or in another tab) and can take them.
fn carry_into_computer(
    tab: &AppStore,
    computer: &AppStore,
    keeping: Keeping,
) -> Result<bool, StorageNotice> {
    match (keeping.place, keeping.lock) {
        (Place::Computer, LockState::None | LockState::Open) => {
            carry_over(tab, computer, &now_iso())
        }
        _ => Ok(false),
    }
}

/// Puts records where the privacy setting now says, with the lock as it stands, after either
/// changed here or in another tab.
pub fn follow_setting(
    store: &StoreHandle,
    floor: Privacy,
    dispatch: &UseReducerDispatcher<ShellState>,
) {
    let (handle, dispatch) = (store.clone(), dispatch.clone());
    store.write_both(move |computer, tab| {
        let keeping = handle.keeping(floor);
        handle.set_place(keeping.place);
        let left = match keeping.place {
            Place::Computer => carry_into_computer(tab, computer, keeping).map(|_| 0),
            // Someone else's records are not this person's business, nor to be deleted.
            Place::Tab if keeping.guest => Ok(0),
            Place::Tab => Ok(personal_records(computer)),
        };
        match left {
            Ok(left) => dispatch.dispatch(Action::LeftOnComputer(left)),
            Err(notice) => dispatch.dispatch(Action::Notice(notice)),
        }
        dispatch.dispatch(Action::Keeping(keeping));
    });
}

/// Locks again after [`IDLE_LOCK_MS`](crate::core::privacy::idle::IDLE_LOCK_MS) without use,
/// by the wall clock, while `open`, warning first; locks at once when the page is hidden to be
/// left or cached (`pagehide`). Use is any key, pointer, input, wheel, focus or scroll: dictation
/// types, and reading with a screen reader moves focus. Returns what to call on each use, and
/// when it will lock while it warns (milliseconds since 1970).
#[hook]
pub fn use_idle_lock(open: bool, relock: Callback<LockEvent>) -> (Callback<()>, Option<f64>) {
    let last_use = use_mut_ref(js_sys::Date::now);
    let warning = use_state_eq(|| None::<f64>);
    // Mirrors `warning` for the listeners, which outlive the render they were made in.
    let warned = use_mut_ref(|| false);
    let on_use = {
        let (last_use, warning, warned) = (last_use.clone(), warning.clone(), warned.clone());
        Callback::from(move |()| {
            *last_use.borrow_mut() = js_sys::Date::now();
            *warned.borrow_mut() = false;
            warning.set(None);
        })
    };
    {
        let (warning, on_use) = (warning.clone(), on_use.clone());
        use_effect_when(open, move |open| {
            let mut guards = Vec::new();
            let mut interval = None;
            if *open {
                *last_use.borrow_mut() = js_sys::Date::now();
                let relock_now = relock.clone();
                let check = {
                    let warned = warned.clone();
                    Rc::new(move || {
                        let state = idle(*last_use.borrow(), js_sys::Date::now());
                        *warned.borrow_mut() = matches!(state, Idle::Warn { .. });
                        match state {
                            Idle::InUse => warning.set(None),
                            Idle::Warn { lock_at } => warning.set(Some(lock_at)),
                            Idle::Lock => {
                                warning.set(None);
                                relock.emit(LockEvent::LockedIdle);
                            }
                        }
                    })
                };
                // Often enough that a woken laptop locks within moments.
                interval = Some(Interval::new(5_000, {
                    let check = check.clone();
                    move || check()
                }));
                if let Some(window) = web_sys::window() {
                    guards.push(EventListener::new(&window, "pagehide", move |_| {
                        relock_now.emit(LockEvent::LockedNow)
                    }));
                    guards.push(EventListener::new(&window, "pageshow", {
                        let check = check.clone();
                        move |_| check()
                    }));
                    // Scrolling the page to read counts, but not once the warning shows: putting
                    // it on the page can scroll the page by itself (scroll anchoring), and only a
                    // person's own act may put the lock off.
                    guards.push(EventListener::new(&window, "scroll", move |_| {
                        if !*warned.borrow() {
                            on_use.emit(())
                        }
                    }));
                    if let Some(document) = window.document() {
                        guards.push(EventListener::new(
                            &document,
                            "visibilitychange",
                            move |_| check(),
                        ));
                    }
                }
            } else {
                warning.set(None);
            }
            drop_later((guards, interval))
        });
    }
    if open {
        (on_use, *warning)
    } else {
        (Callback::noop(), None)
    }
}

/// How often a time limit deletes what has grown too old while the widget stays open.
const PURGE_EVERY_MS: u32 = 60 * 60 * 1000;

/// Under a time limit, deletes what has grown older than it while the page stays open: at
/// least hourly, and whenever the tab is shown again (a tab left open for days on a shared
/// desk), not only at start-up. Says how many went, and the parts reload.
#[hook]
pub fn use_time_limit(
    store: &StoreHandle,
    keeping: Keeping,
    dispatch: UseReducerDispatcher<ShellState>,
) {
    let store = store.clone();
    use_effect_when(keeping, move |keeping| {
        let retention = match (keeping.privacy, keeping.place, keeping.lock) {
            (Privacy::KeepFor(retention), Place::Computer, LockState::None) => Some(retention),
            _ => None,
        };
        let guards = retention.map(|retention| {
            let run = Rc::new(move || {
                let dispatch = dispatch.clone();
                store.write(move |computer| {
                    let purged = purge(computer, retention, &now_iso());
                    if purged.removed > 0 {
                        dispatch.dispatch(Action::Expired(purged.removed, retention));
                        dispatch.dispatch(Action::ExternalChange);
                    }
                });
            });
            let hourly = Interval::new(PURGE_EVERY_MS, {
                let run = run.clone();
                move || run()
            });
            let shown = web_sys::window()
                .and_then(|window| window.document())
                .map(|document| {
                    let visible = document.clone();
                    EventListener::new(&document, "visibilitychange", move |_| {
                        if visible.visibility_state() == web_sys::VisibilityState::Visible {
                            run()
                        }
                    })
                });
            (hourly, shown)
        });
        drop_later(guards)
    });
}
