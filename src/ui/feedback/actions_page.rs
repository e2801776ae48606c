//! After the six domains: "What will you do before the next session?". One optional action,
//! with an optional date to do it by, for each domain scored 1 or 2, and for any other domain
//! the person picks (a checkbox that reveals its fields).

use yew::prelude::*;

use super::error_for;
use super::form_page::{form_page, FormPageProps, PageProps};
use crate::core::feedback::actions::rating_asks_for_action;
use crate::core::feedback::content::domain;
use crate::core::feedback::flow::Edit;
use crate::core::feedback::form::Field;
use crate::core::feedback::model::{Role, ACTION_LIMIT, DOMAIN_COUNT};
use crate::core::messages::{fill, text, Key};
use crate::ui::choice::{choice, Choice};
use crate::ui::date_input::{date_input, DateInputProps};
use crate::ui::text_field::TextField;

/// One domain's action: its own fieldset, named by the domain, with an optional date.
pub fn action_fields(props: &PageProps, i: usize) -> Html {
    let lang = props.lang;
    let draft = &props.state.form.draft;
    let errors = &props.state.errors;
    let hint = match draft.role {
        Some(Role::Gave) => Key::FbActionHintGave,
        _ => Key::FbActionHintReceived,
    };
    let action = &draft.actions[i];
    let name = domain(lang, i).name;
    let on = |make: fn(usize, String) -> Edit| props.on_edit.reform(move |value| make(i, value));
    html! {
        <fieldset class="sw-fieldset sw-fb__action" key={i}>
            <legend class="sw-fieldset__legend sw-fieldset__legend--s">{ name }</legend>
            <TextField {lang} id={format!("sw-fb-action-{i}")} label={fill(text(lang, Key::FbActionLabel), &[("domain", name)])}
                hint={Some(AttrValue::from(text(lang, hint)))} error={error_for(lang, errors, Field::Action(i))}
                value={action.text.clone()} multiline=true limit={Some(ACTION_LIMIT)} oninput={on(Edit::ActionText)} />
            { date_input(&DateInputProps {
                lang,
                id: format!("sw-fb-action-{i}-by"),
                // Heard alone, the date still says whose action it is.
                legend: html! { <>{ text(lang, Key::FbActionByLegend) }<span class="sw-visually-hidden">{ ": " }{ name }</span></> },
                legend_size: "s",
                hint: Key::FbActionByHint,
                error: error_for(lang, errors, Field::ActionBy(i)),
                value: &action.by,
                on_day: on(Edit::ActionDay),
                on_month: on(Edit::ActionMonth),
                on_year: on(Edit::ActionYear),
            }) }
        </fieldset>
    }
}

/// A checkbox that picks a domain whose rating does not ask for an action, revealing its fields.
pub fn action_pick(props: &PageProps, i: usize, label: String) -> Html {
    let chosen = props.state.form.draft.actions[i].chosen;
    html! {
        <div key={i}>
            { choice(Choice {
                kind: "checkbox",
                id: format!("sw-fb-action-{i}-chosen"),
                name: format!("sw-fb-action-{i}-chosen"),
                label: label.into(),
                checked: chosen,
                disabled: false,
                onchange: props.on_edit.reform(move |_: Event| Edit::ActionChosen(i, !chosen)),
                hint: None,
                tag: html! {},
            }) }
            if chosen {
                <div class="sw-checkboxes__conditional">{ action_fields(props, i) }</div>
            }
        </div>
    }
}

pub fn actions_page(props: &PageProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let draft = &props.state.form.draft;
    let (asked, others): (Vec<usize>, Vec<usize>) =
        (0..DOMAIN_COUNT).partition(|&i| rating_asks_for_action(&draft.domains[i]));
    html! {
        { form_page(&FormPageProps {
            lang,
            level,
            state: props.state.clone(),
            refs: props.refs.clone(),
            caption: None,
            heading: text(lang, Key::FbActionsHeading).to_owned(),
            act: props.act.clone(),
            children: html! { <>
                <p>{ text(lang, if asked.is_empty() { Key::FbActionsNone } else { Key::FbActionsIntro }) }</p>
                <p class="sw-inset-text">{ text(lang, Key::FbCommentHint) }</p>
                <div>{ for asked.iter().map(|&i| action_fields(props, i)) }</div>
                if !others.is_empty() {
                    <div class="sw-form-group">
                        <fieldset class="sw-fieldset" aria-describedby="sw-fb-actions-other-hint">
                            <legend class="sw-fieldset__legend sw-fieldset__legend--m">{ text(lang, Key::FbActionsOtherLegend) }</legend>
                            <div class="sw-hint" id="sw-fb-actions-other-hint">{ text(lang, Key::FbActionsOtherHint) }</div>
                            <div class="sw-checkboxes">{ for others.iter().map(|&i| action_pick(props, i, domain(lang, i).name.to_owned())) }</div>
                        </fieldset>
                    </div>
                }
            </> },
        }) }
    }
}
