//! The NHS.UK secondary button, made in one place: a page has many (Copy, Download, Try again)
//! and each written out in `html!` would repeat the same element-building code. And the one
//! adapter from a click to a part's callback.

use yew::prelude::*;

/// A secondary button with a text label.
pub fn secondary_button(label: &str, onclick: Callback<MouseEvent>) -> Html {
    html! {
        <button type="button" class="sw-button sw-button--secondary" {onclick}>{ label.to_owned() }</button>
    }
}

/// `callback`, called when the button is clicked. One adapter for every button: a closure
/// written at each button is a type, with code, of its own (issue 26).
#[inline(never)]
pub fn on_click(callback: &Callback<()>) -> Callback<MouseEvent> {
    callback.reform(drop)
}

/// Sends `value` to `to` when the button is clicked (or the event `E` happens): one adapter for
/// each kind of value, not one per button.
pub fn send<T: Clone + 'static, E>(to: &Callback<T>, value: T) -> Callback<E> {
    to.reform(move |_| value.clone())
}
