//! "Unlock your saved feedback": all the widget shows while its records are locked. The key is
//! made from the passphrase (a moment's work, said first); wrong tries are counted on this
//! computer, and after five in a row each try waits longer. A forgotten passphrase cannot be
//! recovered: the way on is to delete the locked data, after asking.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::confirm_panel::{confirm_panel, ConfirmPanelProps};
use super::focus::{focus_by_id, request_focus, use_focus_move};
use super::heading::Heading;
use super::state::{now_iso, StoreHandle};
use super::text_field::TextField;
use crate::core::lang::Lang;
use crate::core::messages::{counted, text, Key};
use crate::core::privacy::lock::{LockRecord, Unlock as Tried, LOCK};
use crate::core::privacy::{clear_keeping_setting, epoch_seconds};

#[derive(Properties, PartialEq)]
pub struct UnlockProps {
    pub lang: Lang,
    pub store: StoreHandle,
    /// Called once the lock is open, or the locked data was deleted.
    pub on_done: Callback<()>,
}

/// Why the passphrase did not unlock.
#[derive(Clone, Copy, PartialEq)]
enum Problem {
    Empty,
    Wrong,
    /// Seconds to wait.
    Wait(u64),
}

const FIELD: &str = "sw-unlock-passphrase";

#[function_component]
pub fn Unlock(props: &UnlockProps) -> Html {
    let lang = props.lang;
    let passphrase = use_state(String::new);
    let problem = use_state(|| None::<Problem>);
    let working = use_state(|| false);
    let deleting = use_state(|| false);
    let anchor = use_node_ref();
    // The delete question when it appears; "Forgot it?" again after Cancel.
    let refs = use_memo((), |_| (NodeRef::default(), NodeRef::default()));
    let focus = use_state(|| None::<(bool, u32)>);
    use_focus_move(
        *focus,
        &*refs,
        |(question, forgot), to_question| {
            if to_question {
                question
            } else {
                forgot
            }
        },
    );

    // A real form: Enter in the field unlocks.
    let onsubmit = {
        let (store, passphrase, problem, working, on_done, anchor) = (
            props.store.clone(),
            passphrase.clone(),
            problem.clone(),
            working.clone(),
            props.on_done.clone(),
            anchor.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if passphrase.is_empty() {
                problem.set(Some(Problem::Empty));
                focus_by_id(&anchor, FIELD);
                return;
            }
            working.set(true);
            let (store, passphrase, problem, working, on_done, anchor) = (
                store.clone(),
                (*passphrase).clone(),
                problem.clone(),
                working.clone(),
                on_done.clone(),
                anchor.clone(),
            );
            // Let "Unlocking" show before the key is made.
            Timeout::new(30, move || {
                let handle = store.clone();
                store.write(move |computer| {
                    let now = now_iso();
                    let Some(record) = computer.load::<LockRecord>(LOCK, &now).data else {
                        // Unlocked or deleted in another tab meanwhile.
                        working.set(false);
                        on_done.emit(());
                        return;
                    };
                    let seconds = epoch_seconds(&now).unwrap_or_default().max(0) as u64;
                    let (next, outcome) = record.try_passphrase(&passphrase, seconds);
                    if next != record {
                        let _ = computer.save(LOCK, next, &now);
                    }
                    working.set(false);
                    match outcome {
                        Tried::Opened(key) => {
                            handle.open_lock(key);
                            on_done.emit(());
                        }
                        Tried::Wrong => {
                            problem.set(Some(Problem::Wrong));
                            focus_by_id(&anchor, FIELD);
                        }
                        Tried::Wait(until) => {
                            problem.set(Some(Problem::Wait(until.saturating_sub(seconds))));
                            focus_by_id(&anchor, FIELD);
                        }
                    }
                });
            })
            .forget();
        })
    };
    let error = problem.map(|problem| {
        AttrValue::from(match problem {
            Problem::Empty => text(lang, Key::UnlockErrorEmpty).to_owned(),
            Problem::Wrong => text(lang, Key::UnlockErrorWrong).to_owned(),
            Problem::Wait(seconds) => counted(lang, Key::UnlockErrorWait, seconds),
        })
    });
    let on_forgot = {
        let (deleting, focus) = (deleting.clone(), focus.clone());
        Callback::from(move |_: MouseEvent| {
            deleting.set(true);
            request_focus(&focus, true);
        })
    };
    let on_delete = {
        let (store, on_done) = (props.store.clone(), props.on_done.clone());
        Callback::from(move |()| {
            let on_done = on_done.clone();
            store.write_both(move |computer, _| {
                let _ = clear_keeping_setting(computer, &now_iso(), false);
                on_done.emit(());
            });
        })
    };
    let on_keep = {
        let (deleting, focus) = (deleting.clone(), focus.clone());
        Callback::from(move |()| {
            deleting.set(false);
            request_focus(&focus, false);
        })
    };
    html! {
        <div class="sw-unlock" ref={anchor}>
            <Heading depth={1}>{ text(lang, Key::UnlockHeading) }</Heading>
            <p>{ text(lang, Key::UnlockIntro) }</p>
            <form novalidate=true {onsubmit}>
                <TextField {lang} id={FIELD} label={text(lang, Key::UnlockLabel)} {error}
                    value={(*passphrase).clone()} password=true
                    oninput={{ let passphrase = passphrase.clone(); Callback::from(move |value| passphrase.set(value)) }} />
                <div class="sw-button-group">
                    <button type="submit" class="sw-button" disabled={*working}>{ text(lang, Key::UnlockButton) }</button>
                </div>
            </form>
            <p role="status">{ if *working { text(lang, Key::UnlockWorking) } else { "" } }</p>
            <button type="button" id="sw-unlock-forgot" class="sw-link-button" onclick={on_forgot} ref={refs.1.clone()}>{ text(lang, Key::UnlockForgot) }</button>
            if *deleting {
                { confirm_panel(ConfirmPanelProps {
                    id: "sw-unlock-delete-question",
                    question: text(lang, Key::UnlockDeleteQuestion).into(),
                    details: vec![text(lang, Key::UnlockDeleteDetail).to_owned()],
                    confirm: text(lang, Key::UnlockDeleteConfirm),
                    cancel: text(lang, Key::ClearCancel),
                    question_ref: refs.0.clone(),
                    on_confirm: on_delete,
                    on_cancel: on_keep,
                }) }
            }
        </div>
    }
}
