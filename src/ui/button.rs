//! The NHS.UK secondary button, made in one place: a page has many (Copy, Download, Try again)
//! and each written out in `html!` would repeat the same element-building code.

use yew::prelude::*;

/// A secondary button with a text label.
pub fn secondary_button(label: &str, onclick: Callback<MouseEvent>) -> Html {
    html! {
        <button type="button" class="sw-button sw-button--secondary" {onclick}>{ label.to_owned() }</button>
    }
}
