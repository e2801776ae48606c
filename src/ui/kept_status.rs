//! Where typed notes were saved, said politely once they are (a learning record's notes, a
//! reflective account): on this computer, or only in this tab when nothing is kept.

use yew::prelude::*;

use crate::core::lang::Lang;
use crate::core::messages::{text, Key};
use crate::core::privacy::Place;

/// The live region, present (empty) before the first save so that the message is announced.
pub fn kept_status(lang: Lang, kept: Option<Place>) -> Html {
    let words = kept.map(|place| match place {
        Place::Computer => text(lang, Key::NotesKeptComputer),
        Place::Tab => text(lang, Key::NotesKeptTab),
    });
    html! { <p class="sw-hint sw-kept-status sw-no-print" role="status">{ words.unwrap_or_default() }</p> }
}
