//! Where records live, and the lock, as the privacy setting says: at start-up, after the setting
//! changes here or in another tab, and after a time without use (the lock shuts again).

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::state::{now_iso, AppStore, StoreHandle};
use crate::core::privacy::{
    carry_over, personal_records, purge, Keeping, LockState, Place, Privacy,
};
use crate::core::shell::{Action, ShellState};
use crate::core::store::StorageNotice;

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
            Place::Tab => Ok(personal_records(computer)),
        };
        match left {
            Ok(left) => dispatch.dispatch(Action::LeftOnComputer(left)),
            Err(notice) => dispatch.dispatch(Action::Notice(notice)),
        }
        dispatch.dispatch(Action::Keeping(keeping));
    });
}

/// How long an unlocked store may go unused before it locks again.
const IDLE_LOCK_MS: u32 = 15 * 60 * 1000;

/// Locks again after [`IDLE_LOCK_MS`] without a key press or a pointer press in the widget,
/// while `open`. Returns what to call on each use.
#[hook]
pub fn use_idle_lock(open: bool, relock: Callback<()>) -> Callback<()> {
    let timer = use_mut_ref(|| None::<Timeout>);
    let restart = {
        let timer = timer.clone();
        Callback::from(move |()| {
            let relock = relock.clone();
            *timer.borrow_mut() = Some(Timeout::new(IDLE_LOCK_MS, move || relock.emit(())));
        })
    };
    {
        let restart = restart.clone();
        use_effect_with(open, move |open| {
            if *open {
                restart.emit(());
            } else {
                timer.borrow_mut().take();
            }
        });
    }
    if open {
        restart
    } else {
        Callback::noop()
    }
}
