//! "Are you sure?" before anything is deleted: the question (focused when it appears), what
//! will happen, and a red confirm button beside Cancel.

use yew::prelude::*;

use crate::ui::heading::Heading;

#[derive(Properties, PartialEq)]
pub struct ConfirmPanelProps {
    /// Unique within the widget, for `aria-labelledby`.
    pub id: AttrValue,
    pub question: AttrValue,
    /// Further sentences, one paragraph each.
    #[prop_or_default]
    pub details: Vec<String>,
    pub confirm: AttrValue,
    pub cancel: AttrValue,
    pub question_ref: NodeRef,
    pub on_confirm: Callback<()>,
    pub on_cancel: Callback<()>,
}

#[function_component]
pub fn ConfirmPanel(props: &ConfirmPanelProps) -> Html {
    html! {
        <div class="sw-confirm" role="group" aria-labelledby={props.id.clone()}>
            <Heading depth={2} id={props.id.clone()} class="sw-confirm__question" focus_ref={props.question_ref.clone()}>
                { props.question.clone() }
            </Heading>
            { for props.details.iter().map(|detail| html! { <p>{ detail.clone() }</p> }) }
            <div class="sw-button-group">
                <button type="button" class="sw-button sw-button--warning" onclick={props.on_confirm.reform(|_: MouseEvent| ())}>
                    { props.confirm.clone() }
                </button>
                <button type="button" class="sw-button sw-button--secondary" onclick={props.on_cancel.reform(|_: MouseEvent| ())}>
                    { props.cancel.clone() }
                </button>
            </div>
        </div>
    }
}
