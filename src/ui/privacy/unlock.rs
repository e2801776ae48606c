//! "Unlock your saved feedback": all the widget shows while its records are locked. The key is
//! made from the passphrase (a moment's work, said first); wrong tries are counted on this
//! computer, and after five in a row each try waits longer. A forgotten passphrase cannot be
//! recovered: the way on is to delete the locked data, after asking.

use gloo::timers::callback::{Interval, Timeout};
use yew::prelude::*;

use crate::core::lang::Lang;
use crate::core::messages::{counted, fill, text, Key};
use crate::core::privacy::lock::{wait_after, LockRecord, Unlock as Tried, LOCK};
use crate::core::privacy::{clear_keeping_setting, epoch_seconds};
use crate::core::shell::LockEvent;
use crate::ui::browser::clock_time;
use crate::ui::button::secondary_button;
use crate::ui::confirm_panel::{confirm_panel, ConfirmPanelProps};
use crate::ui::error_summary::{error_summary, ErrorSummaryProps};
use crate::ui::focus::{request_focus, use_focus_move};
use crate::ui::heading::Heading;
use crate::ui::state::{now_iso, StoreHandle};
use crate::ui::text_field::TextField;

#[derive(Properties, PartialEq)]
pub struct UnlockProps {
    pub lang: Lang,
    pub store: StoreHandle,
    /// Called once the lock is open (`Unlocked`), the locked data was deleted (`Deleted`), or
    /// another tab did either meanwhile (`None`).
    pub on_done: Callback<Option<LockEvent>>,
    /// Why the screen shows, when it has just locked in this tab: said under the heading.
    pub locked: Option<LockEvent>,
    /// The heading, which focus moves to when the store locks.
    pub heading_ref: NodeRef,
    /// "Use without unlocking": this tab keeps nothing and leaves the locked data alone.
    pub on_tab_only: Callback<()>,
}

/// Why the passphrase did not unlock.
#[derive(Clone, Copy, PartialEq)]
enum Problem {
    Empty,
    Wrong,
    /// No try before this time (seconds since 1970).
    Wait(u64),
    /// The passphrase is right, but this browser gives no secure random numbers to seal with.
    NoRandom,
}

const FIELD: &str = "sw-unlock-passphrase";

/// Seconds since 1970, now.
fn now_seconds() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
}

