//! Page 1: about the session: my role, the type of supervision, the date (three GOV.UK date
//! fields, today by default) and an optional short label.

use yew::prelude::*;

use crate::ui::form_group_class;

use super::error_for;
use super::form_page::{form_page, FormPageProps, PageProps};
use crate::core::feedback::export::{role_key, type_hint_key, type_key};
use crate::core::feedback::flow::Edit;
use crate::core::feedback::form::Field;
use crate::core::feedback::model::{Role, SessionType, LABEL_LIMIT};
use crate::core::json::{self, SerJson};
use crate::core::lang::Lang;
use crate::core::messages::{text, Key};
use crate::ui::choice::{choice, Choice};
use crate::ui::date_input::{date_input, DateInputProps};
use crate::ui::text_field::TextField;

/// An id-friendly name of a role or type: its stored name ("received", "professional").
fn kebab(value: &impl SerJson) -> String {
    json::to_string(value).trim_matches('"').to_owned()
}

/// A fieldset of radios with its legend and error; `inline` side by side (NHS.UK allows it for
/// two short options).
fn radio_group(
    lang: Lang,
    legend: Key,
    error: Option<AttrValue>,
    error_id: &str,
    inline: bool,
    items: Html,
) -> Html {
    html! {
        <div ~className={form_group_class(error.is_some())}>
            <fieldset class="sw-fieldset" aria-describedby={error.as_ref().map(|_| error_id.to_owned())}>
                <legend class="sw-fieldset__legend sw-fieldset__legend--m">{ text(lang, legend) }</legend>
                if let Some(error) = &error {
                    <p class="sw-error-message" id={error_id.to_owned()}>
                        <span class="sw-visually-hidden">{ text(lang, Key::ErrorPrefix) }{ " " }</span>{ error.clone() }
                    </p>
                }
                <div ~className={if inline { "sw-radios sw-radios--inline" } else { "sw-radios" }}>{ items }</div>
            </fieldset>
        </div>
    }
}

pub fn about_page(props: &PageProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let draft = &props.state.form.draft;
    let errors = &props.state.errors;
    let roles = Role::ALL.iter().map(|&role| {
        let id = format!("sw-fb-role-{}", kebab(&role));
        choice(Choice {
            kind: "radio",
            id,
            name: "sw-fb-role".into(),
            label: text(lang, role_key(role)).into(),
            checked: draft.role == Some(role),
            disabled: false,
            onchange: props.on_edit.reform(move |_: Event| Edit::Role(role)),
            hint: None,
            tag: html! {},
        })
    });
    let kinds = SessionType::ALL.iter().map(|&kind| {
        choice(Choice {
            kind: "radio",
            id: format!("sw-fb-kind-{}", kebab(&kind)),
            name: "sw-fb-kind".into(),
            label: text(lang, type_key(kind)).into(),
            checked: draft.kind == Some(kind),
            disabled: false,
            onchange: props.on_edit.reform(move |_: Event| Edit::Kind(kind)),
            hint: type_hint_key(kind).map(|key| text(lang, key)),
            tag: html! {},
        })
    });
    html! {
        { form_page(&FormPageProps {
            lang,
            level,
            state: props.state.clone(),
            refs: props.refs.clone(),
            caption: None,
            heading: text(lang, Key::FbAboutHeading).to_owned(),
            act: props.act.clone(),
            children: html! { <>
                { radio_group(lang, Key::FbRoleLegend, error_for(lang, errors, Field::Role), "sw-fb-role-error", true, roles.collect::<Html>()) }
                { radio_group(lang, Key::FbKindLegend, error_for(lang, errors, Field::Kind), "sw-fb-kind-error", false, kinds.collect::<Html>()) }
                { date_input(&DateInputProps {
                    lang,
                    id: "sw-fb-date".into(),
                    legend: html! { text(lang, Key::FbDateLegend) },
                    legend_size: "m",
                    hint: Key::FbDateHint,
                    error: error_for(lang, errors, Field::Date),
                    value: &draft.date,
                    on_day: props.on_edit.reform(Edit::Day),
                    on_month: props.on_edit.reform(Edit::Month),
                    on_year: props.on_edit.reform(Edit::Year),
                }) }
                <TextField {lang} id="sw-fb-label" label={text(lang, Key::FbLabelLabel)} hint={Some(AttrValue::from(text(lang, Key::FbLabelHint)))}
                    error={error_for(lang, errors, Field::Label)} value={draft.label.clone()} limit={Some(LABEL_LIMIT)}
                    oninput={props.on_edit.reform(Edit::Label)} />
                <div class="sw-form-group sw-checkboxes">
                    { choice(Choice {
                        kind: "checkbox",
                        id: "sw-fb-one-at-a-time".into(),
                        name: "sw-fb-one-at-a-time".into(),
                        label: text(lang, Key::FbOneAtATime).into(),
                        checked: draft.one_at_a_time,
                        disabled: false,
                        onchange: props.on_edit.reform({ let on = draft.one_at_a_time; move |_: Event| Edit::OneAtATime(!on) }),
                        hint: None,
                        tag: html! {},
                    }) }
                </div>

            </> },
        }) }
    }
}
