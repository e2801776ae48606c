//! A row of the NHS.UK summary list, one function for every list of what something is and its
//! value (a session, a piece of feedback, a reflective account, a record).

use yew::prelude::*;

/// What it is, and its value; the value keeps the line breaks it was typed with.
#[inline(never)]
pub fn summary_row(key: &str, value: Html) -> Html {
    html! {
        <div class="sw-summary-list__row">
            <dt class="sw-summary-list__key">{ key }</dt>
            <dd class="sw-summary-list__value sw-comment">{ value }</dd>
        </div>
    }
}
