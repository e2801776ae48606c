//! Tells the user, once each, when their answers cannot be saved or old data could not be read,
//! and offers the way on: download the unreadable data, or start fresh (its copy is kept). The
//! live region is always present so that a notice added later is announced.

use yew::prelude::*;

use crate::core::config::HeadingLevel;
use crate::ui::button::{on_click, secondary_button, send};

use crate::ui::heading::Heading;

use crate::core::lang::Lang;
use crate::core::messages::{counted, fill, text, Key};
use crate::core::privacy::Retention;
use crate::core::store::StorageNotice;

pub struct StorageNoticesProps {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub notices: Vec<StorageNotice>,
    /// Records deleted at start-up for being older than the time limit chosen.
    pub expired: Option<(usize, Retention)>,
    /// Records still on this computer while the widget keeps nothing there.
    pub left_on_computer: usize,
    /// Downloads the records left on this computer.
    pub on_download_left: Callback<()>,
    /// Deletes the records left on this computer.
    pub on_delete_left: Callback<()>,
    /// Downloads what this version cannot use (unreadable or newer data), as stored.
    pub on_download_kept_aside: Callback<()>,
    pub on_start_fresh: Callback<()>,
    /// Resolves a conflict with another tab: `true` keeps this tab's version as a copy.
    pub on_resolve: Callback<bool>,
    /// Exports everything (including what is only in memory) to a file.
    pub on_download_copy: Callback<()>,
}

fn message(notice: StorageNotice) -> Key {
    match notice {
        StorageNotice::Unavailable => Key::NoticeStorageUnavailable,
        StorageNotice::Full => Key::NoticeStorageFull,
        StorageNotice::Unreadable => Key::NoticeRecordUnreadable,
        StorageNotice::Newer => Key::NoticeRecordNewer,
        StorageNotice::Conflict => Key::NoticeConflict,
    }
}

/// A time limit in words ("7 days").
pub fn limit_key(retention: Retention) -> Key {
    match retention {
        Retention::Day => Key::PrivacyLimitDay,
        Retention::Week => Key::PrivacyLimitWeek,
        Retention::Month => Key::PrivacyLimitMonth,
    }
}

pub fn storage_notices(props: &StorageNoticesProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    html! {
        <div class="sw-notices" role="status">
            if !props.notices.is_empty() || props.expired.is_some() || props.left_on_computer > 0 {
                <div class="sw-callout">
                    { Heading::new(level, 1).class("sw-callout__label").show(html! { { text(lang, Key::NoticeHeading) } }) }
                    if let Some((count, retention)) = props.expired {
                        <p>{ fill(&counted(lang, Key::NoticeExpired, count as u64), &[("limit", text(lang, limit_key(retention)))]) }</p>
                    }
                    if props.left_on_computer > 0 {
                        <p>{ counted(lang, Key::NoticeLeftOnComputer, props.left_on_computer as u64) }</p>
                        <div class="sw-button-group">
                            { secondary_button(text(lang, Key::NoticeDownloadCopy), on_click(&props.on_download_left)) }
                            { secondary_button(text(lang, Key::NoticeDeleteLeft), on_click(&props.on_delete_left)) }
                        </div>
                    }
                    { for props.notices.iter().map(|n| html! { <p>{ text(lang, message(*n)) }</p> }) }
                    // Whatever cannot be saved here can still be taken away.
                    if props.notices.iter().any(|n| matches!(n, StorageNotice::Unavailable | StorageNotice::Full)) {
                        <div class="sw-button-group">
                            { secondary_button(text(lang, Key::NoticeDownloadCopy), on_click(&props.on_download_copy)) }
                        </div>
                    }
                    if props.notices.contains(&StorageNotice::Conflict) {
                        <div class="sw-button-group">
                            { secondary_button(text(lang, Key::NoticeLoadTheirs), send(&props.on_resolve, false)) }
                            { secondary_button(text(lang, Key::NoticeKeepMine), send(&props.on_resolve, true)) }
                        </div>
                    }
                    if props.notices.contains(&StorageNotice::Newer) && !props.notices.contains(&StorageNotice::Unreadable) {
                        <div class="sw-button-group">
                            { secondary_button(text(lang, Key::NoticeDownloadNewer), on_click(&props.on_download_kept_aside)) }
                        </div>
                    }
                    if props.notices.contains(&StorageNotice::Unreadable) {
                        <div class="sw-button-group">
                            { secondary_button(text(lang, Key::NoticeDownloadUnreadable), on_click(&props.on_download_kept_aside)) }
                            { secondary_button(text(lang, Key::NoticeStartFresh), on_click(&props.on_start_fresh)) }
                        </div>
                    }
                </div>
            }
        </div>
    }
}
