//! After Check: right, partly right or not, why, and the source it rests on.

use std::rc::Rc;

use yew::prelude::*;

use super::set_text::{fill_html, set_text};
use crate::core::config::HeadingLevel;
use crate::ui::heading::Heading;

use crate::core::lang::Lang;
use crate::core::messages::{counted, fill, text, Key};
use crate::core::quiz::content::{Question, QuestionSet, Source};
use crate::core::quiz::scoring::{credit, Answer};

pub struct QuizFeedbackProps {
    pub lang: Lang,
    pub level: HeadingLevel,
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

/// What an explanation rests on: "Source: [4] Supervision: Guidance for…", or "Sources:" and a
/// list. The page's own words are named as the page, never as a number, and further reading is
/// labelled as not from the hub. Each title is marked with its own language where it differs
/// from the page's (an English title in Welsh text is read in an English voice).
pub fn sources(lang: Lang, set: &QuestionSet, question: &Question) -> Html {
    let language = |tag: Option<&str>| tag.and_then(Lang::from_tag).unwrap_or(Lang::English);
    let items: Vec<Html> = question
        .sources
        .iter()
        .map(|source| match source {
            Source::Reference(number) => {
                let reference = set.reference(*number);
                titled(
                    lang,
                    &fill(
                        text(lang, Key::QuizSourceReference),
                        &[("number", &number.to_string())],
                    ),
                    reference.map_or("", |r| r.title.as_str()),
                    reference.map_or(Lang::English, |r| r.title_lang()),
                )
            }
            Source::Page => titled(
                lang,
                text(lang, Key::QuizSourcePage),
                set.page.as_deref().unwrap_or_default(),
                language(Some(&set.language)),
            ),
            Source::Further(id) => {
                let further = set.further(id);
                let template = fill(
                    text(lang, Key::QuizSourceFurther),
                    &[
                        ("publisher", further.map_or("", |f| f.publisher.as_str())),
                        ("year", &further.map_or(0, |f| f.year).to_string()),
                    ],
                );
                titled(
                    lang,
                    &template,
                    further.map_or("", |f| f.title.as_str()),
                    language(further.and_then(|f| f.language.as_deref())),
                )
            }
        })
        .collect();
    let label = counted(lang, Key::QuizSourcesLabel, items.len() as u64);
    match <[Html; 1]>::try_from(items) {
        Ok([item]) => html! { <p class="sw-feedback__source">{ label }{ ": " }{ item }</p> },
        Err(items) => html! {
            <div class="sw-feedback__source">
                <p>{ label }{ ":" }</p>
                <ul class="sw-list">{ for items.into_iter().map(|item| html! { <li>{ item }</li> }) }</ul>
            </div>
        },
    }
}

/// `template` with its `{title}` filled by `title`, marked with the title's language if not `lang`'s.
fn titled(lang: Lang, template: &str, title: &str, title_lang: Lang) -> Html {
    let marked = (title_lang != lang).then_some(title_lang.code());
    fill_html(
        template,
        "title",
        html! { <span lang={marked}>{ title.to_owned() }</span> },
    )
}

pub fn quiz_feedback(props: &QuizFeedbackProps) -> Html {
    let level = props.level;
    let (words, class) = outcome(props.lang, &props.question, props.answer.as_ref());
    html! {
        <div ~className={format!("sw-feedback {class}")}>
            { Heading::new(level, 3).class("sw-feedback__title").show(html! { { words } }) }
            <p>{ set_text(props.lang, &props.set, &props.question.explanation) }</p>
            { sources(props.lang, &props.set, &props.question) }
        </div>
    }
}
