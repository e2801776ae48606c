//! The current part of the widget. The quiz and the feedback form fill these in later; for now
//! each says what will be here.

use yew::prelude::*;

use super::section_nav::section_name;
use crate::core::lang::Lang;
use crate::core::messages::{text, Key};
use crate::core::shell::Section;

#[derive(Properties, PartialEq)]
pub struct SectionPageProps {
    pub lang: Lang,
    pub section: Section,
    /// The heading receives focus when the user switches part.
    pub heading_ref: NodeRef,
}

#[function_component]
pub fn SectionPage(props: &SectionPageProps) -> Html {
    let lang = props.lang;
    let placeholder = match props.section {
        Section::Quiz => Key::QuizPlaceholder,
        Section::Feedback => Key::FeedbackPlaceholder,
    };
    html! {
        <div class="sw-section">
            <h3 class="sw-section__heading" tabindex="-1" ref={props.heading_ref.clone()}>
                { text(lang, section_name(props.section)) }
            </h3>
            <p>{ text(lang, placeholder) }</p>
        </div>
    }
}
