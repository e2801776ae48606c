//! The privacy promise, "Your data" (export and import) and "Clear my data".

use yew::prelude::*;

use super::app::FocusRefs;
use super::clear_data::{clear_data, ClearDataProps};
use super::data_transfer::DataTransfer;
use super::state::StoreHandle;
use crate::core::lang::Lang;
use crate::core::messages::{text, Key};
use crate::core::privacy::{Place, Privacy};
use crate::core::shell::ClearStep;

pub struct FooterProps {
    pub lang: Lang,
    /// What is kept on this computer: when nothing is, the footer says records go with the tab.
    pub privacy: Privacy,
    /// The page author's privacy floor.
    pub floor: Privacy,
    /// Called once a new privacy setting is saved.
    pub on_setting_saved: Callback<()>,
    pub step: ClearStep,
    pub refs: FocusRefs,
    pub on_ask: Callback<()>,
    pub on_cancel: Callback<()>,
    pub on_confirm: Callback<()>,
    pub store: StoreHandle,
    pub on_imported: Callback<()>,
}

pub fn footer(props: &FooterProps) -> Html {
    html! {
        <div class="sw-footer">
            <p class="sw-footer__privacy">{ text(props.lang, Key::FooterPrivacy) }</p>
            if props.privacy.place() == Place::Tab {
                <p class="sw-footer__privacy">{ text(props.lang, Key::FooterTabOnly) }</p>
            }
            <DataTransfer lang={props.lang} store={props.store.clone()} on_imported={props.on_imported.clone()}
                privacy={props.privacy} floor={props.floor} on_setting_saved={props.on_setting_saved.clone()} />
            { clear_data(&ClearDataProps {
                lang: props.lang,
                step: props.step,
                refs: props.refs.clone(),
                on_ask: props.on_ask.clone(),
                on_cancel: props.on_cancel.clone(),
                on_confirm: props.on_confirm.clone(),
            }) }
        </div>
    }
}
