//! The tool's name, what it is for, and the language toggle.

use yew::prelude::*;

use crate::ui::heading::Heading;

use wasm_bindgen::JsCast;

use super::language_toggle::language_toggle;
use super::privacy::offer::open_your_data;
use crate::core::config::HeadingLevel;
use crate::core::lang::Lang;
use crate::core::messages::{text, Key};

/// Opens "Your data and privacy on a shared computer" at the foot of the widget.
fn open_from_header(event: MouseEvent) {
    if let Some(node) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
    {
        open_your_data(&node, false);
    }
}

pub fn header(lang: Lang, level: HeadingLevel, on_toggle_lang: &Callback<()>) -> Html {
    html! {
        <div class="sw-header">
            <div class="sw-header__row">
                { Heading::new(level, 0).class("sw-header__title").id("sw-title").show(html! { { text(lang, Key::AppTitle) } }) }
                { language_toggle(lang, on_toggle_lang) }
            </div>
            <p class="sw-header__tagline">{ text(lang, Key::AppTagline) }</p>
            // Where people look for privacy: the way to what this computer keeps.
            <p class="sw-header__privacy sw-no-print">
                <button type="button" class="sw-link-button" onclick={Callback::from(open_from_header)}>
                    { text(lang, Key::HeaderPrivacyLink) }
                </button>
            </p>
        </div>
    }
}
