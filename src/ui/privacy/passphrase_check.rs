//! "Type your passphrase": the one way a passphrase is tried against the lock kept here. The
//! unlock screen uses it, and so does everything that would leave a copy without the lock
//! (exporting without it, taking it off, changing the passphrase), so a tab left open cannot
//! be used to do those. Wrong tries count as one count on this computer, and after five in a
//! row each try waits longer, wherever it was typed. The key takes a moment to make, so that
//! is said first; what was typed goes from the page once it has been tried.

use std::rc::Rc;

use gloo::timers::callback::{Interval, Timeout};
use yew::prelude::*;

use crate::ui::effect::{drop_later, use_effect_when};

use crate::core::config::HeadingLevel;
use crate::core::lang::Lang;
use crate::core::messages::{counted, fill, text, Key as Words};
use crate::core::privacy::check::{CheckAction, CheckState, Problem};
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

/// Seconds since 1970, now.
fn now_seconds() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
}

impl Reducible for CheckState {
    type Action = CheckAction;

    /// The same state back when nothing changed, so the countdown's tick only renders when
    /// what it shows changes.
    fn reduce(self: Rc<Self>, action: CheckAction) -> Rc<Self> {
        let next = (*self).clone().apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[function_component]
pub fn PassphraseCheck(props: &PassphraseCheckProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let state = use_reducer({
        let store = props.store.clone();
        move || {
            let record = store.computer().load::<LockRecord>(LOCK, &now_iso()).data;
            // Never longer than the longest wait, whatever the record says (as a try finds).
            let now = now_seconds();
            let wait_until = record.map(|record| record.wait_until.min(now + wait_after(u32::MAX)));
            CheckState::new(wait_until, now)
        }
    });
    let act = state.dispatcher().to_callback();
    {
        // A wait is counted down each second.
        let act = act.clone();
        use_effect_when(state.problem, move |problem| {
            let tick = move || act.emit(CheckAction::Tick(now_seconds()));
            tick();
            let interval =
                matches!(problem, Some(Problem::Wait(_))).then(|| Interval::new(1_000, tick));
            drop_later(interval)
        });
    }
    let summary_ref = use_node_ref();
    let focus = use_focus_request();

    let onsubmit = {
        let (store, on_opened, focus, summary_ref) = (
            props.store.clone(),
            props.on_opened.clone(),
            focus.clone(),
            summary_ref.clone(),
        );
        let (can_try, passphrase, act) = (state.can_try(), state.passphrase.clone(), act.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if !can_try {
                return;
            }
            let said = {
                let (act, focus, summary_ref) = (act.clone(), focus.clone(), summary_ref.clone());
                move |action: CheckAction| {
                    act.emit(action);
                    request_focus(&focus, &summary_ref);
                }
            };
            if passphrase.is_empty() {
                return said(CheckAction::Refused(Problem::Empty));
            }
            act.emit(CheckAction::Trying);
            let (store, on_opened, passphrase, act) = (
                store.clone(),
                on_opened.clone(),
                passphrase.clone(),
                act.clone(),
            );
            // Let the status show before the key is made.
            Timeout::new(30, move || {
                store.clone().write(move |computer| {
                    let now = now_iso();
                    let typed = crate::ui::browser::passphrase(&passphrase);
                    let Some(record) = computer.load::<LockRecord>(LOCK, &now).data else {
                        act.emit(CheckAction::Tried(None));
                        on_opened.emit(None);
                        return;
                    };
                    let seconds = epoch_seconds(&now).unwrap_or_default().max(0) as u64;
                    let (next, outcome) = record.try_passphrase(&typed, seconds);
                    let wait_until = next.wait_until;
                    if next != record {
                        let _ = computer.save(LOCK, next, &now);
                    }
                    let problem = match outcome {
                        Tried::Opened(key) => {
                            // What was typed goes from the page before the key is used.
                            act.emit(CheckAction::Tried(None));
                            if !on_opened.emit(Some(key)) {
                                said(CheckAction::Refused(Problem::NoRandom));
                            }
                            return;
                        }
                        Tried::Wrong if wait_until > seconds => Problem::Wait(wait_until),
                        Tried::Wrong => Problem::Wrong,
                        Tried::Wait(until) => Problem::Wait(until),
                    };
                    said(CheckAction::Tried(Some(problem)));
                });
            })
            .forget();
        })
    };
    let until = |until: u64| clock_time(until as f64 * 1000.0, true);
    // Once a wait is over it is no longer an error.
    let error = state.error().map(|problem| match problem {
        Problem::Empty => text(lang, Words::UnlockErrorEmpty).to_owned(),
        Problem::Wrong => text(lang, Words::UnlockErrorWrong).to_owned(),
        Problem::NoRandom => text(lang, Words::UnlockErrorNoRandom).to_owned(),
        Problem::Wait(at) => fill(
            text(lang, Words::UnlockErrorWaitUntil),
            &[("time", &until(at))],
        ),
    });
    let button = match (state.problem, state.left) {
        (Some(Problem::Wait(at)), Some(_)) => fill(
            text(lang, Words::UnlockButtonWait),
            &[("button", text(lang, props.submit)), ("time", &until(at))],
        ),
        _ => text(lang, props.submit).to_owned(),
    };
    let status = if state.working {
        text(lang, props.working)
    } else if state.ready {
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
                error={error.map(AttrValue::from)} value={state.passphrase.clone()} password=true
                oninput={act.reform(CheckAction::Typed)} />
            if let Some(seconds) = state.left {
                <p class="sw-hint" aria-hidden="true">{ counted(lang, Words::UnlockErrorWait, seconds) }</p>
            }
            <div class="sw-button-group">
                <button type="submit" class="sw-button" aria-disabled={(!state.can_try()).then_some("true")}>{ button }</button>
            </div>
            <p role="status">{ status }</p>
        </form>
    }
}
