//! "Type your passphrase": the one way a passphrase is tried against the lock kept here. The
//! unlock screen uses it, and so does everything that would leave a copy without the lock
//! (exporting without it, taking it off, changing the passphrase), so a tab left open cannot
//! be used to do those. Wrong tries count as one count on this computer, and after five in a
//! row each try waits longer, wherever it was typed. The key takes a moment to make, so that
//! is said first; what was typed goes from the page once it has been tried.

use gloo::timers::callback::{Interval, Timeout};
use yew::prelude::*;

use crate::core::config::HeadingLevel;
use crate::core::lang::Lang;
use crate::core::messages::{counted, fill, text, Key as Words};
use crate::core::privacy::epoch_seconds;
use crate::core::privacy::lock::{wait_after, Key, LockRecord, Unlock as Tried, LOCK};
use crate::ui::browser::clock_time;
use crate::ui::error_summary::{error_summary, ErrorSummaryProps};
use crate::ui::focus::{request_focus, use_focus_request};
use crate::ui::state::{now_iso, StoreHandle};
use crate::ui::text_field::TextField;

#[derive(Properties, PartialEq)]
pub struct PassphraseCheckProps {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub store: StoreHandle,
    /// The field's id, unique within the widget.
    pub id: &'static str,
    pub hint: Words,
    /// The button's words.
    pub submit: Words,
    /// Said while the key is made.
    pub working: Words,
    /// Called with the key once the passphrase is right, or with `None` when the lock has gone
    /// meanwhile (another tab took it off, or deleted what it locked). Answers whether the key
    /// could be used: `false` when this browser gives no secure random numbers to seal with.
    pub on_opened: Callback<Option<Key>, bool>,
}

/// Why the passphrase was not taken.
#[derive(Clone, Copy, PartialEq)]
enum Problem {
    Empty,
    Wrong,
    /// No try before this time (seconds since 1970).
    Wait(u64),
    /// The passphrase is right, but this browser gives no secure random numbers to seal with.
    NoRandom,
}

/// Seconds since 1970, now.
fn now_seconds() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
}

#[function_component]
pub fn PassphraseCheck(props: &PassphraseCheckProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let passphrase = use_state(String::new);
    // A wait from wrong tries before this form showed (another tab, or before a reload).
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
    let working = use_state(bool::default);
    // Seconds left of a wait, counted down on screen; "you can try again now" when it ends.
    let left = use_state_eq(|| None::<u64>);
    let ready = use_state_eq(bool::default);
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
    let summary_ref = use_node_ref();
    let focus = use_focus_request();
    let waiting = *left;

    let onsubmit = {
        let (store, passphrase, problem, working, on_opened, focus, summary_ref) = (
            props.store.clone(),
            passphrase.clone(),
            problem.clone(),
            working.clone(),
            props.on_opened.clone(),
            focus.clone(),
            summary_ref.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if waiting.is_some() || *working {
                return;
            }
            let (problem, focus, summary_ref) =
                (problem.clone(), focus.clone(), summary_ref.clone());
            let said = move |found: Problem| {
                problem.set(Some(found));
                request_focus(&focus, &summary_ref);
            };
            if passphrase.is_empty() {
                return said(Problem::Empty);
            }
            working.set(true);
            let (store, working, on_opened, passphrase) = (
                store.clone(),
                working.clone(),
                on_opened.clone(),
                passphrase.clone(),
            );
            // Let the status show before the key is made.
            Timeout::new(30, move || {
                store.clone().write(move |computer| {
                    let now = now_iso();
                    let typed = crate::ui::browser::passphrase(&passphrase);
                    passphrase.set(String::new());
                    working.set(false);
                    let Some(record) = computer.load::<LockRecord>(LOCK, &now).data else {
                        on_opened.emit(None);
                        return;
                    };
                    let seconds = epoch_seconds(&now).unwrap_or_default().max(0) as u64;
                    let (next, outcome) = record.try_passphrase(&typed, seconds);
                    let wait_until = next.wait_until;
                    if next != record {
                        let _ = computer.save(LOCK, next, &now);
                    }
                    match outcome {
                        Tried::Opened(key) => {
                            if !on_opened.emit(Some(key)) {
                                said(Problem::NoRandom)
                            }
                        }
                        Tried::Wrong if wait_until > seconds => said(Problem::Wait(wait_until)),
                        Tried::Wrong => said(Problem::Wrong),
                        Tried::Wait(until) => said(Problem::Wait(until)),
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
            Problem::Empty => text(lang, Words::UnlockErrorEmpty).to_owned(),
            Problem::Wrong => text(lang, Words::UnlockErrorWrong).to_owned(),
            Problem::NoRandom => text(lang, Words::UnlockErrorNoRandom).to_owned(),
            Problem::Wait(at) => fill(
                text(lang, Words::UnlockErrorWaitUntil),
                &[("time", &until(at))],
            ),
        });
    let button = match (*problem, waiting) {
        (Some(Problem::Wait(at)), Some(_)) => fill(
            text(lang, Words::UnlockButtonWait),
            &[("button", text(lang, props.submit)), ("time", &until(at))],
        ),
        _ => text(lang, props.submit).to_owned(),
    };
    let status = if *working {
        text(lang, props.working)
    } else if *ready {
        text(lang, Words::UnlockReady)
    } else {
        ""
    };
    html! {
        <form class="sw-passphrase" novalidate=true {onsubmit}>
            if let Some(message) = error.clone() {
                { error_summary(&ErrorSummaryProps {
                    level,
                    lang,
                    errors: vec![(message, props.id.to_owned())],
                    summary_ref: summary_ref.clone(),
                }) }
            }
            <TextField {lang} id={props.id} label={text(lang, Words::UnlockLabel)} hint={text(lang, props.hint)}
                error={error.map(AttrValue::from)} value={(*passphrase).clone()} password=true
                oninput={Callback::from(move |value| passphrase.set(value))} />
            if let Some(seconds) = waiting {
                <p class="sw-hint" aria-hidden="true">{ counted(lang, Words::UnlockErrorWait, seconds) }</p>
            }
            <div class="sw-button-group">
                <button type="submit" class="sw-button" aria-disabled={(waiting.is_some() || *working).then_some("true")}>{ button }</button>
            </div>
            <p role="status">{ status }</p>
        </form>
    }
}
