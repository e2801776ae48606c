//! The self-check quiz: the page's question sets as read (or what is wrong with them), the
//! component that owns the quiz's state and storage, and one view function per screen.

mod answer_inputs;
mod feedback;
mod problems;
mod question;
mod record;
mod results;
mod review;
mod set_text;
mod start;

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::effect::use_effect_when;

use super::focus::{focus_target, use_focus_move};
use super::persist::{use_persist, use_reload, Kept, AUTOSAVE_DELAY_MS};
use super::state::{now_iso, StoreHandle};
use crate::core::config::HeadingLevel;
use crate::core::lang::Lang;
use crate::core::quiz::attempt::{Attempt, AttemptRecord, QuizSettings, HISTORY, PROGRESS};
use crate::core::quiz::content::QuizContent;
use crate::core::quiz::flow::{QuizAction, QuizFocus, QuizState, Screen};
use crate::core::store::StorageNotice;

use problems::{log_problems, quiz_problems};
use question::{quiz_question, QuizQuestionProps};
use record::{learning_record, LearningRecordProps};
use results::{quiz_results, QuizResultsProps};
use review::{quiz_review, QuizReviewProps};
use start::{quiz_start, QuizStartProps};

impl Reducible for QuizState {
    type Action = QuizAction;

    fn reduce(self: Rc<Self>, action: QuizAction) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

pub struct QuizProps<'a> {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub settings: QuizSettings,
    /// The page's question sets as read ([`read_question_sets`]).
    pub content: &'a Result<QuizContent, Vec<String>>,
    pub store: StoreHandle,
    pub on_notice: Callback<StorageNotice>,
    /// Goes up when another tab or widget saved: reload in place.
    pub outside_epoch: u32,
}

/// Elements the quiz moves focus to.
#[derive(Clone, Default, PartialEq)]
pub struct QuizRefs {
    pub heading: NodeRef,
    pub error_summary: NodeRef,
    pub next: NodeRef,
    pub start_again_question: NodeRef,
    pub start_again: NodeRef,
}

/// A random seed for shuffling.
fn seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}

/// The page's question sets (`question-set` elements) read, or the built-in ones when it has
/// none; what is wrong with them is said once in the console, for the page's author.
pub fn read_question_sets(sets: &[String]) -> Result<QuizContent, Vec<String>> {
    let content = QuizContent::from_host(sets);
    if let Err(problems) = &content {
        log_problems(problems);
    }
    content
}

/// The quiz, or what is wrong with the page's question sets.
pub fn quiz(props: QuizProps) -> Html {
    let level = props.level;
    match props.content {
        Ok(content) => html! {
            <QuizScreens lang={props.lang} {level} settings={props.settings} content={content.clone()}
                store={props.store.clone()} on_notice={props.on_notice.clone()} outside_epoch={props.outside_epoch} />
        },
        Err(problems) => quiz_problems(props.lang, level, problems),
    }
}

#[derive(Properties, PartialEq)]
struct QuizScreensProps {
    lang: Lang,
    level: HeadingLevel,
    settings: QuizSettings,
    content: QuizContent,
    store: StoreHandle,
    on_notice: Callback<StorageNotice>,
    outside_epoch: u32,
}

/// The stored attempt in progress and results (at start-up and after another tab's save);
/// storage trouble goes to `on_notice`.
fn load_stored(
    store: &StoreHandle,
    on_notice: &Callback<StorageNotice>,
) -> (Option<Attempt>, Vec<AttemptRecord>) {
    let store = store.read();
    let (progress, history) = (
        store.load::<Option<Attempt>>(PROGRESS, &now_iso()),
        store.load::<Vec<AttemptRecord>>(HISTORY, &now_iso()),
    );
    for notice in [progress.notice, history.notice].into_iter().flatten() {
        on_notice.emit(notice);
    }
    (progress.data.flatten(), history.data.unwrap_or_default())
}

