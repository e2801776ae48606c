//! "Last time you planned": after the first page, when the person's earlier sessions in the same
//! role left actions open. For each: how it went (Done, Partly, Not yet, No longer needed), an
//! optional note, and for Partly or Not yet, whether to carry it forward. Every answer is
//! optional; an action not answered stays open.

use yew::prelude::*;

use super::error_for;
use super::form_page::{form_page, FormPageProps, PageProps};
use crate::core::feedback::actions::planned_in;
use crate::core::feedback::content::domain;
use crate::core::feedback::export::{due_words, outcome_key};
use crate::core::feedback::flow::Edit;
use crate::core::feedback::form::Field;
use crate::core::feedback::model::{Outcome, NOTE_LIMIT};
use crate::core::messages::{fill, format_date, text, Key};
use crate::ui::choice::{choice, Choice};
use crate::ui::paragraph::paragraph;
use crate::ui::text_field::TextField;

pub fn follow_up_page(props: &PageProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let state = &props.state;
    let items = state.form.draft.follow_ups.iter().enumerate().filter_map(|(j, follow_up)| {
        let (planned_in, action) = planned_in(&state.sessions, &follow_up.session, follow_up.domain)?;
        let hint_id = format!("sw-fb-fu-{j}-hint");
        let outcomes = Outcome::ALL.map(|outcome| {
            choice(Choice {
                kind: "radio",
                id: format!("sw-fb-fu-{j}-{}", outcome.name()),
                name: format!("sw-fb-fu-{j}"),
                label: text(lang, outcome_key(outcome)).into(),
                checked: follow_up.outcome == Some(outcome),
                disabled: false,
                onchange: props.on_edit.reform(move |_: Event| Edit::Outcome(j, outcome)),
                hint: None,
                tag: html! {},
            })
        });
        let planned = fill(
            text(lang, Key::FbFollowUpPlanned),
            &[
                ("domain", domain(lang, follow_up.domain).name),
                ("date", &format_date(lang, &planned_in.date)),
            ],
        );
        let carry = follow_up.carry;
        // The note and "carry it forward" name their action: heard alone, each still makes sense.
        let named = [("action", action.text.as_str())];
        Some(html! {
            <div class="sw-fb__follow-up" key={format!("{}-{}", follow_up.session, follow_up.domain)}>
                <div class="sw-form-group">
                    <fieldset class="sw-fieldset" aria-describedby={hint_id.clone()}>
                        <legend class="sw-fieldset__legend sw-fieldset__legend--m">
                            { fill(text(lang, Key::FbFollowUpLegend), &[("action", &action.text)]) }
                        </legend>
                        <div class="sw-hint" id={hint_id}>
                            { planned }
                            if let Some(due) = due_words(lang, action, state.today) {
                                { " " }{ due }
                            }
                        </div>
                        <div class="sw-radios">{ for outcomes }</div>
                    </fieldset>
                </div>
                if follow_up.outcome.is_some_and(Outcome::can_carry) {
                    <div class="sw-form-group sw-checkboxes">
                        { choice(Choice {
                            kind: "checkbox",
                            id: format!("sw-fb-fu-{j}-carry"),
                            name: format!("sw-fb-fu-{j}-carry"),
                            label: fill(text(lang, Key::FbCarry), &named).into(),
                            checked: carry,
                            disabled: false,
                            onchange: props.on_edit.reform(move |_: Event| Edit::Carry(j, !carry)),
                            hint: None,
                            tag: html! {},
                        }) }
                    </div>
                }
                <TextField {lang} id={format!("sw-fb-fu-{j}-note")} label={fill(text(lang, Key::FbNoteLabel), &named)}
                    error={error_for(lang, &state.errors, Field::FollowUpNote(j))} value={follow_up.note.clone()}
                    multiline=true limit={Some(NOTE_LIMIT)} oninput={props.on_edit.reform(move |note| Edit::FollowUpNote(j, note))} />
            </div>
        })
    });
    html! {
        { form_page(&FormPageProps {
            lang,
            level,
            state: state.clone(),
            refs: props.refs.clone(),
            caption: None,
            heading: text(lang, Key::FbFollowUpHeading).to_owned(),
            act: props.act.clone(),
            children: html! { <>
                { paragraph(text(lang, Key::FbFollowUpIntro)) }
                <div>{ for items }</div>
            </> },
        }) }
    }
}
