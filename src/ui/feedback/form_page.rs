//! The frame of every form page: the error summary, the caption and heading, the page's
//! fields, Continue (or Save), Back, and (on a draft under way) Start again with its
//! confirmation.

use yew::prelude::*;

use crate::core::config::HeadingLevel;
use crate::ui::button::send;

use crate::ui::heading::{caption, Heading};

use super::{field_id, problem_key, FeedbackRefs};
use crate::core::feedback::content::domain;
use crate::core::feedback::flow::{Confirm, Edit, FbAction, FeedbackState};
use crate::core::feedback::form::{Field, Page};
use crate::core::lang::Lang;
use crate::core::messages::{text, Key};
use crate::ui::confirm_panel::{confirm_panel, ConfirmPanelProps};
use crate::ui::error_summary::{error_summary, ErrorSummaryProps};

/// What every page of the form is given: the state to show, where focus goes, and how to change
/// the draft (`on_edit`) or act (continue, go back, start again).
pub struct PageProps {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub state: FeedbackState,
    pub refs: FeedbackRefs,
    pub on_edit: Callback<Edit>,
    pub act: Callback<FbAction>,
}

pub struct FormPageProps {
    pub lang: Lang,
    pub level: HeadingLevel,
    pub state: FeedbackState,
    pub refs: FeedbackRefs,
    pub caption: Option<String>,
    pub heading: String,
    pub act: Callback<FbAction>,
    pub children: Html,
}

pub fn form_page(props: &FormPageProps) -> Html {
    let level = props.level;
    let lang = props.lang;
    let state = &props.state;
    let page = state.form.page;
    let errors: Vec<(String, String)> = state
        .errors
        .iter()
        .map(|(field, problem)| {
            let words = text(lang, problem_key(*problem));
            // Several actions can have the same problem: the summary says whose.
            let words = match field {
                Field::Action(i) | Field::ActionBy(i) => {
                    format!("{}: {words}", domain(lang, *i).name)
                }
                // A note on an earlier action: which one.
                Field::FollowUpNote(j) => match state.form.draft.follow_ups.get(*j) {
                    Some(follow_up) => format!("{}: {words}", domain(lang, follow_up.domain).name),
                    None => words.to_owned(),
                },
                _ => words.to_owned(),
            };
            (words, field_id(*field))
        })
        .collect();
    let act = |action: FbAction| send(&props.act, action);
    let (primary, primary_action) = if page == Page::Check {
        (
            Key::FbSave,
            FbAction::Save {
                id: String::new(),
                now: String::new(),
            },
        )
    } else {
        (Key::FbContinue, FbAction::Continue)
    };
    // Save needs a fresh id and time, made when pressed.
    let on_primary = match primary_action {
        FbAction::Save { .. } => props.act.reform(|_: MouseEvent| {
            let now = crate::ui::state::now_iso();
            let id = format!("{now}-{:06}", (js_sys::Math::random() * 1e6) as u32);
            FbAction::Save { id, now }
        }),
        other => act(other),
    };
    html! {
        <form class="sw-form" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            if !errors.is_empty() {
                { error_summary(&ErrorSummaryProps { lang, level, errors, summary_ref: props.refs.error_summary.clone() }) }
            }
            { Heading::new(level, 2).class("sw-fb__heading").focus(&props.refs.heading).show(html! { <>
                if let Some(text) = &props.caption {
                    { caption(text) }
                }
                { &props.heading }
            </> }) }
            { props.children.clone() }
            <div class="sw-button-group">
                <button type="button" class="sw-button" onclick={on_primary}>{ text(lang, primary) }</button>
                if page.previous(&state.form.draft).is_some() || state.form.changing {
                    <button type="button" class="sw-link-button" onclick={act(FbAction::Back)}>{ text(lang, Key::FbBack) }</button>
                }
                // Only where there is something to start again from, and not beside every
                // Continue: on the first page of a draft under way, and on Check your answers.
                if !state.form.is_untouched() && matches!(page, Page::About | Page::Check) {
                    <button type="button" class="sw-link-button" onclick={act(FbAction::AskStartAgain)}
                        ref={props.refs.opener_if(&state.asked, &Confirm::StartAgain)}>{ text(lang, Key::FbStartAgain) }</button>
                }
            </div>
            if state.confirm == Some(Confirm::StartAgain) {
                { confirm_panel(ConfirmPanelProps {
                    level,
                    id: "sw-fb-start-again",
                    question: text(lang, Key::FbStartAgainQuestion).into(),
                    details: Vec::new(),
                    confirm: text(lang, Key::FbStartAgainConfirm),
                    cancel: text(lang, Key::ClearCancel),
                    question_ref: props.refs.confirm.clone(),
                    on_confirm: props.act.reform(|()| FbAction::Confirmed),
                    on_cancel: props.act.reform(|()| FbAction::Cancel),
                    before: Html::default(),
                    form: None,
                }) }
            }
        </form>
    }
}
