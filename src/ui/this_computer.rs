//! "How long to keep what you save on this computer": keep everything (the default), keep for
//! 30, 7 or 1 days, or keep nothing (records live in this tab only), for a shared computer. Only
//! the choices the page's author allows are offered. Saved at once; choosing to keep nothing
//! where records are saved first asks to delete them, with the chance to export a copy.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::confirm_panel::{confirm_panel, ConfirmPanelProps};
use super::data_transfer::export_all;
use super::focus::{request_focus, use_focus_move};
use super::state::{now_iso, StoreHandle};
use super::storage_notices::limit_key;
use crate::core::lang::Lang;
use crate::core::messages::{fill, text, Key};
use crate::core::privacy::{clear_keeping_setting, personal_records, Place, Privacy, Retention};
use crate::core::privacy::{Setting, SETTING};
use crate::ui::button::secondary_button;
use crate::ui::choice::{choice, Choice};

#[derive(Properties, PartialEq)]
pub struct ThisComputerProps {
    pub lang: Lang,
    pub store: StoreHandle,
    /// What applies now (it may change in another tab).
    pub privacy: Privacy,
    /// The page author's floor: only it and stricter settings are offered.
    pub floor: Privacy,
    /// Called once a new setting is saved, so records move where it says.
    pub on_saved: Callback<()>,
}

/// What the last choice did.
#[derive(Clone, Copy, PartialEq)]
enum Saved {
    Yes(Privacy),
    No,
}

/// The choices, with their words.
const CHOICES: [(Privacy, Key); 5] = [
    (Privacy::Keep, Key::PrivacyKeep),
    (Privacy::KeepFor(Retention::Month), Key::PrivacyMonth),
    (Privacy::KeepFor(Retention::Week), Key::PrivacyWeek),
    (Privacy::KeepFor(Retention::Day), Key::PrivacyDay),
    (Privacy::DontKeep, Key::PrivacyNone),
];

/// Saves `privacy` on this computer, after deleting what is saved there when `delete_first`;
/// then says how it went and lets records move.
fn save(
    store: &StoreHandle,
    privacy: Privacy,
    delete_first: bool,
    saved: UseStateHandle<Option<Saved>>,
    on_saved: Callback<()>,
) {
    store.write_both(move |computer, _| {
        let now = now_iso();
        let mut outcome = Ok(0);
        if delete_first {
            outcome = clear_keeping_setting(computer, &now);
        }
        let outcome = outcome.and_then(|_| computer.save(SETTING, Setting { keep: privacy }, &now));
        saved.set(Some(match outcome {
            Ok(()) => Saved::Yes(privacy),
            Err(_) => Saved::No,
        }));
        on_saved.emit(());
    });
}

