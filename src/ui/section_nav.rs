//! Navigation between the parts of the widget (only in `mode="all"`).

use yew::prelude::*;

use crate::ui::button::send;

use crate::core::config::Mode;
use crate::core::lang::Lang;
use crate::core::messages::{text, Key};
use crate::core::shell::Section;

pub struct SectionNavProps {
    pub lang: Lang,
    pub mode: Mode,
    pub current: Section,
    pub on_show: Callback<Section>,
}

/// The name of a part, as shown in the navigation and as its heading.
pub fn section_name(section: Section) -> Key {
    match section {
        Section::Quiz => Key::NavQuiz,
        Section::Feedback => Key::NavFeedback,
    }
}

pub fn section_nav(props: &SectionNavProps) -> Html {
    let items = Section::available(props.mode).iter().map(|&section| {
        let current = section == props.current;
        let onclick = send(&props.on_show, section);
        html! {
            <li class="sw-nav__item">
                <button
                    type="button"
                    class="sw-nav__link"
                    aria-current={current.then_some("true")}
                    {onclick}
                >
                    { text(props.lang, section_name(section)) }
                </button>
            </li>
        }
    });
    html! {
        <nav class="sw-nav" aria-label={text(props.lang, Key::NavLabel)}>
            <ul class="sw-nav__list">{ for items }</ul>
        </nav>
    }
}