#[function_component]
pub fn Unlock(props: &UnlockProps) -> Html {
    let lang = props.lang;
    let passphrase = use_state(String::new);
    // A wait from wrong tries before this screen showed (another tab, or before a reload).
    let problem = use_state({
        let store = props.store.clone();
        move || {
            let record = store.computer().load::<LockRecord>(LOCK, &now_iso()).data;
            // Never longer than the longest wait, whatever the record says (as a try finds).
            let now = now_seconds();
            record
                .map(|record| record.wait_until.min(now + wait_after(u32::MAX)))
                .filter(|until| *until > now)
                .map(Problem::Wait)
        }
    });
    let working = use_state(|| false);
    let deleting = use_state(|| false);
    // Seconds left of a wait, counted down on screen; "you can try again now" when it ends.
    let left = use_state_eq(|| None::<u64>);
    let ready = use_state_eq(|| false);
    {
        let (left, ready, problem_now) = (left.clone(), ready.clone(), *problem);
        use_effect_with(problem_now, move |problem| {
            let tick = match *problem {
                Some(Problem::Wait(until)) => {
                    let tick = move || {
                        let now = now_seconds();
                        left.set((until > now).then(|| until - now));
                        ready.set(until <= now);
                    };
                    tick();
                    Some(Interval::new(1_000, tick))
                }
                _ => {
                    ready.set(false);
                    None
                }
            };
            move || drop(tick)
        });
    }
    // The delete question when it appears; "Forgot it?" again after Cancel; the error summary.
    let refs = use_memo((), |_| {
        (NodeRef::default(), NodeRef::default(), NodeRef::default())
    });
    let focus = use_state(|| None::<(Target, u32)>);
    use_focus_move(
        *focus,
        &*refs,
        |(question, forgot, summary), target| match target {
            Target::Question => question,
            Target::Forgot => forgot,
            Target::Summary => summary,
        },
    );
    let waiting = *left;

    let onsubmit = {
        let (store, passphrase, problem, working, on_done, focus) = (
            props.store.clone(),
            passphrase.clone(),
            problem.clone(),
            working.clone(),
            props.on_done.clone(),
            focus.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if waiting.is_some() || *working {
                return;
            }
            if passphrase.is_empty() {
                problem.set(Some(Problem::Empty));
                request_focus(&focus, Target::Summary);
                return;
            }
            working.set(true);
            let (store, typed, problem, working, on_done, focus, passphrase) = (
                store.clone(),
                (*passphrase).clone(),
                problem.clone(),
                working.clone(),
                on_done.clone(),
                focus.clone(),
                passphrase.clone(),
            );
            // Let "Unlocking" show before the key is made.
            Timeout::new(30, move || {
                let handle = store.clone();
                store.write(move |computer| {
                    let now = now_iso();
                    // What was typed goes from the page as soon as it has been tried.
                    passphrase.set(String::new());
                    let Some(record) = computer.load::<LockRecord>(LOCK, &now).data else {
                        // Unlocked or deleted in another tab meanwhile.
                        working.set(false);
                        on_done.emit(None);
                        return;
                    };
                    let seconds = epoch_seconds(&now).unwrap_or_default().max(0) as u64;
                    let (next, outcome) =
                        record.try_passphrase(&crate::ui::browser::passphrase(&typed), seconds);
                    let wait_until = next.wait_until;
                    if next != record {
                        let _ = computer.save(LOCK, next, &now);
                    }
                    working.set(false);
                    match outcome {
                        Tried::Opened(key) => {
                            if handle.open_lock(key) {
                                on_done.emit(Some(LockEvent::Unlocked));
                            } else {
                                problem.set(Some(Problem::NoRandom));
                                request_focus(&focus, Target::Summary);
                            }
                        }
                        Tried::Wrong if wait_until > seconds => {
                            problem.set(Some(Problem::Wait(wait_until)));
                            request_focus(&focus, Target::Summary);
                        }
                        Tried::Wrong => {
                            problem.set(Some(Problem::Wrong));
                            request_focus(&focus, Target::Summary);
                        }
                        Tried::Wait(until) => {
                            problem.set(Some(Problem::Wait(until)));
                            request_focus(&focus, Target::Summary);
                        }
                    }
                });
            })
            .forget();
        })
    };
    let until = |until: u64| clock_time(until as f64 * 1000.0, true);
    // Once a wait is over it is no longer an error.
    let error = problem
        .filter(|p| !(matches!(p, Problem::Wait(_)) && *ready))
        .map(|problem| match problem {
            Problem::Empty => text(lang, Key::UnlockErrorEmpty).to_owned(),
            Problem::Wrong => text(lang, Key::UnlockErrorWrong).to_owned(),
            Problem::NoRandom => text(lang, Key::UnlockErrorNoRandom).to_owned(),
            Problem::Wait(at) => fill(
                text(lang, Key::UnlockErrorWaitUntil),
                &[("time", &until(at))],
            ),
        });
    let on_forgot = {
        let (deleting, focus) = (deleting.clone(), focus.clone());
        Callback::from(move |_: MouseEvent| {
            deleting.set(true);
            request_focus(&focus, Target::Question);
        })
    };
    let on_delete = {
        let (store, on_done) = (props.store.clone(), props.on_done.clone());
        Callback::from(move |()| {
            let on_done = on_done.clone();
            store.write_both(move |computer, _| {
                let _ = clear_keeping_setting(computer, &now_iso(), false);
                on_done.emit(Some(LockEvent::Deleted));
            });
        })
    };
    let on_keep = {
        let (deleting, focus) = (deleting.clone(), focus.clone());
        Callback::from(move |()| {
            deleting.set(false);
            request_focus(&focus, Target::Forgot);
        })
    };
    let locked_key = match props.locked {
        Some(LockEvent::LockedIdle) => Some(Key::LockLockedIdle),
        Some(LockEvent::LockedNow) => Some(Key::LockLockedNow),
        _ => None,
    };
    let button = match (*problem, waiting) {
        (Some(Problem::Wait(at)), Some(_)) => {
            fill(text(lang, Key::UnlockButtonWait), &[("time", &until(at))])
        }
        _ => text(lang, Key::UnlockButton).to_owned(),
    };
    let status = if *working {
        text(lang, Key::UnlockWorking)
    } else if *ready {
        text(lang, Key::UnlockReady)
    } else {
        ""
    };
    html! {
        <div class="sw-unlock">
            <Heading depth={1} focus_ref={props.heading_ref.clone()}>{ text(lang, Key::UnlockHeading) }</Heading>
            // Under the heading, not above it as on a page of its own: the widget's title is
            // the only heading above, and the summary's own heading must not skip a level.
            if let Some(message) = error.clone() {
                { error_summary(&ErrorSummaryProps {
                    lang,
                    errors: vec![(message, FIELD.to_owned())],
                    summary_ref: refs.2.clone(),
                }) }
            }
            if let Some(key) = locked_key {
                <p class="sw-inset-text" role="status">{ text(lang, key) }</p>
            }
            <p>{ text(lang, Key::UnlockIntro) }</p>
            <form novalidate=true {onsubmit}>
                <TextField {lang} id={FIELD} label={text(lang, Key::UnlockLabel)} hint={text(lang, Key::UnlockHint)}
                    error={error.map(AttrValue::from)} value={(*passphrase).clone()} password=true
                    oninput={{ let passphrase = passphrase.clone(); Callback::from(move |value| passphrase.set(value)) }} />
                if let Some(seconds) = waiting {
                    <p class="sw-hint" aria-hidden="true">{ counted(lang, Key::UnlockErrorWait, seconds) }</p>
                }
                <div class="sw-button-group">
                    <button type="submit" class="sw-button" aria-disabled={(waiting.is_some() || *working).then_some("true")}>{ button }</button>
                </div>
            </form>
            <p role="status">{ status }</p>
            // Not the passphrase's owner: the tool is theirs to use all the same.
            <p>{ text(lang, Key::UnlockTabOnlyHint) }</p>
            <div class="sw-button-group">
                { secondary_button(text(lang, Key::UnlockTabOnly), props.on_tab_only.reform(|_: MouseEvent| ())) }
            </div>
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
                    before: Html::default(),
                }) }
            }
        </div>
    }
}

/// Where focus goes on this screen.
#[derive(Clone, Copy, PartialEq)]
enum Target {
    Question,
    Forgot,
    Summary,
}