#[function_component]
pub fn ThisComputer(props: &ThisComputerProps) -> Html {
    let lang = props.lang;
    let chosen = use_state(|| props.privacy);
    {
        // Another tab's choice shows here too.
        let chosen = chosen.clone();
        use_effect_with(props.privacy, move |privacy| chosen.set(*privacy));
    }
    let saved = use_state(|| None::<Saved>);
    // A choice to keep nothing, waiting for the person to agree to delete what is saved.
    let asking = use_state(|| None::<Privacy>);
    let question_ref = use_node_ref();
    let group_ref = use_node_ref();
    let focus = use_state(|| None::<((), u32)>);
    use_focus_move(*focus, &question_ref, |question, ()| question);

    let items = CHOICES
        .into_iter()
        .filter(|(privacy, _)| props.floor.allows(*privacy))
        .map(|(privacy, key)| {
            let checked = *chosen == privacy;
            let (chosen, saved, asking, focus) =
                (chosen.clone(), saved.clone(), asking.clone(), focus.clone());
            let (store, on_saved, place) = (
                props.store.clone(),
                props.on_saved.clone(),
                props.privacy.place(),
            );
            let onchange = Callback::from(move |_: Event| {
                chosen.set(privacy);
                let leaving_computer = place == Place::Computer && privacy.place() == Place::Tab;
                if leaving_computer && personal_records(store.computer()) > 0 {
                    asking.set(Some(privacy));
                    request_focus(&focus, ());
                } else {
                    asking.set(None);
                    save(&store, privacy, false, saved.clone(), on_saved.clone());
                }
            });
            choice(Choice {
                kind: "radio",
                id: format!("sw-privacy-{}", privacy.name()),
                name: "sw-privacy".into(),
                label: text(lang, key).into(),
                checked,
                disabled: false,
                onchange,
                tag: html! {},
            })
        });
    let outcome = match *saved {
        Some(Saved::Yes(Privacy::KeepFor(retention))) => fill(
            text(lang, Key::PrivacySavedLimit),
            &[("limit", text(lang, limit_key(retention)))],
        ),
        Some(Saved::Yes(privacy)) if privacy.place() == Place::Tab => {
            text(lang, Key::PrivacySavedNone).to_owned()
        }
        Some(Saved::Yes(_)) => text(lang, Key::PrivacySavedKeep).to_owned(),
        Some(Saved::No) => text(lang, Key::PrivacyNotSaved).to_owned(),
        None => String::new(),
    };
    let question = asking.map(|privacy| {
        let on_confirm = {
            let (store, saved, asking, on_saved) = (
                props.store.clone(),
                saved.clone(),
                asking.clone(),
                props.on_saved.clone(),
            );
            Callback::from(move |()| {
                asking.set(None);
                save(&store, privacy, true, saved.clone(), on_saved.clone());
            })
        };
        // Back to what applies, with focus on it (the panel and its buttons go).
        let on_cancel = {
            let (current, chosen, asking, group_ref) = (
                props.privacy,
                chosen.clone(),
                asking.clone(),
                group_ref.clone(),
            );
            Callback::from(move |()| {
                chosen.set(current);
                asking.set(None);
                let radio = group_ref.cast::<Element>().and_then(|group| {
                    group
                        .query_selector(&format!("#sw-privacy-{}", current.name()))
                        .ok()
                        .flatten()
                });
                if let Some(radio) = radio.and_then(|r| r.dyn_into::<HtmlElement>().ok()) {
                    let _ = radio.focus();
                }
            })
        };
        let on_export = {
            let store = props.store.clone();
            Callback::from(move |_: MouseEvent| export_all(store.computer()))
        };
        html! {
            <>
                { confirm_panel(ConfirmPanelProps {
                    id: "sw-privacy-delete-question",
                    question: text(lang, Key::PrivacyDeleteQuestion).into(),
                    details: vec![text(lang, Key::PrivacyDeleteDetail).to_owned()],
                    confirm: text(lang, Key::PrivacyDeleteConfirm),
                    cancel: text(lang, Key::ClearCancel),
                    question_ref: question_ref.clone(),
                    on_confirm,
                    on_cancel,
                }) }
                <div class="sw-button-group">{ secondary_button(text(lang, Key::PrivacyExportFirst), on_export) }</div>
            </>
        }
    });
    let floor_hint = (props.floor != Privacy::Keep).then(|| text(lang, Key::PrivacyFloor));
    html! {
        <div class="sw-form-group sw-privacy">
            <fieldset class="sw-fieldset" aria-describedby="sw-privacy-hint">
                <legend class="sw-fieldset__legend sw-fieldset__legend--m">{ text(lang, Key::PrivacyLegend) }</legend>
                <div class="sw-hint" id="sw-privacy-hint">
                    { text(lang, Key::PrivacyHint) }
                    if let Some(floor_hint) = floor_hint { { " " }{ floor_hint } }
                </div>
                <div class="sw-radios" ref={group_ref}>{ for items }</div>
            </fieldset>
            { for question }
            <p role="status">{ outcome }</p>
        </div>
    }
}
