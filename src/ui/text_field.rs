//! A labelled text input or textarea in the NHS.UK pattern: hint, error message and, with a
//! limit, a character count, all tied to the field with `aria-describedby` (ids `x-hint`,
//! `x-error`, `x-info`).

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::core::lang::Lang;
use crate::core::messages::{counted, text, Key};

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub lang: Lang,
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    pub value: AttrValue,
    #[prop_or_default]
    pub multiline: bool,
    /// Shows a character count against this limit.
    #[prop_or_default]
    pub limit: Option<usize>,
    pub oninput: Callback<String>,
}

#[function_component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let id = props.id.to_string();
    let (hint_id, error_id, info_id) = (
        format!("{id}-hint"),
        format!("{id}-error"),
        format!("{id}-info"),
    );
    let described: Vec<&str> = [
        props.hint.as_ref().map(|_| hint_id.as_str()),
        props.error.as_ref().map(|_| error_id.as_str()),
        props.limit.map(|_| info_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let describedby = (!described.is_empty()).then(|| described.join(" "));
    let oninput = props.oninput.reform(|event: InputEvent| {
        let target = event.target();
        target
            .clone()
            .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok().map(|a| a.value()))
            .or_else(|| {
                target.and_then(|t| t.dyn_into::<HtmlInputElement>().ok().map(|i| i.value()))
            })
            .unwrap_or_default()
    });
    let error_class = props.error.as_ref().map(|_| "sw-input--error");
    let field = if props.multiline {
        html! {
            <textarea class={classes!("sw-textarea", error_class)} id={id.clone()} name={id.clone()} rows="5"
                aria-describedby={describedby.clone()} value={props.value.clone()} {oninput} />
        }
    } else {
        html! {
            <input class={classes!("sw-input", error_class)} id={id.clone()} name={id.clone()} type="text"
                aria-describedby={describedby.clone()} value={props.value.clone()} {oninput} />
        }
    };
    let count = props.limit.map(|limit| {
        let used = props.value.chars().count();
        let (message, over) = if used > limit {
            (counted(props.lang, Key::FbCharsOver, (used - limit) as u64), true)
        } else {
            (counted(props.lang, Key::FbCharsLeft, (limit - used) as u64), false)
        };
        html! { <div class={classes!("sw-hint", "sw-character-count__message", over.then_some("sw-error-message"))} id={info_id.clone()}>{ message }</div> }
    });
    html! {
        <div class={classes!("sw-form-group", props.error.as_ref().map(|_| "sw-form-group--error"))}>
            <label class="sw-label" for={id.clone()}>{ props.label.clone() }</label>
            if let Some(hint) = &props.hint {
                <div class="sw-hint" id={hint_id}>{ hint.clone() }</div>
            }
            if let Some(error) = &props.error {
                <p class="sw-error-message" id={error_id}>
                    <span class="sw-visually-hidden">{ text(props.lang, Key::ErrorPrefix) }{ " " }</span>{ error.clone() }
                </p>
            }
            { field }
            { for count }
        </div>
    }
}
