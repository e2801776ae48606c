//! Offered once, after the first feedback session or quiz result is saved: a shared computer's
//! choices, with the way to them in Your data. Either answer saves a setting, and a saved
//! setting means it is never offered again.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRoot};
use yew::prelude::*;

use super::heading::Heading;
use super::state::{now_iso, StoreHandle};
use crate::core::lang::Lang;
use crate::core::messages::{text, Key};
use crate::core::privacy::{Place, Privacy, Setting, SETTING};
use crate::ui::button::secondary_button;

#[derive(Properties, PartialEq)]
pub struct PrivacyOfferProps {
    pub lang: Lang,
    pub store: StoreHandle,
}

/// Opens Your data and puts focus on the choice that applies now.
fn go_to_choice(anchor: &NodeRef) {
    let root = anchor
        .get()
        .and_then(|node| node.get_root_node().dyn_into::<ShadowRoot>().ok());
    let Some(root) = root else { return };
    if let Ok(Some(details)) = root.query_selector("details.sw-data") {
        let _ = details.set_attribute("open", "");
    }
    let checked = root.query_selector("input[name='sw-privacy']:checked");
    if let Some(input) = checked
        .ok()
        .flatten()
        .and_then(|i| i.dyn_into::<HtmlElement>().ok())
    {
        let _ = input.focus();
    }
}

#[function_component]
pub fn PrivacyOffer(props: &PrivacyOfferProps) -> Html {
    let lang = props.lang;
    // Asked once, when it first shows: not where records live in this tab only, nor once any
    // setting is saved.
    let offered = use_state({
        let store = props.store.clone();
        move || store.place() == Place::Computer && store.computer().saved_at(SETTING).is_none()
    });
    let kept = use_state(|| false);
    let anchor = use_node_ref();
    if !*offered {
        return html! {};
    }
    let on_choose = {
        let anchor = anchor.clone();
        Callback::from(move |_: MouseEvent| go_to_choice(&anchor))
    };
    let on_keep = {
        let (store, kept, anchor) = (props.store.clone(), kept.clone(), anchor.clone());
        Callback::from(move |_: MouseEvent| {
            let (kept, anchor) = (kept.clone(), anchor.clone());
            store.write_both(move |computer, _| {
                let saved = computer.save(
                    SETTING,
                    Setting {
                        keep: Privacy::Keep,
                    },
                    &now_iso(),
                );
                kept.set(saved.is_ok());
                if let Some(panel) = anchor.cast::<HtmlElement>() {
                    let _ = panel.focus();
                }
            });
        })
    };
    html! {
        <div class="sw-inset-text sw-privacy-offer" tabindex="-1" ref={anchor}>
            if *kept {
                <p role="status">{ text(lang, Key::PrivacySavedKeep) }</p>
            } else {
                <Heading depth={2}>{ text(lang, Key::OfferHeading) }</Heading>
                <p>{ text(lang, Key::OfferBody) }</p>
                <div class="sw-button-group">
                    { secondary_button(text(lang, Key::OfferChoose), on_choose) }
                    { secondary_button(text(lang, Key::OfferKeep), on_keep) }
                </div>
            }
        </div>
    }
}
