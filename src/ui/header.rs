//! The tool's name, what it is for, and the language toggle.

use yew::prelude::*;

use crate::ui::heading::Heading;

use super::language_toggle::LanguageToggle;
use crate::core::lang::Lang;
use crate::core::messages::{text, Key};

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub on_toggle_lang: Callback<()>,
}

#[function_component]
pub fn Header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    html! {
        <div class="sw-header">
            <div class="sw-header__row">
                <Heading depth={0} class="sw-header__title" id="sw-title">{ text(lang, Key::AppTitle) }</Heading>
                <LanguageToggle {lang} on_toggle={props.on_toggle_lang.clone()} />
            </div>
            <p class="sw-header__tagline">{ text(lang, Key::AppTagline) }</p>
        </div>
    }
}
