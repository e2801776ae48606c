//! One question per page: "Question 3 of 16", the question as the legend of its fieldset, the
//! answer inputs, an error summary when Check finds nothing answered, and feedback after Check.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::config::HeadingLevel;
use crate::ui::button::on_click;

use crate::ui::form_group_class;

use crate::ui::heading::{caption, Heading};

use super::answer_inputs::{answer_inputs, first_input_id, AnswerInputsProps};
use super::feedback::{quiz_feedback, QuizFeedbackProps};
use super::set_text::set_text;
use super::QuizRefs;
use crate::core::lang::Lang;
use crate::core::messages::{fill, text, Key};
use crate::core::quiz::attempt::Attempt;
use crate::core::quiz::content::{Body, QuestionSet};
use crate::core::quiz::scoring::Answer;
use crate::ui::error_summary::{error_summary, ErrorSummaryProps};

pub struct QuizQuestionProps {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub set: Rc<QuestionSet>,
    pub attempt: Attempt,
    pub unanswered: bool,
    /// The page's quiz settings changed since this attempt started (it keeps its own).
    pub settings_changed: bool,
    pub refs: QuizRefs,
    pub on_answer: Callback<Answer>,
    pub on_check: Callback<()>,
    pub on_next: Callback<()>,
}

const ERROR_ID: &str = "sw-quiz-error";

pub fn quiz_question(props: &QuizQuestionProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let attempt = &props.attempt;
    let (Some(item), Some(question)) = (
        attempt.current_item(),
        attempt
            .current_item()
            .and_then(|i| props.set.question(&i.id)),
    ) else {
        return html! {};
    };
    let number = attempt.current + 1;
    let total = attempt.items.len();
    let checked = attempt.current_checked();
    let answer = attempt.answers.get(&item.id).cloned();
    let error = match question.body {
        Body::Multiple { .. } => Key::QuizErrorSelect,
        Body::Sort { .. } => Key::QuizErrorSort,
        _ => Key::QuizErrorChoose,
    };
    let error_text = text(lang, error).to_owned();
    let progress = fill(
        text(lang, Key::QuizProgress),
        &[
            ("number", &number.to_string()),
            ("total", &total.to_string()),
        ],
    );
    let last = number == total;

    html! {
        <div class="sw-quiz-question" key={item.id.clone()}>
            if props.unanswered {
                { error_summary(&ErrorSummaryProps { lang, level, errors: vec![(error_text.clone(), first_input_id(question, item))],
                    summary_ref: props.refs.error_summary.clone() }) }
            }
            if props.settings_changed {
                <p class="sw-inset">{ text(lang, Key::QuizSettingsChanged) }</p>
            }
            // The visible "Question 3 of 16" says the same to everyone; the bar is decoration.
            <progress class="sw-progress" max={total.to_string()} value={number.to_string()} aria-hidden="true"></progress>
            <div ~className={form_group_class(props.unanswered)}>
                <fieldset class="sw-fieldset" aria-describedby={props.unanswered.then_some(ERROR_ID)}>
                    <legend class="sw-fieldset__legend">
                        { Heading::new(level, 2).class("sw-quiz__heading").focus(&props.refs.heading).show(html! {
                            <>{ caption(&progress) }{ set_text(lang, &props.set, &question.prompt) }</>
                        }) }
                    </legend>
                    if props.unanswered {
                        <p class="sw-error-message" id={ERROR_ID}>
                            <span class="sw-visually-hidden">{ text(lang, Key::ErrorPrefix) }{ " " }</span>{ error_text }
                        </p>
                    }
                    { answer_inputs(&AnswerInputsProps {
                        lang,
                        set: props.set.clone(),
                        question: question.clone(),
                        item: item.clone(),
                        answer: answer.clone(),
                        checked,
                        on_answer: props.on_answer.clone(),
                    }) }
                </fieldset>
            </div>
            <div class="sw-feedback-region" role="status">
                if checked {
                    { quiz_feedback(&QuizFeedbackProps {
                        lang,
                        level,
                        set: props.set.clone(),
                        question: question.clone(),
                        answer: answer.clone(),
                    }) }
                }
            </div>
            if checked {
                <button type="button" class="sw-button" ref={props.refs.next.clone()}
                    onclick={on_click(&props.on_next)}>
                    { text(lang, if last { Key::QuizSeeResults } else { Key::QuizNext }) }
                </button>
            } else {
                <button type="button" class="sw-button" onclick={on_click(&props.on_check)}>
                    { text(lang, Key::QuizCheck) }
                </button>
            }
        </div>
    }
}
