//! Acting on the feedback: "What will I change in my supervision?" (a change per domain, and
//! once there is one, how it went and a note, as a session's actions are followed up), and a
//! reflective account on the feedback (a session's account's four questions).

use yew::prelude::*;

use crate::core::config::HeadingLevel;
use crate::core::feedback::content::domain;
use crate::core::feedback::export::outcome_key;
use crate::core::feedback::model::{Outcome, ACTION_LIMIT, DOMAIN_COUNT, NOTE_LIMIT};
use crate::core::lang::Lang;
use crate::core::messages::{fill, text, Key};
use crate::core::received::plan::{Plan, PlanEdit};
use crate::ui::choice::{choice, Choice};
use crate::ui::feedback::account_view::reflection_fields;
use crate::ui::text_field::TextField;

/// Both folded, so adding a piece reads short; open from the start once something is written
/// (`open` is worked out when the screen opens and never changed after, so a fold the person
/// opened or closed stays so).
pub fn plan_fields(
    lang: Lang,
    level: HeadingLevel,
    plan: &Plan,
    open: (bool, bool),
    on_edit: &Callback<PlanEdit>,
) -> Html {
    let domains = (0..DOMAIN_COUNT).map(|i| {
        let change = plan.change(i);
        let follow_up = change.map(|change| {
            let named = [("action", change.text.as_str())];
            let outcomes = Outcome::ALL.map(|outcome| {
                choice(Choice {
                    kind: "radio",
                    id: format!("sw-recv-change-{i}-{}", outcome.name()),
                    name: format!("sw-recv-change-{i}-outcome"),
                    label: text(lang, outcome_key(outcome)).into(),
                    checked: change.outcome == Some(outcome),
                    disabled: false,
                    onchange: on_edit.reform(move |_: Event| PlanEdit::Outcome(i, outcome)),
                    hint: None,
                    tag: html! {},
                })
            });
            html! { <>
                <div class="sw-form-group">
                    <fieldset class="sw-fieldset">
                        <legend class="sw-fieldset__legend">{ fill(text(lang, Key::FbFollowUpLegend), &named) }</legend>
                        <div class="sw-radios sw-radios--inline">{ for outcomes }</div>
                    </fieldset>
                </div>
                <TextField {lang} id={format!("sw-recv-change-{i}-note")} label={fill(text(lang, Key::FbNoteLabel), &named)}
                    value={change.note.clone()} limit={Some(NOTE_LIMIT)} print_value=true
                    oninput={on_edit.reform(move |note| PlanEdit::Note(i, note))} />
            </> }
        });
        html! {
            <div class="sw-recv-change" key={i}>
                <TextField {lang} id={format!("sw-recv-change-{i}")} label={domain(lang, i).name}
                    value={change.map(|c| c.text.clone()).unwrap_or_default()} limit={Some(ACTION_LIMIT)} print_value=true
                    oninput={on_edit.reform(move |text| PlanEdit::Change(i, text))} />
                // Always there, so the field typed in stays the same element (and keeps focus)
                // when how it went appears.
                <div>{ for follow_up }</div>
            </div>
        }
    });
    html! { <>
        <details class="sw-details" open={open.0}>
            <summary class="sw-details__summary">{ text(lang, Key::RecvChangeHeading) }</summary>
            <div class="sw-details__text">
                <p class="sw-hint">{ text(lang, Key::RecvChangeHint) }</p>
                { for domains }
            </div>
        </details>
        <details class="sw-details" open={open.1}>
            <summary class="sw-details__summary">{ text(lang, Key::RecvAccountHeading) }</summary>
            <div class="sw-details__text">
                { reflection_fields(lang, level, &plan.reflection, "sw-recv", 4, on_edit.reform(PlanEdit::Reflection)) }
            </div>
        </details>
    </> }
}
