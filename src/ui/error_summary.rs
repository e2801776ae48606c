//! The GOV.UK / NHS.UK error summary: a titled list of what is wrong, each item a link that
//! moves focus to its field. Inside a shadow root a `#id` link would change the host page's URL,
//! so the links focus the field themselves.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::ui::heading::Heading;

use crate::core::lang::Lang;
use crate::core::messages::{text, Key};

pub struct ErrorSummaryProps {
    pub lang: Lang,
    /// Each error: the message and the id of the field it is about.
    pub errors: Vec<(String, String)>,
    /// The summary receives focus when it appears.
    pub summary_ref: NodeRef,
}

pub fn error_summary(props: &ErrorSummaryProps) -> Html {
    let summary_ref = props.summary_ref.clone();
    let items = props.errors.iter().map(|(message, field)| {
        let href = format!("#{field}");
        let (field, summary_ref) = (field.clone(), summary_ref.clone());
        let onclick = Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            let root = summary_ref
                .get()
                .and_then(|node| node.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok());
            if let Some(input) = root.and_then(|root| root.get_element_by_id(&field)) {
                if let Ok(input) = input.dyn_into::<HtmlElement>() {
                    let _ = input.focus();
                }
            }
        });
        html! { <li><a {href} {onclick}>{ message.clone() }</a></li> }
    });
    html! {
        <div class="sw-error-summary" role="alert" aria-labelledby="sw-error-summary-title" tabindex="-1" ref={props.summary_ref.clone()}>
            <Heading depth={2} class="sw-error-summary__title" id="sw-error-summary-title">{ text(props.lang, Key::ErrorSummaryTitle) }</Heading>
            <ul class="sw-error-summary__list">{ for items }</ul>
        </div>
    }
}
