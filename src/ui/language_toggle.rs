//! Switches between English and Cymraeg. The button is labelled in the language it switches to,
//! and marked with that language so a screen reader pronounces it properly.

use yew::prelude::*;

use crate::core::lang::Lang;
use crate::core::messages::{text, Key};

#[derive(Properties, PartialEq)]
pub struct LanguageToggleProps {
    pub lang: Lang,
    pub on_toggle: Callback<()>,
}

#[function_component]
pub fn LanguageToggle(props: &LanguageToggleProps) -> Html {
    let onclick = props.on_toggle.reform(|_: MouseEvent| ());
    html! {
        <button type="button" class="sw-lang-toggle" lang={props.lang.other().code()} {onclick}>
            { text(props.lang, Key::LanguageSwitch) }
        </button>
    }
}
