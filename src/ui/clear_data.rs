//! "Clear my data": asks first (saying how much will go), then confirms what happened. Focus
//! follows each step so keyboard and screen-reader users are never left behind.

use yew::prelude::*;

use super::app::FocusRefs;
use crate::core::lang::Lang;
use crate::core::messages::{counted, text, Key};
use crate::core::shell::ClearStep;

#[derive(Properties, PartialEq)]
pub struct ClearDataProps {
    pub lang: Lang,
    pub step: ClearStep,
    pub refs: FocusRefs,
    pub on_ask: Callback<()>,
    pub on_cancel: Callback<()>,
    pub on_confirm: Callback<()>,
}

#[function_component]
pub fn ClearData(props: &ClearDataProps) -> Html {
    let lang = props.lang;
    let button = || {
        html! {
            <button
                type="button"
                class="sw-button sw-button--secondary"
                ref={props.refs.clear_button.clone()}
                onclick={props.on_ask.reform(|_: MouseEvent| ())}
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
            <div class="sw-confirm" role="group" aria-labelledby="sw-clear-question">
                <h3 id="sw-clear-question" class="sw-confirm__question" tabindex="-1"
                    ref={props.refs.clear_question.clone()}>
                    { text(lang, Key::ClearHeading) }
                </h3>
                <p>{ counted(lang, Key::ClearCount, items as u64) }</p>
                <p>{ text(lang, Key::ClearWarning) }</p>
                <div class="sw-button-group">
                    <button type="button" class="sw-button sw-button--warning"
                        onclick={props.on_confirm.reform(|_: MouseEvent| ())}>
                        { text(lang, Key::ClearConfirm) }
                    </button>
                    <button type="button" class="sw-button sw-button--secondary"
                        onclick={props.on_cancel.reform(|_: MouseEvent| ())}>
                        { text(lang, Key::ClearCancel) }
                    </button>
                </div>
            </div>
        },
    }
}
