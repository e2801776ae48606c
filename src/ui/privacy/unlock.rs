//! "Unlock your saved feedback": all the widget shows while its records are locked. The
//! passphrase is tried by [`PassphraseCheck`] (wrong tries are counted, and after five in a row
//! each try waits longer). A forgotten passphrase cannot be recovered: the way on is to delete
//! the locked data, after asking; someone else's computer can be used without unlocking.

use yew::prelude::*;

use super::passphrase_check::PassphraseCheck;
use crate::core::config::HeadingLevel;
use crate::core::lang::Lang;
use crate::core::messages::{text, Key as Words};
use crate::core::privacy::clear_keeping_setting;
use crate::core::privacy::lock::Key;
use crate::core::shell::LockEvent;
use crate::ui::button::{on_click, secondary_button, send};
use crate::ui::confirm_panel::{confirm_panel, ConfirmPanelProps};
use crate::ui::heading::Heading;
use crate::ui::paragraph::paragraph;
use crate::ui::state::{now_iso, StoreHandle};

pub struct UnlockProps {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub store: StoreHandle,
    /// Called once the lock is open (`Unlocked`), the locked data was deleted (`Deleted`), or
    /// another tab did either meanwhile (`None`).
    pub on_done: Callback<Option<LockEvent>>,
    /// Why the screen shows, when it has just locked in this tab: said under the heading.
    pub locked: Option<LockEvent>,
    /// "Use without unlocking": this tab keeps nothing and leaves the locked data alone.
    pub on_tab_only: Callback<()>,
    /// The passphrase was forgotten: ask before deleting the locked data.
    pub forgot: bool,
    /// "Forgot your passphrase?" pressed (true), or its question cancelled (false).
    pub on_forgot: Callback<bool>,
    /// The heading, which focus moves to when the store locks; the delete question when it
    /// appears; "Forgot your passphrase?" again after Cancel.
    pub refs: (NodeRef, NodeRef, NodeRef),
}

pub fn unlock(props: UnlockProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let (heading, question, forgot) = props.refs;
    let on_opened = {
        let (store, on_done) = (props.store.clone(), props.on_done.clone());
        // `None`: unlocked or deleted in another tab meanwhile.
        Callback::from(move |key: Option<Key>| {
            let opened = key.map(|key| store.open_lock(key));
            if opened != Some(false) {
                on_done.emit(opened.map(|_| LockEvent::Unlocked));
            }
            opened != Some(false)
        })
    };
    let on_delete = {
        let (store, on_done) = (props.store.clone(), props.on_done.clone());
        Callback::from(move |()| {
            let on_done = on_done.clone();
            store.write_both(move |computer, _| {
                let _ = clear_keeping_setting(computer, &now_iso(), false);
                on_done.emit(Some(LockEvent::Deleted));
            });
        })
    };
    let locked_key = match props.locked {
        Some(LockEvent::LockedIdle) => Some(Words::LockLockedIdle),
        Some(LockEvent::LockedNow) => Some(Words::LockLockedNow),
        _ => None,
    };
    html! {
        <div class="sw-unlock">
            { Heading::new(level, 1).focus(&heading).show(html! { { text(lang, Words::UnlockHeading) } }) }
            if let Some(key) = locked_key {
                <p class="sw-inset-text" role="status">{ text(lang, key) }</p>
            }
            { paragraph(text(lang, Words::UnlockIntro)) }
            <PassphraseCheck {lang} {level} store={props.store.clone()} id="sw-unlock-passphrase" hint={Words::UnlockHint}
                submit={Words::UnlockButton} working={Words::UnlockWorking} {on_opened} />
            // Not the passphrase's owner: the tool is theirs to use all the same.
            { paragraph(text(lang, Words::UnlockTabOnlyHint)) }
            <div class="sw-button-group">
                { secondary_button(text(lang, Words::UnlockTabOnly), on_click(&props.on_tab_only)) }
            </div>
            <button type="button" id="sw-unlock-forgot" class="sw-link-button" onclick={send(&props.on_forgot, true)} ref={forgot}>{ text(lang, Words::UnlockForgot) }</button>
            if props.forgot {
                { confirm_panel(ConfirmPanelProps {
                    level,
                    id: "sw-unlock-delete-question",
                    question: text(lang, Words::UnlockDeleteQuestion).into(),
                    details: vec![text(lang, Words::UnlockDeleteDetail).to_owned()],
                    confirm: text(lang, Words::UnlockDeleteConfirm),
                    cancel: text(lang, Words::ClearCancel),
                    question_ref: question,
                    on_confirm: on_delete,
                    on_cancel: props.on_forgot.reform(|()| false),
                    before: Html::default(),
                    form: None,
                }) }
            }
        </div>
    }
}
