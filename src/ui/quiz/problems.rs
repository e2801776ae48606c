//! Shown instead of a broken quiz when the page's own question set is unusable: what is wrong,
//! for the page's author, in the widget and in the console. Their text is shown as text.

use gloo::console;
use yew::prelude::*;

use crate::ui::heading::Heading;

use crate::core::lang::Lang;
use crate::core::messages::{text, Key};

#[derive(Properties, PartialEq)]
pub struct QuizProblemsProps {
    pub lang: Lang,
    pub problems: Vec<String>,
}

#[function_component]
pub fn QuizProblems(props: &QuizProblemsProps) -> Html {
    use_effect_with(props.problems.clone(), |problems| {
        console::error!(format!(
            "<supervision-widget>: the page's question set cannot be used:\n- {}",
            problems.join("\n- ")
        ));
    });
    html! {
        <div class="sw-error-summary sw-quiz-problems" role="alert" aria-labelledby="sw-quiz-problems-title">
            <Heading depth={2} class="sw-error-summary__title" id="sw-quiz-problems-title">{ text(props.lang, Key::QuizProblemsHeading) }</Heading>
            <p>{ text(props.lang, Key::QuizProblemsIntro) }</p>
            <ul class="sw-error-summary__list sw-quiz-problems__list">
                { for props.problems.iter().map(|problem| html! { <li>{ problem }</li> }) }
            </ul>
        </div>
    }
}
