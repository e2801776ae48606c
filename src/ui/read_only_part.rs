//! Shown instead of a part whose stored data was written by a newer version of the widget: this
//! version cannot show that data and must not change it, so it says so and offers a copy.

use yew::prelude::*;

use crate::ui::button::secondary_button;

use crate::ui::heading::Heading;

use crate::core::lang::Lang;
use crate::core::messages::{text, Key};

#[derive(Properties, PartialEq)]
pub struct ReadOnlyPartProps {
    pub lang: Lang,
    /// Downloads the newer data exactly as stored.
    pub on_download: Callback<()>,
}

#[function_component]
pub fn ReadOnlyPart(props: &ReadOnlyPartProps) -> Html {
    let lang = props.lang;
    html! {
        <div class="sw-inset">
            <Heading depth={2}>{ text(lang, Key::ReadOnlyHeading) }</Heading>
            <p>{ text(lang, Key::ReadOnlyBody) }</p>
            { secondary_button(text(lang, Key::NoticeDownloadNewer), props.on_download.reform(|_: MouseEvent| ())) }
        </div>
    }
}
