//! The GOV.UK date input: day, month and year boxes in one fieldset, with a hint and an error.
//! The session's date and an action's "by" date.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::feedback::form::DateFields;
use crate::core::lang::Lang;
use crate::core::messages::{text, Key};
use crate::ui::class_list;
use crate::ui::form_group_class;

pub struct DateInputProps<'a> {
    pub lang: Lang,
    /// The boxes are `{id}-day`, `{id}-month` and `{id}-year`; the hint and error
    /// `{id}-hint` and `{id}-error`.
    pub id: String,
    pub legend: Html,
    /// `m` for a question of its own, `s` for a part of a larger one.
    pub legend_size: &'static str,
    pub hint: Key,
    pub error: Option<AttrValue>,
    pub value: &'a DateFields,
    pub on_day: Callback<String>,
    pub on_month: Callback<String>,
    pub on_year: Callback<String>,
}

pub fn date_input(props: &DateInputProps) -> Html {
    let lang = props.lang;
    let (hint_id, error_id) = (format!("{}-hint", props.id), format!("{}-error", props.id));
    let part = |part: &str, label: Key, value: &str, width: &'static str, on: &Callback<String>| {
        let oninput = on.reform(|event: InputEvent| {
            event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                .map(|i| i.value())
                .unwrap_or_default()
        });
        let id = format!("{}-{part}", props.id);
        html! {
            <div class="sw-date-input__item">
                <label class="sw-label sw-date-input__label" for={id.clone()}>{ text(lang, label) }</label>
                <input ~className={class_list(&[Some("sw-input"), Some(width), props.error.as_ref().map(|_| "sw-input--error")])} id={id.clone()}
                    name={id} type="text" inputmode="numeric" value={value.to_owned()} {oninput}
                    aria-invalid={props.error.as_ref().map(|_| "true")} />
            </div>
        }
    };
    let described_by = match props.error {
        Some(_) => format!("{hint_id} {error_id}"),
        None => hint_id.clone(),
    };
    html! {
        <div ~className={form_group_class(props.error.is_some())}>
            <fieldset class="sw-fieldset" role="group" aria-describedby={described_by}>
                <legend ~className={format!("sw-fieldset__legend sw-fieldset__legend--{}", props.legend_size)}>{ props.legend.clone() }</legend>
                <div class="sw-hint" id={hint_id}>{ text(lang, props.hint) }</div>
                if let Some(error) = &props.error {
                    <p class="sw-error-message" id={error_id}>
                        <span class="sw-visually-hidden">{ text(lang, Key::ErrorPrefix) }{ " " }</span>{ error.clone() }
                    </p>
                }
                <div class="sw-date-input">
                    { part("day", Key::FbDay, &props.value.day, "sw-input--width-2", &props.on_day) }
                    { part("month", Key::FbMonth, &props.value.month, "sw-input--width-2", &props.on_month) }
                    { part("year", Key::FbYear, &props.value.year, "sw-input--width-4", &props.on_year) }
                </div>
            </fieldset>
        </div>
    }
}
