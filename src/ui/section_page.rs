//! The current part of the widget under its heading: the quiz, or the feedback form; or, when
//! that part's stored data was written by a newer version, a read-only explanation instead.

use yew::prelude::*;

use super::data_transfer::download_kept_aside;
use super::feedback::Feedback;
use super::quiz::Quiz;
use super::read_only_part::ReadOnlyPart;
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
    let lang = props.lang;
    // Checked again after another tab's save: a newer version may have written meanwhile.
    let read_only = *use_memo((props.section, props.outside_epoch), {
        let (store, on_notice) = (props.store.clone(), props.on_notice.clone());
        move |(section, _): &(Section, u32)| {
            let store = store.read();
            // Every record is checked (not just the first found), so each is protected.
            let newer = section
                .records()
                .map(|spec| store.written_by_newer(spec))
                .contains(&true);
            if newer {
                on_notice.emit(StorageNotice::Newer);
            }
            newer
        }
    });
    let content = match props.section {
        _ if read_only => {
            let store = props.store.clone();
            html! {
                <ReadOnlyPart {lang} on_download={Callback::from(move |()| download_kept_aside(&store))} />
            }
        }
        Section::Quiz => html! {
            <Quiz {lang} settings={props.config.quiz} question_sets={props.config.question_sets.clone()}
                store={props.store.clone()} on_notice={props.on_notice.clone()} outside_epoch={props.outside_epoch} />
        },
        Section::Feedback => html! {
            <Feedback {lang} store={props.store.clone()} on_notice={props.on_notice.clone()} outside_epoch={props.outside_epoch} />
        },
    };
    html! {
        <div class="sw-section">
            <h3 class="sw-section__heading" tabindex="-1" ref={props.heading_ref.clone()}>
                { text(lang, section_name(props.section)) }
            </h3>
            { content }
        </div>
    }
}
