//! The privacy promise, "Your data" (export and import) and "Clear my data".

use yew::prelude::*;

use super::app::FocusRefs;
use super::privacy::clear_data::{clear_data, ClearDataProps};
use super::privacy::data_transfer::DataTransfer;
use super::state::StoreHandle;
use crate::core::config::HeadingLevel;
use crate::core::lang::Lang;
use crate::core::messages::{text, Key};
use crate::core::privacy::{Keeping, LockState, Place, Privacy};
use crate::core::shell::ClearStep;
use crate::ui::button::secondary_button;

pub struct FooterProps {
    pub lang: Lang,
    pub level: HeadingLevel,
    /// What is kept on this computer: when nothing is, the footer says records go with the tab.
    pub keeping: Keeping,
    /// The page author's privacy floor.
    pub floor: Privacy,
    /// Called once a new privacy setting is saved.
    pub on_setting_saved: Callback<()>,
    /// Locks at once.
    pub on_lock_now: Callback<()>,
    pub step: ClearStep,
    pub refs: FocusRefs,
    pub on_ask: Callback<()>,
    pub on_cancel: Callback<()>,
    pub on_confirm: Callback<()>,
    pub store: StoreHandle,
    pub on_imported: Callback<()>,
}

pub fn footer(props: &FooterProps) -> Html {
    let level = props.level;
    html! {
        <div class="sw-footer">
            <p class="sw-footer__privacy">{ text(props.lang, Key::FooterPrivacy) }</p>
            { match (props.keeping.place, props.keeping.lock) {
                (_, LockState::NotSet) => html! { <p class="sw-footer__privacy">{ text(props.lang, Key::FooterLockNotSet) }</p> },
                (Place::Tab, _) => html! { <p class="sw-footer__privacy">{ text(props.lang, Key::FooterTabOnly) }</p> },
                (_, LockState::Open) => html! {
                    <>
                        <p class="sw-footer__privacy">{ text(props.lang, Key::FooterLocked) }</p>
                        <div class="sw-button-group">{ secondary_button(text(props.lang, Key::FooterLockNow), props.on_lock_now.reform(|_| ())) }</div>
                    </>
                },
                _ => html! {},
            } }
            <DataTransfer lang={props.lang} {level} store={props.store.clone()} on_imported={props.on_imported.clone()}
                keeping={props.keeping} floor={props.floor} on_setting_saved={props.on_setting_saved.clone()} />
            { clear_data(&ClearDataProps {
                lang: props.lang,
                level,
                step: props.step,
                refs: props.refs.clone(),
                on_ask: props.on_ask.clone(),
                on_cancel: props.on_cancel.clone(),
                on_confirm: props.on_confirm.clone(),
            }) }
        </div>
    }
}
