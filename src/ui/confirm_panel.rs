//! "Are you sure?" before anything is deleted: the question (focused when it appears), what
//! will happen, and a red confirm button beside Cancel.

use yew::prelude::*;

use crate::ui::button::on_click;

use crate::core::config::HeadingLevel;
use crate::ui::heading::Heading;

pub struct ConfirmPanelProps {
    pub level: HeadingLevel,
    /// Unique within the widget, for `aria-labelledby`.
    pub id: &'static str,
    pub question: AttrValue,
    /// Further sentences, one paragraph each.
    pub details: Vec<String>,
    pub confirm: &'static str,
    pub cancel: &'static str,
    pub question_ref: NodeRef,
    pub on_confirm: Callback<()>,
    pub on_cancel: Callback<()>,
    /// A button to come first (a copy to take away before a delete), or nothing.
    pub before: Html,
    /// A form whose own button confirms (the passphrase, asked again), or nothing.
    pub form: Option<Html>,
}

pub fn confirm_panel(props: ConfirmPanelProps) -> Html {
    html! {
        <div class="sw-confirm" role="group" aria-labelledby={props.id}>
            { Heading::new(props.level, 2).class("sw-confirm__question").id(props.id).focus(&props.question_ref).show(html! {
                { props.question }
            }) }
            { for props.details.iter().map(|detail| html! { <p>{ detail.clone() }</p> }) }
            { props.form.clone().unwrap_or_default() }
            <div class="sw-button-group">
                { props.before }
                if props.form.is_none() {
                    <button type="button" class="sw-button sw-button--warning" onclick={on_click(&props.on_confirm)}>
                        { props.confirm }
                    </button>
                }
                <button type="button" class="sw-button sw-button--secondary" onclick={on_click(&props.on_cancel)}>
                    { props.cancel }
                </button>
            </div>
        </div>
    }
}
