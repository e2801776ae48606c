//! The GOV.UK / NHS.UK error summary: a titled list of what is wrong, each item a link that
//! moves focus to its field. Inside a shadow root a `#id` link would change the host page's URL,
//! so the links focus the field themselves.

use yew::prelude::*;

use crate::ui::focus::focus_by_id;
use crate::ui::heading::Heading;

use crate::core::config::HeadingLevel;
use crate::core::lang::Lang;
use crate::core::messages::{text, Key};

pub struct ErrorSummaryProps {
    pub lang: Lang,
    pub level: HeadingLevel,
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
            focus_by_id(&summary_ref, &field);
        });
        html! { <li><a {href} {onclick}>{ message.clone() }</a></li> }
    });
    html! {
        <div class="sw-error-summary" role="alert" aria-labelledby="sw-error-summary-title" tabindex="-1" ref={props.summary_ref.clone()}>
            { Heading::new(props.level, 2).class("sw-error-summary__title").id("sw-error-summary-title").show(html! { { text(props.lang, Key::ErrorSummaryTitle) } }) }
            <ul class="sw-error-summary__list">{ for items }</ul>
        </div>
    }
}
