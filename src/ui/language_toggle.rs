//! Switches between English and Cymraeg. The button is labelled in the language it switches to,
//! and marked with that language so a screen reader pronounces it properly.

use yew::prelude::*;

use crate::ui::button::on_click;

use crate::core::lang::Lang;
use crate::core::messages::{text, Key};

pub fn language_toggle(lang: Lang, on_toggle: &Callback<()>) -> Html {
    let onclick = on_click(on_toggle);
    html! {
        <button type="button" class="sw-lang-toggle" lang={lang.other().code()} {onclick}>
            { text(lang, Key::LanguageSwitch) }
        </button>
    }
}
