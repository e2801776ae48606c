//! "What to keep on this computer": keep everything (the default), keep for
//! 30, 7 or 1 days, keep locked with a passphrase, or keep nothing (records live in this tab
//! only), for a shared computer. Only the choices the page's author allows are offered. A choice
//! acts only at "Save this choice" (arrow keys move the checked radio through every choice on
//! the way), and asks first when it would delete records (keeping nothing, a time limit) or take
//! the lock off them (`core::privacy::choice_step`); the lock's own button is its passphrase
//! form's. The outcome takes focus, so it is read out. It is part of Your data: its state is in
//! Your data's reducer, and this file gives its hooks (`use_this_computer`) and its view.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::ui::effect::use_effect_when;

use super::data_transfer::{export_all, ExportLock};
use super::passphrase_check::PassphraseCheck;
use super::passphrase_form::PassphraseForm;
use super::storage_notices::limit_key;
use crate::core::config::HeadingLevel;
use crate::core::lang::Lang;
use crate::core::messages::{counted, fill, text, Key};
use crate::core::privacy::lock::{LockRecord, COST, LOCK};
use crate::core::privacy::this_computer::{Saved, ThisComputerAction as Action, ThisComputerState};
use crate::core::privacy::{
    choice_step, clear_keeping_setting, expiring, personal_records, purge, ChoiceStep, Keeping,
    LockState,
};
use crate::core::privacy::{Privacy, Retention, Setting, SETTING};
use crate::core::store::StorageNotice;
use crate::ui::button::{secondary_button, send};
use crate::ui::choice::{choice, Choice};
use crate::ui::confirm_panel::{confirm_panel, ConfirmPanelProps};
use crate::ui::focus::{focus_by_id, request_focus, use_focus_request, FocusRequest};
use crate::ui::state::{now_iso, AppStore, StoreHandle};

pub struct ThisComputerProps<'a> {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub store: &'a StoreHandle,
    /// What applies now (it may change in another tab).
    pub keeping: Keeping,
    /// The page author's floor: only it and stricter settings are offered.
    pub floor: Privacy,
    /// Called once a new setting is saved, so records move where it says.
    pub on_saved: &'a Callback<()>,
    /// The choice shown, the question waiting and what the last save did, in Your data's
    /// reducer.
    pub state: &'a ThisComputerState,
    pub act: &'a Callback<Action>,
    pub parts: &'a ThisComputerParts,
}

/// What the choices keep between renders besides their state: where focus goes (the question
/// asked, what a choice did, the choices), and a new passphrase waiting for the answer to
/// "lock what is here?".
pub struct ThisComputerParts {
    pending: Rc<RefCell<Option<String>>>,
    question: NodeRef,
    outcome: NodeRef,
    group: NodeRef,
    focus: FocusRequest,
}

/// The choices, with their words.
const CHOICES: [(Privacy, Key); 6] = [
    (Privacy::Keep, Key::PrivacyKeep),
    (Privacy::KeepFor(Retention::Month), Key::PrivacyMonth),
    (Privacy::KeepFor(Retention::Week), Key::PrivacyWeek),
    (Privacy::KeepFor(Retention::Day), Key::PrivacyDay),
    (Privacy::Locked, Key::PrivacyLocked),
    (Privacy::DontKeep, Key::PrivacyNone),
];

/// How a change reaches storage (each inside the write lock).
#[derive(Clone, Copy, PartialEq)]
enum Change {
    /// Save the setting.
    Setting,
    /// Delete what is on the computer, then save the setting.
    DeleteFirst,
    /// Take the lock off every record, then save the setting.
    Unlock,
}

/// Saves `privacy` the way `change` says, then reports and lets records move.
fn save(
    store: &StoreHandle,
    privacy: Privacy,
    change: Change,
    act: Callback<Action>,
    on_saved: Callback<()>,
) {
    let handle = store.clone();
    store.write_both(move |computer, _| {
        let now = now_iso();
        let ready = match change {
            Change::Setting => Ok(()),
            Change::DeleteFirst => clear_keeping_setting(computer, &now, false).map(drop),
            Change::Unlock => handle.reseal(None).and_then(|()| {
                // Read first: another tab's wrong tries may have saved it since.
                computer.load::<LockRecord>(LOCK, &now);
                computer.forget(LOCK)
            }),
        };
        let outcome = ready.and_then(|()| computer.save(SETTING, Setting { keep: privacy }, &now));
        // A time limit deletes what it says at once (the person was asked first), not only at
        // the next start.
        if let (Ok(()), Change::Setting, Privacy::KeepFor(retention)) = (&outcome, change, privacy)
        {
            purge(computer, retention, &now);
        }
        act.emit(Action::Saved(match outcome {
            Ok(()) => Saved::Setting(privacy),
            Err(_) => Saved::No,
        }));
        on_saved.emit(());
    });
}

