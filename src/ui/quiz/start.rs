//! The quiz's start page: what it covers, how long it takes, whether there is a pass mark, a
//! saved attempt to carry on with, and the history of finished attempts.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::config::HeadingLevel;
use crate::ui::button::{on_click, send};
use crate::ui::paragraph::paragraph;

use crate::ui::confirm_panel::{confirm_panel, ConfirmPanelProps};

use crate::ui::scroll_table::{columns, scroll_table, ScrollTableProps};

use crate::ui::heading::Heading;

use crate::core::lang::Lang;
use crate::core::messages::{counted, fill, format_date, format_score, text, Key};
use crate::core::quiz::content::QuestionSet;
use crate::core::quiz::flow::QuizState;
use crate::ui::quiz::QuizRefs;

pub struct QuizStartProps {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub set: Rc<QuestionSet>,
    pub state: QuizState,
    pub refs: QuizRefs,
    pub on_begin: Callback<()>,
    /// "Start again" beside a saved attempt (which asks first if answers would be lost).
    pub on_start_again: Callback<()>,
    pub on_cancel_start_again: Callback<()>,
    pub on_resume: Callback<()>,
    /// Opens the learning record of the history's attempt at an index.
    pub on_record: Callback<usize>,
}

/// About 45 seconds a question, rounded up to whole minutes.
fn minutes(questions: usize) -> u64 {
    (questions as u64 * 3).div_ceil(4).max(1)
}

pub fn quiz_start(props: &QuizStartProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let settings = props.state.settings;
    let questions = settings
        .count
        .unwrap_or(props.set.questions.len())
        .min(props.set.questions.len());
    let pass_mark = match settings.pass_mark {
        Some(percent) => fill(
            text(lang, Key::QuizPassMark),
            &[("percent", &percent.to_string())],
        ),
        None => text(lang, Key::QuizNoPassMark).to_owned(),
    };
    let actions = match &props.state.attempt {
        Some(_) if props.state.asking_start_again => confirm_panel(ConfirmPanelProps {
            level,
            id: "sw-quiz-start-again",
            question: text(lang, Key::QuizStartAgainQuestion).into(),
            details: vec![text(lang, Key::QuizStartAgainDetail).to_owned()],
            confirm: text(lang, Key::FbStartAgainConfirm),
            cancel: text(lang, Key::ClearCancel),
            question_ref: props.refs.start_again_question.clone(),
            on_confirm: props.on_begin.clone(),
            on_cancel: props.on_cancel_start_again.clone(),
            before: Html::default(),
            form: None,
        }),
        Some(attempt) => html! {
            <>
                <p>{ fill(text(lang, Key::QuizInProgress), &[
                    ("number", &(attempt.current + 1).to_string()),
                    ("total", &attempt.items.len().to_string()),
                ]) }</p>
                if props.state.attempt_settings_changed() {
                    <p class="sw-inset">{ text(lang, Key::QuizSettingsChanged) }</p>
                }
                <div class="sw-button-group">
                    <button type="button" class="sw-button" onclick={on_click(&props.on_resume)}>
                        { text(lang, Key::QuizContinue) }
                    </button>
                    <button type="button" class="sw-button sw-button--secondary" ref={props.refs.start_again.clone()}
                        onclick={on_click(&props.on_start_again)}>
                        { text(lang, Key::QuizStartAgain) }
                    </button>
                </div>
            </>
        },
        None => html! {
            <button type="button" class="sw-button" onclick={on_click(&props.on_begin)}>{ text(lang, Key::QuizStart) }</button>
        },
    };
    html! {
        <div class="sw-quiz-start">
            { Heading::new(level, 2).class("sw-quiz__heading").focus(&props.refs.heading).show(html! { { text(lang, Key::QuizAboutHeading) } }) }
            { paragraph(text(lang, Key::QuizIntro)) }
            <p>
                { counted(lang, Key::QuizCount, questions as u64) }{ ", " }
                { counted(lang, Key::QuizMinutes, minutes(questions)) }{ "." }
            </p>
            <p>{ pass_mark }</p>
            { actions }
            { history(&HistoryProps {
                lang,
                state: props.state.clone(),
                on_record: props.on_record.clone(),
            }) }
        </div>
    }
}

struct HistoryProps {
    lang: Lang,
    state: QuizState,
    on_record: Callback<usize>,
}

/// Finished attempts as a table, newest first.
fn history(props: &HistoryProps) -> Html {
    let lang = props.lang;
    let history = &props.state.history;
    if history.is_empty() {
        return html! {};
    }
    let pass_mark = props.state.settings.pass_mark;
    let rows = history.iter().enumerate().map(|(index, record)| {
        let score = fill(text(lang, Key::QuizScoreShort), &[
            ("score", &format_score(record.score)),
            ("possible", &record.possible.to_string()),
            ("percent", &record.percent().to_string()),
        ]);
        let date = format_date(lang, &record.finished_at);
        html! {
            <tr>
                <td>{ &date }</td>
                <td>{ score }</td>
                if let Some(mark) = pass_mark {
                    <td>{ text(lang, if record.passed(mark) { Key::QuizPassed } else { Key::QuizNotYet }) }</td>
                }
                <td>
                    <button type="button" class="sw-link-button" onclick={send(&props.on_record, index)}>
                        { text(lang, Key::QuizRecordOpen) }<span class="sw-visually-hidden">{ " " }{ &date }</span>
                    </button>
                </td>
            </tr>
        }
    });
    html! {
        { scroll_table(ScrollTableProps {
            caption: text(lang, Key::QuizHistoryCaption),
            region_ref: NodeRef::default(),
            columns: columns(lang, if pass_mark.is_some() {
                &[Key::QuizColDate, Key::QuizColScore, Key::QuizColResult, Key::QuizColRecord]
            } else {
                &[Key::QuizColDate, Key::QuizColScore, Key::QuizColRecord]
            }),
            rows: rows.collect(),
        }) }
    }
}
