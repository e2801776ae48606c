//! After Check: right, partly right or not, why, and the source it rests on.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::heading::Heading;

use crate::core::lang::Lang;
use crate::core::messages::{fill, text, Key};
use crate::core::quiz::content::{Question, QuestionSet};
use crate::core::quiz::scoring::{credit, Answer};

#[derive(Properties, PartialEq)]
pub struct QuizFeedbackProps {
    pub lang: Lang,
    pub set: Rc<QuestionSet>,
    pub question: Question,
    pub answer: Option<Answer>,
}

/// "Correct", "Partly correct: 2 of 3" or "Not quite", for a question's credit.
pub fn outcome(lang: Lang, question: &Question, answer: Option<&Answer>) -> (String, &'static str) {
    let credit = credit(question, answer);
    if credit.is_full() {
        (
            text(lang, Key::QuizCorrect).to_owned(),
            "sw-feedback--correct",
        )
    } else if credit.got > 0 {
        let words = fill(
            text(lang, Key::QuizPartly),
            &[
                ("got", &credit.got.to_string()),
                ("of", &credit.of.to_string()),
            ],
        );
        (words, "sw-feedback--partly")
    } else {
        (
            text(lang, Key::QuizIncorrect).to_owned(),
            "sw-feedback--incorrect",
        )
    }
}

/// "Source: [4] Supervision: Guidance for…", the title marked with its own language where it
/// differs from the page's (an English title in Welsh text is read in an English voice).
pub fn source(lang: Lang, set: &QuestionSet, question: &Question) -> Html {
    let reference = set.reference(question.source);
    let title = reference.map(|r| r.title.clone()).unwrap_or_default();
    let title_lang = reference
        .map(|r| r.title_lang())
        .filter(|&title_lang| title_lang != lang)
        .map(Lang::code);
    let template = fill(
        text(lang, Key::QuizSource),
        &[("number", &question.source.to_string())],
    );
    let (before, after) = template
        .split_once("{title}")
        .unwrap_or((template.as_str(), ""));
    html! { <>{ before }<span lang={title_lang}>{ title }</span>{ after }</> }
}

#[function_component]
pub fn QuizFeedback(props: &QuizFeedbackProps) -> Html {
    let (words, class) = outcome(props.lang, &props.question, props.answer.as_ref());
    html! {
        <div class={classes!("sw-feedback", class)}>
            <Heading depth={3} class="sw-feedback__title">{ words }</Heading>
            <p>{ &props.question.explanation }</p>
            <p class="sw-feedback__source">{ source(props.lang, &props.set, &props.question) }</p>
        </div>
    }
}
