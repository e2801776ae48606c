//! Tells the user, once each, when their answers cannot be saved or old data could not be read.
//! The live region is always present so that a notice added later is announced.

use yew::prelude::*;

use crate::core::lang::Lang;
use crate::core::messages::{text, Key};
use crate::core::store::StorageNotice;

#[derive(Properties, PartialEq)]
pub struct StorageNoticesProps {
    pub lang: Lang,
    pub notices: Vec<StorageNotice>,
}

fn message(notice: StorageNotice) -> Key {
    match notice {
        StorageNotice::Unavailable => Key::NoticeStorageUnavailable,
        StorageNotice::Full => Key::NoticeStorageFull,
        StorageNotice::Unreadable => Key::NoticeRecordUnreadable,
        StorageNotice::Newer => Key::NoticeRecordNewer,
    }
}

#[function_component]
pub fn StorageNotices(props: &StorageNoticesProps) -> Html {
    let lang = props.lang;
    html! {
        <div class="sw-notices" role="status">
            if !props.notices.is_empty() {
                <div class="sw-callout">
                    <h3 class="sw-callout__label">{ text(lang, Key::NoticeHeading) }</h3>
                    { for props.notices.iter().map(|n| html! { <p>{ text(lang, message(*n)) }</p> }) }
                </div>
            }
        </div>
    }
}
