//! The tool's name, what it is for, and the language toggle.

use yew::prelude::*;

use crate::ui::heading::Heading;

use super::language_toggle::language_toggle;
use crate::core::lang::Lang;
use crate::core::messages::{text, Key};

pub fn header(lang: Lang, on_toggle_lang: &Callback<()>) -> Html {
    html! {
        <div class="sw-header">
            <div class="sw-header__row">
                <Heading depth={0} class="sw-header__title" id="sw-title">{ text(lang, Key::AppTitle) }</Heading>
                { language_toggle(lang, on_toggle_lang) }
            </div>
            <p class="sw-header__tagline">{ text(lang, Key::AppTagline) }</p>
        </div>
    }
}
