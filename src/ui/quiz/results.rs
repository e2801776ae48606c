//! The results: the overall score, pass or not yet (only with a pass mark), the score by topic,
//! and the ways on: review every answer, or try again with a fresh shuffle.

use std::rc::Rc;

use yew::prelude::*;

use super::set_text::set_text;
use crate::core::config::HeadingLevel;

use crate::ui::button::{on_click, secondary_button};

use crate::ui::scroll_table::{columns, scroll_table, ScrollTableProps};

use crate::ui::heading::Heading;

use crate::core::lang::Lang;
use crate::core::messages::{fill, format_score, text, Key};
use crate::core::quiz::attempt::AttemptRecord;
use crate::core::quiz::content::QuestionSet;

pub struct QuizResultsProps {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub set: Rc<QuestionSet>,
    pub record: AttemptRecord,
    pub pass_mark: Option<u8>,
    pub heading_ref: NodeRef,
    pub on_review: Callback<()>,
    pub on_try_again: Callback<()>,
    pub on_home: Callback<()>,
    /// Opens the learning record of this attempt.
    pub on_record: Callback<()>,
}

/// "You scored 12.5 out of 16 (78%)."
pub fn score_words(lang: Lang, record: &AttemptRecord) -> String {
    fill(
        text(lang, Key::QuizResultsScore),
        &[
            ("score", &format_score(record.score)),
            ("possible", &record.possible.to_string()),
            ("percent", &record.percent().to_string()),
        ],
    )
}

/// Passed or not yet against the pass mark, or that it was a self-check.
pub fn verdict(lang: Lang, record: &AttemptRecord, pass_mark: Option<u8>) -> String {
    match pass_mark {
        Some(mark) => {
            let key = if record.passed(mark) {
                Key::QuizResultsPassed
            } else {
                Key::QuizResultsNotYet
            };
            fill(text(lang, key), &[("percent", &mark.to_string())])
        }
        None => text(lang, Key::QuizResultsSelfCheck).to_owned(),
    }
}

/// The score by topic, as a table.
pub fn topic_table(lang: Lang, set: &QuestionSet, record: &AttemptRecord) -> Html {
    let rows = record.by_topic.iter().map(|topic| {
        let name = set.topic(&topic.topic).map_or_else(
            || html! { topic.topic.clone() },
            |t| set_text(lang, set, &t.name),
        );
        html! {
            <tr>
                <th scope="row">{ name }</th>
                <td>{ format_score(topic.score) }</td>
                <td>{ topic.possible }</td>
            </tr>
        }
    });
    html! {
           { scroll_table(ScrollTableProps {
               caption: text(lang, Key::QuizTopicCaption),
               region_ref: NodeRef::default(),
               columns: columns(lang, &[Key::QuizColTopic, Key::QuizColScore, Key::QuizColOutOf]),
    rows: rows.collect(),
           }) }
       }
}

pub fn quiz_results(props: &QuizResultsProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let record = &props.record;
    let score = score_words(lang, record);
    let verdict = verdict(lang, record, props.pass_mark);
    html! {
        <div class="sw-quiz-results">
            { Heading::new(level, 2).class("sw-quiz__heading").focus(&props.heading_ref).show(html! { { text(lang, Key::QuizResultsHeading) } }) }
            <p class="sw-quiz-results__score">{ score }</p>
            <p>{ verdict }</p>
            { topic_table(lang, &props.set, record) }
            <div class="sw-button-group">
                <button type="button" class="sw-button" onclick={on_click(&props.on_review)}>
                    { text(lang, Key::QuizReview) }
                </button>
                { secondary_button(text(lang, Key::QuizTryAgain), on_click(&props.on_try_again)) }
                { secondary_button(text(lang, Key::QuizRecordButton), on_click(&props.on_record)) }
                { secondary_button(text(lang, Key::QuizBackToStart), on_click(&props.on_home)) }
            </div>
        </div>
    }
}
