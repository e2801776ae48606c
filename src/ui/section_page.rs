//! The current part of the widget under its heading: the quiz, or the feedback form; or, when
//! that part's stored data was written by a newer version, a read-only explanation instead.

use yew::prelude::*;

use crate::ui::heading::Heading;

use super::feedback::Feedback;
use super::privacy::data_transfer::download_kept_aside;
use super::quiz::Quiz;
use super::read_only_part::read_only_part;
use super::section_nav::section_name;
use super::state::StoreHandle;
use crate::core::config::WidgetConfig;
use crate::core::lang::Lang;
use crate::core::messages::text;
use crate::core::shell::Section;
use crate::core::store::StorageNotice;

#[derive(Properties, PartialEq)]
pub struct SectionPageProps {
    pub lang: Lang,
    pub section: Section,
    pub config: WidgetConfig,
    pub store: StoreHandle,
    pub on_notice: Callback<StorageNotice>,
    /// The heading receives focus when the user switches part.
    pub heading_ref: NodeRef,
    /// Goes up when another tab or widget saved: the part reloads in place.
    pub outside_epoch: u32,
}

#[function_component]
pub fn SectionPage(props: &SectionPageProps) -> Html {
    let level = props.config.heading_level;
    let lang = props.lang;
    // The parts that found a newer version's data when loading (at start-up or after another
    // tab's save): they say so through their notices, and are shown read-only from then on.
    let read_only = use_state(Vec::<Section>::new);
    let on_notice = {
        let (read_only, on_notice, section) =
            (read_only.clone(), props.on_notice.clone(), props.section);
        Callback::from(move |notice| {
            if notice == StorageNotice::Newer && !read_only.contains(&section) {
                let mut sections = (*read_only).clone();
                sections.push(section);
                read_only.set(sections);
            }
            on_notice.emit(notice);
        })
    };
    let content = match props.section {
        section if read_only.contains(&section) => {
            let store = props.store.clone();
            html! {
                { read_only_part(lang, level, Callback::from(move |()| download_kept_aside(&store))) }
            }
        }
        Section::Quiz => html! {
            <Quiz {lang} {level} settings={props.config.quiz} question_sets={props.config.question_sets.clone()}
                store={props.store.clone()} on_notice={on_notice.clone()} outside_epoch={props.outside_epoch} />
        },
        Section::Feedback => html! {
            <Feedback {lang} {level} store={props.store.clone()} {on_notice} outside_epoch={props.outside_epoch} />
        },
    };
    html! {
        <div class="sw-section">
            { Heading::new(level, 1).class("sw-section__heading").focus(&props.heading_ref).show(html! {
                { text(lang, section_name(props.section)) }
            }) }
            { content }
        </div>
    }
}
