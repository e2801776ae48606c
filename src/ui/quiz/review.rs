//! Every question of the finished attempt with the answer given, the right answer, and why.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::config::HeadingLevel;
use crate::ui::button::{on_click, secondary_button};

use crate::ui::heading::Heading;

use super::feedback::{outcome, sources};
use super::set_text::set_text;
use crate::core::lang::Lang;
use crate::core::messages::{text, Key};
use crate::core::quiz::attempt::Attempt;
use crate::core::quiz::content::{Body, Question, QuestionSet};
use crate::core::quiz::scoring::{right_answer, Answer};

pub struct QuizReviewProps {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub set: Rc<QuestionSet>,
    pub attempt: Rc<Attempt>,
    pub heading_ref: NodeRef,
    pub on_back: Callback<()>,
    pub on_try_again: Callback<()>,
}

/// The words of an answer: option texts, True / False, or "statement: category" lines.
fn answer_words(
    lang: Lang,
    set: &QuestionSet,
    question: &Question,
    answer: Option<&Answer>,
) -> Vec<Html> {
    let option = |options: &[crate::core::quiz::content::Choice], id: &str| {
        options
            .iter()
            .find(|o| o.id == id)
            .map_or_else(Html::default, |o| set_text(lang, set, &o.text))
    };
    let truth =
        |value: bool| html! { text(lang, if value { Key::QuizTrue } else { Key::QuizFalse }) };
    match (&question.body, answer) {
        (Body::Single { options, .. }, Some(Answer::Choice(id))) => vec![option(options, id)],
        (Body::Multiple { options, .. }, Some(Answer::Choices(ids))) => {
            ids.iter().map(|id| option(options, id)).collect()
        }
        (Body::TrueFalse { .. }, Some(Answer::Truth(value))) => vec![truth(*value)],
        (
            Body::Sort {
                categories,
                statements,
            },
            Some(Answer::Sorted(sorted)),
        ) => statements
            .iter()
            .map(|s| {
                let category = sorted
                    .get(&s.id)
                    .map_or_else(Html::default, |c| option(categories, c));
                html! { <>{ set_text(lang, set, &s.text) }{ ": " }{ category }</> }
            })
            .collect(),
        _ => vec![html! { text(lang, Key::QuizNoAnswer) }],
    }
}

/// One answer on its line; several as a list.
fn list(items: Vec<Html>) -> Html {
    match <[Html; 1]>::try_from(items) {
        Ok([item]) => item,
        Err(items) => {
            html! { <ul class="sw-list">{ for items.into_iter().map(|item| html! { <li>{ item }</li> }) }</ul> }
        }
    }
}

/// One question as reviewed: the prompt, how the answer did, the answer given and the right
/// one, why, and its sources. The review and the learning record both show questions so.
pub fn review_item(
    lang: Lang,
    level: HeadingLevel,
    set: &QuestionSet,
    question: &Question,
    given: Option<&Answer>,
) -> Html {
    let (words, class) = outcome(lang, question, given);
    html! {
        <li class="sw-review__item">
            { Heading::new(level, 3).class("sw-review__prompt").show(html! { { set_text(lang, set, &question.prompt) } }) }
            <p><strong ~className={format!("sw-tag {class}")}>{ words }</strong></p>
            <dl class="sw-summary-list">
                <div class="sw-summary-list__row">
                    <dt>{ text(lang, Key::QuizYourAnswer) }</dt>
                    <dd>{ list(answer_words(lang, set, question, given)) }</dd>
                </div>
                <div class="sw-summary-list__row">
                    <dt>{ text(lang, Key::QuizRightAnswer) }</dt>
                    <dd>{ list(answer_words(lang, set, question, Some(&right_answer(question)))) }</dd>
                </div>
            </dl>
            <p>{ set_text(lang, set, &question.explanation) }</p>
            { sources(lang, set, question) }
        </li>
    }
}

pub fn quiz_review(props: &QuizReviewProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let questions = props
        .attempt
        .items
        .iter()
        .filter_map(|item| props.set.question(&item.id))
        .map(|question| {
            review_item(
                lang,
                level,
                &props.set,
                question,
                props.attempt.answers.get(&question.id),
            )
        });
    html! {
        <div class="sw-quiz-review">
            { Heading::new(level, 2).class("sw-quiz__heading").focus(&props.heading_ref).show(html! { { text(lang, Key::QuizReview) } }) }
            <ol class="sw-review">{ for questions }</ol>
            <div class="sw-button-group">
                <button type="button" class="sw-button" onclick={on_click(&props.on_back)}>
                    { text(lang, Key::QuizBackToResults) }
                </button>
                { secondary_button(text(lang, Key::QuizTryAgain), on_click(&props.on_try_again)) }
            </div>
        </div>
    }
}
