//! A paragraph of the catalogue's words: the commonest element on the widget's screens, made in
//! one place rather than expanded by `html!` at each of its 30-odd uses (issue 26).

use yew::prelude::*;

#[inline(never)]
pub fn paragraph(text: &'static str) -> Html {
    html! { <p>{ text }</p> }
}
