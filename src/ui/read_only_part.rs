//! Shown instead of a part whose stored data was written by a newer version of the widget: this
//! version cannot show that data and must not change it, so it says so and offers a copy.

use yew::prelude::*;

use crate::core::config::HeadingLevel;
use crate::ui::button::{on_click, secondary_button};
use crate::ui::paragraph::paragraph;

use crate::ui::heading::Heading;

use crate::core::lang::Lang;
use crate::core::messages::{text, Key};

/// `on_download` downloads the newer data exactly as stored.
pub fn read_only_part(lang: Lang, level: HeadingLevel, on_download: Callback<()>) -> Html {
    html! {
        <div class="sw-inset">
            { Heading::new(level, 2).show(html! { { text(lang, Key::ReadOnlyHeading) } }) }
            { paragraph(text(lang, Key::ReadOnlyBody)) }
            { secondary_button(text(lang, Key::NoticeDownloadNewer), on_click(&on_download)) }
        </div>
    }
}