#[function_component]
fn QuizScreens(props: &QuizScreensProps) -> Html {
    let level = props.level;
    let state = use_reducer({
        let (bank, settings, store, on_notice) = (
            props.content.bank(),
            props.settings,
            props.store.clone(),
            props.on_notice.clone(),
        );
        move || {
            let (attempt, history) = load_stored(&store, &on_notice);
            QuizState::new(bank, settings, attempt, history)
        }
    });
    let progress_save = use_persist(
        &props.store,
        PROGRESS,
        (Kept::Attempt(state.attempt.clone()), state.reloads),
        &props.on_notice,
        0,
        None,
    );
    let history_save = use_persist(
        &props.store,
        HISTORY,
        (Kept::Attempts(state.history.clone()), state.reloads),
        &props.on_notice,
        // Typing a learning record's notes waits for a pause; a finished attempt is saved at once.
        if state.typing_notes {
            AUTOSAVE_DELAY_MS
        } else {
            0
        },
        // Once typed notes are written, the record says where.
        state.typing_notes.then(|| {
            let (store, state) = (props.store.clone(), state.clone());
            Callback::from(move |stored: bool| {
                if stored {
                    state.dispatch(QuizAction::NotesStored(store.place()));
                }
            })
        }),
    );
    use_reload(props.outside_epoch, vec![progress_save, history_save], {
        let (store, state, on_notice) = (
            props.store.clone(),
            state.dispatcher(),
            props.on_notice.clone(),
        );
        Callback::from(move |()| {
            let (attempt, history) = load_stored(&store, &on_notice);
            state.dispatch(QuizAction::Reloaded { attempt, history });
        })
    });
    {
        // The page changed `questions`, `pass-mark` or `shuffle`: new attempts use them.
        let (dispatch, current) = (state.dispatcher(), state.settings);
        use_effect_when(props.settings, move |settings| {
            if *settings != current {
                dispatch.dispatch(QuizAction::Configure(*settings));
            }
            None
        });
    }
    let refs = use_memo((), |_| QuizRefs::default());
    use_focus_move(focus_target(
        state.focus,
        &*refs,
        |refs, target| match target {
            QuizFocus::Heading => &refs.heading,
            QuizFocus::ErrorSummary => &refs.error_summary,
            QuizFocus::Next => &refs.next,
            QuizFocus::StartAgainQuestion => &refs.start_again_question,
            QuizFocus::StartAgainButton => &refs.start_again,
        },
    ));

    let dispatch = |make: fn() -> QuizAction| {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(make()))
    };
    // Actions that start an attempt, with a fresh seed and the time.
    let starting = |make: fn(u64, String) -> QuizAction| {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(make(seed(), now_iso())))
    };
    let on_begin = starting(|seed, now| QuizAction::Begin { seed, now });
    let on_next = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(QuizAction::Next { now: now_iso() }))
    };
    let on_record = {
        let state = state.clone();
        Callback::from(move |index| state.dispatch(QuizAction::OpenRecord(index)))
    };
    let on_answer = {
        let state = state.clone();
        Callback::from(move |answer| state.dispatch(QuizAction::Answer(answer)))
    };

    let lang = props.lang;
    let set = props.content.for_lang(lang);
    // Each screen is keyed (the question by its id), so changing screen replaces its elements
    // rather than patching one screen's into another's (the screens are plain functions).
    let body = match state.screen {
        Screen::Start => html! {
            <key="start">{ quiz_start(&QuizStartProps {
                lang,
                level,
                set: set.clone(),
                state: (*state).clone(),
                refs: (*refs).clone(),
                on_begin: on_begin.clone(),
                on_start_again: starting(|seed, now| QuizAction::StartAgain { seed, now }),
                on_cancel_start_again: dispatch(|| QuizAction::CancelStartAgain),
                on_resume: dispatch(|| QuizAction::Resume),
                on_record: on_record.clone(),
            }) }</>
        },
        Screen::Question => match &state.attempt {
            Some(attempt) => quiz_question(&QuizQuestionProps {
                lang,
                level,
                set: set.clone(),
                attempt: attempt.clone(),
                unanswered: state.unanswered,
                settings_changed: state.attempt_settings_changed(),
                refs: (*refs).clone(),
                on_answer,
                on_check: dispatch(|| QuizAction::Check),
                on_next,
            }),
            None => html! {},
        },
        Screen::Results => match (&state.finished, state.last_record()) {
            (Some(_), Some(record)) => html! {
                <key="results">{ quiz_results(&QuizResultsProps {
                    lang,
                    level,
                    set: set.clone(),
                    record: record.clone(),
                    pass_mark: state.results_pass_mark(),
                    heading_ref: refs.heading.clone(),
                    on_review: dispatch(|| QuizAction::Review),
                    on_try_again: on_begin.clone(),
                    on_home: dispatch(|| QuizAction::Home),
                    on_record: on_record.reform(|()| 0),
                }) }</>
            },
            _ => html! {},
        },
        Screen::Record(index) => match state.history.get(index) {
            Some(record) => html! {
                <key="record">{ learning_record(&LearningRecordProps {
                    lang,
                    level,
                    set: set.clone(),
                    record: record.clone(),
                    heading_ref: refs.heading.clone(),
                    on_notes: { let state = state.clone(); Callback::from(move |edit| state.dispatch(QuizAction::EditNotes(index, edit))) },
                    notes_kept: state.notes_kept,
                    on_home: dispatch(|| QuizAction::Home),
                }) }</>
            },
            None => html! {},
        },
        Screen::Review => match &state.finished {
            Some(attempt) => html! {
                <key="review">{ quiz_review(&QuizReviewProps {
                    lang,
                    level,
                    set: set.clone(),
                    attempt: attempt.clone(),
                    heading_ref: refs.heading.clone(),
                    on_back: dispatch(|| QuizAction::BackToResults),
                    on_try_again: on_begin,
                }) }</>
            },
            None => html! {},
        },
    };
    html! { <div class="sw-quiz">{ body }</div> }
}
