//! The answer inputs of each kind of question, as NHS.UK radios and checkboxes. A sorting
//! question ("which is it?") is one row of radios per statement: no dragging. After Check the
//! inputs are fixed and each carries its verdict in words, not only colour.

use std::rc::Rc;

use yew::prelude::*;

use super::set_text::{fill_html, set_text};

use crate::core::lang::Lang;
use crate::core::messages::{text, Key};
use crate::core::quiz::attempt::Item;
use crate::core::quiz::content::{self, Body, Question, QuestionSet};
use crate::core::quiz::scoring::{verdicts, Answer, Verdict};
use crate::ui::choice::{choice, Choice};

pub struct AnswerInputsProps {
    pub lang: Lang,
    pub set: Rc<QuestionSet>,
    pub question: Question,
    pub item: Item,
    pub answer: Option<Answer>,
    pub checked: bool,
    pub on_answer: Callback<Answer>,
}

/// The id of an input, unique within the widget's shadow root.
fn input_id(question: &str, part: &str) -> String {
    format!("sw-q-{question}-{part}")
}

/// The id of the first input, for the error summary's link.
pub fn first_input_id(question: &Question, item: &Item) -> String {
    let first = item.order.first().cloned().unwrap_or_default();
    match &question.body {
        Body::Sort { categories, .. } => input_id(
            &question.id,
            &format!(
                "{first}-{}",
                categories.first().map_or("", |c| c.id.as_str())
            ),
        ),
        _ => input_id(&question.id, &first),
    }
}

/// The words for a verdict, shown after Check. Where there is `one_right` answer, the one not
/// chosen is "Right answer"; among several, "A correct answer you did not choose".
fn verdict_tag(lang: Lang, verdict: Option<Verdict>, one_right: bool) -> Html {
    let (key, class) = match verdict {
        Some(Verdict::ChosenCorrect) => (Key::QuizChosenCorrect, "sw-tag--green"),
        Some(Verdict::ChosenWrong) => (Key::QuizChosenWrong, "sw-tag--red"),
        Some(Verdict::Missed) if one_right => (Key::QuizRightAnswer, "sw-tag--blue"),
        Some(Verdict::Missed) => (Key::QuizMissed, "sw-tag--blue"),
        _ => return html! {},
    };
    html! { <strong ~className={format!("sw-tag {class}")}>{ text(lang, key) }</strong> }
}

pub fn answer_inputs(props: &AnswerInputsProps) -> Html {
    let lang = props.lang;
    let question = &props.question;
    let verdicts = if props.checked {
        verdicts(question, props.answer.as_ref())
    } else {
        Vec::new()
    };
    let verdict_of = |id: &str| verdicts.iter().find(|(v, _)| v == id).map(|(_, v)| *v);
    let option_text = |options: &[content::Choice], id: &str| {
        options
            .iter()
            .find(|o| o.id == id)
            .map_or_else(Html::default, |o| set_text(lang, &props.set, &o.text))
    };

    match &question.body {
        Body::Single { options, .. } => {
            let chosen = match &props.answer {
                Some(Answer::Choice(id)) => Some(id.clone()),
                _ => None,
            };
            let items = props.item.order.iter().map(|id| {
                let answer = Answer::Choice(id.clone());
                choice(Choice {
                    kind: "radio",
                    id: input_id(&question.id, id),
                    name: question.id.clone(),
                    label: option_text(options, id),
                    checked: chosen.as_deref() == Some(id.as_str()),
                    disabled: props.checked,
                    onchange: props.on_answer.reform(move |_: Event| answer.clone()),
                    hint: None,
                    tag: verdict_tag(lang, verdict_of(id), true),
                })
            });
            html! { <div class="sw-radios">{ for items }</div> }
        }
        Body::TrueFalse { .. } => {
            let chosen = match &props.answer {
                Some(Answer::Truth(value)) => Some(*value),
                _ => None,
            };
            let items = [(true, Key::QuizTrue), (false, Key::QuizFalse)]
                .into_iter()
                .map(|(value, key)| {
                    let id = value.to_string();
                    choice(Choice {
                        kind: "radio",
                        id: input_id(&question.id, &id),
                        name: question.id.clone(),
                        label: text(lang, key).into(),
                        checked: chosen == Some(value),
                        disabled: props.checked,
                        onchange: props.on_answer.reform(move |_: Event| Answer::Truth(value)),
                        hint: None,
                        tag: verdict_tag(lang, verdict_of(&id), true),
                    })
                });
            html! { <div class="sw-radios">{ for items }</div> }
        }
        Body::Multiple { options, .. } => {
            let ticked = match &props.answer {
                Some(Answer::Choices(ids)) => ids.clone(),
                _ => Default::default(),
            };
            let items = props.item.order.iter().map(|id| {
                let mut toggled = ticked.clone();
                if !toggled.remove(id) {
                    toggled.insert(id.clone());
                }
                choice(Choice {
                    kind: "checkbox",
                    id: input_id(&question.id, id),
                    name: question.id.clone(),
                    label: option_text(options, id),
                    checked: ticked.contains(id),
                    disabled: props.checked,
                    onchange: props
                        .on_answer
                        .reform(move |_: Event| Answer::Choices(toggled.clone())),
                    hint: None,
                    tag: verdict_tag(lang, verdict_of(id), false),
                })
            });
            html! { <div class="sw-checkboxes">{ for items }</div> }
        }
        Body::Sort {
            categories,
            statements,
        } => {
            let sorted = match &props.answer {
                Some(Answer::Sorted(map)) => map.clone(),
                _ => Default::default(),
            };
            let rows = props.item.order.iter().filter_map(|sid| statements.iter().find(|s| &s.id == sid)).map(|statement| {
                let radios = categories.iter().map(|category| {
                    let mut next = sorted.clone();
                    next.insert(statement.id.clone(), category.id.clone());
                    choice(Choice {
                        kind: "radio",
                        id: input_id(&question.id, &format!("{}-{}", statement.id, category.id)),
                        name: format!("{}-{}", question.id, statement.id),
                        label: set_text(lang, &props.set, &category.text),
                        checked: sorted.get(&statement.id) == Some(&category.id),
                        disabled: props.checked,
                        onchange: props.on_answer.reform(move |_: Event| Answer::Sorted(next.clone())),
                        hint: None,
                        tag: html! {},
                    })
                });
                let verdict = verdict_of(&statement.id);
                let right = (verdict == Some(Verdict::ChosenWrong)).then(|| {
                    fill_html(text(lang, Key::QuizRightCategory), "answer", option_text(categories, &statement.answer))
                });
                html! {
                    <fieldset class="sw-fieldset sw-sort-row">
                        <legend class="sw-sort-row__statement">{ set_text(lang, &props.set, &statement.text) }</legend>
                        <div class="sw-radios sw-radios--inline">{ for radios }</div>
                        if props.checked {
                            <p class="sw-sort-row__verdict">{ verdict_tag(lang, verdict, true) }{ for right.map(|r| html! { <span>{ " " }{ r }</span> }) }</p>
                        }
                    </fieldset>
                }
            });
            html! { <div class="sw-sort">{ for rows }</div> }
        }
    }
}
