//! Shown instead of a broken quiz when the page's own question set is unusable: what is wrong,
//! for the page's author, in the widget and in the console. Their text is shown as text.

use gloo::console;
use yew::prelude::*;

use crate::core::config::HeadingLevel;
use crate::ui::heading::Heading;
use crate::ui::paragraph::paragraph;

use crate::core::lang::Lang;
use crate::core::messages::{text, Key};

/// Says in the console what is wrong, for the page's author: once, when the sets are read.
pub fn log_problems(problems: &[String]) {
    console::error!(format!(
        "<supervision-widget>: the page's question set cannot be used:\n- {}",
        problems.join("\n- ")
    ));
}

/// Says in the widget what is wrong. A plain function, not a component: it has no state of its
/// own (a component's lifecycle is code of its own, issue 26).
pub fn quiz_problems(lang: Lang, level: HeadingLevel, problems: &[String]) -> Html {
    html! {
        <div class="sw-error-summary sw-quiz-problems" role="alert" aria-labelledby="sw-quiz-problems-title">
            { Heading::new(level, 2).class("sw-error-summary__title").id("sw-quiz-problems-title").show(html! { { text(lang, Key::QuizProblemsHeading) } }) }
            { paragraph(text(lang, Key::QuizProblemsIntro)) }
            <ul class="sw-error-summary__list sw-quiz-problems__list">
                { for problems.iter().map(|problem| html! { <li>{ problem }</li> }) }
            </ul>
        </div>
    }
}
