//! A labelled text input or textarea in the NHS.UK pattern: hint, error message and, with a
//! limit, a character count, tied to the field with `aria-describedby` (ids `x-hint`,
//! `x-error`, `x-info`). As NHS.UK's character count does, the field describes the limit, the
//! count shows as it changes, and a polite status says it once typing pauses.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::ui::effect::{drop_later, use_effect_when};

use gloo::timers::callback::Timeout;

use super::choice::{choice, Choice};
use super::heading::Heading;
use crate::core::config::HeadingLevel;
use crate::core::lang::Lang;
use crate::core::messages::{counted, text, Key};
use crate::ui::class_list;

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub lang: Lang,
    pub id: AttrValue,
    pub label: AttrValue,
    /// Makes the label a heading, at the page's heading level this many steps below the
    /// widget's title (NHS.UK's label as heading), where the question is also the heading of
    /// its part of the page.
    #[prop_or_default]
    pub label_heading: Option<(HeadingLevel, u8)>,
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
    /// Prints what was typed as text, in full, instead of the box (which prints cut to its size):
    /// for the notes of a record someone prints.
    #[prop_or_default]
    pub print_value: bool,
    /// A passphrase field: hidden as typed unless "Show passphrase" is ticked, and never kept
    /// or sent by the browser (no autocomplete: `new-password` would invite the browser to make
    /// and store one; no spell-checking, which some browsers do in the cloud).
    #[prop_or_default]
    pub password: bool,
    pub oninput: Callback<String>,
}

/// How long typing must pause before the count is read out.
const COUNT_ANNOUNCE_DELAY_MS: u32 = 1000;

/// The count message for `value` against `limit`, and whether it is over.
fn count_message(lang: Lang, value: &str, limit: usize) -> (String, bool) {
    let used = value.chars().count();
    if used > limit {
        (counted(lang, Key::FbCharsOver, (used - limit) as u64), true)
    } else {
        (
            counted(lang, Key::FbCharsLeft, (limit - used) as u64),
            false,
        )
    }
}

/// The count for the polite status: set a moment after the value last changed (never at the
/// first render, so opening a page announces nothing).
#[hook]
fn use_announced_count(lang: Lang, value: AttrValue, limit: Option<usize>) -> String {
    let announced = use_state(String::new);
    let first = use_mut_ref(|| true);
    {
        let announced = announced.clone();
        use_effect_when(value, move |value| {
            let timer = (!std::mem::replace(&mut *first.borrow_mut(), false))
                .then_some(limit)
                .flatten()
                .map(|limit| {
                    let message = count_message(lang, value, limit).0;
                    Timeout::new(COUNT_ANNOUNCE_DELAY_MS, move || announced.set(message))
                });
            drop_later(timer)
        });
    }
    (*announced).clone()
}

#[function_component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let shown = use_state(bool::default);
    let announced = use_announced_count(props.lang, props.value.clone(), props.limit);
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
            <textarea ~className={class_list(&[Some("sw-textarea"), error_class])} id={id.clone()} name={id.clone()} rows="5"
                aria-describedby={describedby.clone()} aria-invalid={error_class.map(|_| "true")} value={props.value.clone()} {oninput} />
        }
    } else {
        html! {
            <input ~className={class_list(&[Some("sw-input"), error_class])} id={id.clone()} name={id.clone()}
                type={if props.password && !*shown { "password" } else { "text" }}
                autocomplete={props.password.then_some("off")} spellcheck={props.password.then_some("false")}
                autocapitalize={props.password.then_some("off")}
                aria-describedby={describedby.clone()} aria-invalid={error_class.map(|_| "true")} value={props.value.clone()} {oninput} />
        }
    };
    let count = props.limit.map(|limit| {
        let (message, over) = count_message(props.lang, &props.value, limit);
        html! {
            <>
                <div class="sw-visually-hidden" id={info_id.clone()}>{ counted(props.lang, Key::FbCharsLimit, limit as u64) }</div>
                <div ~className={class_list(&[Some("sw-hint sw-character-count__message"), over.then_some("sw-error-message")])} aria-hidden="true">{ message }</div>
                <div class="sw-visually-hidden" role="status">{ announced.clone() }</div>
            </>
        }
    });
    html! {
        <div ~className={class_list(&[Some("sw-form-group"), props.error.as_ref().map(|_| "sw-form-group--error"), props.print_value.then_some("sw-form-group--print-value")])}>
            if let Some((level, depth)) = props.label_heading {
                { Heading::new(level, depth).class("sw-label-wrapper").show(html! {
                    <label class="sw-label sw-label--heading" for={id.clone()}>{ props.label.clone() }</label>
                }) }
            } else {
                <label class="sw-label" for={id.clone()}>{ props.label.clone() }</label>
            }
            if let Some(hint) = &props.hint {
                <div class="sw-hint" id={hint_id}>{ hint.clone() }</div>
            }
            if let Some(error) = &props.error {
                <p class="sw-error-message" id={error_id}>
                    <span class="sw-visually-hidden">{ text(props.lang, Key::ErrorPrefix) }{ " " }</span>{ error.clone() }
                </p>
            }
            { field }
            if props.password {
                { show_passphrase(props.lang, &id, shown) }
            }
            { for count }
            if props.print_value {
                <div class="sw-print-only sw-comment">{ props.value.clone() }</div>
            }
        </div>
    }
}

/// "Show passphrase": a checkbox under a passphrase field that shows what was typed, so a long
/// one can be checked before it is used.
fn show_passphrase(lang: Lang, field: &str, shown: UseStateHandle<bool>) -> Html {
    let id = format!("{field}-show");
    let checked = *shown;
    let onchange = Callback::from(move |_: Event| shown.set(!*shown));
    html! {
        <div class="sw-checkboxes">
            { choice(Choice {
                kind: "checkbox",
                id: id.clone(),
                name: id.into(),
                label: text(lang, Key::PassphraseShow).into(),
                checked,
                disabled: false,
                onchange,
                hint: None,
                tag: html! {},
            }) }
        </div>
    }
}
