//! The current part of the widget under its heading: the quiz, or the feedback form; or, when
//! that part's stored data was written by a newer version, a read-only explanation instead.

use yew::prelude::*;

use crate::ui::heading::Heading;

use super::feedback::Feedback;
use super::privacy::data_transfer::download_kept_aside;
use super::quiz::{quiz, QuizProps};
use super::read_only_part::read_only_part;
use super::section_nav::section_name;
use super::state::StoreHandle;
use crate::core::config::WidgetConfig;
use crate::core::lang::Lang;
use crate::core::messages::text;
use crate::core::quiz::content::QuizContent;
use crate::core::shell::Section;
use crate::core::store::StorageNotice;

pub struct SectionPageProps<'a> {
    pub lang: Lang,
    pub section: Section,
    /// Shown read-only: a newer version's data was found there.
    pub read_only: bool,
    pub config: &'a WidgetConfig,
    pub store: StoreHandle,
    pub on_notice: Callback<StorageNotice>,
    /// The heading receives focus when the user switches part.
    pub heading_ref: NodeRef,
    /// Goes up when another tab or widget saved: the part reloads in place.
    pub outside_epoch: u32,
    /// Goes up when stored data changed under the part (cleared, imported): it starts again.
    pub key: u32,
    /// The page's question sets as read, while the quiz shows.
    pub quiz_content: Option<&'a Result<QuizContent, Vec<String>>>,
}

/// Keyed by the data epoch where it is used: after a clear or an import the part reloads from
/// storage.
pub fn section_page(props: SectionPageProps) -> Html {
    let level = props.config.heading_level;
    let lang = props.lang;
    let on_notice = props.on_notice;
    let content = match props.section {
        _ if props.read_only => {
            let store = props.store.clone();
            read_only_part(
                lang,
                level,
                Callback::from(move |()| download_kept_aside(&store)),
            )
        }
        Section::Quiz => match props.quiz_content {
            Some(content) => quiz(QuizProps {
                lang,
                level,
                settings: props.config.quiz,
                content,
                store: props.store.clone(),
                on_notice,
                outside_epoch: props.outside_epoch,
            }),
            None => Html::default(),
        },
        Section::Feedback => html! {
            <Feedback {lang} {level} store={props.store.clone()} {on_notice} outside_epoch={props.outside_epoch} />
        },
    };
    html! {
        <div class="sw-section" key={props.key}>
            { Heading::new(level, 1).class("sw-section__heading").focus(&props.heading_ref).show(html! {
                { text(lang, section_name(props.section)) }
            }) }
            { content }
        </div>
    }
}
