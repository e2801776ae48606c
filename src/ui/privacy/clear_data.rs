//! "Clear my data": asks first (saying how much will go), then confirms what happened. Focus
//! follows each step so keyboard and screen-reader users are never left behind.

use yew::prelude::*;

use crate::core::config::HeadingLevel;
use crate::ui::button::on_click;

use crate::core::lang::Lang;
use crate::core::messages::{counted, text, Key};
use crate::core::shell::ClearStep;
use crate::ui::app::FocusRefs;
use crate::ui::confirm_panel::{confirm_panel, ConfirmPanelProps};

pub struct ClearDataProps {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub step: ClearStep,
    pub refs: FocusRefs,
    pub on_ask: Callback<()>,
    pub on_cancel: Callback<()>,
    pub on_confirm: Callback<()>,
}

pub fn clear_data(props: &ClearDataProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let button = || {
        html! {
            <button
                type="button"
                class="sw-button sw-button--secondary"
                ref={props.refs.clear_button.clone()}
                onclick={on_click(&props.on_ask)}
            >
                { text(lang, Key::ClearButton) }
            </button>
        }
    };
    let outcome = |key: Key| {
        html! {
            <p class="sw-outcome" tabindex="-1" ref={props.refs.clear_outcome.clone()}>{ text(lang, key) }</p>
        }
    };
    match props.step {
        ClearStep::Idle => button(),
        ClearStep::Done => html! { <>{ outcome(Key::ClearDone) }{ button() }</> },
        ClearStep::Nothing => html! { <>{ outcome(Key::ClearNothing) }{ button() }</> },
        ClearStep::Confirming { items } => html! {
            { confirm_panel(ConfirmPanelProps {
                level,
                id: "sw-clear-question",
                question: text(lang, Key::ClearHeading).into(),
                details: vec![counted(lang, Key::ClearCount, items as u64), text(lang, Key::ClearWarning).to_owned()],
                confirm: text(lang, Key::ClearConfirm),
                cancel: text(lang, Key::ClearCancel),
                question_ref: props.refs.clear_question.clone(),
                on_confirm: props.on_confirm.clone(),
                on_cancel: props.on_cancel.clone(),
                before: Html::default(),
                form: None,
            }) }
        },
    }
}
