//! What a printed record carries at its top, shown only while the widget prints its own record:
//! the tool's name, the date it was printed, the page it came from (an intranet address, never
//! a `file://` path from someone's computer) and the reminder to keep it free of anything that
//! identifies a person.

use yew::prelude::*;

use super::browser::today;
use crate::core::lang::Lang;
use crate::core::messages::{fill, format_date, text, Key};
use crate::ui::paragraph::paragraph;

pub fn print_header(lang: Lang) -> Html {
    let page = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .filter(|href| href.starts_with("https://") || href.starts_with("http://"));
    let printed_on = fill(
        text(lang, Key::PrintPrintedOn),
        &[("date", &format_date(lang, &today().iso()))],
    );
    html! {
        <div class="sw-print-header">
            <p class="sw-print-header__title">{ text(lang, Key::AppTitle) }</p>
            <p>{ printed_on }</p>
            if let Some(page) = page {
                <p>{ fill(text(lang, Key::PrintFrom), &[("url", &page)]) }</p>
            }
            { paragraph(text(lang, Key::PrintReminder)) }
        </div>
    }
}
