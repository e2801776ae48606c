//! "How long to keep what you save on this computer": keep everything (the default), or keep
//! for 30, 7 or 1 days, for a shared computer. Saved at once; what is older is deleted each
//! time the widget starts.

use yew::prelude::*;

use super::state::{now_iso, StoreHandle};
use super::storage_notices::limit_key;
use crate::core::lang::Lang;
use crate::core::messages::{fill, text, Key};
use crate::core::privacy::{Privacy, Retention, Setting, SETTING};
use crate::ui::choice::{choice, Choice};

#[derive(Properties, PartialEq)]
pub struct ThisComputerProps {
    pub lang: Lang,
    pub store: StoreHandle,
}

/// What the last choice did.
#[derive(Clone, Copy, PartialEq)]
enum Saved {
    Yes(Privacy),
    No,
}

/// The choices offered, with their words.
const CHOICES: [(Privacy, Key); 4] = [
    (Privacy::Keep, Key::PrivacyKeep),
    (Privacy::KeepFor(Retention::Month), Key::PrivacyMonth),
    (Privacy::KeepFor(Retention::Week), Key::PrivacyWeek),
    (Privacy::KeepFor(Retention::Day), Key::PrivacyDay),
];

#[function_component]
pub fn ThisComputer(props: &ThisComputerProps) -> Html {
    let lang = props.lang;
    let chosen = use_state({
        let store = props.store.clone();
        move || {
            store
                .read()
                .load::<Setting>(SETTING, &now_iso())
                .data
                .map_or(Privacy::Keep, |setting| setting.keep)
        }
    });
    let saved = use_state(|| None::<Saved>);
    let items = CHOICES.map(|(privacy, key)| {
        let checked = *chosen == privacy;
        let (chosen, saved, store) = (chosen.clone(), saved.clone(), props.store.clone());
        let onchange = Callback::from(move |_: Event| {
            chosen.set(privacy);
            let saved = saved.clone();
            store.write(move |store| {
                let outcome = store.save(SETTING, Setting { keep: privacy }, &now_iso());
                saved.set(Some(match outcome {
                    Ok(()) => Saved::Yes(privacy),
                    Err(_) => Saved::No,
                }));
            });
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
        Some(Saved::Yes(_)) => text(lang, Key::PrivacySavedKeep).to_owned(),
        Some(Saved::No) => text(lang, Key::PrivacyNotSaved).to_owned(),
        None => String::new(),
    };
    html! {
        <div class="sw-form-group sw-privacy">
            <fieldset class="sw-fieldset" aria-describedby="sw-privacy-hint">
                <legend class="sw-fieldset__legend sw-fieldset__legend--m">{ text(lang, Key::PrivacyLegend) }</legend>
                <div class="sw-hint" id="sw-privacy-hint">{ text(lang, Key::PrivacyHint) }</div>
                <div class="sw-radios">{ for items }</div>
            </fieldset>
            <p role="status">{ outcome }</p>
        </div>
    }
}