/// Locks every record with a new passphrase (or changes it): the lock record first, so other
/// tabs shut before they meet records they cannot open; all records or none.
fn lock_with(
    handle: &StoreHandle,
    computer: &AppStore,
    passphrase: &str,
) -> Result<(), StorageNotice> {
    let now = now_iso();
    let random = handle.random().ok_or(StorageNotice::Unavailable)?;
    let (record, key) =
        LockRecord::new(passphrase, COST, random).ok_or(StorageNotice::Unavailable)?;
    let before = computer.load::<LockRecord>(LOCK, &now).data;
    computer.save(LOCK, record, &now)?;
    if let Err(notice) = handle.reseal(Some(key)) {
        let _ = match before {
            Some(before) => computer.save(LOCK, before, &now),
            None => computer.forget(LOCK),
        };
        return Err(notice);
    }
    computer.save(
        SETTING,
        Setting {
            keep: Privacy::Locked,
        },
        &now,
    )
}

/// The choices' hooks, in the component that holds their state: what applies followed, and
/// focus moved once a save is said, after Cancel, and once the passphrase in use is typed again.
#[hook]
pub fn use_this_computer(
    applies: Privacy,
    state: &ThisComputerState,
    act: &Callback<Action>,
) -> ThisComputerParts {
    {
        // Another tab's choice shows here too. Not at mount, where it is shown already: that
        // would render all of Your data a second time at start-up.
        let (act, shown) = (act.clone(), state.chosen);
        use_effect_when(applies, move |privacy| {
            if *privacy != shown {
                act.emit(Action::Applies(*privacy))
            }
            None
        });
    }
    let pending = use_mut_ref(|| None::<String>);
    let refs = use_memo((), |_| {
        (NodeRef::default(), NodeRef::default(), NodeRef::default())
    });
    let (question, outcome, group) = (*refs).clone();
    let focus = use_focus_request();
    {
        // What a save did is said, and focused, once it is known.
        let (focus, outcome) = (focus.clone(), outcome.clone());
        use_effect_when(state.saved, move |saved| {
            if saved.is_some() {
                request_focus(&focus, &outcome);
            }
            None
        });
    }
    {
        // Back on a choice after Cancel, once the panel has gone.
        let group = group.clone();
        use_effect_when(state.refocus, move |refocus| {
            if let Some((privacy, _)) = refocus {
                focus_by_id(&group, &format!("sw-privacy-{}", privacy.name()));
            }
            None
        });
    }
    {
        // Changing the passphrase asks for the one in use first; then the new one's form takes
        // focus.
        let group = group.clone();
        use_effect_when(state.rechecked, move |rechecked| {
            if *rechecked {
                focus_by_id(&group, "sw-lock-change-new");
            }
            None
        });
    }
    ThisComputerParts {
        pending,
        question,
        outcome,
        group,
        focus,
    }
}

