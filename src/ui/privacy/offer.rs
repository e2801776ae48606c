//! At the top of the widget, while no privacy setting has been chosen on this computer: on first
//! use, "Your own computer, or shared?", asked before anything is saved; when someone has saved
//! records here already, what and when ("3 records are saved here, the last on 3 December 2026
//! at 07:40"), with "Not yours? Use it in this tab only", so the next person at a shared desk
//! sees nothing of theirs. Any answer but the tab-only one saves a setting, so it is asked once.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRoot};
use yew::prelude::*;

use crate::core::config::HeadingLevel;
use crate::core::lang::Lang;
use crate::core::messages::{counted, fill, format_date, text, Key};
use crate::core::privacy::SETTING;
use crate::core::privacy::{saved_here, Keeping, LockState, Place, Privacy, SavedHere, Setting};
use crate::core::shell::Offer;
use crate::ui::browser::local_date_time;
use crate::ui::button::{on_click, secondary_button};
use crate::ui::class_list;
use crate::ui::heading::Heading;
use crate::ui::paragraph::paragraph;
use crate::ui::state::{now_iso, StoreHandle};

pub struct PrivacyOfferProps<'a> {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub store: StoreHandle,
    /// What is asked (`ShellState::offer`).
    pub offer: &'a Offer,
    /// Answered here with "keep what I save".
    pub answered: bool,
    /// Told whether "keep what I save" was saved.
    pub on_kept: Callback<bool>,
    /// "Not yours? Use it in this tab only".
    pub on_tab_only: Callback<()>,
    /// The panel, which takes focus once answered.
    pub anchor: NodeRef,
}

/// What to ask at the top, decided once at start-up where records are kept on this computer,
/// unlocked, and no setting has been chosen: `None` anywhere else.
pub fn offer_at_start(store: &StoreHandle, keeping: Keeping) -> Option<Offer> {
    let asks = keeping.place == Place::Computer
        && keeping.lock == LockState::None
        && !keeping.guest
        && store.computer().saved_at(SETTING).is_none();
    asks.then(|| {
        let found = saved_here(store.computer());
        if found.count > 0 {
            Offer::Found(found)
        } else {
            Offer::FirstUse
        }
    })
}

/// Opens "Your data and privacy" in the shadow root holding `from`, and puts focus on the choice
/// that applies now (`choice`) or on the disclosure's own summary.
pub fn open_your_data(from: &web_sys::Node, choice: bool) {
    let Ok(root) = from.get_root_node().dyn_into::<ShadowRoot>() else {
        return;
    };
    if let Ok(Some(details)) = root.query_selector("details.sw-data") {
        let _ = details.set_attribute("open", "");
    }
    let target = match choice {
        true => "input[name='sw-privacy']:checked",
        false => "details.sw-data > summary",
    };
    if let Some(element) = root
        .query_selector(target)
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// The words for what is saved here.
fn found_words(lang: Lang, found: &SavedHere) -> String {
    let (date, time) = found
        .last
        .as_deref()
        .and_then(local_date_time)
        .unwrap_or_default();
    fill(
        &counted(lang, Key::FoundBody, found.count as u64),
        &[("date", &format_date(lang, &date)), ("time", &time)],
    )
}

pub fn privacy_offer(props: PrivacyOfferProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let (anchor, kept) = (props.anchor, props.answered);
    let on_choose = {
        let anchor = anchor.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(node) = anchor.get() {
                open_your_data(&node, true);
            }
        })
    };
    let on_keep = {
        let (store, on_kept) = (props.store.clone(), props.on_kept.clone());
        Callback::from(move |_: MouseEvent| {
            let on_kept = on_kept.clone();
            store.write_both(move |computer, _| {
                let saved = computer.save(
                    SETTING,
                    Setting {
                        keep: Privacy::Keep,
                    },
                    &now_iso(),
                );
                on_kept.emit(saved.is_ok());
            });
        })
    };
    let body = match props.offer {
        _ if kept => html! { <p role="status">{ text(lang, Key::PrivacySavedKeep) }</p> },
        Offer::FirstUse => html! { <>
            { Heading::new(level, 1).show(html! { { text(lang, Key::OfferHeading) } }) }
            { paragraph(text(lang, Key::OfferBody)) }
            <div class="sw-button-group">
                { secondary_button(text(lang, Key::OfferKeep), on_keep) }
                { secondary_button(text(lang, Key::OfferChoose), on_choose) }
            </div>
        </> },
        Offer::Found(found) => html! { <>
            { Heading::new(level, 1).show(html! { { text(lang, Key::FoundHeading) } }) }
            <p>{ found_words(lang, found) }</p>
            { paragraph(text(lang, Key::FoundHint)) }
            <div class="sw-button-group">
                { secondary_button(text(lang, Key::FoundTabOnly), on_click(&props.on_tab_only)) }
                { secondary_button(text(lang, Key::FoundMine), on_keep) }
            </div>
        </> },
    };
    html! {
        <div ~className={class_list(&[Some("sw-inset-text sw-privacy-offer sw-no-print"), kept.then_some("sw-privacy-offer--answered")])}
            tabindex="-1" ref={anchor}>{ body }</div>
    }
}