pub fn this_computer(props: ThisComputerProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let (state, act, parts) = (props.state, props.act, props.parts);
    let (pending, focus) = (&parts.pending, &parts.focus);
    let locked_here = props.keeping.lock == LockState::Open;
    let can_lock = props.store.random().is_some();

    let items = CHOICES
        .into_iter()
        .filter(|(privacy, _)| props.floor.allows(*privacy))
        // No lock without the browser's secure random numbers.
        .filter(|(privacy, _)| *privacy != Privacy::Locked || can_lock)
        .map(|(privacy, key)| {
            choice(Choice {
                kind: "radio",
                id: format!("sw-privacy-{}", privacy.name()),
                name: "sw-privacy".into(),
                label: text(lang, key).into(),
                checked: state.chosen == privacy,
                disabled: state.working,
                // Only shows the choice: nothing is saved, deleted or unsealed until the button.
                onchange: send(act, Action::Choose(privacy)),
                hint: None,
                tag: html! {},
            })
        });
    let on_save_choice = {
        let (act, focus, question) = (act.clone(), focus.clone(), parts.question.clone());
        let (store, on_saved, keeping) =
            (props.store.clone(), props.on_saved.clone(), props.keeping);
        let privacy = state.chosen;
        Callback::from(move |_: MouseEvent| {
            let old = match privacy {
                Privacy::KeepFor(retention) => expiring(store.read(), retention, &now_iso()),
                _ => 0,
            };
            match choice_step(keeping, privacy, personal_records(store.computer()), old) {
                ChoiceStep::SetPassphrase => {}
                ChoiceStep::Unchanged => act.emit(Action::Saved(Saved::Setting(privacy))),
                ChoiceStep::Save => save(
                    &store,
                    privacy,
                    Change::Setting,
                    act.clone(),
                    on_saved.clone(),
                ),
                step => {
                    act.emit(Action::Ask(privacy, step));
                    request_focus(&focus, &question);
                }
            }
        })
    };
    let outcome = match state.saved {
        _ if state.working => text(lang, Key::LockWorking).to_owned(),
        Some(Saved::Setting(Privacy::KeepFor(retention))) => fill(
            text(lang, Key::PrivacySavedLimit),
            &[("limit", text(lang, limit_key(retention)))],
        ),
        Some(Saved::Setting(Privacy::DontKeep)) => text(lang, Key::PrivacySavedNone).to_owned(),
        Some(Saved::Setting(Privacy::Locked)) => text(lang, Key::LockSaved).to_owned(),
        Some(Saved::Setting(_)) => text(lang, Key::PrivacySavedKeep).to_owned(),
        Some(Saved::Locked) => text(lang, Key::LockSaved).to_owned(),
        Some(Saved::Changed) => text(lang, Key::LockChanged).to_owned(),
        Some(Saved::No) => text(lang, Key::PrivacyNotSaved).to_owned(),
        Some(Saved::LockFailed) => text(lang, Key::LockNotSaved).to_owned(),
        None => String::new(),
    };
    // Setting the lock, or changing its passphrase: the key takes a moment to make, so the
    // status says so first.
    let lock_now = {
        let (store, act, on_saved) = (props.store.clone(), act.clone(), props.on_saved.clone());
        Callback::from(move |(passphrase, changing): (String, bool)| {
            act.emit(Action::Working);
            let (store, act, on_saved) = (store.clone(), act.clone(), on_saved.clone());
            Timeout::new(30, move || {
                let handle = store.clone();
                store.write_both(move |computer, _| {
                    // A new lock takes the passphrase in Unicode NFC.
                    let passphrase = crate::ui::browser::passphrase(&passphrase);
                    let outcome = lock_with(&handle, computer, passphrase.form(true));
                    act.emit(Action::Saved(match (outcome, changing) {
                        (Ok(()), false) => Saved::Locked,
                        (Ok(()), true) => Saved::Changed,
                        (Err(_), _) => Saved::LockFailed,
                    }));
                    on_saved.emit(());
                });
            })
            .forget();
        })
    };
    // A new lock over records already here asks first: they may be someone else's, who would
    // then need this passphrase to see them. The passphrase waits in memory for the answer.
    let on_set_passphrase = {
        let (store, act, pending, focus, lock_now, question) = (
            props.store.clone(),
            act.clone(),
            pending.clone(),
            focus.clone(),
            lock_now.clone(),
            parts.question.clone(),
        );
        Callback::from(
            move |passphrase: String| match personal_records(store.computer()) {
                0 => lock_now.emit((passphrase, false)),
                count => {
                    *pending.borrow_mut() = Some(passphrase);
                    act.emit(Action::Ask(Privacy::Locked, ChoiceStep::AskLock(count)));
                    request_focus(&focus, &question);
                }
            },
        )
    };
    let question = state.asking.map(|(privacy, step)| {
        let (question, detail, confirm) = match step {
            ChoiceStep::AskUnlock => (
                text(lang, Key::PrivacyUnlockQuestion).to_owned(),
                Key::PrivacyUnlockDetail,
                Key::PrivacyUnlockConfirm,
            ),
            ChoiceStep::AskExpire(count) => (
                counted(lang, Key::PrivacyExpireQuestion, count as u64),
                Key::PrivacyExpireDetail,
                Key::PrivacyExpireConfirm,
            ),
            ChoiceStep::AskLock(count) => (
                counted(lang, Key::LockOverQuestion, count as u64),
                Key::LockOverDetail,
                Key::LockOverConfirm,
            ),
            _ => (
                text(lang, Key::PrivacyDeleteQuestion).to_owned(),
                Key::PrivacyDeleteDetail,
                Key::PrivacyDeleteConfirm,
            ),
        };
        let on_confirm = {
            let (store, act, on_saved, pending, lock_now) = (
                props.store.clone(),
                act.clone(),
                props.on_saved.clone(),
                pending.clone(),
                lock_now.clone(),
            );
            Callback::from(move |()| {
                act.emit(Action::Agreed);
                let change = match step {
                    ChoiceStep::AskLock(_) => {
                        if let Some(passphrase) = pending.borrow_mut().take() {
                            lock_now.emit((passphrase, false));
                        }
                        return;
                    }
                    ChoiceStep::AskUnlock => Change::Unlock,
                    ChoiceStep::AskExpire(_) => Change::Setting,
                    _ => Change::DeleteFirst,
                };
                save(&store, privacy, change, act.clone(), on_saved.clone());
            })
        };
        // Back to what applies, with focus on it (the panel and its buttons go).
        let on_cancel = {
            let (applies, act, pending) =
                (props.keeping.privacy, act.clone(), pending.clone());
            Callback::from(move |()| {
                pending.borrow_mut().take();
                act.emit(Action::Cancel(applies));
            })
        };
        // Whatever deletes records offers a copy first, inside the question, before Delete.
        let export_first = matches!(step, ChoiceStep::AskDelete(_) | ChoiceStep::AskExpire(_))
            .then(|| {
                let store = props.store.clone();
                secondary_button(
                    text(lang, Key::PrivacyExportFirst),
                    Callback::from(move |_: MouseEvent| {
                        export_all(&store, store.computer(), ExportLock::AsKept)
                    }),
                )
            });
        // Taking the lock off asks for the passphrase again: the question's own button is its.
        let form = (step == ChoiceStep::AskUnlock).then(|| {
            let on_confirm = on_confirm.clone();
            let on_opened = Callback::from(move |key: Option<_>| {
                if key.is_some() {
                    on_confirm.emit(());
                }
                true
            });
            html! {
                <PassphraseCheck {lang} {level} store={props.store.clone()} id="sw-unlock-again" hint={Key::LockRecheckHint}
                    submit={confirm} working={Key::LockRecheckWorking} {on_opened} />
            }
        });
        confirm_panel(ConfirmPanelProps {
            level,
            id: "sw-privacy-question",
            question: question.into(),
            details: vec![text(lang, detail).to_owned()],
            confirm: text(lang, confirm),
            cancel: text(lang, Key::ClearCancel),
            question_ref: parts.question.clone(),
            on_confirm,
            on_cancel,
            before: export_first.unwrap_or_default(),
            form,
        })
    });
    if props.keeping.guest {
        // Someone else's computer: their setting is not this person's to change.
        return html! { <p class="sw-inset-text">{ text(lang, Key::GuestBody) }</p> };
    }
    let floor_hint = (props.floor != Privacy::Keep).then(|| text(lang, Key::PrivacyFloor));
    let wants_passphrase = state.chosen == Privacy::Locked && !locked_here;
    let working = state.working;
    html! {
        <div class="sw-form-group sw-privacy">
            <fieldset class="sw-fieldset" aria-describedby="sw-privacy-hint">
                <legend class="sw-fieldset__legend sw-fieldset__legend--m">{ text(lang, Key::PrivacyLegend) }</legend>
                <div class="sw-hint" id="sw-privacy-hint">
                    { text(lang, Key::PrivacyHint) }
                    if let Some(floor_hint) = floor_hint { { " " }{ floor_hint } }
                </div>
                <div class="sw-radios" ref={parts.group.clone()}>{ for items }</div>
            </fieldset>
            if !wants_passphrase && state.asking.is_none() {
                <div class="sw-button-group">
                    <button type="button" class="sw-button" disabled={working} onclick={on_save_choice}>{ text(lang, Key::PrivacySaveChoice) }</button>
                </div>
            }
            { for question }
            if wants_passphrase {
                <PassphraseForm {lang} {level} id="sw-lock-set" submit={Key::LockSet} warning={Key::LockWarning} {working} on_submit={on_set_passphrase} />
            }
            if locked_here && state.chosen == Privacy::Locked {
                // Folding it away ends the check: the passphrase is asked again next time.
                <details class="sw-details" ontoggle={send(act, Action::Rechecked(false))}>
                    <summary class="sw-details__summary">{ text(lang, Key::LockChangeHeading) }</summary>
                    if state.rechecked {
                        <PassphraseForm {lang} {level} id="sw-lock-change" submit={Key::LockChange} warning={Key::LockWarning} {working} on_submit={lock_now.reform(|passphrase| (passphrase, true))} />
                    } else {
                        <PassphraseCheck {lang} {level} store={props.store.clone()} id="sw-lock-current" hint={Key::LockRecheckHint}
                            submit={Key::FbContinue} working={Key::LockRecheckWorking}
                            on_opened={{ let act = act.clone(); Callback::from(move |key: Option<_>| { act.emit(Action::Rechecked(key.is_some())); true }) }} />
                    }
                </details>
            }
            <p role="status" tabindex="-1" ref={parts.outcome.clone()}>{ outcome }</p>
        </div>
    }
}
